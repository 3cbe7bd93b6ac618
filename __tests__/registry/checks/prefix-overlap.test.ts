import { prefixesOverlap } from '../../../src/registry/prefix';
import { ACCOUNTS, app, problems } from '../fixtures';
import { owner, reader } from '../share-fixtures';

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
      'apps/b.yaml:9:13: error: prefix "uploads/b/" on bucket "shared" overlaps prefix "uploads/" of app "a" (apps/a.yaml:9:13): one app could read or change the other\'s objects; give each app a prefix of its own, or have the owner share it (shareWith on its entry, from on the other\'s)',
    ]);
  });

  test('GIVEN the same prefix declared by two apps WHEN validated THEN it is an overlap', () => {
    expect(problems(ACCOUNTS, { a: withPrefix('a', 'x/'), b: withPrefix('b', 'x/') })).toEqual([
      'apps/b.yaml:9:13: error: prefix "x/" on bucket "shared" overlaps prefix "x/" of app "a" (apps/a.yaml:9:13): one app could read or change the other\'s objects; give each app a prefix of its own, or have the owner share it (shareWith on its entry, from on the other\'s)',
    ]);
  });

  test('GIVEN one app declaring two nested prefixes on one bucket WHEN validated THEN no problem: it only shares with itself (compliance)', () => {
    const twice = withPrefix('a', 'x/').replace(/$/, '  - bucket: shared\n    prefix: x/y/\n    permissions: [read]\n');
    expect(problems(ACCOUNTS, { a: twice })).toEqual([]);
  });

  // Issue 15: with the check reduced to one direction, an inner prefix in the file that loads first slipped through.
  test('GIVEN the inner prefix in the file that loads first WHEN validated THEN the overlap is still found', () => {
    expect(problems(ACCOUNTS, { a: withPrefix('a', 'vendor-sync/inner/'), b: withPrefix('b', 'vendor-sync/') })).toEqual([
      'apps/b.yaml:9:13: error: prefix "vendor-sync/" on bucket "shared" overlaps prefix "vendor-sync/inner/" of app "a" (apps/a.yaml:9:13): ' +
      'one app could read or change the other\'s objects; give each app a prefix of its own, or have the owner share it (shareWith on its entry, from on the other\'s)',
    ]);
  });

  test.each([['x/', 'x/y/'], ['x/y/', 'x/'], ['x/', 'x/'], ['x/', 'xy/'], ['xy/', 'x/']])(
    'GIVEN prefixes %s and %s WHEN compared in both orders THEN prefixesOverlap answers the same', (a, b) => {
      expect(prefixesOverlap(a, b)).toBe(prefixesOverlap(b, a));
      expect(prefixesOverlap(a, b)).toBe(a.startsWith(b) || b.startsWith(a));
    });

  // The check indexes prefixes instead of comparing every pair (issue 13): it must name the same pairs as the pairwise
  // definition, the first earlier app whose prefix overlaps, in every load order of nested and look-alike prefixes.
  test('GIVEN three apps on every combination of nested, equal and look-alike prefixes WHEN validated THEN each overlap names the first earlier app that the pairwise definition names', () => {
    const PREFIXES = ['x/', 'x/y/', 'x/y/z/', 'xy/', 'x//', 'y/x/'];
    const mismatches: string[] = [];
    for (const a of PREFIXES) for (const b of PREFIXES) for (const c of PREFIXES) {
      const chosen = [a, b, c];
      const expected = chosen.flatMap((prefix, i) => {
        const j = chosen.findIndex((other, k) => k < i && prefixesOverlap(other, prefix));
        return j === -1 ? [] : [`${'abc'[i]}->${'abc'[j]}`];
      });
      const found = problems(ACCOUNTS, { a: withPrefix('a', a), b: withPrefix('b', b), c: withPrefix('c', c) })
        .map((line) => line.replace(/^apps\/(\w)\.yaml:.* of app "(\w)".*$/, '$1->$2'));
      if (JSON.stringify(found) !== JSON.stringify(expected)) mismatches.push(`${chosen.join(' ')}: ${found.join(', ')} instead of ${expected.join(', ')}`);
    }
    expect(mismatches).toEqual([]);
  });

  describe('shares', () => {
    const overlapOf = (file: string) => expect.stringMatching(new RegExp(`^apps/${file}\\.yaml:\\d+:\\d+: error: prefix .* overlaps prefix`));

    test.each([
      ['owner first', { ingest: owner(), 'z-reader': reader().replace('id: analytics-etl', 'id: z-reader') }],
      ['reader first', { 'a-reader': reader().replace('id: analytics-etl', 'id: a-reader'), ingest: owner() }],
    ])('GIVEN a declared share, %s WHEN validated THEN the overlap of owner and reader is accepted', (_, apps) => {
      const renamed = Object.fromEntries(Object.entries(apps).map(([file, text]) => [file,
        text.replace('app: analytics-etl', `app: ${Object.keys(apps).find((k) => k !== 'ingest')}`)]));
      expect(problems(ACCOUNTS, renamed)).toEqual([]);
    });

    test.each([
      ['before', 'a-third'],
      ['after', 'z-third'],
    ])('GIVEN a third app whose prefix lies inside the shared one, loaded %s the pair WHEN validated THEN its overlap is refused', (_, third) => {
      const text = app(third).replace(`prefix: ${third}/`, 'prefix: events/2026/');
      expect(problems(ACCOUNTS, { ingest: owner(), 'analytics-etl': reader(), [third]: text })).toEqual([overlapOf(third)]);
    });

    test.each([
      ['owner first', 'b-owner', 'a-reader'],
      ['reader first', 'a-owner', 'b-reader'],
    ])('GIVEN from naming an app that does not own the overlapped prefix, %s WHEN validated THEN the overlap is still refused', (_, other, theReader) => {
      // ingest offers, but the reader's prefix lies in another app's prefix: consent of ingest cannot open it.
      const otherApp = app(other).replace(`prefix: ${other}/`, 'prefix: private/');
      const text = reader({ prefix: 'private/' }).replace('id: analytics-etl', `id: ${theReader}`);
      const offer = `      - app: ${theReader}\n        permissions: [read, list]\n`;
      const found = problems(ACCOUNTS, { [other]: otherApp, ingest: owner(offer), [theReader]: text });
      expect(found).toContainEqual(expect.stringMatching(new RegExp(`error: prefix "private/" on bucket "shared" overlaps prefix "private/" of app "(${other}|${theReader})"`)));
    });

    // An app's entries never conflict with each other, even when one is its own and the other shared with it: the
    // overlap of its own prefix is with the owner of the shared one, and is reported once, naming both apps.
    test('GIVEN an app, loaded first, whose own prefix lies inside a prefix shared with it WHEN validated THEN only the owner\'s entry is reported, never the app against itself', () => {
      const both = reader().replace('id: analytics-etl', 'id: a-reader') + '  - bucket: shared\n    prefix: events/a-reader/\n    permissions: [read]\n';
      const offer = '      - app: a-reader\n        permissions: [read, list]\n';
      expect(problems(ACCOUNTS, { 'a-reader': both, ingest: owner(offer) })).toEqual([
        'apps/ingest.yaml:9:13: error: prefix "events/" on bucket "shared" overlaps prefix "events/a-reader/" of app "a-reader" (apps/a-reader.yaml:13:13): ' +
        'one app could read or change the other\'s objects; give each app a prefix of its own, or have the owner share it (shareWith on its entry, from on the other\'s)',
      ]);
    });
  });
});
