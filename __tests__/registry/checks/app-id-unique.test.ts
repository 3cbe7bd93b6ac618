import { ACCOUNTS, app, problems } from '../fixtures';

describe('appIdUnique', () => {
  test('GIVEN two apps with different ids WHEN validated THEN no problem (compliance)', () => {
    expect(problems(ACCOUNTS, { a: app('a'), b: app('b') })).toEqual([]);
  });

  test('GIVEN the same id in two files WHEN validated THEN each file is located and names the other, so the added one is annotated too', () => {
    const twin = app('b').replace('id: b', 'id: a');
    expect(problems(ACCOUNTS, { a: app('a'), b: twin })).toEqual([
      'apps/a.yaml:1:5: error: app id "a" is also declared in apps/b.yaml:1:5; the id names the role and the AppId session tag, so give one of the apps another id',
      'apps/b.yaml:1:5: error: app id "a" is also declared in apps/a.yaml:1:5; the id names the role and the AppId session tag, so give one of the apps another id',
    ]);
  });

  test('GIVEN a pull request adding an app whose file sorts first, with an id in use WHEN validated THEN the added file carries an error', () => {
    const added = app('b').replace('id: b', 'id: zeta');
    const lines = problems(ACCOUNTS, { aaa: added, zeta: app('zeta') });
    expect(lines.filter((l) => l.startsWith('apps/aaa.yaml:1:5: error: app id "zeta"'))).toHaveLength(1);
  });

  test('GIVEN the same id in three files WHEN validated THEN each file names both others', () => {
    const as = (id: string) => app(id).replace(`id: ${id}`, 'id: a');
    expect(problems(ACCOUNTS, { a: app('a'), b: as('b'), c: as('c') })).toEqual([
      'apps/a.yaml:1:5: error: app id "a" is also declared in apps/b.yaml:1:5, apps/c.yaml:1:5; the id names the role and the AppId session tag, so give one of the apps another id',
      'apps/b.yaml:1:5: error: app id "a" is also declared in apps/a.yaml:1:5, apps/c.yaml:1:5; the id names the role and the AppId session tag, so give one of the apps another id',
      'apps/c.yaml:1:5: error: app id "a" is also declared in apps/a.yaml:1:5, apps/b.yaml:1:5; the id names the role and the AppId session tag, so give one of the apps another id',
    ]);
  });
});
