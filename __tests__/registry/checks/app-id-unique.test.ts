import { ACCOUNTS, app, problems } from '../fixtures';

describe('appIdUnique', () => {
  test('GIVEN two apps with different ids WHEN validated THEN no problem (compliance)', () => {
    expect(problems(ACCOUNTS, { a: app('a'), b: app('b') })).toEqual([]);
  });

  test('GIVEN the same id in two files WHEN validated THEN the later file is located and the earlier one named', () => {
    const twin = app('b').replace('id: b', 'id: a');
    expect(problems(ACCOUNTS, { a: app('a'), b: twin })).toEqual([
      'apps/b.yaml:1:5: error: app id "a" is already declared in apps/a.yaml:1:5; the id names the role and the AppId session tag, so give one of the two apps another id',
    ]);
  });
});
