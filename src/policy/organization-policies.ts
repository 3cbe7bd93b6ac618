import { Account, Bucket, Registry } from '../registry/model';
import { ACCOUNT_ID_PATTERN } from '../registry/schema';
import { BUCKET_POLICY_ACTIONS, BUCKET_POLICY_DELETE_ACTION } from './actions';
import { appSessionStatements, bucketResources, ciRoleLimits, exclusiveGuardrails, GUARDRAIL_SIDS, guardrailOptions, networkGuardrail, tlsGuardrail } from './bucket-policy';
import { exclusiveExemptions } from './exclusive-guardrail';
import { policy, PolicyDocument, policySize, Statement } from './document';
import { ORGANIZATION_POLICY_MAX_CHARS } from './limits';
import { accountRootArn, APP_ROLE_PATH, arnAccount, bucketArn } from './naming';

/** Every S3 bucket and object: what the app-session statements of the RCP cover. */
export const ALL_S3_RESOURCES = 'arn:aws:s3:::*';

/** Sids of the organization guardrails that are not bucket guardrails, which verify expects to decide. */
export const ORGANIZATION_SIDS = {
  servicesForOtherAccounts: 'DenyServicesActingForOtherAccounts',
  keylessRoleChanges: 'DenyKeylessRoleChangesButByDeployRole',
  bucketPolicyChanges: 'DenyKeylessBucketPolicyChangesButByDeployRole',
  identityProviderChanges: 'DenyIdentityProviderChangesButByDeployRole',
  breakGlassUserCredentials: 'DenyBreakGlassUserCredentialsButByDeployRole',
} as const;

/**
 * What changes a keyless role: its trust, its policies, its boundary, its tags (tags are not used for
 * authorization here, but a role's tags say which app it is), creating or deleting it.
 */
export const ROLE_CHANGE_ACTIONS = [
  'iam:CreateRole', 'iam:DeleteRole', 'iam:UpdateRole', 'iam:UpdateRoleDescription', 'iam:UpdateAssumeRolePolicy',
  'iam:PutRolePolicy', 'iam:DeleteRolePolicy', 'iam:AttachRolePolicy', 'iam:DetachRolePolicy',
  'iam:PutRolePermissionsBoundary', 'iam:DeleteRolePermissionsBoundary', 'iam:TagRole', 'iam:UntagRole',
] as const;

/**
 * What changes who a role trusts without touching its trust policy: the IAM SAML and OIDC providers that the CI and
 * breakGlass roles name (GitHub's OIDC provider, Identity Center's SAML provider), and the Roles Anywhere trust
 * anchors, CRLs and profiles that certificate consumers' roles name. The list follows the AWS data-perimeter example
 * service_control_policies/service_specific_controls/restrict_idp_configurations_scp.json (PreventIdPTrustModifications),
 * plus the profile actions that decide a Roles Anywhere session's roles and tags.
 */
export const IDENTITY_PROVIDER_CHANGE_ACTIONS = [
  'iam:CreateOpenIDConnectProvider', 'iam:DeleteOpenIDConnectProvider', 'iam:AddClientIDToOpenIDConnectProvider',
  'iam:RemoveClientIDFromOpenIDConnectProvider', 'iam:UpdateOpenIDConnectProviderThumbprint', 'iam:TagOpenIDConnectProvider',
  'iam:UntagOpenIDConnectProvider', 'iam:CreateSAMLProvider', 'iam:DeleteSAMLProvider', 'iam:UpdateSAMLProvider',
  'iam:TagSAMLProvider', 'iam:UntagSAMLProvider',
  'rolesanywhere:CreateTrustAnchor', 'rolesanywhere:DeleteTrustAnchor', 'rolesanywhere:EnableTrustAnchor',
  'rolesanywhere:DisableTrustAnchor', 'rolesanywhere:UpdateTrustAnchor', 'rolesanywhere:ImportCrl', 'rolesanywhere:UpdateCrl',
  'rolesanywhere:DeleteCrl', 'rolesanywhere:EnableCrl', 'rolesanywhere:DisableCrl', 'rolesanywhere:CreateProfile',
  'rolesanywhere:UpdateProfile', 'rolesanywhere:DeleteProfile', 'rolesanywhere:EnableProfile', 'rolesanywhere:PutAttributeMapping',
  'rolesanywhere:DeleteAttributeMapping', 'rolesanywhere:TagResource', 'rolesanywhere:UntagResource',
] as const;

