import { attribute, referenceValue, resources, roleArn, Stack } from './terraform-json';

/** A policy document as written in the synthesized output, parsed; `document` is absent when it has errors. */
export interface PolicySource {
  /** `file:line:col` of the policy attribute. */
  readonly location: string;
  /** Terraform address, e.g. `aws_s3_bucket_policy.<name>.policy`. */
  readonly address: string;
  readonly document?: unknown;
  readonly errors: readonly string[];
}

export interface SynthesizedRole {
  readonly arn: string;
  readonly name: string;
  readonly trust: PolicySource;
}

/** Every policy of the synthesized workspaces, indexed the way scenarios look them up. */
export interface SynthesizedOutput {
  /** Roles created by the output, by ARN. */
  readonly roles: ReadonlyMap<string, SynthesizedRole>;
  /** Inline and attached policies by principalKey(): new roles as well as existing roles and users. */
  readonly identityPolicies: ReadonlyMap<string, readonly PolicySource[]>;
  /** Managed policies attached to nothing (for a consumer account root to attach), by account id. */
  readonly unattachedPolicies: ReadonlyMap<string, readonly PolicySource[]>;
  readonly bucketPolicies: ReadonlyMap<string, PolicySource>;
  /** Every unresolvable or unparsable policy and every inconsistency, as `file:line:col: error: …` lines. */
  readonly errors: readonly string[];
}

export type PrincipalType = 'role' | 'user';

/** How identity policies are keyed: attachments name a principal by account and IAM name, without path. */
export function principalKey(accountId: string, type: PrincipalType, name: string): string {
  return `${accountId}:${type}/${name}`;
}

const ATTACHMENTS: readonly { type: string; principal: PrincipalType }[] = [
  { type: 'aws_iam_role_policy_attachment', principal: 'role' },
  { type: 'aws_iam_user_policy_attachment', principal: 'user' },
];

/** SynthesizedOutput while it is being built. */
interface Index {
  readonly roles: Map<string, SynthesizedRole>;
  readonly identityPolicies: Map<string, PolicySource[]>;
  readonly unattachedPolicies: Map<string, PolicySource[]>;
  readonly bucketPolicies: Map<string, PolicySource>;
  readonly errors: string[];
}

/** Indexes the policies of all stacks; `readErrors` are problems found while reading them. */
export function indexSynthesized(stacks: readonly Stack[], readErrors: readonly string[] = []): SynthesizedOutput {
  const output: Index = {
    roles: new Map<string, SynthesizedRole>(),
    identityPolicies: new Map<string, PolicySource[]>(),
    unattachedPolicies: new Map<string, PolicySource[]>(),
    bucketPolicies: new Map<string, PolicySource>(),
    errors: [...readErrors],
  };
  for (const stack of stacks) indexStack(stack, output);
  return output;
}

function indexStack(stack: Stack, out: Index): void {
  const add = (key: string, source: PolicySource) => out.identityPolicies.set(key, [...(out.identityPolicies.get(key) ?? []), source]);
  const text = (type: string, name: string, key: string): string | undefined => {
    const a = attribute(stack, type, name, key);
    out.errors.push(...a.errors);
    return a.value;
  };
  const policy = (type: string, name: string, key: string): PolicySource => {
    const source = policySource(stack, type, name, key);
    out.errors.push(...source.errors);
    return source;
  };

  for (const [name, role] of resources(stack, 'aws_iam_role')) {
    const roleName = text('aws_iam_role', name, 'name');
    if (roleName === undefined) continue;
    const arn = roleArn(stack.accountId, typeof role.path === 'string' ? role.path : '/', roleName);
    out.roles.set(arn, { arn, name: roleName, trust: policy('aws_iam_role', name, 'assume_role_policy') });
  }
  for (const [name] of resources(stack, 'aws_iam_role_policy')) {
    const roleName = text('aws_iam_role_policy', name, 'role');
    if (roleName !== undefined) add(principalKey(stack.accountId, 'role', roleName), policy('aws_iam_role_policy', name, 'policy'));
  }

  const managed = new Map<string, PolicySource>();
  for (const [name] of resources(stack, 'aws_iam_policy')) {
    const arn = referenceValue(stack, `aws_iam_policy.${name}.arn`);
    if (arn) managed.set(arn, policy('aws_iam_policy', name, 'policy'));
  }
  const attached = new Set<string>();
  for (const { type, principal } of ATTACHMENTS) {
    for (const [name] of resources(stack, type)) {
      const who = text(type, name, principal);
      const arn = text(type, name, 'policy_arn');
      if (who === undefined || arn === undefined) continue;
      const source = managed.get(arn);
      if (!source) {
        out.errors.push(`${attribute(stack, type, name, 'policy_arn').location}: error: ${arn} is not a policy of this workspace, so verify cannot evaluate it; attach policies defined in the same stack`);
        continue;
      }
      attached.add(arn);
      add(principalKey(stack.accountId, principal, who), source);
    }
  }
  const unattached = [...managed].filter(([arn]) => !attached.has(arn)).map(([, source]) => source);
  out.unattachedPolicies.set(stack.accountId, [...(out.unattachedPolicies.get(stack.accountId) ?? []), ...unattached]);

  for (const [name] of resources(stack, 'aws_s3_bucket_policy')) {
    const bucket = text('aws_s3_bucket_policy', name, 'bucket');
    if (bucket === undefined) continue;
    const source = policy('aws_s3_bucket_policy', name, 'policy');
    if (out.bucketPolicies.has(bucket)) {
      out.errors.push(`${source.location}: error: a second policy for bucket ${bucket}; each bucket takes exactly one bucket policy, merge them`);
      continue;
    }
    out.bucketPolicies.set(bucket, source);
  }
}

function policySource(stack: Stack, type: string, name: string, key: string): PolicySource {
  const { location, address, value, errors } = attribute(stack, type, name, key);
  if (value === undefined) return { location, address, errors };
  try {
    return { location, address, document: JSON.parse(value), errors: [] };
  } catch (e) {
    return { location, address, errors: [`${location}: error: ${address} is not valid JSON (${(e as Error).message}); synthesize it with JSON.stringify`] };
  }
}
