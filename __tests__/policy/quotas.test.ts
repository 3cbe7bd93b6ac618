import { AccountPlan, planAccounts } from '../../src/policy/account-plan';
import { policy, PolicyDocument } from '../../src/policy/document';
import { consumerTagPolicy } from '../../src/policy/consumer-policy';
import { quotaDiagnostics } from '../../src/policy/quotas';
import { formatDiagnostic } from '../../src/registry/diagnostics';
import { validateRegistry } from '../../src/registry/validate';
import { Registry } from '../../src/registry/model';
import { ACCOUNTS, app, CERT_ACCOUNTS, certificateApp, problems, registryOnDisk } from '../registry/fixtures';

/** The model of a registry given as texts (apps by file name); it must validate. */
function registryOf(accounts: string, apps: Record<string, string>): Registry {
  const files = { accounts: { file: 'accounts.yaml', text: accounts }, apps: Object.entries(apps).map(([n, text]) => ({ file: `apps/${n}.yaml`, text })), diagnostics: [] };
  const { registry, diagnostics } = validateRegistry('/registry', files, {});
  if (!registry) throw new Error(diagnostics.map(formatDiagnostic).join('\n'));
  return registry;
}

/** The registry's plans, for a registry that validates. */
const plans = (accounts: string, apps: Record<string, string>) => planAccounts(registryOf(accounts, apps));

/** Characters of a policy as IAM counts them, measured here without src/policy's policySize. */
const chars = (doc: object) => JSON.stringify(doc).length;

/** `app('a')` with the longest SourceIdentity and its ExternalId `length` characters long (at most 1224). */
const withExternalId = (length: number) => `${app('a').replace('a-0123456789abcdef', 'x'.repeat(length))}sourceIdentity: ${'s'.repeat(64)}\n`;
/** `app('a')` reading one prefix `length` characters long. */
const withPrefixOf = (length: number) => app('a').replace('    prefix: a/\n    permissions: [read, write]', `    prefix: ${'p'.repeat(length - 1)}/\n    permissions: [read]`);
/** ACCOUNTS whose bucket allows one VPC endpoint with an id `length` characters long. */
const withEndpointOf = (length: number) => ACCOUNTS.replace('    account: data\n', `    account: data\n    network:\n      sourceVpce: [vpce-${'0'.repeat(length - 5)}]\n`);

/** A policy of one statement, exactly `size` characters long. */
function ofSize(size: number): PolicyDocument {
  const doc = policy({ Sid: 'S', Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '' });
  return policy({ ...doc.Statement[0], Resource: 'x'.repeat(size - chars(doc)) });
}

/** ACCOUNTS with the Organizations policies in the workspace of account data; line 12 starts the block. */
const WITH_ORGANIZATION = `${ACCOUNTS}organization:\n  account: data\n  targets: ["ou-ab12-34cd5678"]\n`;

/**
 * The parameter that makes a generated policy exactly `size` characters, found by measuring a small one: each
 * policy below grows by one character per character of the parameter.
 */
