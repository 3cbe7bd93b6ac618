import { consumerPolicies } from '../../src/policy/consumer-policy';
import { policySize } from '../../src/policy/document';
import { MANAGED_POLICY_MAX_CHARS } from '../../src/policy/limits';
import { appRoleArn } from '../../src/policy/naming';

const arns = (n: number) => Array.from({ length: n }, (_, i) => appRoleArn('111111111111', `app-${String(i).padStart(4, '0')}`));

describe('consumerPolicies', () => {
  test('GIVEN a few consumed roles WHEN built THEN one policy allows exactly the session actions on exactly those roles', () => {
    expect(consumerPolicies(arns(2))).toEqual([{
      Version: '2012-10-17',
      Statement: [{
        Sid: 'OpenKeylessAppSessions', Effect: 'Allow',
        Action: ['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity'],
        Resource: ['arn:aws:iam::111111111111:role/keyless/keyless-app-0000', 'arn:aws:iam::111111111111:role/keyless/keyless-app-0001'],
      }],
    }]);
  });

  test('GIVEN 300 consumed roles WHEN built THEN they are split into policies each within the managed policy quota, none lost or repeated', () => {
    const policies = consumerPolicies(arns(300));
    expect(policies.length).toBeGreaterThan(1);
    for (const p of policies) expect(policySize(p)).toBeLessThanOrEqual(MANAGED_POLICY_MAX_CHARS);
    const covered = policies.flatMap((p) => p.Statement.flatMap((s) => [s.Resource].flat()));
    expect(covered.sort()).toEqual(arns(300).sort());
  });
});
