import { consumerAccessPolicies, consumerPolicies, consumerTagPolicy, opensByTag } from '../../src/policy/consumer-policy';
import { policy, policySize } from '../../src/policy/document';
import { MANAGED_POLICIES_PER_PRINCIPAL } from '../../src/policy/limits';
import { appRoleArn } from '../../src/policy/naming';

/** The IAM quota on one customer managed policy (IAM quotas page): literal, so a wrong constant fails the test too. */
const IAM_MANAGED_POLICY_QUOTA = 6144;
/** Characters of a policy as IAM counts them, measured here without src/policy's policySize. */
const chars = (doc: object) => JSON.stringify(doc).length;

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

  test('GIVEN roles out of order and one twice WHEN built THEN the policy names each once, sorted, so it does not change with registry order', () => {
    const [a, b, c] = arns(3);
    expect(consumerPolicies([c, a, b, a]).map((p) => p.Statement[0].Resource)).toEqual([[a, b, c]]);
  });

  test('GIVEN no consumed role WHEN built THEN no policy at all, not one with an empty Resource', () => {
    expect(consumerPolicies([])).toEqual([]);
  });

  test('GIVEN 300 consumed roles WHEN built THEN they are split into policies each within the managed policy quota, none lost or repeated', () => {
    const policies = consumerPolicies(arns(300));
    expect(policies.length).toBeGreaterThan(1);
    for (const p of policies) expect(chars(p)).toBeLessThanOrEqual(IAM_MANAGED_POLICY_QUOTA);
    const covered = policies.flatMap((p) => p.Statement.flatMap((s) => [s.Resource].flat()));
    expect(covered.sort()).toEqual(arns(300).sort());
  });

  test('GIVEN 300 consumed roles WHEN split THEN each policy but the last is full: the next role would not have fitted', () => {
    const policies = consumerPolicies(arns(300));
    const resources = policies.map((p) => [p.Statement[0].Resource].flat() as string[]);
    // A role ARN adds itself, two quotes and a comma to a policy.
    resources.slice(1).forEach((next, i) => expect(chars(policies[i]) + next[0].length + 3).toBeGreaterThan(IAM_MANAGED_POLICY_QUOTA));
  });

  describe('at exactly the managed policy quota', () => {
    /** Two role ARNs whose one policy is `size` characters: the second one's name is padded. */
    function arnsOfPolicySize(size: number): string[] {
      const [first, second] = arns(2);
      const padding = size - chars(consumerPolicies([first, second])[0]);
      return [first, `${second}${'x'.repeat(padding)}`];
    }

    test('GIVEN roles that fill exactly 6144 characters WHEN built THEN they stay in one policy', () => {
      const policies = consumerPolicies(arnsOfPolicySize(6144));
      expect(policies).toHaveLength(1);
      expect(chars(policies[0])).toBe(6144);
    });

    test('GIVEN roles that would need 6145 characters WHEN built THEN the last one moves into a second policy', () => {
      const roles = arnsOfPolicySize(6145);
      expect(consumerPolicies(roles).map((p) => p.Statement[0].Resource)).toEqual([[roles[0]], [roles[1]]]);
    });
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

  test('GIVEN roles of the later account first WHEN built THEN the accounts\' role paths are sorted, so the policy does not change with registry order', () => {
    const roles = [appRoleArn('333333333333', 'other'), ...arns(2)];
    expect(consumerTagPolicy(NODE_ROLE, roles).Statement[0].Resource).toEqual(['arn:aws:iam::111111111111:role/keyless/*', 'arn:aws:iam::333333333333:role/keyless/*']);
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

  test('GIVEN roles that fill exactly 10 managed policies WHEN built THEN exact ARNs are still used; one role more THEN one policy by role tag', () => {
    const perPolicy = [consumerPolicies(arns(300))[0].Statement[0].Resource].flat().length;
    const filling = arns(perPolicy * 10);

    expect(consumerPolicies(filling)).toHaveLength(10);
    expect(consumerAccessPolicies(NODE_ROLE, filling)).toEqual(consumerPolicies(filling));
    const oneMore = arns(perPolicy * 10 + 1);
    expect(consumerAccessPolicies(NODE_ROLE, oneMore)).toEqual([consumerTagPolicy(NODE_ROLE, oneMore)]);
  });

  test('GIVEN more roles than exact ARNs can hold WHEN built THEN one policy by role tag is used', () => {
    const many = arns(1400);

    expect(consumerPolicies(many).length).toBeGreaterThan(MANAGED_POLICIES_PER_PRINCIPAL);
    expect(consumerAccessPolicies(NODE_ROLE, many)).toEqual([consumerTagPolicy(NODE_ROLE, many)]);
  });
});

describe('opensByTag', () => {
  test('GIVEN a policy by role tag, one of exact ARNs, and a document holding the tag statement among others WHEN asked THEN only those with the tag statement open by tag', () => {
    const byTag = consumerTagPolicy(NODE_ROLE, arns(2));
    const exact = consumerPolicies(arns(2))[0];

    expect(opensByTag(byTag)).toBe(true);
    expect(opensByTag(exact)).toBe(false);
    expect(opensByTag(policy(...exact.Statement, ...byTag.Statement))).toBe(true);
  });
});
