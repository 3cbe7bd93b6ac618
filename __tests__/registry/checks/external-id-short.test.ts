import { ACCOUNTS, app, problems } from '../fixtures';

describe('externalIdShort', () => {
  test('GIVEN an ExternalId of 16 characters WHEN validated THEN no warning (compliance)', () => {
    expect(problems(ACCOUNTS, { a: app('a').replace('a-0123456789abcdef', '0123456789abcdef') })).toEqual([]);
  });

  test('GIVEN an ExternalId of 15 characters WHEN validated THEN a warning, not an error', () => {
    expect(problems(ACCOUNTS, { a: app('a').replace('a-0123456789abcdef', '0123456789abcde') })).toEqual([
      'apps/a.yaml:6:13: warning: externalId has only 15 characters; use at least 16 random ones (e.g. from openssl rand -hex 16), since other apps on the same node could guess a short one',
    ]);
  });
});
