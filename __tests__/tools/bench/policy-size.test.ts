import { iamPolicySize } from '../../../src/tools/bench/policy-size';

describe('iamPolicySize', () => {
  it('GIVEN a Terraform-escaped policy variable WHEN sized THEN $${ counts as the ${ IAM receives', () => {
    const policy = '{"Resource":"arn:aws:s3:::b/$${aws:PrincipalTag/AppId}/*"}';
    expect(iamPolicySize(policy)).toBe('{"Resource":"arn:aws:s3:::b/${aws:PrincipalTag/AppId}/*"}'.length);
  });

  it('GIVEN a policy with indentation WHEN sized THEN whitespace outside strings does not count', () => {
    expect(iamPolicySize('{\n  "Version": "2012-10-17",\n  "Statement": []\n}')).toBe('{"Version":"2012-10-17","Statement":[]}'.length);
  });

  it('GIVEN spaces inside a string WHEN sized THEN they count', () => {
    expect(iamPolicySize('{"Sid": "a b"}')).toBe('{"Sid":"a b"}'.length);
  });
});
