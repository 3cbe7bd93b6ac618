import { planAccounts } from '../../src/policy/account-plan';
import { validateRegistry } from '../../src/registry/validate';
import { ACCOUNTS, app, problems } from '../registry/fixtures';

/**
 * The "Roles per account" quota at the scale AWS states it (1000 by default), and a consumer of 1200 app roles.
 * Seconds each on two cores, so StrykerJS leaves them out (jest.stryker.config.js); quotas.test.ts pins the same
 * code on a plan of three roles.
 */

/** `count` apps named app-0001… on `bucket`, all consumed by role/node of swarm. */
function manyApps(count: number, bucket = 'shared', from = 1): Record<string, string> {
  return Object.fromEntries(Array.from({ length: count }, (_, i) => {
    const id = `app-${String(from + i).padStart(4, '0')}`;
    return [id, app(id).replace('bucket: shared', `bucket: ${bucket}`)];
  }));
}

describe('quotaDiagnostics at scale', () => {
  test('GIVEN 1001 apps on one account WHEN validated THEN the quota "Roles per account" is named with how to raise it', () => {
    expect(problems(ACCOUNTS, manyApps(1001))).toEqual([
      'accounts.yaml:2:3: error: account "data" would hold 1001 app roles, over its IAM quota "Roles per account" of 1000 (its other roles count too); ' +
      'request a higher "Roles per account" quota (up to 5000) in Service Quotas, service AWS Identity and Access Management (IAM), then set roleQuota: <new quota> on this account',
    ]);
  });

  test('GIVEN 1001 apps on an account whose roleQuota is raised WHEN validated THEN they fit', () => {
    const raised = ACCOUNTS.replace('    deployRole: arn:aws:iam::111111111111:role/terraform\n  swarm:', '    deployRole: arn:aws:iam::111111111111:role/terraform\n    roleQuota: 1500\n  swarm:');
    expect(problems(raised, manyApps(1001))).toEqual([]);
  });

  test('GIVEN 1000 apps on one account WHEN validated THEN they fit the default quota', () => {
    expect(problems(ACCOUNTS, manyApps(1000))).toEqual([]);
  });

  test('GIVEN one node role consuming 1200 app roles in two accounts WHEN validated and planned THEN it fits: one consumer policy by role tag instead of 11-13 of exact ARNs', () => {
    const twoAccounts = `${ACCOUNTS.replace('  swarm:', '  data2:\n    id: "333333333333"\n    region: eu-central-1\n    deployRole: arn:aws:iam::333333333333:role/terraform\n  swarm:')}  shared2:\n    account: data2\n`;
    const apps = { ...manyApps(600), ...manyApps(600, 'shared2', 601) };

    expect(problems(twoAccounts, apps)).toEqual([
      'apps/app-0001.yaml:1:5: warning: consumer arn:aws:iam::222222222222:role/node (account "swarm") opens its 1200 app roles by the role tag keyless:consumer, ' +
      'since their exact ARNs would need more than 10 managed policies: whoever can tag keyless roles can point more roles at it; declare organization: in accounts.yaml, whose SCP lets only the deploy role tag them',
    ]);
    expect(problems(`${twoAccounts}organization:\n  account: swarm\n  targets: ["ou-ab12-34cd5678"]\n`, apps)).toEqual([]);
    const { registry } = validateRegistry('/r', { accounts: { file: 'accounts.yaml', text: twoAccounts }, apps: Object.entries(apps).map(([name, text]) => ({ file: `apps/${name}.yaml`, text })), diagnostics: [] }, {});
    const swarm = planAccounts(registry!).find((p) => p.account.alias === 'swarm')!;
    expect(swarm.consumers.map((c) => c.policies.map((p) => p.Statement.map((s) => s.Sid)))).toEqual([[['OpenKeylessAppSessionsByTag']]]);
  });
});
