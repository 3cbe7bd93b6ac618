import { ACCOUNTS, problems } from '../fixtures';
import { owner, reader } from '../share-fixtures';

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
