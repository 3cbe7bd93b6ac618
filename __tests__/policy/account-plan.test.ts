import { AccountPlan, organizationPlan, planAccounts, RolePlan } from '../../src/policy/account-plan';
import { consumerTagPolicy } from '../../src/policy/consumer-policy';
import { ACCOUNTS, app, CERT_ACCOUNTS, certificateApp, registryOnDisk, TEST_CA } from '../registry/fixtures';

/** The plans of a registry, by account alias. */
function plansOf(accounts: string, apps: Record<string, string>): Record<string, AccountPlan> {
  return Object.fromEntries(planAccounts(registryOnDisk(accounts, apps)).map((p) => [p.account.alias, p]));
}

/** The app `id` whose consumer is `principal` of account swarm. */
const consumedBy = (id: string, principal: string) => app(id).replace('principal: role/node', `principal: ${principal}`);

describe('planAccounts', () => {
  describe('IAM Roles Anywhere', () => {
    // Files a.yaml, b.yaml, c.yaml: the certificate apps come in the registry as zeta before alpha.
    // Built in each test, not while the file loads: StrykerJS credits load-time code to no test.
    let plans: ReturnType<typeof plansOf>;
    beforeEach(() => {
      plans = plansOf(CERT_ACCOUNTS, { a: certificateApp('zeta'), b: certificateApp('alpha'), c: app('c') });
    });

    test('GIVEN a certificate authority of account data WHEN planned THEN data gets its trust anchor, with its certificate, and swarm none', () => {
      expect(plans.data.trustAnchors).toEqual([{
        ca: 'node-ca',
        name: 'keyless-node-ca',
        certificate: TEST_CA,
        arnPlaceholder: 'arn:aws:rolesanywhere:eu-central-1:111111111111:trust-anchor/keyless-trust-anchor-node-ca________',
      }]);
      expect(plans.swarm.trustAnchors).toEqual([]);
    });

    test('GIVEN certificate and ExternalId apps in data WHEN planned THEN its profile vends the certificate apps\' roles only, sorted, and swarm has no profile', () => {
      expect(plans.data.roles.map((r) => r.appId)).toEqual(['zeta', 'alpha', 'c']);
      expect(plans.data.profile).toEqual({
        name: 'keyless-apps',
        roleArns: ['arn:aws:iam::111111111111:role/keyless/keyless-alpha', 'arn:aws:iam::111111111111:role/keyless/keyless-zeta'],
      });
      expect(plans.swarm).not.toHaveProperty('profile');
    });
  });

  describe('bucket policies', () => {
    const accounts = ACCOUNTS.replace('    account: data\n', '    account: data\n    existingPolicy: adopt\n  moved:\n    account: data\n    region: us-east-1\n');
    let plans: ReturnType<typeof plansOf>;
    beforeEach(() => {
      plans = plansOf(accounts, { a: app('a') });
    });
    const withoutPolicy = (p: AccountPlan) => p.bucketPolicies.map(({ policy, ...rest }) => rest);

    test('GIVEN a bucket in another region than its account WHEN planned THEN its policy names that region; one in the account\'s region names none', () => {
      expect(withoutPolicy(plans.data).map((b) => ['region' in b, b.region])).toEqual([[false, undefined], [true, 'us-east-1']]);
    });

    test('GIVEN existingPolicy: adopt on one bucket WHEN planned THEN that bucket\'s policy is imported first and the other\'s is not', () => {
      expect(withoutPolicy(plans.data)).toStrictEqual([{ bucket: 'shared', adopt: true }, { bucket: 'moved', region: 'us-east-1' }]);
      expect(plans.swarm.bucketPolicies).toEqual([]);
    });
  });

  describe('organization', () => {
    const accounts = `${ACCOUNTS}organization:\n  account: swarm\n  targets: ["ou-ab12-34cd5678"]\n`;
    let plans: ReturnType<typeof plansOf>;
    beforeEach(() => {
      plans = plansOf(accounts, { a: app('a') });
    });

    test('GIVEN organization: in account swarm WHEN planned THEN swarm holds the policies, attached to its targets, and data none', () => {
      expect(plans.swarm.organization?.targets).toEqual(['ou-ab12-34cd5678']);
      expect(plans.swarm.organization?.resourceControlPolicies.flatMap((d) => d.Statement).map((s) => s.Sid)).toContain('DenyInsecureTransportForKeylessBuckets');
      expect(plans.data).not.toHaveProperty('organization');
    });

    test('GIVEN a registry without organization WHEN its organization plan is built THEN it is attached to nothing', () => {
      expect(organizationPlan(registryOnDisk(ACCOUNTS, { a: app('a') })).targets).toEqual([]);
    });
  });

  describe('roles', () => {
    const long = 'x'.repeat(1200);
    let plans: ReturnType<typeof plansOf>;
    beforeEach(() => {
      plans = plansOf(ACCOUNTS, {
        a: `${app('a')}description: Uploads the nightly exports\n`,
        b: app('b'),
        c: `${app('c')}description: ${long}\n`,
      });
    });

    test('GIVEN apps with and without a description WHEN planned THEN each role description names the app and owner, then the description if any', () => {
      const [a, b] = plans.data.roles;
      expect(a.description).toBe('keyless app a (team-a): Uploads the nightly exports');
      expect(b.description).toBe('keyless app b (team-b)');
    });

    test('GIVEN a description longer than IAM takes WHEN planned THEN the role description is cut to 1000 characters', () => {
      const c = plans.data.roles[2].description;
      expect(c).toBe(`keyless app c (team-c): ${long}`.slice(0, 1000));
      expect(c).toHaveLength(1000);
    });
  });

  describe('consumer policies', () => {
    // Registry order: zeta-node's app before alpha-node's.
    let plans: ReturnType<typeof plansOf>;
    beforeEach(() => {
      plans = plansOf(ACCOUNTS, { a: consumedBy('a', 'role/zeta-node'), b: consumedBy('b', 'role/alpha-node'), c: consumedBy('c', 'role/zeta-node') });
    });

    test('GIVEN two consumer roles of swarm WHEN planned THEN swarm gets one policy per principal, sorted by principal, opening exactly its apps\' roles; data gets none', () => {
      expect(plans.swarm.consumers.map((c) => ({
        principal: c.principal.principalArn,
        names: c.policyNames,
        opens: c.policies.flatMap((d) => d.Statement).flatMap((s) => [s.Resource].flat()),
      }))).toEqual([
        { principal: 'arn:aws:iam::222222222222:role/alpha-node', names: ['keyless-consume-role-alpha-node'], opens: ['arn:aws:iam::111111111111:role/keyless/keyless-b'] },
        {
          principal: 'arn:aws:iam::222222222222:role/zeta-node',
          names: ['keyless-consume-role-zeta-node'],
          opens: ['arn:aws:iam::111111111111:role/keyless/keyless-a', 'arn:aws:iam::111111111111:role/keyless/keyless-c'],
        },
      ]);
      expect(plans.data.consumers).toEqual([]);
    });

    test('GIVEN apps of two consumer roles WHEN planned THEN each app role carries the tag its own consumer\'s policy by role tag requires, and no other consumer\'s', () => {
      /** Whether `principal`'s policy by role tag opens `role`: each StringEquals on aws:ResourceTag/<key> holds for the role's tags. */
      const opens = (principal: string, role: RolePlan) => Object.entries(consumerTagPolicy(principal, [role.arn]).Statement[0].Condition!.StringEquals)
        .every(([key, value]) => key.startsWith('aws:ResourceTag/') && role.tags[key.slice('aws:ResourceTag/'.length)] === value);
      const zeta = 'arn:aws:iam::222222222222:role/zeta-node';
      const alpha = 'arn:aws:iam::222222222222:role/alpha-node';

      expect(plans.data.roles.map((r) => [r.appId, opens(zeta, r), opens(alpha, r)])).toEqual([['a', true, false], ['b', false, true], ['c', true, false]]);
    });
  });
});
