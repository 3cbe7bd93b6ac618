import { planAccounts } from '../../src/policy/account-plan';
import { policy } from '../../src/policy/document';
import { quotaDiagnostics } from '../../src/policy/quotas';
import { formatDiagnostic } from '../../src/registry/diagnostics';
import { validateRegistry } from '../../src/registry/validate';
import { ACCOUNTS, app, problems } from '../registry/fixtures';

/** `count` apps named app-0001… on `bucket`, all consumed by role/node of swarm. */
function manyApps(count: number, bucket = 'shared', from = 1): Record<string, string> {
  return Object.fromEntries(Array.from({ length: count }, (_, i) => {
    const id = `app-${String(from + i).padStart(4, '0')}`;
    return [id, app(id).replace('bucket: shared', `bucket: ${bucket}`)];
  }));
}

describe('quotaDiagnostics', () => {
  test('GIVEN the fixture registry WHEN validated THEN every generated resource is within its quota (compliance)', () => {
    expect(problems(ACCOUNTS, { a: app('a') })).toEqual([]);
  });

  test('GIVEN the longest ExternalId and SourceIdentity WHEN validated THEN the trust policy is over 2048 characters, role named', () => {
    const a = `${app('a').replace('a-0123456789abcdef', 'x'.repeat(1224))}sourceIdentity: ${'s'.repeat(64)}\n`;
    expect(problems(ACCOUNTS, { a })).toEqual([
      'apps/a.yaml:1:5: error: trust policy of role keyless-a (account "data") has 2097 characters, over the IAM quota of 2048; shorten externalId, sourceIdentity or the consumer principal\'s path',
    ]);
  });

  test('GIVEN an app with 80 access entries WHEN validated THEN its inline policy is over 10240 characters', () => {
    const entries = Array.from({ length: 80 }, (_, i) => `  - bucket: shared\n    prefix: a/part-${i}/\n    permissions: [read, write, list]\n`).join('');
    const a = app('a').replace(/access:\n[\s\S]*$/, `access:\n${entries}`);
    expect(problems(ACCOUNTS, { a })).toEqual([
      expect.stringMatching(/^apps\/a\.yaml:1:5: error: inline permissions policy of role keyless-a \(account "data"\) has \d{5} characters, over the IAM quota of 10240 per role; declare fewer access entries or secrets, or split the app in two$/),
    ]);
  });

  test('GIVEN an app id of 57 characters WHEN validated THEN the role name is over 64 characters and the longest id is given', () => {
    const id = 'a'.repeat(57);
    expect(problems(ACCOUNTS, { a: app(id) })).toEqual([
      `apps/a.yaml:1:5: error: role name keyless-${id} has 65 characters, over the IAM limit of 64; shorten the app id to at most 56 characters`,
    ]);
    expect(problems(ACCOUNTS, { a: app('a'.repeat(56)) })).toEqual([]);
  });

  test('GIVEN an app file name with characters IAM tags refuse WHEN validated THEN the registry-file tag is reported', () => {
    expect(problems(ACCOUNTS, { 'a(1)': app('a') })).toEqual([
      'apps/a(1).yaml:1:5: error: tag keyless:registry-file="apps/a(1).yaml" of role keyless-a (account "data") is not a valid IAM tag value (at most 256 letters, digits, spaces and _.:/=+-@); rename what it comes from',
    ]);
  });

  test('GIVEN a bucket allowing 1000 VPC endpoints WHEN validated THEN its policy is over 20 KB, bucket named in accounts.yaml', () => {
    const endpoints = Array.from({ length: 1000 }, (_, i) => `vpce-${i.toString(16).padStart(17, '0')}`);
    const accounts = ACCOUNTS.replace('    account: data\n', `    account: data\n    network:\n      sourceVpce: [${endpoints.join(', ')}]\n`);
    expect(problems(accounts, {})).toEqual([
      expect.stringMatching(/^accounts\.yaml:10:3: error: bucket policy of "shared" \(account "data"\) has \d{5} characters, over the S3 limit of 20480 \(20 KB\); shorten the account's breakGlass list or the bucket's network lists$/),
    ]);
  });

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

    expect(problems(twoAccounts, apps)).toEqual([]);
    const { registry } = validateRegistry('/r', { accounts: { file: 'accounts.yaml', text: twoAccounts }, apps: Object.entries(apps).map(([name, text]) => ({ file: `apps/${name}.yaml`, text })), diagnostics: [] }, {});
    const swarm = planAccounts(registry!).find((p) => p.account.alias === 'swarm')!;
    expect(swarm.consumers.map((c) => c.policies.map((p) => p.Statement.map((s) => s.Sid)))).toEqual([[['OpenKeylessAppSessionsByTag']]]);
  });

  describe('guards the generator itself', () => {
    const { registry } = validateRegistry('/r', { accounts: { file: 'accounts.yaml', text: ACCOUNTS }, apps: [{ file: 'apps/a.yaml', text: app('a') }], diagnostics: [] }, {});
    const [data, swarm] = planAccounts(registry!);

    test('GIVEN a role path that breaks the IAM path rules WHEN checked THEN the rules are stated', () => {
      const broken = { ...data, roles: [{ ...data.roles[0], path: 'keyless' }] };
      expect(quotaDiagnostics(registry!, [broken]).map(formatDiagnostic)).toEqual([
        'apps/a.yaml:1:5: error: path keyless of role keyless-a (account "data") breaks the IAM path rules: it must start and end with "/", use printable ASCII and have at most 512 characters',
      ]);
    });

    test('GIVEN a consumer plan of 11 managed policies WHEN checked THEN it is reported as a keyless bug: one policy by tag would do', () => {
      const small = policy({ Sid: 'Small', Effect: 'Allow', Action: 'sts:AssumeRole', Resource: 'arn:aws:iam::111111111111:role/keyless/keyless-a' });
      const broken = { ...swarm, consumers: [{ ...swarm.consumers[0], policies: Array.from({ length: 11 }, () => small) }] };
      expect(quotaDiagnostics(registry!, [broken]).map(formatDiagnostic)).toEqual([
        expect.stringMatching(/would get 11 managed policies for its 1 app roles, over the IAM quota of 10 per role, where one policy by role tag would do; this is a keyless bug, please report it$/),
      ]);
    });

    test('GIVEN a consumer managed policy over 6144 characters WHEN checked THEN it is reported as a keyless bug', () => {
      const huge = policy({ Sid: 'Huge', Effect: 'Allow', Action: 'sts:AssumeRole', Resource: 'x'.repeat(6200) });
      const broken = { ...swarm, consumers: [{ ...swarm.consumers[0], policies: [huge] }] };
      expect(quotaDiagnostics(registry!, [broken]).map(formatDiagnostic)).toEqual([
        'apps/a.yaml:1:5: error: managed policy 1 of consumer arn:aws:iam::222222222222:role/node (account "swarm") has 6310 characters, over the IAM quota of 6144; this is a keyless bug, please report it',
      ]);
    });

    test('GIVEN two consumer policies of one name in an account WHEN checked THEN the duplicate is reported as a keyless bug', () => {
      const consumer = swarm.consumers[0];
      const broken = { ...swarm, consumers: [consumer, { ...consumer, policyNames: [...consumer.policyNames] }] };
      expect(quotaDiagnostics(registry!, [broken]).map(formatDiagnostic)).toEqual([
        'accounts.yaml:6:3: error: account "swarm" would get two of managed policy keyless-consume-role-node; this is a keyless bug, please report it with the registry that causes it',
      ]);
    });
  });
});
