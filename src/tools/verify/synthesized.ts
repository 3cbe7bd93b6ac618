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
  /** The role's tags: requests on the role carry them as `aws:ResourceTag/<key>`. */
  readonly tags: Readonly<Record<string, string>>;
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
  /** The organization guardrails, when a workspace holds them. */
  readonly organization?: OrganizationPolicies;
  /** Every unresolvable or unparsable policy and every inconsistency, as `file:line:col: error: …` lines. */
  readonly errors: readonly string[];
}

/** Service and resource control policies, and the accounts they govern. */
export interface OrganizationPolicies {
  readonly serviceControlPolicies: readonly PolicySource[];
  readonly resourceControlPolicies: readonly PolicySource[];
  /**
   * The registry's accounts but the one holding the policies: organization policies never apply to the management
   * account, and keyless does not know which accounts the targets contain, so it assumes all the others.
   */
  readonly members: ReadonlySet<string>;
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
  organization?: OrganizationPolicies;
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
  for (const stack of stacks) {
    const indexer = new StackIndexer(stack, output);
    indexer.roles();
    indexer.rolePolicies();
    indexer.managedPolicies();
    indexer.bucketPolicies();
    indexer.organizationPolicies(stacks);
  }
  return output;
}

const CONTROL_POLICY_TYPES = { SERVICE_CONTROL_POLICY: 'serviceControlPolicies', RESOURCE_CONTROL_POLICY: 'resourceControlPolicies' } as const;

/** Files one stack's policies into the index, collecting every error on the way. */
class StackIndexer {
  constructor(private readonly stack: Stack, private readonly out: Index) {}

  /** Roles the stack creates, with their trust policies, by ARN. */
  roles(): void {
    for (const [name, role] of resources(this.stack, 'aws_iam_role')) {
      const roleName = this.text('aws_iam_role', name, 'name');
      if (roleName === undefined) continue;
      const arn = roleArn(this.stack.accountId, role, roleName);
      this.out.roles.set(arn, { arn, name: roleName, trust: this.policy('aws_iam_role', name, 'assume_role_policy'), tags: plainTags(role.tags) });
    }
  }

  /** Inline role policies, filed under the role they name. */
  rolePolicies(): void {
    for (const [name] of resources(this.stack, 'aws_iam_role_policy')) {
      const roleName = this.text('aws_iam_role_policy', name, 'role');
      if (roleName !== undefined) this.addIdentity('role', roleName, this.policy('aws_iam_role_policy', name, 'policy'));
    }
  }

  /** Managed policies, under each role or user they are attached to, or as unattached ones of the account. */
  managedPolicies(): void {
    const managed = new Map<string, PolicySource>();
    for (const [name] of resources(this.stack, 'aws_iam_policy')) {
      const arn = referenceValue(this.stack, `aws_iam_policy.${name}.arn`);
      if (arn) managed.set(arn, this.policy('aws_iam_policy', name, 'policy'));
    }
    const attached = new Set<string>();
    for (const { type, principal } of ATTACHMENTS) {
      for (const [name] of resources(this.stack, type)) {
        const who = this.text(type, name, principal);
        const arn = this.text(type, name, 'policy_arn');
        if (who === undefined || arn === undefined) continue;
        const source = managed.get(arn);
        if (!source) {
          const { location } = attribute(this.stack, type, name, 'policy_arn');
          this.out.errors.push(`${location}: error: ${arn} is not a policy of this workspace, so verify cannot evaluate it; attach policies defined in the same stack`);
          continue;
        }
        attached.add(arn);
        this.addIdentity(principal, who, source);
      }
    }
    const { accountId } = this.stack;
    const unattached = [...managed].filter(([arn]) => !attached.has(arn)).map(([, source]) => source);
    this.out.unattachedPolicies.set(accountId, [...(this.out.unattachedPolicies.get(accountId) ?? []), ...unattached]);
  }

  /** One policy per bucket: a second one would make Terraform flip between them. */
  bucketPolicies(): void {
    for (const [name] of resources(this.stack, 'aws_s3_bucket_policy')) {
      const bucket = this.text('aws_s3_bucket_policy', name, 'bucket');
      if (bucket === undefined) continue;
      const source = this.policy('aws_s3_bucket_policy', name, 'policy');
      if (this.out.bucketPolicies.has(bucket)) {
        this.out.errors.push(`${source.location}: error: a second policy for bucket ${bucket}; each bucket takes exactly one bucket policy, merge them`);
        continue;
      }
      this.out.bucketPolicies.set(bucket, source);
    }
  }

  /** Service and resource control policies (aws_organizations_policy), with the accounts they govern. */
  organizationPolicies(stacks: readonly Stack[]): void {
    const found = resources(this.stack, 'aws_organizations_policy');
    if (!found.length) return;
    const scps: PolicySource[] = [];
    const rcps: PolicySource[] = [];
    for (const [name] of found) {
      const type = this.text('aws_organizations_policy', name, 'type') as keyof typeof CONTROL_POLICY_TYPES | undefined;
      if (type === undefined || !(type in CONTROL_POLICY_TYPES)) continue;
      (type === 'SERVICE_CONTROL_POLICY' ? scps : rcps).push(this.policy('aws_organizations_policy', name, 'content'));
    }
    const members = new Set(stacks.map((s) => s.accountId).filter((id) => id !== this.stack.accountId));
    this.out.organization = { serviceControlPolicies: scps, resourceControlPolicies: rcps, members };
  }

  private addIdentity(type: PrincipalType, name: string, source: PolicySource): void {
    const key = principalKey(this.stack.accountId, type, name);
    this.out.identityPolicies.set(key, [...(this.out.identityPolicies.get(key) ?? []), source]);
  }

  private text(type: string, name: string, key: string): string | undefined {
    const { value, errors } = attribute(this.stack, type, name, key);
    this.out.errors.push(...errors);
    return value;
  }

  private policy(type: string, name: string, key: string): PolicySource {
    const source = policySource(this.stack, type, name, key);
    this.out.errors.push(...source.errors);
    return source;
  }
}

/** A resource's `tags` with string values; keyless writes them as plain strings, never references. */
function plainTags(tags: unknown): Record<string, string> {
  if (typeof tags !== 'object' || tags === null) return {};
  return Object.fromEntries(Object.entries(tags).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
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
