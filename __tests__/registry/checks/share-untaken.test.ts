import { ACCOUNTS, problems } from '../fixtures';
import { owner, reader, TWO_BUCKETS } from '../share-fixtures';

describe('shareUntaken', () => {
  test('GIVEN an offer that is taken WHEN validated THEN no warning (compliance)', () => {
    expect(problems(ACCOUNTS, { ingest: owner(), 'analytics-etl': reader() })).toEqual([]);
  });

  test('GIVEN an offer nobody takes (one-sided share) WHEN validated THEN a warning on the offer says what the other side must add', () => {
    expect(problems(ACCOUNTS, { ingest: owner(), 'analytics-etl': reader({ from: '', prefix: 'analytics-etl/' }) })).toEqual([
      'apps/ingest.yaml:12:14: warning: offers s3://shared/events/ to "analytics-etl", but apps/analytics-etl.yaml has no access entry with "from: ingest" on it, ' +
      'so nothing is shared; add one there (bucket: shared, prefix: events/, from: ingest), or remove this offer',
    ]);
  });
});

describe('shareUntaken with two offers', () => {
  const second = '  - bucket: shared\n    prefix: raw/\n    permissions: [write]\n    shareWith:\n      - app: analytics-etl\n        permissions: [read]\n';

  test('GIVEN two prefixes offered and one taken WHEN validated THEN only the other offer is flagged', () => {
    expect(problems(ACCOUNTS, { ingest: owner() + second, 'analytics-etl': reader() })).toEqual([
      'apps/ingest.yaml:18:14: warning: offers s3://shared/raw/ to "analytics-etl", but apps/analytics-etl.yaml has no access entry with "from: ingest" on it, ' +
      'so nothing is shared; add one there (bucket: shared, prefix: raw/, from: ingest), or remove this offer',
    ]);
  });

  test('GIVEN a reader entry under none of the owner\'s prefixes WHEN validated THEN only the reader\'s error is reported, not the offers', () => {
    expect(problems(ACCOUNTS, { ingest: owner() + second, 'analytics-etl': reader({ prefix: 'other/' }) })).toEqual([
      expect.stringMatching(/^apps\/analytics-etl\.yaml:9:13: error: app "ingest" \(apps\/ingest\.yaml\) owns no prefix on bucket "shared" that contains "other\/"/),
    ]);
  });
});

describe('shareUntaken on two buckets', () => {
  const archived = '  - bucket: archive\n    prefix: old/\n    permissions: [write]\n    shareWith:\n      - app: analytics-etl\n        permissions: [read, list]\n';

  test('GIVEN offers on two buckets and the reader taking the one on "archive" only WHEN validated THEN the offer on "shared" is flagged: a taken entry counts on its own bucket only', () => {
    const takesArchive = reader({ prefix: 'old/' }).replace('bucket: shared', 'bucket: archive');
    expect(problems(TWO_BUCKETS, { ingest: owner() + archived, 'analytics-etl': takesArchive })).toEqual([
      'apps/ingest.yaml:12:14: warning: offers s3://shared/events/ to "analytics-etl", but apps/analytics-etl.yaml has no access entry with "from: ingest" on it, ' +
      'so nothing is shared; add one there (bucket: shared, prefix: events/, from: ingest), or remove this offer',
    ]);
  });
});
