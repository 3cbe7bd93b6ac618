import { renderTemplate } from '../../../src/tools/verify/terraform-template';

const lookup = (expression: string) => ({ 'aws_iam_role.r.arn': 'arn:aws:iam::111111111111:role/r' } as Record<string, string>)[expression];

describe('renderTemplate', () => {
  it('GIVEN an escaped IAM policy variable WHEN rendered THEN AWS receives the variable itself', () => {
    expect(renderTemplate('role/keyless-$${aws:PrincipalTag/AppId}', lookup)).toEqual({ value: 'role/keyless-${aws:PrincipalTag/AppId}', errors: [] });
  });

  it('GIVEN an escaped template directive WHEN rendered THEN it stays literal', () => {
    expect(renderTemplate('100%%{x}', lookup)).toEqual({ value: '100%{x}', errors: [] });
  });

  it('GIVEN a reference with a stand-in WHEN rendered THEN the stand-in replaces it', () => {
    expect(renderTemplate('{"AWS":"${aws_iam_role.r.arn}"}', lookup)).toEqual({ value: '{"AWS":"arn:aws:iam::111111111111:role/r"}', errors: [] });
  });

  it('GIVEN an unescaped IAM policy variable WHEN rendered THEN the error says how to escape it', () => {
    const { errors } = renderTemplate('keyless-${aws:PrincipalTag/AppId}', lookup);

    expect(errors).toEqual(['unescaped IAM policy variable "${aws:PrincipalTag/AppId}" is a Terraform interpolation; write it as "$${aws:PrincipalTag/AppId}"']);
  });

  it('GIVEN a reference verify has no stand-in for WHEN rendered THEN the error names what it resolves', () => {
    const { errors } = renderTemplate('${aws_s3_bucket.b.arn}/*', lookup);

    expect(errors).toEqual([expect.stringMatching(/^unresolvable Terraform reference "\$\{aws_s3_bucket\.b\.arn\}"; verify resolves aws_iam_role/)]);
  });

  it('GIVEN a template directive and an unterminated interpolation WHEN rendered THEN each is an error', () => {
    const { errors } = renderTemplate('%{ if true }x%{ endif } ${aws_iam_role.r.arn', lookup);

    expect(errors).toHaveLength(3);
    expect(errors[0]).toMatch(/^Terraform template directive "%\{if true\}" cannot be evaluated offline/);
    expect(errors[2]).toMatch(/^unresolvable Terraform reference "\$\{aws_iam_role\.r\.arn\}"/);
  });
});
