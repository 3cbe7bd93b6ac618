import { sliceForResource } from '../../../src/tools/verify/resource-slice';

const ROLE_A = 'arn:aws:iam::111111111111:role/keyless/keyless-a';
const ROLE_B = 'arn:aws:iam::111111111111:role/keyless/keyless-b';
const ROLE_C = 'arn:aws:iam::111111111111:role/keyless/keyless-c';

function consumerPolicy(resource: unknown, extra: Record<string, unknown> = {}) {
  return { Version: '2012-10-17', Statement: [{ Sid: 'Open', Effect: 'Allow', Action: 'sts:AssumeRole', Resource: resource, ...extra }] };
}

describe('sliceForResource', () => {
  it('GIVEN a list of exact role ARNs WHEN sliced for one of them THEN only that ARN is left, in the same statement', () => {
    const sliced = sliceForResource(consumerPolicy([ROLE_A, ROLE_B, ROLE_C]), ROLE_B);

    expect(sliced).toEqual(consumerPolicy([ROLE_B]));
  });

  it('GIVEN an ARN that differs only in case WHEN sliced THEN it is kept, since the simulator may match it', () => {
    const upper = ROLE_B.toUpperCase();

    expect(sliceForResource(consumerPolicy([ROLE_A, upper]), ROLE_B)).toEqual(consumerPolicy([upper]));
  });

  it('GIVEN wildcards, policy variables and short ARNs WHEN sliced THEN they are kept: each may match', () => {
    const mayMatch = ['arn:aws:iam::111111111111:role/keyless/*', 'arn:aws:iam::111111111111:role/keyless/keyless-?', 'arn:aws:iam::111111111111:role/${aws:username}', 'arn:aws:iam::*', '*'];

    expect(sliceForResource(consumerPolicy([ROLE_A, ...mayMatch]), ROLE_C)).toEqual(consumerPolicy(mayMatch));
  });

  it('GIVEN no entry that can match WHEN sliced THEN the statement keeps its first entry, so it stays valid and still does not match', () => {
    expect(sliceForResource(consumerPolicy([ROLE_A, ROLE_B]), ROLE_C)).toEqual(consumerPolicy([ROLE_A]));
  });

  it('GIVEN NotResource, a single Resource or a wildcard request WHEN sliced THEN the policy is returned as it is', () => {
    const notResource = { Version: '2012-10-17', Statement: [{ Effect: 'Deny', Action: '*', NotResource: [ROLE_A, ROLE_B] }] };
    const single = consumerPolicy(ROLE_A);
    const list = consumerPolicy([ROLE_A, ROLE_B]);

    expect(sliceForResource(notResource, ROLE_C)).toBe(notResource);
    expect(sliceForResource(single, ROLE_C)).toBe(single);
    expect(sliceForResource(list, 'arn:aws:iam::111111111111:role/keyless/*')).toBe(list);
  });

  it('GIVEN several statements WHEN sliced THEN each keeps its position and its other elements', () => {
    const doc = {
      Version: '2012-10-17',
      Statement: [
        { Sid: 'First', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' },
        { Sid: 'Second', Effect: 'Allow', Action: ['sts:AssumeRole'], Resource: [ROLE_A, ROLE_B], Condition: { StringEquals: { 'aws:PrincipalTag/x': 'y' } } },
      ],
    };

    const sliced = sliceForResource(doc, ROLE_A) as typeof doc;

    expect(sliced.Statement[0]).toBe(doc.Statement[0]);
    expect(sliced.Statement[1]).toEqual({ ...doc.Statement[1], Resource: [ROLE_A] });
  });
});
