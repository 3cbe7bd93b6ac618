import { BUCKET_POLICY_ACTIONS, BUCKET_POLICY_READ_ACTION } from './actions';
import { ConditionBlock, policy, PolicyDocument, Statement } from './document';
import { ExclusiveExemptions, exclusiveExemptions, outsideRegistryCondition } from './exclusive-guardrail';
import { APP_ID_TAG, APP_ROLE_NAME_PREFIX, APP_ROLE_PATH, appRolePattern, bucketArn, CERTIFICATE_CN_TAG } from './naming';
import { serviceStatements } from './service-grants';
import { Account, Bucket, NetworkRestriction, Registry } from '../registry/model';

export { trustedPrincipals } from './exclusive-guardrail';

/** Sids of the guardrails, which verify expects to decide the denials they exist for. */
export const GUARDRAIL_SIDS = {
  insecureTransport: 'DenyInsecureTransport',
  principalsOutsideRegistry: 'DenyPrincipalsOutsideRegistry',
  deployRoleBeyondBucketPolicy: 'DenyDeployRoleBeyondBucketPolicy',
  planRoleBeyondReadingBucketPolicy: 'DenyPlanRoleBeyondReadingBucketPolicy',
  sessionWithoutAppIdTag: 'DenyAppSessionWithoutAppIdTag',
  sessionTaggedForAnotherApp: 'DenyAppSessionTaggedForAnotherApp',
  certificateSessionForAnotherApp: 'DenyCertificateSessionForAnotherApp',
  sessionOutsideNetwork: 'DenyAppSessionOutsideNetwork',
  breakGlassWildcardAcrossPath: 'DenyBreakGlassWildcardAcrossPath',
} as const;

/**
 * A managed bucket's policy: keyless's guardrails, the Allows of its declared services, then the kept statements
 * verbatim. App access comes from each app role's own policy: an Allow to an app role here would, within the same
 * account, bypass that role's prefix scoping (validation refuses kept ones). The guardrail count is fixed: app
 * roles are matched by path and session tag, never listed one by one.
 */
export function bucketPolicy(bucket: Bucket, owner: Account, options: GuardrailOptions = { certificateSessions: false }): PolicyDocument {
  const kept = (bucket.keepStatements?.statements ?? []).map((k) => k.statement as unknown as Statement);
  return policy(...guardrails(bucket, owner, options), ...serviceStatements(bucket), ...kept);
}

/** The Deny statements keyless writes on every managed bucket. */
export function guardrails(bucket: Bucket, owner: Account, options: GuardrailOptions): Statement[] {
  const resources = bucketResources(bucket.name);
  const network = bucket.network && networkGuardrail(resources, owner, bucket.network);
  return [
    ...(bucket.enforceTls ? [tlsGuardrail(resources)] : []),
    ...(bucket.exclusive ? [...exclusiveGuardrails(resources, owner, exclusiveExemptions(bucket, owner)), ...ciRoleLimits(resources, owner)] : []),
    ...appSessionStatements(resources, owner, options),
    ...(network ? [network] : []),
  ];
}

/** The bucket and its objects: what every guardrail covers. */
export function bucketResources(bucket: string): string[] {
  return [bucketArn(bucket), `${bucketArn(bucket)}/*`];
}

function deny(Sid: string, resources: readonly string[], Condition: ConditionBlock): Statement {
  return { Sid, Effect: 'Deny', Principal: '*', Action: 's3:*', Resource: [...resources], Condition };
}

/**
 * The guardrail builders below take the resources they cover and a Sid suffix, so an organization's resource control
 * policy (organization-policies.ts) repeats them for many buckets at once: a guardrail changed here changes in both.
 */

/** No plain HTTP. */
export function tlsGuardrail(resources: readonly string[], sid: string = GUARDRAIL_SIDS.insecureTransport): Statement {
  return deny(sid, resources, { Bool: { 'aws:SecureTransport': 'false' } });
}

/** Nobody outside the registry but the exempt, and breakGlass wildcards kept within a name. */
export function exclusiveGuardrails(resources: readonly string[], owner: Account, exemptions: ExclusiveExemptions, sidSuffix = ''): Statement[] {
  return [
    deny(`${GUARDRAIL_SIDS.principalsOutsideRegistry}${sidSuffix}`, resources, outsideRegistryCondition(exemptions)),
    ...breakGlassWildcardGuardrails(owner).map(({ Sid, Condition }) => deny(`${Sid}${sidSuffix}`, resources, Condition)),
  ];
}

/** Every app-role session held to its own role (appSessionGuardrails), as statements on `resources`. */
export function appSessionStatements(resources: readonly string[], owner: Account, options: GuardrailOptions, sidSuffix = ''): Statement[] {
  return appSessionGuardrails(owner.id, options).map(({ Sid, Condition }) => deny(`${Sid}${sidSuffix}`, resources, Condition));
}

/** App sessions only from the bucket's network. */
export function networkGuardrail(resources: readonly string[], owner: Account, network: NetworkRestriction, sidSuffix = ''): Statement | undefined {
  const condition = networkCondition(network);
  const appRoles = { ArnLike: { 'aws:PrincipalArn': appRolePattern(owner.id) } };
  return condition && deny(`${GUARDRAIL_SIDS.sessionOutsideNetwork}${sidSuffix}`, resources, { ...appRoles, ...condition });
}

