import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { uniqueId } from '../../../src/tools/verify/stand-ins';
import { indexSynthesized, principalKey } from '../../../src/tools/verify/synthesized';
import { OutputDirError } from '../../../src/tools/synth-output';
import { readWorkspaces } from '../../../src/tools/verify/terraform-json';

const ACCOUNT = '111111111111';
const ROLE_ARN = `arn:aws:iam::${ACCOUNT}:role/keyless/keyless-app`;
const doc = (statement: object) => JSON.stringify({ Version: '2012-10-17', Statement: [statement] });

/** Writes `stacks/<alias>/cdk.tf.json` files (objects are pretty-printed like cdktf does, strings verbatim). */
function outDir(stacks: Record<string, object | string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'keyless-synthesized-'));
  for (const [alias, content] of Object.entries(stacks)) {
    mkdirSync(join(dir, 'stacks', alias), { recursive: true });
    writeFileSync(join(dir, 'stacks', alias, 'cdk.tf.json'), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  }
  return dir;
}

const dataStack = {
  data: { aws_caller_identity: { me: {} } },
  resource: {
    aws_iam_role: {
      app_role: { name: 'keyless-app', path: '/keyless/', assume_role_policy: doc({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::222222222222:root' }, Action: 'sts:AssumeRole' }) },
    },
    aws_iam_role_policy: {
      app_permissions: {
        role: '${aws_iam_role.app_role.name}',
        policy: doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { StringLike: { 'aws:userid': '${aws_iam_role.app_role.unique_id}:*' } } }),
      },
    },
    aws_s3_bucket_policy: {
      guard: { bucket: 'b', policy: doc({ Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: 'arn:aws:s3:::b/*', Condition: { ArnNotLike: { 'aws:PrincipalArn': ['${aws_iam_role.app_role.arn}', 'arn:aws:iam::${data.aws_caller_identity.me.account_id}:root'] } } }) },
    },
  },
};

const consumerStack = {
  resource: {
    aws_iam_policy: {
      attached: { name: 'keyless-consume-node', path: '/keyless/', policy: doc({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: ROLE_ARN }) },
      spare: { name: 'keyless-consume-root', path: '/keyless/', policy: doc({ Effect: 'Allow', Action: 'sts:TagSession', Resource: ROLE_ARN }) },
    },
    aws_iam_role_policy_attachment: { attach: { role: 'node', policy_arn: '${aws_iam_policy.attached.arn}' } },
  },
};

const accounts = new Map([['data', ACCOUNT], ['swarm', '222222222222']]);

describe('readWorkspaces and indexSynthesized', () => {
  it('GIVEN stacks referencing their own resources WHEN indexed THEN policies are resolved to stand-ins and filed by principal and bucket', () => {
    const { stacks, errors } = readWorkspaces(outDir({ data: dataStack, swarm: consumerStack }), accounts);
    const output = indexSynthesized(stacks, errors);

    expect(output.errors).toEqual([]);
    expect([...output.roles.keys()]).toEqual([ROLE_ARN]);
    const [permissions] = output.identityPolicies.get(principalKey(ACCOUNT, 'role', 'keyless-app'))!;
    expect(JSON.stringify(permissions.document)).toContain(`"${uniqueId(ROLE_ARN)}:*"`);
    expect(JSON.stringify(output.bucketPolicies.get('b')!.document)).toContain(`["${ROLE_ARN}","arn:aws:iam::${ACCOUNT}:root"]`);
    expect(output.identityPolicies.get(principalKey('222222222222', 'role', 'node'))!.map((p) => p.address)).toEqual(['aws_iam_policy.attached.policy']);
    expect(output.unattachedPolicies.get('222222222222')!.map((p) => p.address)).toEqual(['aws_iam_policy.spare.policy']);
  });

  it('GIVEN an unresolvable reference WHEN indexed THEN the error points at the attribute in the file and the policy has no document', () => {
    const broken = { resource: { aws_s3_bucket_policy: { guard: { bucket: 'b', policy: doc({ Effect: 'Deny', Resource: '${aws_s3_bucket.b.arn}' }) } } } };
    const dir = outDir({ data: broken, swarm: {} });
    const { stacks } = readWorkspaces(dir, accounts);

    const output = indexSynthesized(stacks);

    expect(output.errors).toEqual([expect.stringMatching(new RegExp(`^${dir}/stacks/data/cdk\\.tf\\.json:6:9: error: aws_s3_bucket_policy\\.guard\\.policy: unresolvable Terraform reference`))]);
    expect(output.bucketPolicies.get('b')!.document).toBeUndefined();
  });

  it('GIVEN two policies for one bucket and an attachment of a policy defined elsewhere WHEN indexed THEN both are errors', () => {
    const stack = {
      resource: {
        aws_s3_bucket_policy: { one: { bucket: 'b', policy: doc({ Effect: 'Deny', Action: 's3:*' }) }, two: { bucket: 'b', policy: doc({ Effect: 'Deny', Action: 's3:*' }) } },
        aws_iam_user_policy_attachment: { a: { user: 'u', policy_arn: 'arn:aws:iam::aws:policy/AdministratorAccess' } },
      },
    };
    const { stacks } = readWorkspaces(outDir({ data: stack, swarm: {} }), accounts);

    const { errors } = indexSynthesized(stacks);

    expect(errors).toEqual([
      expect.stringMatching(/error: arn:aws:iam::aws:policy\/AdministratorAccess is not a policy of this workspace/),
      expect.stringMatching(/error: a second policy for bucket b; each bucket takes exactly one bucket policy/),
    ]);
  });

  it('GIVEN a missing workspace, an unknown one and invalid JSON WHEN read THEN each is reported against its file', () => {
    const dir = outDir({ data: '{ not json', stray: {} });

    const { stacks, errors } = readWorkspaces(dir, accounts);

    expect(stacks).toEqual([]);
    expect(errors).toEqual([
      expect.stringMatching(/stacks\/data\/cdk\.tf\.json:1:1: error: not valid JSON/),
      expect.stringMatching(/stacks\/stray\/cdk\.tf\.json:1:1: error: workspace "stray" has no account in accounts\.yaml/),
      expect.stringMatching(/stacks\/swarm\/cdk\.tf\.json:1:1: error: workspace "swarm" is missing/),
    ]);
  });

  it('GIVEN a directory without stacks WHEN read THEN it is an OutputDirError', () => {
    expect(() => readWorkspaces(mkdtempSync(join(tmpdir(), 'keyless-empty-')), accounts)).toThrow(OutputDirError);
  });
});
