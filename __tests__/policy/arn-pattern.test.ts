import { matchesPattern } from '../../src/policy/arn-pattern';

describe('matchesPattern', () => {
  test('GIVEN a pattern with regex characters WHEN matched THEN they match only themselves, as in IAM, and * and ? stay wildcards', () => {
    expect(matchesPattern('arn:aws:s3:::logs.example.com/*', 'arn:aws:s3:::logs.example.com/2026/app.log')).toBe(true);
    expect(matchesPattern('arn:aws:s3:::logs.example.com/*', 'arn:aws:s3:::logsXexampleYcom/2026/app.log')).toBe(false);
    expect(matchesPattern('arn:aws:iam::111111111111:role/(team)+x?', 'arn:aws:iam::111111111111:role/(team)+x1')).toBe(true);
    expect(matchesPattern('arn:aws:iam::111111111111:role/(team)+x?', 'arn:aws:iam::111111111111:role/teamteamx1')).toBe(false);
  });
});