/** What gives someone an IAM user's credentials, or lets them past its MFA: becoming a breakGlass user. */
export const USER_CREDENTIAL_ACTIONS = [
  'iam:CreateAccessKey', 'iam:UpdateAccessKey', 'iam:CreateLoginProfile', 'iam:UpdateLoginProfile', 'iam:CreateServiceSpecificCredential',
  'iam:UploadSigningCertificate', 'iam:UploadSSHPublicKey', 'iam:EnableMFADevice', 'iam:DeactivateMFADevice', 'iam:ResyncMFADevice',
  'iam:PutUserPolicy', 'iam:AttachUserPolicy', 'iam:PutUserPermissionsBoundary', 'iam:DeleteUserPermissionsBoundary', 'iam:AddUserToGroup',
] as const;

/** Changing a bucket policy: putting one (which may drop every guardrail) or deleting it. */
const BUCKET_POLICY_CHANGE_ACTIONS = [BUCKET_POLICY_ACTIONS[1], BUCKET_POLICY_DELETE_ACTION];

/**
 * The resource control policy statements: for every keyless bucket, the guardrails an outsider must never get
 * past, built by the same functions as the bucket policy, so deleting or rewriting a bucket policy lifts nothing.
 * Not the CI role limits: RCPs support neither NotAction nor an Allow ("RCP syntax", AWS Organizations User Guide).
 * Statements are grouped per owner account (and per network), so the size grows with buckets, not apps.
 */
export function resourceControlStatements(registry: Registry): Statement[] {
  const statements: Statement[] = [];
  const tls = registry.buckets.filter((b) => b.enforceTls);
  // Its own Sid, unlike the bucket policy's: verify must tell which of the two denied plain HTTP.
  if (tls.length) statements.push(tlsGuardrail(resourcesOf(tls), `${GUARDRAIL_SIDS.insecureTransport}ForKeylessBuckets`));
  for (const owner of registry.accounts) {
    const buckets = registry.buckets.filter((b) => b.account === owner.alias);
    if (!buckets.length) continue;
    statements.push(...exclusiveStatements(buckets.filter((b) => b.exclusive), owner));
    // App roles of the owner reach keyless buckets only, so their session guardrails can cover every S3 resource: one
    // statement each, whatever the number of buckets (the RCP's 5120 characters then hold far more buckets).
    statements.push(...appSessionStatements([ALL_S3_RESOURCES], owner, guardrailOptions(registry, owner), ownerSuffix(owner)));
    statements.push(...networkStatements(buckets, owner));
  }
  if (registry.buckets.length) statements.push(servicesForOtherAccounts(registry));
  return statements;
}

/** Sids are unique per policy: the owner's statements carry its account id (`DenyAppSessionWithoutAppIdTagFor111111111111`). */
export function ownerSuffix(owner: Account): string {
  return `For${owner.id}`;
}

/**
 * The exclusive guardrail, once per distinct set of exemptions: the declared services of a bucket get through on
 * that bucket only (exclusiveExemptions), so buckets declaring different services are covered by different statements.
 */
function exclusiveStatements(exclusive: readonly Bucket[], owner: Account): Statement[] {
  const groups = groupBy(exclusive, (b) => JSON.stringify(exclusiveExemptions(b, owner)));
  return groups.flatMap((group, i) => exclusiveGuardrails(resourcesOf(group), owner, exclusiveExemptions(group[0], owner),
    groups.length > 1 ? `${ownerSuffix(owner)}E${i + 1}` : ownerSuffix(owner)));
}

/** One statement per distinct network of the owner's buckets. */
function networkStatements(buckets: readonly Bucket[], owner: Account): Statement[] {
  return groupBy(buckets.filter((b) => b.network), (b) => JSON.stringify(b.network)).flatMap((group, i) => {
    const statement = networkGuardrail(resourcesOf(group), owner, group[0].network!, `${ownerSuffix(owner)}N${i + 1}`);
    return statement ? [statement] : [];
  });
}

