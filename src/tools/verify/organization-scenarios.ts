import { AppRole, appRoles } from '../../policy/app-roles';
import { GUARDRAIL_SIDS, guardrailOptions } from '../../policy/bucket-policy';
import { PolicyDocument } from '../../policy/document';
import { ALL_S3_RESOURCES, ORGANIZATION_SIDS, ownerSuffix, resourceControlStatements } from '../../policy/organization-policies';
import { APP_ID_TAG, bucketArn, CERTIFICATE_CN_TAG, iamRoleArn } from '../../policy/naming';
import { Account, Bucket, Registry } from '../../registry/model';
import { Actor, actorFor } from './actor';
import { appSession } from './app-actors';
import { FROM_INTERNET, fromInsideNetwork, NetworkContext, overPlainHttp } from './network';
import { requestBy } from './request';
import { ResourcePolicySource, Scenario, SimRequest } from './scenario';
import { ADMIN_IDENTITY, concreteInstance, OBJECT_NAME } from './stand-ins';

/** An administrator of a member account that the registry does not know (as in the bucket scenarios). */
const OUTSIDE_ADMIN_ROLE = 'keyless-verify-account-admin';
/** Stand-in names of identity providers a CI or breakGlass role may trust, and of a trust anchor. */
const IDP_NAME = 'keyless-verify-idp';
const TRUST_ANCHOR_ID = '0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b';
/** The bucket policy deleted, as the deploy role once could: only the RCP is left. */
const DELETED: ResourcePolicySource = { kind: 'none' };
/** A service and an account outside the registry for which a rewritten bucket policy lets it write. */
const SERVICE = 'logging.s3.amazonaws.com';
const STRANGER_ACCOUNT = '999999999999';

/** Whether the organization guardrails govern an account: every registry account but the one holding them. */
export function governedBy(registry: Registry): (account: Account) => boolean {
  const holder = registry.organization?.account;
  return (account) => holder !== undefined && account.alias !== holder;
}

/**
 * What the organization guardrails must hold on their own: with a bucket's policy deleted, the RCP still denies
 * outsiders, untagged, foreign-tagged, plain-HTTP and off-network app sessions; a rewritten bucket policy lets no
 * service work for a stranger; and the SCP lets no admin but the deploy role change keyless or CI roles.
 */
export function organizationScenarios(registry: Registry): Scenario[] {
  if (!registry.organization) return [];
  const governed = governedBy(registry);
  const roles = appRoles(registry);
  const rcpSids = resourceControlStatements(registry);
  return [
    ...registry.buckets.flatMap((bucket) => {
      const owner = registry.accounts.find((a) => a.alias === bucket.account)!;
      return governed(owner) ? bucketScenarios(bucket, owner, roles, (base) => sidFor(rcpSids, base, bucket), guardrailOptions(registry, owner).certificateSessions) : [];
    }),
    ...registry.accounts.filter(governed).flatMap((account) => roleScenarios(account, roles.filter((r) => r.account === account))),
  ];
}

/** The Sid of the RCP statement of kind `base` that covers the bucket (grouped per owner account and network). */
function sidFor(statements: ReturnType<typeof resourceControlStatements>, base: string, bucket: Bucket): string {
  const covers = (resource: string | undefined) => resource === bucketArn(bucket.name) || resource === ALL_S3_RESOURCES;
  const found = statements.find((s) => s.Sid.startsWith(base) && [s.Resource].flat().some(covers));
  return found?.Sid ?? base;
}

