import { BUCKET_POLICY_ACTIONS, BUCKET_POLICY_READ_ACTION } from './actions';
import { ConditionBlock, policy, PolicyDocument, Statement } from './document';
import { accountRootArn, APP_ID_TAG, APP_ROLE_NAME_PREFIX, APP_ROLE_PATH, appRolePattern, bucketArn } from './naming';
import { Account, Bucket } from '../registry/model';

/** Sids of the guardrails, which verify expects to decide the denials they exist for. */
export const GUARDRAIL_SIDS = {
  insecureTransport: 'DenyInsecureTransport',
  principalsOutsideRegistry: 'DenyPrincipalsOutsideRegistry',
  deployRoleBeyondBucketPolicy: 'DenyDeployRoleBeyondBucketPolicy',
  planRoleBeyondReadingBucketPolicy: 'DenyPlanRoleBeyondReadingBucketPolicy',
  sessionWithoutAppIdTag: 'DenyAppSessionWithoutAppIdTag',
  sessionTaggedForAnotherApp: 'DenyAppSessionTaggedForAnotherApp',
  sessionOutsideNetwork: 'DenyAppSessionOutsideNetwork',
} as const;

/**
 * Guardrails of a managed bucket: Deny statements only. Access itself comes from each app role's own
 * policy; an Allow here would, within the same account, bypass that role's prefix scoping.
 * The statement count is fixed: app roles are matched by path and session tag, never listed one by one.
 */
export function bucketPolicy(bucket: Bucket, owner: Account): PolicyDocument {
  const resources = [bucketArn(bucket.name), `${bucketArn(bucket.name)}/*`];
  const appRoles = { ArnLike: { 'aws:PrincipalArn': appRolePattern(owner.id) } };
  const deny = (Sid: string, Condition: ConditionBlock): Statement => ({
    Sid, Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: resources, Condition,
  });
  const statements: Statement[] = [];
  if (bucket.enforceTls) {
    statements.push(deny(GUARDRAIL_SIDS.insecureTransport, { Bool: { 'aws:SecureTransport': 'false' } }));
  }
  if (bucket.exclusive) {
    statements.push(deny(GUARDRAIL_SIDS.principalsOutsideRegistry, { ArnNotLike: { 'aws:PrincipalArn': trustedPrincipals(owner) } }));
    if (owner.deployRole) {
      statements.push(ciRoleLimit(GUARDRAIL_SIDS.deployRoleBeyondBucketPolicy, owner.deployRole, BUCKET_POLICY_ACTIONS, resources));
    }
    if (owner.planRole) {
      statements.push(ciRoleLimit(GUARDRAIL_SIDS.planRoleBeyondReadingBucketPolicy, owner.planRole, [BUCKET_POLICY_READ_ACTION], resources));
    }
  }
  statements.push(
    deny(GUARDRAIL_SIDS.sessionWithoutAppIdTag, { ...appRoles, Null: { [`aws:PrincipalTag/${APP_ID_TAG}`]: 'true' } }),
    deny(GUARDRAIL_SIDS.sessionTaggedForAnotherApp, {
      ...appRoles,
      ArnNotLike: { 'aws:PrincipalArn': `arn:aws:iam::${owner.id}:role${APP_ROLE_PATH}${APP_ROLE_NAME_PREFIX}\${aws:PrincipalTag/${APP_ID_TAG}}` },
    }),
  );
  const network = networkCondition(bucket);
  if (network) statements.push(deny(GUARDRAIL_SIDS.sessionOutsideNetwork, { ...appRoles, ...network }));
  return policy(...statements);
}

/**
 * CI roles touch this policy and nothing else: the deploy role applies it, the plan role reads it. Credentials
 * that can plan or apply must not reach the data of an exclusive bucket.
 */
function ciRoleLimit(Sid: string, role: string, actions: readonly string[], resources: string[]): Statement {
  return {
    Sid,
    Effect: 'Deny',
    Principal: '*',
    NotAction: [...actions],
    Resource: resources,
    Condition: { ArnLike: { 'aws:PrincipalArn': role } },
  };
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
function networkCondition(bucket: Bucket): ConditionBlock | undefined {
  const n = bucket.network;
  if (!n) return undefined;
  const notEquals: Record<string, string[]> = {};
  if (n.sourceVpc.length) notEquals['aws:SourceVpc'] = [...n.sourceVpc];
  if (n.sourceVpce.length) notEquals['aws:SourceVpce'] = [...n.sourceVpce];
  const condition: ConditionBlock = {};
  if (Object.keys(notEquals).length) condition.StringNotEquals = notEquals;
  if (n.sourceIp.length) condition.NotIpAddress = { 'aws:SourceIp': [...n.sourceIp] };
  return Object.keys(condition).length ? condition : undefined;
}
