import { Diagnostic, error, SourceLocation, warning } from '../registry/diagnostics';
import { Account, App, Bucket, Registry } from '../registry/model';
import { AccountPlan, BucketPolicyPlan, ConsumerPlan, OrganizationPlan, RolePlan } from './account-plan';
import { opensByTag } from './consumer-policy';
import { policySize } from './document';
import {
  BUCKET_POLICY_MAX_CHARS, IAM_PATH_MAX_CHARS, MANAGED_POLICIES_PER_PRINCIPAL, MANAGED_POLICY_MAX_CHARS, ORGANIZATION_POLICIES_PER_TARGET, ORGANIZATION_POLICY_MAX_CHARS,
  ROLE_INLINE_POLICIES_MAX_CHARS, ROLE_NAME_MAX_CHARS, ROLES_PER_ACCOUNT, ROLES_PER_ACCOUNT_MAX, TAG_VALUE_MAX_CHARS,
  TRUST_POLICY_MAX_CHARS,
} from './limits';
import { APP_ROLE_NAME_PREFIX, CONSUMER_TAG } from './naming';

/** IAM names: letters, digits and _+=,.@- (IAM quotas page, "IAM name requirements"). */
const IAM_NAME_PATTERN = /^[\w+=,.@-]+$/;
/** IAM paths: `/`, or `/…/` of printable ASCII (CreateRole API reference). */
const IAM_PATH_PATTERN = /^\/(?:[\u0021-\u007E]*\/)?$/;
const TAG_VALUE_PATTERN = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

/**
 * AWS quotas on what one account's workspace would create, checked before anything is written:
 * a violation would otherwise surface as a failed `terraform apply`, after the change was merged.
 * Each diagnostic points at the registry entry that produces the resource.
 */
export function quotaDiagnostics(registry: Registry, plans: readonly AccountPlan[]): Diagnostic[] {
  const apps = new Map(registry.apps.map((a) => [a.id, a]));
  const buckets = new Map(registry.buckets.map((b) => [b.name, b]));
  return plans.flatMap((plan) => [
    ...rolesPerAccount(plan),
    ...namesUnique(plan),
    ...plan.roles.flatMap((role) => roleQuotas(role, plan.account, apps.get(role.appId)!)),
    ...plan.bucketPolicies.flatMap((b) => bucketPolicyQuota(b, plan.account, buckets.get(b.bucket)!)),
    ...plan.consumers.flatMap((c) => consumerQuotas(c, plan.account, registry.apps, registry.organization !== undefined)),
    ...(plan.organization && registry.organization ? organizationQuotas(plan.organization, registry.organization.location) : []),
  ]);
}

function rolesPerAccount(plan: AccountPlan): Diagnostic[] {
  const quota = plan.account.roleQuota ?? ROLES_PER_ACCOUNT;
  if (plan.roles.length <= quota) return [];
  const raise = quota < ROLES_PER_ACCOUNT_MAX
    ? `request a higher "Roles per account" quota (up to ${ROLES_PER_ACCOUNT_MAX}) in Service Quotas, service AWS Identity and Access Management (IAM), then set roleQuota: <new quota> on this account`
    : 'IAM grants no more; move apps to buckets in another account';
  return [error(plan.account.location,
    `account "${plan.account.alias}" would hold ${plan.roles.length} app roles, over its IAM quota "Roles per account" of ${quota} ` +
    `(its other roles count too); ${raise}`)];
}

/** IAM names are unique per account and type: two resources of one name would fail the apply. */
export function namesUnique(plan: AccountPlan): Diagnostic[] {
  const names = [
    ...plan.roles.map((r) => `role ${r.name}`),
    ...plan.consumers.flatMap((c) => c.policyNames.map((n) => `managed policy ${n}`)),
  ];
  const [seen, twice] = [new Set<string>(), new Set<string>()];
  for (const name of names) (seen.has(name) ? twice : seen).add(name);
  return [...twice].map((name) => error(plan.account.location,
    `account "${plan.account.alias}" would get two of ${name}; this is a keyless bug, please report it with the registry that causes it`));
}

/**
 * Each service or resource control policy within its size quota, and per root, OU or account at most the quota of
 * attached policies of a type, less the FullAWSAccess / RCPFullAWSAccess the organization keeps attached.
 */
function organizationQuotas(plan: OrganizationPlan, location: SourceLocation): Diagnostic[] {
  const kinds = [['resource control', plan.resourceControlPolicies], ['service control', plan.serviceControlPolicies]] as const;
  return kinds.flatMap(([kind, docs]) => {
    const problems = docs.flatMap((doc, i) => {
      const size = policySize(doc);
      return size <= ORGANIZATION_POLICY_MAX_CHARS ? [] : [error(location,
        `${kind} policy ${i + 1} has ${size} characters, over the Organizations quota of ${ORGANIZATION_POLICY_MAX_CHARS}; ` +
        'shorten the breakGlass lists or the network lists of the buckets, which it repeats')];
    });
    const room = ORGANIZATION_POLICIES_PER_TARGET - 1;
    if (docs.length > room) {
      problems.push(error(location,
        `the ${kind} policies need ${docs.length} policies per target, over the ${ORGANIZATION_POLICIES_PER_TARGET} Organizations allows per root, OU or account ` +
        `less the AWS-managed full-access one (${room}); fewer buckets, networks or breakGlass entries, or split the registry by OU`));
    }
    return problems;
  });
}

