import { ACCOUNTS, app, problems } from '../fixtures';

const withPrefix = (id: string, prefix: string | undefined) =>
  app(id).replace(`    prefix: ${id}/\n`, prefix === undefined ? '' : `    prefix: "${prefix}"\n`);

describe('prefixOverlap', () => {
  test('GIVEN sibling prefixes that share leading characters WHEN validated THEN no problem (compliance)', () => {
    expect(problems(ACCOUNTS, { a: withPrefix('a', 'reports'), b: withPrefix('b', 'reports-archive/') })).toEqual([]);
  });

  test('GIVEN the same prefix on two buckets WHEN validated THEN no problem (compliance)', () => {
    const other = ACCOUNTS.replace('buckets:\n', 'buckets:\n  other:\n    account: data\n');
    expect(problems(other, { a: withPrefix('a', 'x/'), b: withPrefix('b', 'x/').replace('bucket: shared', 'bucket: other') })).toEqual([]);
  });

  test('GIVEN a prefix inside another app\'s prefix, the broader one loaded first WHEN validated THEN both apps are named', () => {
    expect(problems(ACCOUNTS, { a: withPrefix('a', 'uploads/'), b: withPrefix('b', 'uploads/b') })).toEqual([
      'apps/b.yaml:9:13: error: prefix "uploads/b/" on bucket "shared" overlaps prefix "uploads/" of app "a" (apps/a.yaml:9:13): one app could read or change the other\'s objects; give each app a prefix of its own',
    ]);
  });

  test('GIVEN a prefix inside another app\'s prefix, the inner one loaded first WHEN validated THEN the overlap is still found', () => {
    // apps/ are loaded in file-name order: "inner" sorts before "outer", so the narrower prefix is claimed first.
    expect(problems(ACCOUNTS, { inner: withPrefix('inner', 'vendor-sync/inner/'), outer: withPrefix('outer', 'vendor-sync/') })).toEqual([
      'apps/outer.yaml:9:13: error: prefix "vendor-sync/" on bucket "shared" overlaps prefix "vendor-sync/inner/" of app "inner" (apps/inner.yaml:9:13): one app could read or change the other\'s objects; give each app a prefix of its own',
    ]);
  });

  test('GIVEN the same prefix declared by two apps WHEN validated THEN it is an overlap', () => {
    expect(problems(ACCOUNTS, { a: withPrefix('a', 'x/'), b: withPrefix('b', 'x/') })).toEqual([
      'apps/b.yaml:9:13: error: prefix "x/" on bucket "shared" overlaps prefix "x/" of app "a" (apps/a.yaml:9:13): one app could read or change the other\'s objects; give each app a prefix of its own',
    ]);
  });

  test('GIVEN one app declaring two nested prefixes on one bucket WHEN validated THEN no problem: it only shares with itself (compliance)', () => {
    const twice = withPrefix('a', 'x/').replace(/$/, '  - bucket: shared\n    prefix: x/y/\n    permissions: [read]\n');
    expect(problems(ACCOUNTS, { a: twice })).toEqual([]);
  });
});
