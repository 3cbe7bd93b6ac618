import { BUCKET_POLICY_ACTIONS, BUCKET_POLICY_READ_ACTION } from './actions';
import { ConditionBlock, policy, PolicyDocument, Statement } from './document';
import { accountRootArn, APP_ID_TAG, APP_ROLE_NAME_PREFIX, APP_ROLE_PATH, appRolePattern, bucketArn } from './naming';
import { Account, Bucket, NetworkRestriction } from '../registry/model';

/** Sids of the guardrails, which verify expects to decide the denials they exist for. */
export const GUARDRAIL_SIDS = {
  insecureTransport: 'DenyInsecureTransport',
  principalsOutsideRegistry: 'DenyPrincipalsOutsideRegistry',
  breakGlassWildcardAcrossPath: 'DenyBreakGlassWildcardAcrossPath',
  deployRoleBeyondBucketPolicy: 'DenyDeployRoleBeyondBucketPolicy',
  planRoleBeyondReadingBucketPolicy: 'DenyPlanRoleBeyondReadingBucketPolicy',
  sessionWithoutAppIdTag: 'DenyAppSessionWithoutAppIdTag',
  sessionTaggedForAnotherApp: 'DenyAppSessionTaggedForAnotherApp',
  sessionOutsideNetwork: 'DenyAppSessionOutsideNetwork',
} as const;

/** The bucket and its objects: what every guardrail covers. */
export function bucketResources(bucket: string): string[] {
  return [bucketArn(bucket), `${bucketArn(bucket)}/*`];
}

/**
 * Guardrails of a managed bucket: Deny statements only. Access itself comes from each app role's own
 * policy; an Allow here would, within the same account, bypass that role's prefix scoping.
 * The statement count is fixed: app roles are matched by path and session tag, never listed one by one.
 * The resource control policy (organization-policies.ts) repeats the same guardrails, built by the same functions.
 */
export function bucketPolicy(bucket: Bucket, owner: Account): PolicyDocument {
  const resources = bucketResources(bucket.name);
  const network = bucket.network && networkGuardrail(resources, owner, bucket.network);
  return policy(
    ...(bucket.enforceTls ? [tlsGuardrail(resources)] : []),
    ...(bucket.exclusive ? [...exclusiveGuardrails(resources, owner), ...ciRoleLimits(resources, owner)] : []),
    ...appSessionGuardrails(resources, owner),
    ...(network ? [network] : []),
  );
}

function deny(Sid: string, resources: readonly string[], Condition: ConditionBlock): Statement {
  return { Sid, Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: [...resources], Condition };
}

/** No plain HTTP. */
export function tlsGuardrail(resources: readonly string[], sid: string = GUARDRAIL_SIDS.insecureTransport): Statement {
  return deny(sid, resources, { Bool: { 'aws:SecureTransport': 'false' } });
}

/**
 * Nobody outside the registry: every principal but app roles, breakGlass, the root and the CI roles is denied; and a
 * breakGlass wildcard stays within a name. In aws:PrincipalArn a `*` or `?` also matches `/`, so
 * `role/platform-admin-*` would admit `role/platform-admin-x/attacker`, a role anyone allowed to create roles can
 * make: whatever matches an entry with a `/` after the entry's fixed start is denied.
 */
export function exclusiveGuardrails(resources: readonly string[], owner: Account, sidSuffix = ''): Statement[] {
  const wildcards = owner.breakGlass.filter((entry) => /[*?]/.test(entry));
  const legitimate = [appRolePattern(owner.id), ...(owner.deployRole ? [owner.deployRole] : []), ...(owner.planRole ? [owner.planRole] : [])];
  return [
    deny(`${GUARDRAIL_SIDS.principalsOutsideRegistry}${sidSuffix}`, resources, { ArnNotLike: { 'aws:PrincipalArn': trustedPrincipals(owner) } }),
    ...wildcards.map((entry, i) => deny(`${GUARDRAIL_SIDS.breakGlassWildcardAcrossPath}${i + 1}${sidSuffix}`, resources, {
      ArnLike: { 'aws:PrincipalArn': entry },
      StringLike: { 'aws:PrincipalArn': `${entry.slice(0, entry.search(/[*?]/))}*/*` },
      ArnNotLike: { 'aws:PrincipalArn': legitimate },
    })),
  ];
}

