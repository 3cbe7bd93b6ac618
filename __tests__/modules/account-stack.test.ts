import { IamRole } from '@cdktf/provider-aws/lib/iam-role';
import { join, resolve } from 'node:path';
import { Testing } from 'cdktf';
import 'cdktf/lib/testing/adapters/jest';
import { BUNDLED_ROOT, fixture, UNSEEN_ENV, writeRegistry } from '../helpers';

// cdktf's matchers (toHaveResourceWithProperties), registered here only: loading cdktf in every test file for them
// cost 0.13 s of CPU per file.
Testing.setupJest();

const CONSUMER_ACCOUNTS = `accounts:
  data: { id: "111111111111", region: eu-central-1, deployRole: "arn:aws:iam::111111111111:role/tf" }
  work: { id: "222222222222", region: eu-central-1 }
buckets:
  data-bucket: { account: data }
`;
import { AccountStack } from '../../modules/account-stack';
import { planAccounts } from '../../src/policy/account-plan';
import { loadRegistry } from '../../src/registry/load';
import { Registry } from '../../src/registry/model';

type TfJson = { resource: Record<string, Record<string, Record<string, unknown>>>; [k: string]: any };

/** Synthesizes one account's stack as if into the project's cdktf.out (nothing is written). */
function synthAccount(registry: Registry, alias: string): { raw: string; json: TfJson } {
  const plan = planAccounts(registry).find((p) => p.account.alias === alias)!;
  const stack = new AccountStack(Testing.app({ outdir: 'cdktf.out' }), { plan, stateDir: registry.root });
  const raw = Testing.synth(stack);
  return { raw, json: JSON.parse(raw) };
}

const resources = (json: TfJson, type: string) => Object.values(json.resource[type] ?? {});
const roleNamed = (json: TfJson, name: string) => resources(json, 'aws_iam_role').find((r) => r.name === name)!;

const bundled = loadRegistry(BUNDLED_ROOT);
const unseen = loadRegistry(fixture('unseen'), UNSEEN_ENV);

