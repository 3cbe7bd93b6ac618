import { consumerAccessPolicies, consumerPolicies, consumerTagPolicy } from '../../src/policy/consumer-policy';
import { policySize } from '../../src/policy/document';
import { MANAGED_POLICIES_PER_PRINCIPAL, MANAGED_POLICY_MAX_CHARS } from '../../src/policy/limits';
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

const NODE_ROLE = 'arn:aws:iam::222222222222:role/swarm/node';

describe('consumerTagPolicy', () => {
  test('GIVEN roles in two bucket accounts WHEN built THEN one statement allows the session actions on their keyless roles only when tagged with this consumer', () => {
    const roles = [...arns(3), appRoleArn('333333333333', 'other')];

    expect(consumerTagPolicy(NODE_ROLE, roles)).toEqual({
      Version: '2012-10-17',
      Statement: [{
        Sid: 'OpenKeylessAppSessionsByTag', Effect: 'Allow',
        Action: ['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity'],
        Resource: ['arn:aws:iam::111111111111:role/keyless/*', 'arn:aws:iam::333333333333:role/keyless/*'],
        Condition: { StringEquals: { 'aws:ResourceTag/keyless:consumer': NODE_ROLE } },
      }],
    });
  });

  test('GIVEN 10 times more roles WHEN built THEN the policy has the same size', () => {
    expect(policySize(consumerTagPolicy(NODE_ROLE, arns(5000)))).toBe(policySize(consumerTagPolicy(NODE_ROLE, arns(500))));
  });
});

describe('consumerAccessPolicies', () => {
  test('GIVEN roles whose exact ARNs fit the managed policies a principal may hold WHEN built THEN exact ARNs are used', () => {
    const fitting = arns(700);

    expect(consumerPolicies(fitting).length).toBeLessThanOrEqual(MANAGED_POLICIES_PER_PRINCIPAL);
    expect(consumerAccessPolicies(NODE_ROLE, fitting)).toEqual(consumerPolicies(fitting));
  });

  test('GIVEN more roles than exact ARNs can hold WHEN built THEN one policy by role tag is used', () => {
    const many = arns(1400);

    expect(consumerPolicies(many).length).toBeGreaterThan(MANAGED_POLICIES_PER_PRINCIPAL);
    expect(consumerAccessPolicies(NODE_ROLE, many)).toEqual([consumerTagPolicy(NODE_ROLE, many)]);
  });
});
