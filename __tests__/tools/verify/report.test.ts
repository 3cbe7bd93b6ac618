import { formatJson, formatTable } from '../../../src/tools/verify/report';
import { VerifyReport } from '../../../src/tools/verify/types';

const REPORT: VerifyReport = {
  results: [
    { app: 'a', scenario: 'AssumeRole with its ExternalId and AppId tag', expected: 'Allowed', actual: 'Allowed', pass: true, detail: 'ok' },
    { app: 'a', bucket: 'b', scenario: 'read s3://b/a/ over plain HTTP', expected: 'Denied', actual: 'Allowed', pass: false, detail: 's3:GetObject on arn:aws:s3:::b/a/x: Allowed' },
    { bucket: 'b', scenario: 'account root is never locked out: s3:PutBucketPolicy', expected: 'Allowed', actual: 'Denied', pass: false, decidingSid: 'DenyAll' },
    {
      bucket: 'b', scenario: 'an admin of account d outside the registry: s3:GetObject', expected: 'Denied', expectedSid: 'DenyPrincipalsOutsideRegistry',
      actual: 'Denied', pass: false, decidingSid: 'DenyAll', detail: 'expected the Deny statement DenyPrincipalsOutsideRegistry to decide, but it did not deny s3:GetObject',
    },
  ],
  passed: 1,
  failed: 3,
  errors: ['out/stacks/data/cdk.tf.json:3:5: error: aws_s3_bucket_policy.x.policy: unescaped IAM policy variable'],
};

describe('formatTable', () => {
  it('GIVEN a report WHEN printed without colour THEN one table per app and bucket, the expected deciding Sid, failure details, errors and the summary line appear', () => {
    const text = formatTable(REPORT, { colour: false });

    expect(text).not.toMatch(/\u001b\[/);
    expect(text).toMatch(/^app a\n +scenario +expected +actual +deciding Sid\n/);
    expect(text).toContain('\nbucket b\n');
    expect(text).toMatch(/\nFAIL  read s3:\/\/b\/a\/ over plain HTTP +Denied +Allowed\n {6}s3:GetObject on arn:aws:s3:::b\/a\/x: Allowed\n/);
    expect(text).toMatch(/\nFAIL  account root is never locked out: s3:PutBucketPolicy +Allowed +Denied +DenyAll\n/);
    expect(text).toMatch(/\nFAIL  an admin of account d outside the registry: s3:GetObject +Denied by DenyPrincipalsOutsideRegistry +Denied +DenyAll\n {6}expected the Deny statement DenyPrincipalsOutsideRegistry to decide/);
    expect(text).toContain(REPORT.errors[0]);
    expect(text.trimEnd().split('\n').pop()).toBe('1 passed, 3 failed');
  });

  it('GIVEN an error that stopped verify before any scenario (B10: --out /nonexistent) WHEN printed THEN only the error, no 0 passed, 0 failed', () => {
    const stopped: VerifyReport = { results: [], passed: 0, failed: 0, errors: ['/nonexistent: error: no stacks/ directory; run `keyless synth` first'] };

    expect(formatTable(stopped, { colour: false })).toBe('/nonexistent: error: no stacks/ directory; run `keyless synth` first\n');
  });

  it('GIVEN a terminal WHEN printed with colour THEN failures are red and the summary is coloured', () => {
    const text = formatTable(REPORT, { colour: true });

    expect(text).toContain('\u001b[31mFAIL');
    expect(text).toContain('\u001b[31m1 passed, 3 failed\u001b[0m');
  });
});

describe('formatJson', () => {
  it('GIVEN a report WHEN printed as JSON THEN it parses back to the same report', () => {
    expect(JSON.parse(formatJson(REPORT))).toEqual(REPORT);
  });
});