/**
 * CI roles touch this policy and nothing else: the deploy role applies it, the plan role reads it. Credentials
 * that can plan or apply must not reach the data of an exclusive bucket. (NotAction: bucket policies only; RCPs
 * do not support it.)
 */
function ciRoleLimits(resources: readonly string[], owner: Account): Statement[] {
  const limit = (Sid: string, role: string, actions: readonly string[]): Statement => ({
    Sid, Effect: 'Deny', Principal: '*', NotAction: [...actions], Resource: [...resources], Condition: { ArnLike: { 'aws:PrincipalArn': role } },
  });
  return [
    ...(owner.deployRole ? [limit(GUARDRAIL_SIDS.deployRoleBeyondBucketPolicy, owner.deployRole, BUCKET_POLICY_ACTIONS)] : []),
    ...(owner.planRole ? [limit(GUARDRAIL_SIDS.planRoleBeyondReadingBucketPolicy, owner.planRole, [BUCKET_POLICY_READ_ACTION])] : []),
  ];
}

/** An app role session must carry an AppId tag, and the one naming its own role. */
export function appSessionGuardrails(resources: readonly string[], owner: Account, sidSuffix = ''): Statement[] {
  const appRoles = appRoleMatch(owner);
  return [
    deny(`${GUARDRAIL_SIDS.sessionWithoutAppIdTag}${sidSuffix}`, resources, { ...appRoles, Null: { [`aws:PrincipalTag/${APP_ID_TAG}`]: 'true' } }),
    deny(`${GUARDRAIL_SIDS.sessionTaggedForAnotherApp}${sidSuffix}`, resources, {
      ...appRoles,
      ArnNotLike: { 'aws:PrincipalArn': `arn:aws:iam::${owner.id}:role${APP_ROLE_PATH}${APP_ROLE_NAME_PREFIX}\${aws:PrincipalTag/${APP_ID_TAG}}` },
    }),
  ];
}

/** App sessions only from the bucket's network. */
export function networkGuardrail(resources: readonly string[], owner: Account, network: NetworkRestriction, sidSuffix = ''): Statement | undefined {
  const condition = networkCondition(network);
  return condition && deny(`${GUARDRAIL_SIDS.sessionOutsideNetwork}${sidSuffix}`, resources, { ...appRoleMatch(owner), ...condition });
}

function appRoleMatch(owner: Account): ConditionBlock {
  return { ArnLike: { 'aws:PrincipalArn': appRolePattern(owner.id) } };
}

/** Who may use an exclusive bucket: app roles, breakGlass, the root, and the CI roles (for this policy only). */
export function trustedPrincipals(owner: Account): string[] {
  return [
    appRolePattern(owner.id),
    accountRootArn(owner.id),
    ...(owner.deployRole ? [owner.deployRole] : []),
    ...(owner.planRole ? [owner.planRole] : []),
    ...owner.breakGlass,
  ];
}

/** Deny unless one source matches. Negated operators are true when the key is absent, so each list must fail. */
function networkCondition(n: NetworkRestriction): ConditionBlock | undefined {
  const notEquals: Record<string, string[]> = {};
  if (n.sourceVpc.length) notEquals['aws:SourceVpc'] = [...n.sourceVpc];
  if (n.sourceVpce.length) notEquals['aws:SourceVpce'] = [...n.sourceVpce];
  const condition: ConditionBlock = {};
  if (Object.keys(notEquals).length) condition.StringNotEquals = notEquals;
  if (n.sourceIp.length) condition.NotIpAddress = { 'aws:SourceIp': [...n.sourceIp] };
  return Object.keys(condition).length ? condition : undefined;
}
