import { ACCOUNTS, problems } from '../fixtures';

const DEPLOY = '    deployRole: arn:aws:iam::111111111111:role/terraform\n';
const withLines = (lines: string) => ACCOUNTS.replace(DEPLOY, `${DEPLOY}${lines}`);

describe('ciRoleDistinct', () => {
  test('GIVEN a deploy role, another plan role and other breakGlass roles WHEN validated THEN no problem (compliance)', () => {
    expect(problems(withLines('    planRole: arn:aws:iam::111111111111:role/terraform-plan\n    breakGlass: [arn:aws:iam::111111111111:role/admin-*]\n'), {})).toEqual([]);
  });

  test('GIVEN the deploy role listed in breakGlass WHEN validated THEN the entry is an error saying it would be locked out', () => {
    expect(problems(withLines('    breakGlass: [arn:aws:iam::111111111111:role/admin, arn:aws:iam::111111111111:role/terraform]\n'), {})).toEqual([
      'accounts.yaml:6:56: error: breakGlass entry is the deployRole arn:aws:iam::111111111111:role/terraform, which exclusive buckets limit to their bucket policy, so it would be locked out of them as breakGlass; list a separate administrator role in breakGlass, or narrow the pattern',
    ]);
  });

  test('GIVEN a breakGlass pattern matching the deploy role WHEN validated THEN the pattern is an error', () => {
    expect(problems(withLines('    breakGlass: [arn:aws:iam::111111111111:role/terra*]\n'), {})).toEqual([
      'accounts.yaml:6:18: error: breakGlass entry matches the deployRole arn:aws:iam::111111111111:role/terraform, which exclusive buckets limit to their bucket policy, so it would be locked out of them as breakGlass; list a separate administrator role in breakGlass, or narrow the pattern',
    ]);
  });

  test('GIVEN a planRole equal to the deployRole WHEN validated THEN planRole is an error', () => {
    expect(problems(withLines('    planRole: arn:aws:iam::111111111111:role/terraform\n'), {})).toEqual([
      'accounts.yaml:6:15: error: planRole is the deployRole arn:aws:iam::111111111111:role/terraform: exclusive buckets let the plan role only read their bucket policy, so the deploy role could no longer apply it; use a separate read-only role for pull-request plans, or remove planRole',
    ]);
  });
});
