import { Account, Consumer, Registry } from '../registry/model';
import { AppRole, appRoles } from './app-roles';
import { bucketPolicy } from './bucket-policy';
import { consumerAccessPolicies } from './consumer-policy';
import { PolicyDocument } from './document';
import { APP_ROLE_PATH, CONSUMER_TAG, consumerPolicyNames } from './naming';
import { packPolicies, resourceControlStatements, serviceControlStatements } from './organization-policies';
import { permissionsPolicy } from './permissions-policy';
import { trustPolicy } from './trust-policy';

export interface RolePlan {
  readonly appId: string;
  readonly name: string;
  readonly path: string;
  readonly arn: string;
  readonly description: string;
  readonly maxSessionDuration: number;
  readonly tags: Readonly<Record<string, string>>;
  readonly trustPolicy: PolicyDocument;
  readonly permissionsPolicy: PolicyDocument;
}

export interface BucketPolicyPlan {
  readonly bucket: string;
  /** Set when the bucket is in another region than the workspace's provider. */
  readonly region?: string;
  readonly policy: PolicyDocument;
}

/** Managed policies for one consumer principal of this account. */
export interface ConsumerPlan {
  readonly principal: Consumer;
  readonly roleArns: readonly string[];
  readonly policies: readonly PolicyDocument[];
  /** The IAM name of each of `policies`. */
  readonly policyNames: readonly string[];
}

/** The organization guardrails, in the workspace of the management (or delegated administrator) account. */
export interface OrganizationPlan {
  /** Roots, OUs or account ids each policy is attached to. */
  readonly targets: readonly string[];
  readonly resourceControlPolicies: readonly PolicyDocument[];
  readonly serviceControlPolicies: readonly PolicyDocument[];
}

/** Everything one account's workspace holds, engine-neutral: modules/ renders it as Terraform. */
export interface AccountPlan {
  readonly account: Account;
  readonly roles: readonly RolePlan[];
  readonly bucketPolicies: readonly BucketPolicyPlan[];
  readonly consumers: readonly ConsumerPlan[];
  readonly organization?: OrganizationPlan;
}

export function planAccounts(registry: Registry): AccountPlan[] {
  const roles = appRoles(registry);
  return registry.accounts.map((account) => planAccount(registry, account, roles));
}

function planAccount(registry: Registry, account: Account, roles: readonly AppRole[]): AccountPlan {
  const buckets = registry.buckets.filter((b) => b.account === account.alias);
  return {
    account,
    roles: roles.filter((r) => r.account === account).map(rolePlan),
    bucketPolicies: buckets.map((b) => ({
      bucket: b.name,
      ...(b.region !== account.region && { region: b.region }),
      policy: bucketPolicy(b, account),
    })),
    consumers: consumerPlans(account, roles),
    ...(registry.organization?.account === account.alias && { organization: organizationPlan(registry) }),
  };
}

export function organizationPlan(registry: Registry): OrganizationPlan {
  return {
    targets: registry.organization?.targets ?? [],
    resourceControlPolicies: packPolicies(resourceControlStatements(registry)),
    serviceControlPolicies: packPolicies(serviceControlStatements(registry)),
  };
}

function rolePlan(role: AppRole): RolePlan {
  const { app } = role;
  return {
    appId: app.id,
    name: role.name,
    path: APP_ROLE_PATH,
    arn: role.arn,
    description: `keyless app ${app.id} (${app.owner})${app.description ? `: ${app.description}` : ''}`.slice(0, 1000),
    maxSessionDuration: app.maxSessionDuration,
    tags: { 'keyless:app': app.id, 'keyless:owner': app.owner, 'keyless:registry-file': app.file, [CONSUMER_TAG]: app.consumer.principalArn },
    trustPolicy: trustPolicy(app),
    permissionsPolicy: permissionsPolicy(role),
  };
}

/** Groups the roles consumed by each principal of this account; outside accounts get nothing written. */
function consumerPlans(account: Account, roles: readonly AppRole[]): ConsumerPlan[] {
  const byPrincipal = new Map<string, { principal: Consumer; arns: string[] }>();
  for (const role of roles) {
    const { consumer } = role.app;
    if (consumer.account !== account.alias) continue;
    const entry = byPrincipal.get(consumer.principalArn) ?? { principal: consumer, arns: [] };
    entry.arns.push(role.arn);
    byPrincipal.set(consumer.principalArn, entry);
  }
  return [...byPrincipal.values()]
    .sort((a, b) => a.principal.principalArn.localeCompare(b.principal.principalArn))
    .map(({ principal, arns }) => {
      const policies = consumerAccessPolicies(principal.principalArn, arns);
      return { principal, roleArns: arns, policies, policyNames: consumerPolicyNames(principal, policies.length) };
    });
}

