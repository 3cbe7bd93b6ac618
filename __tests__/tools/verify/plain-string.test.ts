import { isPlainPolicyString, stringsIn } from '../../../src/tools/verify/plain-string';

describe('isPlainPolicyString', () => {
  it.each([
    'arn:aws:s3:::acme-bucket/app-1/*', 'arn:aws:iam::111111111111:role/keyless/keyless-a', '10.0.0.0/8', 'vpc-0abc',
    'arn:aws:s3:::b/${aws:PrincipalTag/AppId}/*', 's3.amazonaws.com', 'a@b=c,d e',
  ])('GIVEN %s WHEN checked THEN it is plain', (value) => {
    expect(isPlainPolicyString(value)).toBe(true);
  });

  it.each([
    'arn:aws:s3:zz|::b/*', 'arn:aws:s3:x{0}::b/*', 'arn:aws:s3:zz(::b/*', 'arn:aws:s3:+::b', 'arn:aws:s3:::b/ΑΣ*', 'arn:aws:sqs:µ:1:q',
    'arn:aws:s3:::b/$x', 'arn:aws:s3:::b/${aws:x(}', 'a\\b', 'a[b]', 'a^b',
  ])('GIVEN %s WHEN checked THEN it is not plain', (value) => {
    expect(isPlainPolicyString(value)).toBe(false);
  });
});

describe('stringsIn', () => {
  it('GIVEN a statement WHEN its strings are listed THEN keys and values at every depth are there', () => {
    expect(stringsIn({ Sid: 'S', Condition: { StringEquals: { 'aws:x': ['a', 'b'] } }, N: 1 })).toEqual(['Sid', 'S', 'Condition', 'StringEquals', 'aws:x', 'a', 'b', 'N']);
  });
});