/**
 * An AWS service principal (log delivery, CloudFront) acts on a keyless bucket only for a source in the registry's
 * accounts, or one a bucket's declared service grants or kept statements name: a bucket policy rewritten to let a
 * service work for a stranger's distribution or bucket is no way out. A service that sends no aws:SourceAccount
 * (`Null: false` fails) is left to the bucket policy: AWS says services send it when they act for a resource
 * ("aws:SourceAccount", AWS global condition context keys, IAM User Guide).
 * The confused-deputy pattern of the AWS data-perimeter examples (aws-samples/data-perimeter-policy-examples,
 * resource_control_policies/identity_perimeter_rcp.json, EnforceConfusedDeputyProtection), by account.
 */
function servicesForOtherAccounts(registry: Registry): Statement {
  return {
    Sid: ORGANIZATION_SIDS.servicesForOtherAccounts,
    Effect: 'Deny',
    Principal: '*',
    Action: 's3:*',
    Resource: resourcesOf(registry.buckets),
    Condition: {
      Bool: { 'aws:PrincipalIsAWSService': 'true' },
      Null: { 'aws:SourceAccount': 'false' },
      StringNotEquals: { 'aws:SourceAccount': serviceSourceAccounts(registry) },
    },
  };
}

/**
 * The accounts services may act for on keyless buckets: the registry's, and those its buckets grant services for,
 * by aws:SourceAccount or by the account of an aws:SourceArn (a CloudFront distribution of another account).
 */
function serviceSourceAccounts(registry: Registry): string[] {
  const declared = registry.buckets.flatMap((b) => b.services.flatMap((s) => [...(s.sourceAccount ? [s.sourceAccount] : []), ...s.sourceArn.flatMap(accountOf)]));
  const kept = registry.buckets.flatMap((b) => (b.keepStatements?.statements ?? []).flatMap((k) => [
    ...conditionValues(k.statement, 'aws:SourceAccount').filter(isAccountId), ...conditionValues(k.statement, 'aws:SourceArn').flatMap(accountOf),
  ]));
  return [...new Set([...registry.accounts.map((a) => a.id), ...declared, ...kept])];
}

/** The account of an ARN, when it names one (S3 bucket ARNs do not). */
function accountOf(arn: string): string[] {
  const account = arnAccount(arn);
  return account && isAccountId(account) ? [account] : [];
}

function isAccountId(value: string): boolean {
  return ACCOUNT_ID_PATTERN.test(value);
}

/**
 * The values a kept statement's conditions give `key`, under any operator (condition keys are case-insensitive), as
 * strings: a condition value may be a JSON string, number or Boolean ("IAM JSON policy grammar", IAM User Guide).
 */
function conditionValues(statement: Readonly<Record<string, unknown>>, key: string): string[] {
  const condition = (statement.Condition ?? {}) as Record<string, Record<string, unknown>>;
  return Object.values(condition).flatMap((block) => Object.entries(block ?? {})
    .filter(([k]) => k.toLowerCase() === key.toLowerCase())
    .flatMap(([, v]) => [v].flat().map(String)));
}

/**
 * The service control policy statements: only the deploy role changes keyless app roles, the CI and breakGlass
 * roles' trust and policies, and keyless bucket policies. Whoever can rewrite a trust policy can become that role;
 * whoever can rewrite a bucket policy can lift its guardrails (the RCP still holds them). In an account without a
 * deployRole, its breakGlass principals apply keyless (validate warns), so they are the ones exempted there.
 * breakGlass and the root keep changing bucket policies: they are never locked out of a bucket, and remove the
 * last policy of a bucket that left the registry.
 */
