import { ACCOUNTS, app, problems } from '../fixtures';

describe('unknownBucket', () => {
  test('GIVEN an app on a declared bucket WHEN validated THEN no problem (compliance)', () => {
    expect(problems(ACCOUNTS, { a: app('a') })).toEqual([]);
  });

  test('GIVEN a misspelt bucket WHEN validated THEN the closest bucket is suggested', () => {
    expect(problems(ACCOUNTS, { a: app('a').replace('bucket: shared', 'bucket: sharde') })).toEqual([
      'apps/a.yaml:8:13: error: unknown bucket "sharde" (did you mean "shared"?); declare it under "buckets:" in accounts.yaml or use one of: shared',
    ]);
  });

  test('GIVEN two declared buckets and an unknown one WHEN validated THEN both declared buckets are listed', () => {
    expect(problems(`${ACCOUNTS}  archive:\n    account: data\n`, { a: app('a').replace('bucket: shared', 'bucket: nowhere') })).toEqual([
      'apps/a.yaml:8:13: error: unknown bucket "nowhere"; declare it under "buckets:" in accounts.yaml or use one of: shared, archive',
    ]);
  });

  test('GIVEN no bucket declared at all WHEN validated THEN only declaring it is proposed', () => {
    expect(problems(ACCOUNTS.replace('buckets:\n  shared:\n    account: data\n', ''), { a: app('a') })).toEqual([
      'apps/a.yaml:8:13: error: unknown bucket "shared"; declare it under "buckets:" in accounts.yaml',
    ]);
  });
});