function bucketScenarios(bucket: Bucket, owner: Account, roles: readonly AppRole[], sid: (base: string) => string, certificateSessions: boolean): Scenario[] {
  const scenario = (name: string, expectedSid: string, request: SimRequest): Scenario =>
    ({ bucket: bucket.name, scenario: `${name} (RCP)`, expected: 'Denied', expectedSid, requests: [request] });
  const getObject = (actor: Actor, key: string, network: NetworkContext, resourcePolicy = DELETED) => requestBy(actor, {
    action: 's3:GetObject', resource: `${bucketArn(bucket.name)}/${key}`, resourceAccount: owner.id, resourcePolicy, network,
  });
  const out: Scenario[] = [];
  if (bucket.exclusive) {
    const admin = actorFor(iamRoleArn(owner.id, OUTSIDE_ADMIN_ROLE), [ADMIN_IDENTITY]);
    out.push(scenario(`bucket policy deleted: an admin of account ${owner.alias} outside the registry reads objects`,
      sid(GUARDRAIL_SIDS.principalsOutsideRegistry), getObject(admin, OBJECT_NAME, FROM_INTERNET)));
    // The deploy role may rewrite the bucket policy, its own limit included: the SCP holds the CI roles' limits too.
    const ciRoles: [string, string | undefined, string][] = [
      ['the deploy role', owner.deployRole, GUARDRAIL_SIDS.deployRoleBeyondBucketPolicy],
      ['the plan role', owner.planRole, GUARDRAIL_SIDS.planRoleBeyondReadingBucketPolicy],
    ];
    for (const [who, arn, base] of ciRoles.filter(([, arn]) => arn)) {
      out.push({ bucket: bucket.name, scenario: `bucket policy rewritten without its CI role limits: ${who} reads objects (SCP)`, expected: 'Denied',
        expectedSid: `${base}${ownerSuffix(owner)}`, requests: [getObject(actorFor(arn!, [ADMIN_IDENTITY]), OBJECT_NAME, FROM_INTERNET)] });
    }
  }
  const role = roles.find((r) => r.access.some((a) => a.bucket === bucket.name && a.permissions.includes('read')));
  if (role) {
    const key = `${role.access.find((a) => a.bucket === bucket.name)!.prefix}${OBJECT_NAME}`;
    const inside = fromInsideNetwork(bucket);
    out.push(
      scenario(`bucket policy deleted: ${role.app.id}'s session without the AppId tag reads its prefix`,
        sid(GUARDRAIL_SIDS.sessionWithoutAppIdTag), getObject(appSession(role, {}), key, inside)),
      scenario(`bucket policy deleted: ${role.app.id}'s session tagged for another app reads its prefix`,
        sid(GUARDRAIL_SIDS.sessionTaggedForAnotherApp), getObject(appSession(role, { [APP_ID_TAG]: 'keyless-verify-other-app' }), key, inside)),
    );
    if (certificateSessions) {
      out.push(scenario(`bucket policy deleted: ${role.app.id}'s role in a session with the certificate CN of another app reads its prefix`,
        sid(GUARDRAIL_SIDS.certificateSessionForAnotherApp), getObject(appSession(role, { [CERTIFICATE_CN_TAG]: 'keyless-verify-other-app' }), key, inside)));
    }
    if (bucket.enforceTls) {
      out.push(scenario(`bucket policy deleted: ${role.app.id} reads its prefix over plain HTTP`,
        sid(GUARDRAIL_SIDS.insecureTransport), getObject(appSession(role), key, overPlainHttp(inside))));
    }
    if (bucket.network) {
      out.push(scenario(`bucket policy deleted: ${role.app.id} reads its prefix from outside the bucket network`,
        sid(GUARDRAIL_SIDS.sessionOutsideNetwork), getObject(appSession(role), key, FROM_INTERNET)));
    }
  }
  out.push(scenario(`bucket policy rewritten to let ${SERVICE} write for account ${STRANGER_ACCOUNT}`,
    ORGANIZATION_SIDS.servicesForOtherAccounts, serviceWrite(bucket, owner)));
  return out;
}