function roleQuotas(role: RolePlan, account: Account, app: App): Diagnostic[] {
  const of = `role ${role.name} (account "${account.alias}")`;
  const problems: string[] = [];
  const trust = policySize(role.trustPolicy);
  if (trust > TRUST_POLICY_MAX_CHARS) {
    const shorten = app.consumer.kind === 'certificate' ? 'shorten the app id' : 'shorten externalId, sourceIdentity or the consumer principal\'s path';
    problems.push(`trust policy of ${of} has ${trust} characters, over the IAM quota of ${TRUST_POLICY_MAX_CHARS}; ${shorten}`);
  }
  const inline = policySize(role.permissionsPolicy);
  if (inline > ROLE_INLINE_POLICIES_MAX_CHARS) {
    problems.push(`inline permissions policy of ${of} has ${inline} characters, over the IAM quota of ${ROLE_INLINE_POLICIES_MAX_CHARS} per role; declare fewer access entries or secrets, or split the app in two`);
  }
  if (role.name.length > ROLE_NAME_MAX_CHARS) {
    problems.push(`role name ${role.name} has ${role.name.length} characters, over the IAM limit of ${ROLE_NAME_MAX_CHARS}; shorten the app id to at most ${ROLE_NAME_MAX_CHARS - APP_ROLE_NAME_PREFIX.length} characters`);
  } else if (!IAM_NAME_PATTERN.test(role.name)) {
    problems.push(`role name ${role.name} has characters IAM does not allow in names; use letters, digits and _+=,.@- in the app id`);
  }
  if (role.path.length > IAM_PATH_MAX_CHARS || !IAM_PATH_PATTERN.test(role.path)) {
    problems.push(`path ${role.path} of ${of} breaks the IAM path rules: it must start and end with "/", use printable ASCII and have at most ${IAM_PATH_MAX_CHARS} characters`);
  }
  for (const [key, value] of Object.entries(role.tags)) {
    if (value.length > TAG_VALUE_MAX_CHARS || !TAG_VALUE_PATTERN.test(value)) {
      problems.push(`tag ${key}="${value}" of ${of} is not a valid IAM tag value (at most ${TAG_VALUE_MAX_CHARS} letters, digits, spaces and _.:/=+-@); rename what it comes from`);
    }
  }
  return problems.map((message) => error(app.location, message));
}

function bucketPolicyQuota(plan: BucketPolicyPlan, account: Account, bucket: Bucket): Diagnostic[] {
  const size = policySize(plan.policy);
  if (size <= BUCKET_POLICY_MAX_CHARS) return [];
  return [error(bucket.location,
    `bucket policy of "${plan.bucket}" (account "${account.alias}") has ${size} characters, over the S3 limit of ${BUCKET_POLICY_MAX_CHARS} (20 KB); ` +
    `shorten the account's breakGlass list${bucket.keepStatements ? `, the bucket's network lists or its kept statements (${bucket.keepStatements.file})` : ` or the bucket's network lists`}`)];
}

/**
 * Beyond MANAGED_POLICIES_PER_PRINCIPAL policies of exact ARNs a consumer opens its roles by tag (consumerTagPolicy):
 * whoever may tag app roles then widens its reach, and only the organization's SCP holds tagging to the deploy role.
 */
function consumerQuotas(plan: ConsumerPlan, account: Account, apps: readonly App[], organization: boolean): Diagnostic[] {
  const { principalArn, principalType } = plan.principal;
  const first = apps.find((a) => a.consumer.kind === 'principal' && a.consumer.account === account.alias && a.consumer.principalArn === principalArn)!;
  const problems: string[] = [];
  plan.policies.forEach((doc, i) => {
    const size = policySize(doc);
    if (size > MANAGED_POLICY_MAX_CHARS) {
      problems.push(`managed policy ${i + 1} of consumer ${principalArn} (account "${account.alias}") has ${size} characters, over the IAM quota of ${MANAGED_POLICY_MAX_CHARS}; this is a keyless bug, please report it`);
    }
  });
  if (principalType !== 'root' && plan.policies.length > MANAGED_POLICIES_PER_PRINCIPAL) {
    problems.push(`consumer ${principalArn} (account "${account.alias}") would get ${plan.policies.length} managed policies for its ${plan.roleArns.length} app roles, ` +
      `over the IAM quota of ${MANAGED_POLICIES_PER_PRINCIPAL} per ${principalType}, where one policy by role tag would do; this is a keyless bug, please report it`);
  }
  return [
    ...problems.map((message) => error(first.location, message)),
    // Stryker disable next-line MethodExpression: consumerAccessPolicies gives exact-ARN policies only, or the tag policy alone, never none: some and every agree
    ...(plan.policies.some(opensByTag) && !organization ? [warning(first.location,
      `consumer ${principalArn} (account "${account.alias}") opens its ${plan.roleArns.length} app roles by the role tag ${CONSUMER_TAG}, since their exact ARNs ` +
      `would need more than ${MANAGED_POLICIES_PER_PRINCIPAL} managed policies: whoever can tag keyless roles can point more roles at it; ` +
      'declare organization: in accounts.yaml, whose SCP lets only the deploy role tag them')] : []),
  ];
}