export function serviceControlStatements(registry: Registry): Statement[] {
  const deployers = registry.accounts.flatMap((a) => (a.deployRole ? [a.deployRole] : a.breakGlass));
  const protectedRoles = registry.accounts.flatMap((a) => [
    `arn:aws:iam::${a.id}:role${APP_ROLE_PATH}*`,
    ...(a.deployRole ? [a.deployRole] : []),
    ...(a.planRole ? [a.planRole] : []),
    ...a.breakGlass.filter((arn) => arn.includes(':role/')),
  ]);
  const statements: Statement[] = [{
    Sid: ORGANIZATION_SIDS.keylessRoleChanges,
    Effect: 'Deny',
    Action: [...ROLE_CHANGE_ACTIONS],
    Resource: [...new Set(protectedRoles)],
    Condition: { ArnNotLike: { 'aws:PrincipalArn': [...new Set(deployers)] } },
  }];
  if (registry.buckets.length) {
    const owners = new Set(registry.buckets.map((b) => b.account));
    const accounts = registry.accounts.filter((a) => owners.has(a.alias));
    statements.push({
      Sid: ORGANIZATION_SIDS.bucketPolicyChanges,
      Effect: 'Deny',
      Action: BUCKET_POLICY_CHANGE_ACTIONS,
      Resource: registry.buckets.map((b) => bucketArn(b.name)),
      Condition: { ArnNotLike: { 'aws:PrincipalArn': [...new Set([...deployers, ...accounts.flatMap((a) => [...a.breakGlass, accountRootArn(a.id)])])] } },
    });
  }
  statements.push({
    Sid: ORGANIZATION_SIDS.identityProviderChanges,
    Effect: 'Deny',
    Action: [...IDENTITY_PROVIDER_CHANGE_ACTIONS],
    Resource: registry.accounts.flatMap((a) => [`arn:aws:iam::${a.id}:saml-provider/*`, `arn:aws:iam::${a.id}:oidc-provider/*`, `arn:aws:rolesanywhere:*:${a.id}:*`]),
    Condition: { ArnNotLike: { 'aws:PrincipalArn': [...new Set(deployers)] } },
  });
  const breakGlassUsers = registry.accounts.flatMap((a) => a.breakGlass.filter((arn) => arn.includes(':user/')));
  if (breakGlassUsers.length) {
    statements.push({
      Sid: ORGANIZATION_SIDS.breakGlassUserCredentials,
      Effect: 'Deny',
      Action: [...USER_CREDENTIAL_ACTIONS],
      Resource: [...new Set(breakGlassUsers)],
      Condition: { ArnNotLike: { 'aws:PrincipalArn': [...new Set(deployers)] } },
    });
  }
  statements.push(...ciRoleStatements(registry));
  return statements;
}

/**
 * The CI roles' limits on exclusive buckets (the deploy role touches only their policy, the plan role only reads it),
 * held by the SCP too: the deploy role may rewrite a bucket policy, and with it the bucket policy's own copy of these
 * limits, while the RCP exempts both roles like every registry principal. An SCP Deny may use NotAction ("SCP syntax",
 * AWS Organizations User Guide); an RCP may not, which is why these are here and not there.
 */
function ciRoleStatements(registry: Registry): Statement[] {
  return registry.accounts.flatMap((owner) => {
    const exclusive = registry.buckets.filter((b) => b.account === owner.alias && b.exclusive);
    if (!exclusive.length) return [];
    return ciRoleLimits(resourcesOf(exclusive), owner, ownerSuffix(owner)).map(({ Principal: _principal, ...statement }) => statement);
  });
}

/**
 * Packs statements into as few policies as fit ORGANIZATION_POLICY_MAX_CHARS each; a statement too large on its
 * own is split by its Resource list (each part with the same effect on fewer resources, Sid numbered).
 */
export function packPolicies(statements: readonly Statement[], maxChars = ORGANIZATION_POLICY_MAX_CHARS): PolicyDocument[] {
  const docs: Statement[][] = [];
  let current: Statement[] = [];
  for (const statement of statements.flatMap((s) => fitStatement(s, maxChars))) {
    if (current.length && policySize(policy(...current, statement)) > maxChars) {
      docs.push(current);
      current = [];
    }
    current.push(statement);
  }
  if (current.length) docs.push(current);
  return docs.map((s) => policy(...s));
}

function fitStatement(statement: Statement, maxChars: number): Statement[] {
  const resources = statement.Resource;
  if (policySize(policy(statement)) <= maxChars || !Array.isArray(resources) || resources.length < 2) return [statement];
  const half = Math.ceil(resources.length / 2);
  const parts = [resources.slice(0, half), resources.slice(half)];
  return parts.flatMap((Resource, i) => fitStatement({ ...statement, Sid: `${statement.Sid}Part${i + 1}`, Resource }, maxChars));
}

/** Buckets grouped by `key`, in the order each key first appears. */
function groupBy(buckets: readonly Bucket[], key: (b: Bucket) => string): Bucket[][] {
  const groups = new Map<string, Bucket[]>();
  for (const b of buckets) groups.set(key(b), [...(groups.get(key(b)) ?? []), b]);
  return [...groups.values()];
}

function resourcesOf(buckets: readonly Bucket[]): string[] {
  return buckets.flatMap((b) => bucketResources(b.name));
}