/** A service principal acting for another account, under a bucket policy that grants it (an attacker's rewrite). */
function serviceWrite(bucket: Bucket, owner: Account): SimRequest {
  const rewritten: PolicyDocument = {
    Version: '2012-10-17',
    Statement: [{ Sid: 'StandInRewrittenForAService', Effect: 'Allow', Principal: { Service: SERVICE }, Action: 's3:PutObject', Resource: `${bucketArn(bucket.name)}/*` }],
  };
  return {
    principal: SERVICE,
    action: 's3:PutObject',
    resource: `${bucketArn(bucket.name)}/${OBJECT_NAME}`,
    resourceAccount: owner.id,
    context: { 'aws:PrincipalIsAWSService': 'true', 'aws:PrincipalServiceName': SERVICE, 'aws:SourceAccount': STRANGER_ACCOUNT, 'aws:SecureTransport': 'true' },
    identity: [],
    resourcePolicy: { kind: 'stand-in', name: 'StandInRewrittenBucketPolicy', policy: rewritten },
  };
}

/**
 * Who can rewrite a trust policy can become that role: an admin of the account is denied changing an app role, the
 * deploy, plan and breakGlass roles; the deploy role keeps managing app roles and itself.
 */
function roleScenarios(account: Account, roles: readonly AppRole[]): Scenario[] {
  const admin = actorFor(iamRoleArn(account.id, OUTSIDE_ADMIN_ROLE), [ADMIN_IDENTITY]);
  const change = (actor: Actor, action: string, roleArn: string) => requestBy(actor, {
    action, resource: concreteInstance(roleArn), resourceAccount: account.id, resourcePolicy: { kind: 'none' }, network: FROM_INTERNET,
  });
  const scenario = (name: string, expected: Scenario['expected'], request: SimRequest, sid: string = ORGANIZATION_SIDS.keylessRoleChanges): Scenario => ({
    account: account.alias, scenario: `${name} (SCP)`, expected, ...(expected === 'Denied' && { expectedSid: sid }), requests: [request],
  });
  const providers: [string, string, string][] = [
    ['updates a SAML provider (the breakGlass or Identity Center roles may trust it)', 'iam:UpdateSAMLProvider', `arn:aws:iam::${account.id}:saml-provider/${IDP_NAME}`],
    ['adds a client id to an OIDC provider (the CI roles trust GitHub\'s)', 'iam:AddClientIDToOpenIDConnectProvider', `arn:aws:iam::${account.id}:oidc-provider/${IDP_NAME}`],
    ['updates a Roles Anywhere trust anchor (certificate consumers\' roles trust it)', 'rolesanywhere:UpdateTrustAnchor', `arn:aws:rolesanywhere:${account.region}:${account.id}:trust-anchor/${TRUST_ANCHOR_ID}`],
  ];
  const targets: [string, string][] = [
    ...(roles.length ? [[`app role ${roles[0].name}`, roles[0].arn] as [string, string]] : []),
    ...(account.deployRole ? [['the deploy role', account.deployRole] as [string, string]] : []),
    ...(account.planRole ? [['the plan role', account.planRole] as [string, string]] : []),
    ...account.breakGlass.filter((arn) => arn.includes(':role/')).map((arn): [string, string] => [`breakGlass ${arn}`, arn]),
  ];
  const deployRole = account.deployRole ? actorFor(account.deployRole, [ADMIN_IDENTITY]) : undefined;
  return [
    ...targets.flatMap(([what, arn]) => [
      scenario(`an admin of account ${account.alias} outside the registry updates the trust of ${what}`, 'Denied', change(admin, 'iam:UpdateAssumeRolePolicy', arn)),
      scenario(`an admin of account ${account.alias} outside the registry puts an inline policy on ${what}`, 'Denied', change(admin, 'iam:PutRolePolicy', arn)),
    ]),
    ...(deployRole ? targets.filter(([, arn]) => arn === roles[0]?.arn || arn === account.deployRole).map(([what, arn]) =>
      scenario(`the deploy role updates the trust of ${what}`, 'Allowed', change(deployRole, 'iam:UpdateAssumeRolePolicy', arn))) : []),
    ...providers.map(([what, action, arn]) => scenario(`an admin of account ${account.alias} outside the registry ${what}`, 'Denied',
      change(admin, action, arn), ORGANIZATION_SIDS.identityProviderChanges)),
    ...(deployRole ? [scenario(`the deploy role ${providers[0][0]}`, 'Allowed', change(deployRole, providers[0][1], providers[0][2]))] : []),
  ];
}