/** Whether `account`'s app roles may be opened by certificate: it holds a Roles Anywhere trust anchor. */
export function guardrailOptions(registry: Registry, account: Account): GuardrailOptions {
  return { certificateSessions: registry.certificateAuthorities.some((ca) => ca.account === account.alias) };
}

export interface GuardrailOptions {
  /**
   * Whether the account's app roles may also be opened by certificate (IAM Roles Anywhere sessions, identified by
   * their x509Subject/CN tag instead of AppId). Off, the statements are those of a registry without certificates.
   */
  readonly certificateSessions: boolean;
}

/**
 * The Deny conditions that hold every app-role session of account `accountId` to its own role, whatever the resource
 * (bucket policies, and any other policy that repeats the guardrails). A session is identified by its `AppId` tag
 * (ExternalId consumers) or, with certificateSessions, its `x509Subject/CN` tag (certificate consumers), and the
 * tag must name the role the session belongs to.
 *
 * Each statement that compares with a tag variable also requires that tag (`Null: false`), and the absence of both
 * tags has its own statement: IAM says an unresolvable policy variable "might cause the entire statement to be
 * invalid" ("IAM policy elements: Variables and tags", IAM User Guide), which for a Deny would mean no denial.
 * Negated operators such as ArnNotLike are true when their key is absent ("IAM JSON policy elements: Condition
 * operators"), which is why the key of each is the always-present aws:PrincipalArn.
 */
export function appSessionGuardrails(accountId: string, options: GuardrailOptions): { Sid: string; Condition: ConditionBlock }[] {
  const appRoles = { ArnLike: { 'aws:PrincipalArn': appRolePattern(accountId) } };
  const ownRole = (tag: string) => `arn:aws:iam::${accountId}:role${APP_ROLE_PATH}${APP_ROLE_NAME_PREFIX}\${aws:PrincipalTag/${tag}}`;
  const appIdTag = `aws:PrincipalTag/${APP_ID_TAG}`;
  const cnTag = `aws:PrincipalTag/${CERTIFICATE_CN_TAG}`;
  if (!options.certificateSessions) {
    return [
      { Sid: GUARDRAIL_SIDS.sessionWithoutAppIdTag, Condition: { ...appRoles, Null: { [appIdTag]: 'true' } } },
      { Sid: GUARDRAIL_SIDS.sessionTaggedForAnotherApp, Condition: { ...appRoles, ArnNotLike: { 'aws:PrincipalArn': ownRole(APP_ID_TAG) } } },
    ];
  }
  return [
    // Neither an AppId nor a certificate CN: one Null block, whose keys must all hold.
    { Sid: GUARDRAIL_SIDS.sessionWithoutAppIdTag, Condition: { ...appRoles, Null: { [appIdTag]: 'true', [cnTag]: 'true' } } },
    {
      Sid: GUARDRAIL_SIDS.sessionTaggedForAnotherApp,
      Condition: { ...appRoles, Null: { [appIdTag]: 'false' }, ArnNotLike: { 'aws:PrincipalArn': ownRole(APP_ID_TAG) } },
    },
    {
      Sid: GUARDRAIL_SIDS.certificateSessionForAnotherApp,
      Condition: { ...appRoles, Null: { [cnTag]: 'false' }, ArnNotLike: { 'aws:PrincipalArn': ownRole(CERTIFICATE_CN_TAG) } },
    },
  ];
}

/**
 * A breakGlass wildcard stays within a name. In aws:PrincipalArn a `*` or `?` also matches `/`, so
 * `role/platform-admin-*` would admit `role/platform-admin-x/attacker`, a role anyone allowed to create roles can
 * make: whatever matches an entry with a `/` after the entry's fixed start is denied.
 */
function breakGlassWildcardGuardrails(owner: Account): { Sid: string; Condition: ConditionBlock }[] {
  const legitimate = [appRolePattern(owner.id), ...(owner.deployRole ? [owner.deployRole] : []), ...(owner.planRole ? [owner.planRole] : [])];
  return owner.breakGlass.filter((entry) => /[*?]/.test(entry)).map((entry, i) => ({
    Sid: `${GUARDRAIL_SIDS.breakGlassWildcardAcrossPath}${i + 1}`,
    Condition: {
      ArnLike: { 'aws:PrincipalArn': entry },
      StringLike: { 'aws:PrincipalArn': `${entry.slice(0, entry.search(/[*?]/))}*/*` },
      ArnNotLike: { 'aws:PrincipalArn': legitimate },
    },
  }));
}

/**
 * CI roles touch this policy and nothing else: the deploy role applies it, the plan role reads it. Credentials
 * that can plan or apply must not reach the data of an exclusive bucket. (NotAction: bucket policies only; an RCP
 * does not support it.)
 */
export function ciRoleLimits(resources: readonly string[], owner: Account, sidSuffix = ''): Statement[] {
  const limit = (Sid: string, role: string, actions: readonly string[]): Statement => ({
    Sid: `${Sid}${sidSuffix}`, Effect: 'Deny', Principal: '*', NotAction: [...actions], Resource: [...resources], Condition: { ArnLike: { 'aws:PrincipalArn': role } },
  });
  return [
    ...(owner.deployRole ? [limit(GUARDRAIL_SIDS.deployRoleBeyondBucketPolicy, owner.deployRole, BUCKET_POLICY_ACTIONS)] : []),
    ...(owner.planRole ? [limit(GUARDRAIL_SIDS.planRoleBeyondReadingBucketPolicy, owner.planRole, [BUCKET_POLICY_READ_ACTION])] : []),
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
