import { Account, PrincipalConsumer, Registry } from '../registry/model';
import { AppRole, appRoles } from './app-roles';
import { bucketPolicy, guardrailOptions } from './bucket-policy';
import { consumerAccessPolicies } from './consumer-policy';
import { PolicyDocument } from './document';
import { APP_ROLE_PATH, CONSUMER_TAG, consumerPolicyNames, ROLES_ANYWHERE_PROFILE_NAME, trustAnchorArnPlaceholder, trustAnchorName } from './naming';
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
  /** Import the live bucket policy into state before the first apply (`existingPolicy: adopt`). */
  readonly adopt?: boolean;
}

/** Managed policies for one consumer principal of this account. */
export interface ConsumerPlan {
  readonly principal: PrincipalConsumer;
  readonly roleArns: readonly string[];
  readonly policies: readonly PolicyDocument[];
  /** The IAM name of each of `policies`. */
  readonly policyNames: readonly string[];
}

/** An IAM Roles Anywhere trust anchor: one per certificate authority, in the CA's account. */
export interface TrustAnchorPlan {
  /** The certificateAuthorities name. */
  readonly ca: string;
  readonly name: string;
  /** The CA certificate, PEM (source type CERTIFICATE_BUNDLE). */
  readonly certificate: string;
  /** What trust policies hold until modules/ replaces it with the anchor's `arn` reference. */
  readonly arnPlaceholder: string;
}

/** The Roles Anywhere profile of an account: exactly the certificate consumers' roles it may vend. */
export interface ProfilePlan {
  readonly name: string;
  readonly roleArns: readonly string[];
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
  readonly trustAnchors: readonly TrustAnchorPlan[];
  /** Absent when no certificate consumer has a role in this account. */
  readonly profile?: ProfilePlan;
  readonly organization?: OrganizationPlan;
}

export function planAccounts(registry: Registry): AccountPlan[] {
  const roles = appRoles(registry);
  return registry.accounts.map((account) => planAccount(registry, account, roles));
}

function planAccount(registry: Registry, account: Account, roles: readonly AppRole[]): AccountPlan {
  const buckets = registry.buckets.filter((b) => b.account === account.alias);
  const trustAnchors = registry.certificateAuthorities.filter((ca) => ca.account === account.alias).map((ca): TrustAnchorPlan => ({
    ca: ca.name,
    name: trustAnchorName(ca.name),
    certificate: ca.pem,
    arnPlaceholder: trustAnchorArnPlaceholder(account.region, account.id, ca.name),
  }));
  const own = roles.filter((r) => r.account === account);
  const certificateRoles = own.filter((r) => r.app.consumer.kind === 'certificate').map((r) => r.arn).sort();
  return {
    account,
    roles: own.map(rolePlan),
    bucketPolicies: buckets.map((b) => ({
      bucket: b.name,
      ...(b.region !== account.region && { region: b.region }),
      policy: bucketPolicy(b, account, guardrailOptions(registry, account)),
      ...(b.existingPolicy === 'adopt' && { adopt: true }),
    })),
    consumers: consumerPlans(account, roles),
    trustAnchors,
    ...(certificateRoles.length && { profile: { name: ROLES_ANYWHERE_PROFILE_NAME, roleArns: certificateRoles } }),
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
    tags: {
      'keyless:app': app.id,
      'keyless:owner': app.owner,
      'keyless:registry-file': app.file,
      // A certificate consumer has no principal: no consumer policy by tag may reach its role.
      ...(app.consumer.kind === 'principal' && { [CONSUMER_TAG]: app.consumer.principalArn }),
    },
    trustPolicy: trustPolicy(app, role.account),
    permissionsPolicy: permissionsPolicy(role),
  };
}

/** Groups the roles consumed by each principal of this account; outside accounts get nothing written. */
function consumerPlans(account: Account, roles: readonly AppRole[]): ConsumerPlan[] {
  const byPrincipal = new Map<string, { principal: PrincipalConsumer; arns: string[] }>();
  for (const role of roles) {
    const { consumer } = role.app;
    if (consumer.kind !== 'principal' || consumer.account !== account.alias) continue;
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

