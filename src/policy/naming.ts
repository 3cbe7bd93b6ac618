/** Names and ARNs of generated resources; deterministic so workspaces never read each other's state. */

/** Every app role lives under this path: bucket guardrails recognise app sessions by it. */
export const APP_ROLE_PATH = '/keyless/';
export const APP_ROLE_NAME_PREFIX = 'keyless-';
const CONSUMER_POLICY_PREFIX = 'keyless-consume-';
/** The session tag that ties a session to one app. */
export const APP_ID_TAG = 'AppId';
/**
 * The app role tag that names the role's consumer principal (its ARN): a consumer policy by tag lets a principal open
 * sessions of the keyless roles that carry its ARN here (consumer-policy.ts).
 */
export const CONSUMER_TAG = 'keyless:consumer';

/**
 * Names of the managed policies that let one consumer principal open its app sessions, for `count` policies.
 * `keyless-consume-role-NAME` for one, `keyless-consume-<n>-role-NAME` for several: the number never ends the name,
 * so role `node` and role `node-1` can never produce the same name (IAM names may end in `-1` themselves).
 */
export function consumerPolicyNames(principal: { principalType: string; principalName?: string }, count: number): string[] {
  const key = principal.principalName ? `${principal.principalType}-${principal.principalName}` : 'root';
  if (count === 1) return [`${CONSUMER_POLICY_PREFIX}${key}`];
  return Array.from({ length: count }, (_, i) => `${CONSUMER_POLICY_PREFIX}${i + 1}-${key}`);
}

export function appRoleName(appId: string): string {
  return `${APP_ROLE_NAME_PREFIX}${appId}`;
}

export function appRoleArn(accountId: string, appId: string): string {
  return `arn:aws:iam::${accountId}:role${APP_ROLE_PATH}${appRoleName(appId)}`;
}

/** Every role under the app role path of an account (app roles and nothing else: only keyless writes there). */
export function appRolePathPattern(accountId: string): string {
  return `arn:aws:iam::${accountId}:role${APP_ROLE_PATH}*`;
}

/** Matches every app role of an account, and nothing else. */
export function appRolePattern(accountId: string): string {
  return `arn:aws:iam::${accountId}:role${APP_ROLE_PATH}${APP_ROLE_NAME_PREFIX}*`;
}

export function accountRootArn(accountId: string): string {
  return `arn:aws:iam::${accountId}:root`;
}

export function bucketArn(bucket: string): string {
  return `arn:aws:s3:::${bucket}`;
}

/** The account id inside an ARN such as a secret's or a KMS key's. */
export function arnAccount(arn: string): string | undefined {
  return arn.split(':')[4] || undefined;
}

/** The region inside a regional ARN such as a KMS key's. */
export function arnRegion(arn: string): string | undefined {
  return arn.split(':')[3] || undefined;
}

/** Any IAM role's ARN; `path` as IAM stores it: `/` (the default) or `/…/`. */
export function iamRoleArn(accountId: string, roleName: string, path = '/'): string {
  return `arn:aws:iam::${accountId}:role${path}${roleName}`;
}

/** A customer managed policy's ARN; `path` as IAM stores it: `/` (the default) or `/…/`. */
export function managedPolicyArn(accountId: string, policyName: string, path = '/'): string {
  return `arn:aws:iam::${accountId}:policy${path}${policyName}`;
}

/** A Secrets Manager secret's ARN; `secretId` is its name with the random suffix AWS appends. */
export function secretArn(region: string, accountId: string, secretId: string): string {
  return `arn:aws:secretsmanager:${region}:${accountId}:secret:${secretId}`;
}

/**
 * Whether `value` matches a StringLike/ArnLike pattern, where `*` is any run and `?` one character; both also match
 * `/`, so a wildcard in a role name reaches roles under deeper paths.
 */
export function matchesPattern(pattern: string, value: string): boolean {
  const regex = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${regex}$`).test(value);
}
