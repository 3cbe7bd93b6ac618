import { ACCOUNTS, problems } from '../fixtures';
import { owner, reader, TWO_BUCKETS } from '../share-fixtures';

describe('shareFrom', () => {
  test('GIVEN the owner offers events/ and the reader takes it WHEN validated THEN no problem (compliance)', () => {
    expect(problems(ACCOUNTS, { ingest: owner(), 'analytics-etl': reader() })).toEqual([]);
  });

  test('GIVEN the reader takes a prefix under the offered one WHEN validated THEN no problem (compliance)', () => {
    expect(problems(ACCOUNTS, { ingest: owner(), 'analytics-etl': reader({ prefix: 'events/2026/', permissions: 'read' }) })).toEqual([]);
  });

  test('GIVEN a from the owner does not offer (one-sided share) WHEN validated THEN the reader\'s line names the owner\'s entry and what to add', () => {
    expect(problems(ACCOUNTS, { ingest: owner(''), 'analytics-etl': reader() })).toEqual([
      'apps/analytics-etl.yaml:10:11: error: "ingest" does not share s3://shared/events/ with "analytics-etl" (apps/ingest.yaml:8:5); ' +
      'a share needs both sides: ask the owners of apps/ingest.yaml to add "shareWith: [{ app: analytics-etl, permissions: [read, list] }]" ' +
      'to that access entry, or remove from and this entry',
    ]);
  });

  test('GIVEN an offer to another app only WHEN the reader takes it THEN it is refused as not shared with this app', () => {
    const toOther = '      - app: other\n        permissions: [read]\n';
    const other = reader({ from: '', prefix: 'other/' }).replace('id: analytics-etl', 'id: other').replace('analytics-etl-0', 'other-0');
    expect(problems(ACCOUNTS, { ingest: owner(toOther), 'analytics-etl': reader(), other })).toEqual([
      expect.stringMatching(/^apps\/analytics-etl\.yaml:10:11: error: "ingest" does not share s3:\/\/shared\/events\/ with "analytics-etl" \(apps\/ingest\.yaml:8:5\)/),
      'apps/ingest.yaml:12:14: warning: offers s3://shared/events/ to "other", but apps/other.yaml has no access entry with "from: ingest" on it, ' +
      'so nothing is shared; add one there (bucket: shared, prefix: events/, from: ingest), or remove this offer',
    ]);
  });

  test('GIVEN a reader asking for more permissions than offered WHEN validated THEN its permissions line names the offer', () => {
    expect(problems(ACCOUNTS, { ingest: owner(), 'analytics-etl': reader({ permissions: 'read, write, list' }) })).toEqual([
      'apps/analytics-etl.yaml:11:18: error: asks for write on s3://shared/events/, but "ingest" shares only read, list with "analytics-etl" ' +
      '(apps/ingest.yaml:12:9); remove write, or ask the owners of apps/ingest.yaml to offer it',
    ]);
  });

  test('GIVEN from naming no app WHEN validated THEN the closest app is suggested (the prefix still overlaps the real owner\'s)', () => {
    expect(problems(ACCOUNTS, { ingest: owner(''), 'analytics-etl': reader({ from: 'ingets' }) })).toContainEqual(
      'apps/analytics-etl.yaml:10:11: error: from names "ingets", which is no app of the registry (did you mean "ingest"?); ' +
      'name the app that owns the prefix and shares it with this app',
    );
  });

  test('GIVEN from naming the app itself WHEN validated THEN it is refused', () => {
    expect(problems(ACCOUNTS, { 'analytics-etl': reader({ from: 'analytics-etl' }) })).toEqual([
      'apps/analytics-etl.yaml:10:11: error: from names this app itself ("analytics-etl"); an app reaches its own prefixes without it: remove from',
    ]);
  });

  test('GIVEN from without a prefix WHEN validated THEN the owner\'s prefix is proposed', () => {
    expect(problems(ACCOUNTS, { ingest: owner(), 'analytics-etl': reader({ prefix: '' }) })).toEqual([
      'apps/analytics-etl.yaml:9:11: error: a shared entry needs the prefix it reads: add "prefix:" with a prefix of app "ingest" (apps/ingest.yaml) ' +
      'on bucket "shared" or one under it, e.g. events/',
    ]);
  });

  test('GIVEN a prefix outside what the owner holds WHEN validated THEN the owner\'s prefixes are listed', () => {
    expect(problems(ACCOUNTS, { ingest: owner(), 'analytics-etl': reader({ prefix: 'other/' }) })).toEqual([
      'apps/analytics-etl.yaml:9:13: error: app "ingest" (apps/ingest.yaml) owns no prefix on bucket "shared" that contains "other/"; ' +
      'use one of its prefixes or a prefix under one: events/',
    ]);
  });

  test('GIVEN an owner with two prefixes on the bucket and a reader prefix under neither WHEN validated THEN both prefixes are listed, comma-separated', () => {
    const twoPrefixes = `${owner()}  - bucket: shared\n    prefix: raw/\n    permissions: [write]\n`;
    expect(problems(ACCOUNTS, { ingest: twoPrefixes, 'analytics-etl': reader({ prefix: 'other/' }) })).toEqual([
      'apps/analytics-etl.yaml:9:13: error: app "ingest" (apps/ingest.yaml) owns no prefix on bucket "shared" that contains "other/"; ' +
      'use one of its prefixes or a prefix under one: events/, raw/',
    ]);
  });

  test('GIVEN a reader prefix wider than the owner\'s WHEN validated THEN it is refused: a share never reaches above the owner\'s prefix', () => {
    expect(problems(ACCOUNTS, { ingest: owner(undefined, 'events/2026/'), 'analytics-etl': reader() })).toEqual([
      'apps/analytics-etl.yaml:9:13: error: app "ingest" (apps/ingest.yaml) owns no prefix on bucket "shared" that contains "events/"; ' +
      'use one of its prefixes or a prefix under one: events/2026/',
    ]);
  });

  test('GIVEN the owner holds old/ on another bucket only WHEN the reader takes old/ on "shared" THEN only the owner\'s prefixes on "shared" count', () => {
    const twoEntries = `${owner()}  - bucket: archive\n    prefix: old/\n    permissions: [write]\n`;
    expect(problems(TWO_BUCKETS, { ingest: twoEntries, 'analytics-etl': reader({ prefix: 'old/' }) })).toEqual([
      'apps/analytics-etl.yaml:9:13: error: app "ingest" (apps/ingest.yaml) owns no prefix on bucket "shared" that contains "old/"; ' +
      'use one of its prefixes or a prefix under one: events/',
    ]);
  });

  test('GIVEN a bucket the owner holds nothing on WHEN the reader takes a prefix there THEN it is told the owner has nothing to share there', () => {
    expect(problems(TWO_BUCKETS, { ingest: owner(''), 'analytics-etl': reader().replace('bucket: shared', 'bucket: archive') })).toEqual([
      'apps/analytics-etl.yaml:9:13: error: app "ingest" (apps/ingest.yaml) has no prefix on bucket "archive" to share; name the bucket and prefix that "ingest" owns',
    ]);
  });

  test('GIVEN a bucket the owner holds nothing on WHEN the reader names no prefix THEN no prefix of the owner is proposed', () => {
    expect(problems(TWO_BUCKETS, { ingest: owner(''), 'analytics-etl': reader({ prefix: '' }).replace('bucket: shared', 'bucket: archive') })).toEqual([
      'apps/analytics-etl.yaml:9:11: error: a shared entry needs the prefix it reads: add "prefix:" with a prefix of app "ingest" (apps/ingest.yaml) on bucket "archive"',
    ]);
  });

  test('GIVEN a reader asking for two permissions beyond the offer WHEN validated THEN both are named, in what to ask and what to remove', () => {
    expect(problems(ACCOUNTS, { ingest: owner(), 'analytics-etl': reader({ permissions: 'read, write, delete' }) })).toEqual([
      'apps/analytics-etl.yaml:11:18: error: asks for write, delete on s3://shared/events/, but "ingest" shares only read, list with "analytics-etl" ' +
      '(apps/ingest.yaml:12:9); remove write, delete, or ask the owners of apps/ingest.yaml to offer it',
    ]);
  });

  test('GIVEN two files declaring the owner\'s id, the first offering WHEN the reader takes it THEN the first one is the owner: only the clash is reported', () => {
    const twin = owner('').replace('externalId: ingest-0', 'externalId: ingest-1');
    expect(problems(ACCOUNTS, { ingest: owner(), 'ingest-copy': twin, 'analytics-etl': reader() })).toEqual([
      'apps/ingest-copy.yaml:1:5: error: app id "ingest" is also declared in apps/ingest.yaml:1:5; the id names the role and the AppId session tag, so give one of the apps another id',
      'apps/ingest.yaml:1:5: error: app id "ingest" is also declared in apps/ingest-copy.yaml:1:5; the id names the role and the AppId session tag, so give one of the apps another id',
    ]);
  });
});