describe('AccountStack in a bucket account', () => {
  const { raw, json } = synthAccount(bundled, 'data');

  test('GIVEN the bundled apps WHEN synthesized THEN each gets a role under /keyless/ with its session duration', () => {
    expect(raw).toHaveResourceWithProperties(IamRole, {
      name: 'keyless-finance-export', path: '/keyless/', max_session_duration: 7200,
    });
    expect(resources(json, 'aws_iam_role').map((r) => r.name).sort()).toEqual([
      'keyless-analytics-etl', 'keyless-event-ingest', 'keyless-finance-export', 'keyless-ledger-archiver', 'keyless-partner-ingest',
      'keyless-swarm-reporter', 'keyless-swarm-uploader', 'keyless-vendor-sync', 'keyless-web-publisher',
    ]);
  });

  test('GIVEN a role WHEN synthesized THEN its trust policy is a literal JSON string requiring ExternalId and AppId together', () => {
    const trust = JSON.parse(roleNamed(json, 'keyless-swarm-uploader').assume_role_policy as string);
    const assume = trust.Statement.find((s: { Action: string }) => s.Action === 'sts:AssumeRole');
    expect(assume.Condition.StringEquals).toEqual({ 'sts:ExternalId': 'swarm-uploader-7f3c9a2e41d84b6c', 'aws:RequestTag/AppId': 'swarm-uploader' });
  });

  test('GIVEN a role WHEN synthesized THEN its inline permissions are attached to that role by reference', () => {
    const policies = resources(json, 'aws_iam_role_policy');
    expect(policies).toHaveLength(bundled.apps.length);
    const uploader = policies.find((p) => (p.policy as string).includes('assumed-with-external-id/uploads/'))!;
    expect(uploader.role).toMatch(/^\$\{aws_iam_role\.app-swarm-uploader_role_[A-F0-9]+\.name\}$/);
  });

  test('GIVEN bucket policies with IAM policy variables WHEN synthesized THEN every variable is escaped for Terraform', () => {
    const policies = resources(json, 'aws_s3_bucket_policy');
    expect(policies.map((p) => p.bucket).sort()).toEqual(bundled.buckets.map((b) => b.name).sort());
    for (const p of policies) {
      const text = p.policy as string;
      expect(text).toContain('keyless-$${aws:PrincipalTag/AppId}');
      expect(text.replace(/\$\$\{/g, '')).not.toContain('${');
    }
  });

  test('GIVEN a deploy role WHEN synthesized THEN the provider assumes it by default and only works in the account it belongs to', () => {
    expect(json.provider.aws[0]).toMatchObject({
      region: 'eu-central-1',
      allowed_account_ids: ['111111111111'],
      assume_role: [{ role_arn: '${var.deploy_role_arn}' }],
    });
    expect(json.variable.deploy_role_arn).toMatchObject({ type: 'string', default: 'arn:aws:iam::111111111111:role/terraform-deploy' });
  });

  test('GIVEN no deploy role WHEN synthesized THEN the variable defaults to empty, which makes the provider assume nothing', () => {
    expect(synthAccount(unseen, 'lake').json.variable.deploy_role_arn.default).toBe('');
  });

  test('GIVEN no backend WHEN synthesized THEN state is a local file outside cdktf.out, one per workspace', () => {
    expect(json.terraform.backend).toEqual({ local: { path: '../../../terraform.data.tfstate' } });
  });

  test('GIVEN a registry outside the current directory WHEN synthesized into its own cdktf.out THEN the state file is in the registry root, not here', () => {
    const root = writeRegistry(CONSUMER_ACCOUNTS, {});
    const registry = loadRegistry(root, {});
    const outdir = join(root, 'cdktf.out');
    const plan = planAccounts(registry).find((p) => p.account.alias === 'data')!;
    const stack = new AccountStack(Testing.app({ outdir }), { plan, stateDir: root });

    const path = JSON.parse(Testing.synth(stack)).terraform.backend.local.path as string;

    expect(resolve(outdir, 'stacks', 'data', path)).toBe(join(root, 'terraform.data.tfstate'));
  });
});

describe('AccountStack in a consumer account', () => {
  test('GIVEN a node role consuming two apps WHEN synthesized THEN one managed policy names exactly those roles and is attached to it', () => {
    const { json } = synthAccount(bundled, 'swarm');
    const node = resources(json, 'aws_iam_role_policy_attachment').filter((a) => a.role === 'ec2-node-base-role');
    expect(node).toHaveLength(1);
    const policy = Object.entries(json.resource.aws_iam_policy as Record<string, { policy: string }>)
      .find(([name]) => (node[0].policy_arn as string) === `\${aws_iam_policy.${name}.arn}`)![1];
    expect(JSON.parse(policy.policy).Statement[0].Resource).toEqual([
      'arn:aws:iam::111111111111:role/keyless/keyless-ledger-archiver',
      'arn:aws:iam::111111111111:role/keyless/keyless-swarm-uploader',
    ]);
    expect(json.resource.aws_iam_role).toBeUndefined();
  });

  test('GIVEN an IAM user consumer WHEN synthesized THEN the policy is attached to the user', () => {
    const { json } = synthAccount(bundled, 'legacy');
    expect(resources(json, 'aws_iam_user_policy_attachment')).toEqual([expect.objectContaining({ user: 'finance-exporter' })]);
  });

  test('GIVEN an account root consumer WHEN synthesized THEN the policy is left unattached and its ARN is an output', () => {
    const { json } = synthAccount(bundled, 'ingest');
    expect(resources(json, 'aws_iam_policy')).toHaveLength(1);
    expect(json.resource.aws_iam_role_policy_attachment).toBeUndefined();
    expect(Object.values(json.output as Record<string, { description: string }>)[0].description).toMatch(/^Attach this policy/);
  });

  test('GIVEN a role principal with a path WHEN synthesized THEN the attachment names the role without its path', () => {
    const { json } = synthAccount(unseen, 'batch');
    expect(resources(json, 'aws_iam_role_policy_attachment')).toEqual([expect.objectContaining({ role: 'batch-node' })]);
  });
});

describe('AccountStack backends', () => {
  test('GIVEN an S3 backend WHEN synthesized THEN the workspace state goes there', () => {
    expect(synthAccount(unseen, 'lake').json.terraform.backend).toEqual({
      s3: { bucket: 'tf-state-lake', key: 'keyless/lake.tfstate', region: 'us-east-1' },
    });
  });

  test('GIVEN a Terraform Cloud backend WHEN synthesized THEN the workspace is the named one', () => {
    expect(synthAccount(unseen, 'archive').json.terraform.cloud).toMatchObject({ organization: 'acme', workspaces: { name: 'keyless-archive' } });
  });
});

describe('AccountStack consumer policies', () => {
  const registryWith = (apps: Record<string, string>) => loadRegistry(writeRegistry(CONSUMER_ACCOUNTS, apps));
  const app = (id: string, principal: string) =>
    `id: ${id}\nowner: t\nconsumer: { account: work, principal: ${principal} }\nexternalId: ${id}-external-id-0123456789\naccess: [{ bucket: data-bucket, permissions: [read] }]\n`;
  const policiesOf = (registry: Registry) => {
    const { json } = synthAccount(registry, 'work');
    return Object.fromEntries(Object.entries(json.resource.aws_iam_policy).map(([id, r]) => [id, r.name]));
  };

  test('GIVEN a role and a user of the same name WHEN synthesized THEN their policies get distinct IAM names', () => {
    const names = Object.values(policiesOf(registryWith({ a: app('app-a', 'role/batch'), b: app('app-b', 'user/batch') })));
    expect(names.sort()).toEqual(['keyless-consume-role-batch', 'keyless-consume-user-batch']);
  });

  test('GIVEN a consumer added before another in sort order WHEN synthesized THEN the existing consumer keeps its resource ids', () => {
    const before = policiesOf(registryWith({ b: app('app-b', 'role/node') }));
    const after = policiesOf(registryWith({ a: app('app-a', 'role/aaa-first'), b: app('app-b', 'role/node') }));
    expect(after).toEqual(expect.objectContaining(before));
  });
});

describe('AccountStack bucket regions', () => {
  const registry = loadRegistry(writeRegistry(`accounts:
  data: { id: "111111111111", region: eu-central-1, deployRole: "arn:aws:iam::111111111111:role/tf" }
buckets:
  home-bucket: { account: data }
  us-bucket: { account: data, region: us-east-1 }
`, {}));
  const policies = resources(synthAccount(registry, 'data').json, 'aws_s3_bucket_policy');

  test('GIVEN a bucket in another region than its account WHEN synthesized THEN its policy is applied in the bucket\'s region', () => {
    expect(policies.find((p) => p.bucket === 'us-bucket')).toMatchObject({ region: 'us-east-1' });
  });

  test('GIVEN a bucket in its account\'s region WHEN synthesized THEN the policy uses the provider\'s region', () => {
    expect(policies.find((p) => p.bucket === 'home-bucket')!.region).toBeUndefined();
  });
});

describe('AccountStack and existing bucket policies', () => {
  const { json } = synthAccount(bundled, 'data');

  test('GIVEN existingPolicy: adopt WHEN synthesized THEN an import block brings that bucket policy, and only that one, into state by bucket name', () => {
    const policies = json.resource.aws_s3_bucket_policy as Record<string, { bucket: string }>;
    const adopted = Object.entries(policies).find(([, p]) => p.bucket === 'acme-web-assets')![0];
    expect(json.import).toEqual([{ to: `aws_s3_bucket_policy.${adopted}`, id: 'acme-web-assets' }]);
  });

  test('GIVEN kept statements WHEN synthesized THEN they follow keyless\'s statements verbatim in the bucket policy', () => {
    const web = resources(json, 'aws_s3_bucket_policy').find((p) => p.bucket === 'acme-web-assets')!;
    const statements = JSON.parse(web.policy as string).Statement;
    expect(statements[statements.length - 1]).toEqual({
      Sid: 'DenyDeletingAccessLogs', Effect: 'Deny', Principal: '*', Action: 's3:DeleteObject', Resource: 'arn:aws:s3:::acme-web-assets/access-logs/*',
    });
    expect(statements.slice(0, -1).map((s: { Sid: string }) => s.Sid)).toContain('DenyPrincipalsOutsideRegistry');
  });
});

describe('AccountStack in the organization account', () => {
  const { json } = synthAccount(bundled, 'mgmt');

  it('GIVEN an organization block WHEN its account is synthesized THEN it holds the RCPs (split at 5120 characters) and the SCP, each attached to every target', () => {
    const policies = resources(json, 'aws_organizations_policy');
    const attachments = resources(json, 'aws_organizations_policy_attachment');

    expect(policies.map((p) => [p.name, p.type])).toEqual([
      ['keyless-bucket-guardrails-1', 'RESOURCE_CONTROL_POLICY'],
      ['keyless-bucket-guardrails-2', 'RESOURCE_CONTROL_POLICY'],
      ['keyless-protect-roles-and-bucket-policies-1', 'SERVICE_CONTROL_POLICY'],
      ['keyless-protect-roles-and-bucket-policies-2', 'SERVICE_CONTROL_POLICY'],
    ]);
    expect(policies.every((p) => (p.content as string).replace(/\$\$\{/g, '${').length <= 5120)).toBe(true);
    expect(attachments.map((a) => a.target_id)).toEqual(Array(4).fill('ou-ab12-34cd5678'));
    expect(attachments.map((a) => a.policy_id)).toEqual([
      expect.stringMatching(/^\$\{aws_organizations_policy\.organization_rcp-1_\w+\.id\}$/),
      expect.stringMatching(/^\$\{aws_organizations_policy\.organization_rcp-2_\w+\.id\}$/),
      expect.stringMatching(/^\$\{aws_organizations_policy\.organization_scp-1_\w+\.id\}$/),
      expect.stringMatching(/^\$\{aws_organizations_policy\.organization_scp-2_\w+\.id\}$/),
    ]);
    expect(JSON.parse((policies[0].content as string).replace(/\$\$\{/g, '${')).Statement[0].Sid).toBe('DenyInsecureTransportForKeylessBuckets');
  });

  it('GIVEN a bucket account WHEN synthesized THEN it holds no organization policy', () => {
    expect(resources(synthAccount(bundled, 'data').json, 'aws_organizations_policy')).toEqual([]);
  });
});
