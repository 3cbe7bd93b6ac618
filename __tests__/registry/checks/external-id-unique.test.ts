import { ACCOUNTS, app, problems } from '../fixtures';

describe('externalIdUnique', () => {
  test('GIVEN two apps with their own ExternalIds WHEN validated THEN no problem (compliance)', () => {
    expect(problems(ACCOUNTS, { a: app('a'), b: app('b') })).toEqual([]);
  });

  test('GIVEN two apps with one ExternalId WHEN validated THEN the later is located, the earlier named, the value not printed', () => {
    const b = app('b').replace('b-0123456789abcdef', 'a-0123456789abcdef');
    expect(problems(ACCOUNTS, { a: app('a'), b })).toEqual([
      'apps/b.yaml:6:13: error: externalId is the same as that of app "a" (apps/a.yaml:6:13); on a shared node the ExternalId is what tells apps apart, so give each app its own',
    ]);
  });

  test('GIVEN a literal ExternalId and an env ExternalId with the same value WHEN validated THEN they are found equal', () => {
    const b = app('b').replace('externalId: b-0123456789abcdef', 'externalId: { env: B_ID }');
    expect(problems(ACCOUNTS, { a: app('a'), b }, { B_ID: 'a-0123456789abcdef' })).toEqual([
      'apps/b.yaml:6:13: error: externalId is the same as that of app "a" (apps/a.yaml:6:13); on a shared node the ExternalId is what tells apps apart, so give each app its own',
    ]);
  });
});
