import {
  bucketPolicySize,
  managedPoliciesPerPrincipal,
  managedPolicySize,
  quotaFigures,
  roleInlinePoliciesSize,
  roleNameLength,
  rolesPerAccount,
  trustPolicySize,
} from '../../../src/tools/bench/quota-figures';
import { SynthesizedStack } from '../../../src/tools/synth-output';

const doc = (padding: number) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: 'x'.repeat(padding) }] });
const size = (padding: number) => doc(padding).length;

const data: SynthesizedStack = {
  alias: 'data',
  json: {
    resource: {
      aws_iam_role: {
        small: { name: 'keyless-a', assume_role_policy: doc(10) },
        large: { name: 'keyless-longer-name', assume_role_policy: doc(300) },
      },
      aws_iam_role_policy: {
        a1: { role: '${aws_iam_role.small.name}', policy: doc(100) },
        a2: { role: '${aws_iam_role.small.name}', policy: doc(200) },
        b1: { role: '${aws_iam_role.large.name}', policy: doc(250) },
      },
      aws_s3_bucket_policy: { guard: { bucket: 'b', policy: doc(50).replace('xxx', '$${') } },
    },
  },
};
const swarm: SynthesizedStack = {
  alias: 'swarm',
  json: {
    resource: {
      aws_iam_role: { other: { name: 'keyless-b', assume_role_policy: doc(20) } },
      aws_iam_policy: { p1: { policy: doc(40) }, p2: { policy: doc(70) }, p3: { policy: doc(5) } },
      aws_iam_role_policy_attachment: {
        n1: { role: 'node', policy_arn: 'p1' },
        n2: { role: 'node', policy_arn: 'p2' },
        m1: { role: 'other-node', policy_arn: 'p3' },
      },
      aws_iam_user_policy_attachment: { u1: { user: 'node', policy_arn: 'p3' } },
    },
  },
};
const stacks = [data, swarm];

describe('quota figures of a synthesized output', () => {
  it('GIVEN roles in two stacks WHEN measuring trust policies THEN the largest is reported with where it is', () => {
    expect(trustPolicySize(stacks)).toEqual({ value: size(300), quota: 2048, measured: 3, where: 'data/large' });
  });

  it('GIVEN a role with two inline policies WHEN measuring THEN their sizes are summed per role', () => {
    expect(roleInlinePoliciesSize(stacks)).toEqual({ value: size(100) + size(200), quota: 10240, measured: 2, where: 'data/${aws_iam_role.small.name}' });
  });

  it('GIVEN an escaped policy variable in a bucket policy WHEN measuring THEN it is sized as IAM receives it', () => {
    expect(bucketPolicySize(stacks)).toMatchObject({ value: size(50) - 1, quota: 20480, measured: 1 });
  });

  it('GIVEN managed policies WHEN measuring THEN the largest one is reported', () => {
    expect(managedPolicySize(stacks)).toMatchObject({ value: size(70), quota: 6144, measured: 3, where: 'swarm/p2' });
  });

  it('GIVEN a role and a user of the same name WHEN counting attachments THEN each principal is counted on its own', () => {
    expect(managedPoliciesPerPrincipal(stacks)).toEqual({ value: 2, quota: 10, measured: 3, where: 'swarm/role/node' });
  });

  it('GIVEN two stacks with roles WHEN counting roles THEN the busiest account is reported', () => {
    expect(rolesPerAccount(stacks)).toEqual({ value: 2, quota: 1000, measured: 2, where: 'data' });
  });

  it('GIVEN the busier account declaring a raised quota WHEN counting roles THEN each account is held to its own quota and the nearest to it is reported', () => {
    expect(rolesPerAccount(stacks, new Map([['data', 5000]]))).toEqual({ value: 1, quota: 1000, measured: 2, where: 'swarm' });
    expect(quotaFigures(stacks, new Map([['data', 5000], ['swarm', 5000]])).rolesPerAccount).toEqual({ value: 2, quota: 5000, measured: 2, where: 'data' });
  });

  it('GIVEN role names WHEN measuring THEN the longest is reported', () => {
    expect(roleNameLength(stacks)).toMatchObject({ value: 'keyless-longer-name'.length, quota: 64 });
  });

  it('GIVEN no resources of a kind WHEN measuring THEN nothing is measured, rather than a size of 0 passing as a result', () => {
    expect(quotaFigures([{ alias: 'empty', json: {} }]).bucketPolicy).toEqual({ value: 0, quota: 20480, measured: 0, where: undefined });
  });

  it('GIVEN a role without a trust policy WHEN measuring THEN it fails instead of counting 0', () => {
    const broken: SynthesizedStack = { alias: 'x', json: { resource: { aws_iam_role: { r: { name: 'n' } } } } };
    expect(() => trustPolicySize([broken])).toThrow('x/r has no string "assume_role_policy"');
  });
});