function lengthFor(size: number, measure: (length: number) => number): number {
  const length = 100 + size - measure(100);
  expect(measure(length)).toBe(size);
  return length;
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

  describe('roles per account, on a plan of three roles', () => {
    const three = { a: app('a'), b: app('b'), c: app('c') };
    // Built in each test, not while the file loads: StrykerJS credits load-time code to no test.
    let registry: Registry | undefined;
    let data: AccountPlan;
    beforeEach(() => {
      ({ registry } = validateRegistry('/r', { accounts: { file: 'accounts.yaml', text: ACCOUNTS }, apps: Object.entries(three).map(([n, text]) => ({ file: `apps/${n}.yaml`, text })), diagnostics: [] }, {}));
      [data] = planAccounts(registry!);
    });
    const withQuota = (roleQuota: number, roles = data.roles) => quotaDiagnostics(registry!, [{ ...data, roles, account: { ...data.account, roleQuota } }]).map(formatDiagnostic);

    test('GIVEN a roleQuota of exactly the three roles WHEN checked THEN they fit; a quota of two refuses them, naming how to raise it', () => {
      expect(withQuota(3)).toEqual([]);
      expect(withQuota(2)).toEqual([
        'accounts.yaml:2:3: error: account "data" would hold 3 app roles, over its IAM quota "Roles per account" of 2 (its other roles count too); ' +
        'request a higher "Roles per account" quota (up to 5000) in Service Quotas, service AWS Identity and Access Management (IAM), then set roleQuota: <new quota> on this account',
      ]);
    });

    test('GIVEN the highest quota IAM grants (5000) exceeded WHEN checked THEN apps must move to another account', () => {
      const roles = Array.from({ length: 5001 }, (_, i) => ({ ...data.roles[0], name: `keyless-r${i}` }));
      expect(withQuota(5000, roles)).toEqual([
        'accounts.yaml:2:3: error: account "data" would hold 5001 app roles, over its IAM quota "Roles per account" of 5000 (its other roles count too); IAM grants no more; move apps to buckets in another account',
      ]);
    });
  });

  // The quotas, as the IAM and S3 quota pages state them: literal here, so a wrong constant in limits.ts fails too.
  describe('at exactly each AWS quota and one character over', () => {
    test('GIVEN a trust policy of exactly 2048 characters WHEN validated THEN it fits; at 2049 it is refused', () => {
      const length = lengthFor(2048, (n) => chars(plans(ACCOUNTS, { a: withExternalId(n) })[0].roles[0].trustPolicy));
      expect(problems(ACCOUNTS, { a: withExternalId(length) })).toEqual([]);
      expect(problems(ACCOUNTS, { a: withExternalId(length + 1) })).toEqual([
        'apps/a.yaml:1:5: error: trust policy of role keyless-a (account "data") has 2049 characters, over the IAM quota of 2048; shorten externalId, sourceIdentity or the consumer principal\'s path',
      ]);
    });

    test('GIVEN an inline permissions policy of exactly 10240 characters WHEN validated THEN it fits; at 10241 it is refused', () => {
      const length = lengthFor(10240, (n) => chars(plans(ACCOUNTS, { a: withPrefixOf(n) })[0].roles[0].permissionsPolicy));
      expect(problems(ACCOUNTS, { a: withPrefixOf(length) })).toEqual([]);
      expect(problems(ACCOUNTS, { a: withPrefixOf(length + 1) })).toEqual([
        'apps/a.yaml:1:5: error: inline permissions policy of role keyless-a (account "data") has 10241 characters, over the IAM quota of 10240 per role; declare fewer access entries or secrets, or split the app in two',
      ]);
    });

    test('GIVEN a bucket policy of exactly 20480 characters (20 KB) WHEN validated THEN it fits; at 20481 it is refused', () => {
      const length = lengthFor(20480, (n) => chars(plans(withEndpointOf(n), { a: app('a') })[0].bucketPolicies[0].policy));
      expect(problems(withEndpointOf(length), { a: app('a') })).toEqual([]);
      expect(problems(withEndpointOf(length + 1), { a: app('a') })).toEqual([
        'accounts.yaml:10:3: error: bucket policy of "shared" (account "data") has 20481 characters, over the S3 limit of 20480 (20 KB); shorten the account\'s breakGlass list or the bucket\'s network lists',
      ]);
    });

    test('GIVEN a consumer managed policy of exactly 6144 characters WHEN checked THEN it fits; at 6145 it is reported', () => {
      const { registry } = validateRegistry('/r', { accounts: { file: 'accounts.yaml', text: ACCOUNTS }, apps: [{ file: 'apps/a.yaml', text: app('a') }], diagnostics: [] }, {});
      const swarm = planAccounts(registry!)[1];
      const withPolicy = (size: number) => quotaDiagnostics(registry!, [{ ...swarm, consumers: [{ ...swarm.consumers[0], policies: [ofSize(size)] }] }]).map(formatDiagnostic);
      expect(chars(ofSize(6144))).toBe(6144);
      expect(withPolicy(6144)).toEqual([]);
      expect(withPolicy(6145)).toEqual([
        'apps/a.yaml:1:5: error: managed policy 1 of consumer arn:aws:iam::222222222222:role/node (account "swarm") has 6145 characters, over the IAM quota of 6144; this is a keyless bug, please report it',
      ]);
    });

    test('GIVEN 10 managed policies for one consumer role WHEN checked THEN they fit; 11 are refused', () => {
      const { registry } = validateRegistry('/r', { accounts: { file: 'accounts.yaml', text: ACCOUNTS }, apps: [{ file: 'apps/a.yaml', text: app('a') }], diagnostics: [] }, {});
      const swarm = planAccounts(registry!)[1];
      const consumer = swarm.consumers[0];
      const withPolicies = (n: number) => quotaDiagnostics(registry!, [{ ...swarm, consumers: [{ ...consumer, policies: Array(n).fill(consumer.policies[0]) }] }]).map(formatDiagnostic);
      expect(withPolicies(10)).toEqual([]);
      expect(withPolicies(11)).toEqual([
        'apps/a.yaml:1:5: error: consumer arn:aws:iam::222222222222:role/node (account "swarm") would get 11 managed policies for its 1 app roles, over the IAM quota of 10 per role, where one policy by role tag would do; this is a keyless bug, please report it',
      ]);
    });

    test('GIVEN an app file whose registry-file tag is exactly 256 characters WHEN validated THEN it fits; at 257 it is refused', () => {
      const file = (length: number) => 'f'.repeat(length - 'apps/.yaml'.length);
      expect(problems(ACCOUNTS, { [file(256)]: app('a') })).toEqual([]);
      expect(problems(ACCOUNTS, { [file(257)]: app('a') })).toEqual([
        `apps/${file(257)}.yaml:1:5: error: tag keyless:registry-file="apps/${file(257)}.yaml" of role keyless-a (account "data") is not a valid IAM tag value (at most 256 letters, digits, spaces and _.:/=+-@); rename what it comes from`,
      ]);
    });

    describe('Organizations policies, in the workspace of account data', () => {
      let registry: Registry | undefined;
      let data: AccountPlan;
      beforeEach(() => {
        ({ registry } = validateRegistry('/r', { accounts: { file: 'accounts.yaml', text: WITH_ORGANIZATION }, apps: [{ file: 'apps/a.yaml', text: app('a') }], diagnostics: [] }, {}));
        [data] = planAccounts(registry!);
      });
      const withScps = (...docs: PolicyDocument[]) =>
        quotaDiagnostics(registry!, [{ ...data, organization: { ...data.organization!, serviceControlPolicies: docs } }]).map(formatDiagnostic);
      const small = policy({ Sid: 'S', Effect: 'Deny', Action: 'iam:TagRole', Resource: '*' });

      test('GIVEN a service control policy of exactly 5120 characters WHEN checked THEN it fits; at 5121 it is refused, numbered', () => {
        expect(chars(ofSize(5120))).toBe(5120);
        expect(withScps(small, ofSize(5120))).toEqual([]);
        expect(withScps(small, ofSize(5121))).toEqual([
          'accounts.yaml:12:1: error: service control policy 2 has 5121 characters, over the Organizations quota of 5120; shorten the breakGlass lists or the network lists of the buckets, which it repeats',
        ]);
      });

      test('GIVEN 4 service control policies WHEN checked THEN they fit beside FullAWSAccess in the 5 a target holds; 5 are refused', () => {
        expect(withScps(small, small, small, small)).toEqual([]);
        expect(withScps(small, small, small, small, small)).toEqual([
          'accounts.yaml:12:1: error: the service control policies need 5 policies per target, over the 5 Organizations allows per root, OU or account less the AWS-managed full-access one (4); fewer buckets, networks or breakGlass entries, or split the registry by OU',
        ]);
      });
    });
  });

  describe('guards the generator itself', () => {
    let registry: Registry | undefined;
    let data: AccountPlan;
    let swarm: AccountPlan;
    beforeEach(() => {
      ({ registry } = validateRegistry('/r', { accounts: { file: 'accounts.yaml', text: ACCOUNTS }, apps: [{ file: 'apps/a.yaml', text: app('a') }], diagnostics: [] }, {}));
      [data, swarm] = planAccounts(registry!);
    });

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

    test('GIVEN a role name with a character IAM refuses WHEN checked THEN the characters IAM allows are named', () => {
      const broken = { ...data, roles: [{ ...data.roles[0], name: 'keyless-a/b' }] };
      expect(quotaDiagnostics(registry!, [broken]).map(formatDiagnostic)).toEqual([
        'apps/a.yaml:1:5: error: role name keyless-a/b has characters IAM does not allow in names; use letters, digits and _+=,.@- in the app id',
      ]);
    });

    test('GIVEN a role path of exactly 512 characters WHEN checked THEN it fits; at 513 the rules are stated', () => {
      const path = (length: number) => `/${'p'.repeat(length - 2)}/`;
      const withPath = (length: number) => quotaDiagnostics(registry!, [{ ...data, roles: [{ ...data.roles[0], path: path(length) }] }]).map(formatDiagnostic);
      expect(withPath(512)).toEqual([]);
      expect(withPath(513)).toEqual([
        `apps/a.yaml:1:5: error: path ${path(513)} of role keyless-a (account "data") breaks the IAM path rules: it must start and end with "/", use printable ASCII and have at most 512 characters`,
      ]);
    });

    test('GIVEN a certificate app\'s trust policy over 2048 characters WHEN checked THEN the app id is named as what to shorten, it has no ExternalId', () => {
      const certified = registryOnDisk(CERT_ACCOUNTS, { c: certificateApp('c') });
      const [account] = planAccounts(certified);
      const broken = { ...account, roles: [{ ...account.roles[0], trustPolicy: ofSize(2049) }] };
      expect(quotaDiagnostics(certified, [broken]).map(formatDiagnostic)).toEqual([
        'apps/c.yaml:1:5: error: trust policy of role keyless-c (account "data") has 2049 characters, over the IAM quota of 2048; shorten the app id',
      ]);
    });

    test('GIVEN the account root as the consumer of 11 managed policies WHEN checked THEN no per-principal quota applies: the root holds no policies', () => {
      const rooted = registryOf(ACCOUNTS, { a: app('a').replace('principal: role/node', 'principal: root') });
      const [, account] = planAccounts(rooted);
      const consumer = account.consumers[0];
      expect(consumer.principal.principalType).toBe('root');
      expect(quotaDiagnostics(rooted, [{ ...account, consumers: [{ ...consumer, policies: Array(11).fill(consumer.policies[0]) }] }])).toEqual([]);
    });

    test('GIVEN two consumer policies of one name in an account WHEN checked THEN the duplicate is reported as a keyless bug', () => {
      const consumer = swarm.consumers[0];
      const broken = { ...swarm, consumers: [consumer, { ...consumer, policyNames: [...consumer.policyNames] }] };
      expect(quotaDiagnostics(registry!, [broken]).map(formatDiagnostic)).toEqual([
        'accounts.yaml:6:3: error: account "swarm" would get two of managed policy keyless-consume-role-node; this is a keyless bug, please report it with the registry that causes it',
      ]);
    });
  });

  describe('a consumer opened by role tag (consumerAccessPolicies beyond 10 policies of exact ARNs)', () => {
    const NODE = 'arn:aws:iam::222222222222:role/node';
    /** The diagnostics of swarm's plan once consumer role/node gets the tag policy instead of its exact ARNs. */
    function byTag(accounts: string, apps: Record<string, string>): string[] {
      const registry = registryOf(accounts, apps);
      const [, swarm] = planAccounts(registry);
      const consumers = swarm.consumers.map((c) => (c.principal.principalArn === NODE ? { ...c, policies: [consumerTagPolicy(NODE, c.roleArns)] } : c));
      return quotaDiagnostics(registry, [{ ...swarm, consumers }]).map(formatDiagnostic);
    }

    test('GIVEN no organization WHEN checked THEN the consumer\'s app is warned that whoever can tag keyless roles widens its reach, and how to stop it', () => {
      expect(byTag(ACCOUNTS, { a: app('a') })).toEqual([
        'apps/a.yaml:1:5: warning: consumer arn:aws:iam::222222222222:role/node (account "swarm") opens its 1 app roles by the role tag keyless:consumer, since their exact ARNs ' +
        'would need more than 10 managed policies: whoever can tag keyless roles can point more roles at it; declare organization: in accounts.yaml, whose SCP lets only the deploy role tag them',
      ]);
    });

    test('GIVEN an organization WHEN checked THEN there is nothing to warn of: its SCP lets only the deploy role tag keyless roles', () => {
      expect(byTag(WITH_ORGANIZATION, { a: app('a') })).toEqual([]);
    });

    test('GIVEN earlier apps of another principal and of the same role named by accountId WHEN checked THEN the warning points at the first app of this consumer in its account', () => {
      const apps = {
        a: app('a').replace('account: swarm', 'accountId: "222222222222"'),
        b: app('b').replace('principal: role/node', 'principal: role/other'),
        c: app('c'),
      };
      expect(byTag(ACCOUNTS, apps)).toEqual([
        expect.stringMatching(/^apps\/c\.yaml:1:5: warning: consumer arn:aws:iam::222222222222:role\/node \(account "swarm"\) opens its 1 app roles by the role tag/),
      ]);
    });
  });
});
