import { AppRole } from '../../policy/app-roles';
import { APP_ID_TAG, appRoleArn, CERTIFICATE_CN_TAG, iamRoleArn, trustAnchorName } from '../../policy/naming';
import { CertificateConsumer, PrincipalConsumer, Registry } from '../../registry/model';
import { Actor, actorFor } from './actor';
import { consumerActor, otherPrincipalActor, ROLES_ANYWHERE_ACTOR } from './app-actors';
import { externalIdNeighbour, neighbourApp, otherKindApp } from './neighbours';
import { FROM_INTERNET } from './network';
import { requestBy } from './request';
import { ContextValue, ResourcePolicySource, Scenario, SimRequest } from './scenario';
import {
  ADMIN_IDENTITY, concreteInstance, loosenedTrustPolicy, matchesPattern, OTHER_TRUST_ANCHOR, SESSION_NAME, trustAnchorStandInArn,
} from './stand-ins';

/** What a caller passes to sts:AssumeRole. */
interface StsCall {
  readonly externalId?: string;
  readonly tags: Readonly<Record<string, string>>;
  readonly sourceIdentity?: string;
}

/** The role an STS call is about, and the trust policy that applies to it. */
interface StsTarget {
  readonly arn: string;
  readonly accountId: string;
  readonly trust: ResourcePolicySource;
}

const WRONG_EXTERNAL_ID = 'keyless-verify-wrong-external-id';
/** A SourceIdentity set upstream (an identity provider), which a chained AssumeRole passes on. */
const UPSTREAM_SOURCE_IDENTITY = 'keyless-verify-upstream-identity';
const EXTRA_TAG_KEY = 'Team';
/** Appended to an app id: the tag of an app whose id extends this one's (`app` and `app-x`), which a `StringLike "app*"` would let in. */
const EXTENDING_SUFFIX = '-x';
/** An app registered for another principal, when every app of the registry shares this one's. */
const FOREIGN_APP = 'keyless-verify-other-app';

/**
 * Who may open a session of an app role. STS authorizes sts:AssumeRole, and also sts:TagSession when the call
 * passes tags and sts:SetSourceIdentity when it sets a SourceIdentity: a call is allowed only if each one is.
 */
export function assumeScenarios(registry: Registry, role: AppRole): Scenario[] {
  const { consumer } = role.app;
  return consumer.kind === 'certificate'
    ? certificateScenarios(registry, role, consumer)
    : principalScenarios(registry, role, consumer);
}

function principalScenarios(registry: Registry, role: AppRole, principal: PrincipalConsumer): Scenario[] {
  const { app } = role;
  const consumer = consumerActor(principal, role.arn);
  const neighbour = externalIdNeighbour(registry, app);
  const sourceIdentity = app.sourceIdentity ? concreteInstance(app.sourceIdentity) : undefined;
  const valid: StsCall = { externalId: app.externalId, tags: { [APP_ID_TAG]: app.id }, sourceIdentity };
  const own: StsTarget = { arn: role.arn, accountId: role.account.id, trust: { kind: 'trust', roleArn: role.arn } };
  const [assume, tag, setSourceIdentity] = stsRequests(consumer, own, valid);
  const extended = `${app.id}${EXTENDING_SUFFIX}`;
  const [assumeExtended, tagExtended] = stsRequests(consumer, own, { ...valid, tags: { [APP_ID_TAG]: extended } });
  const scenario = (name: string, expected: Scenario['expected'], requests: readonly SimRequest[]): Scenario =>
    ({ app: app.id, scenario: name, expected, requests });
  const denied = (name: string, call: StsCall, actor: Actor = consumer) => scenario(name, 'Denied', stsRequests(actor, own, call));

  const scenarios = [
    scenario(`AssumeRole with its ExternalId and AppId tag${sourceIdentity ? ' and SourceIdentity' : ''}`, 'Allowed', [assume]),
    scenario('TagSession with its AppId tag only', 'Allowed', [tag]),
    ...(setSourceIdentity ? [scenario(`SetSourceIdentity matching ${app.sourceIdentity}`, 'Allowed', [setSourceIdentity])] : []),
    denied('AssumeRole without the AppId tag', { ...valid, tags: {} }),
    denied('AssumeRole with a wrong ExternalId', { ...valid, externalId: WRONG_EXTERNAL_ID }),
    denied('AssumeRole without an ExternalId', { ...valid, externalId: undefined }),
    denied(`AssumeRole with another app's ExternalId (${neighbour.id})`, { ...valid, externalId: neighbour.externalId }),
    denied(`AssumeRole with its ExternalId but another app's AppId (${neighbour.id})`, { ...valid, tags: { [APP_ID_TAG]: neighbour.id } }),
    denied(`AssumeRole with an extra session tag key (${EXTRA_TAG_KEY})`, { ...valid, tags: { ...valid.tags, [EXTRA_TAG_KEY]: app.owner } }),
    // Each statement must pin the exact id on its own: a call needs both, but one loosened statement is a latent bug.
    scenario(`sts:AssumeRole alone with an AppId tag extending its id (${extended})`, 'Denied', [assumeExtended]),
    scenario(`sts:TagSession alone with an AppId tag extending its id (${extended})`, 'Denied', [tagExtended]),
    denied('AssumeRole by another principal of the consumer account', valid, otherPrincipalActor(principal)),
    ...foreignRoleScenarios(registry, role, principal, consumer, valid),
  ];
  // Cross-kind: a certificate whose CN is this app's id, through any trust anchor of the registry.
  for (const ca of registry.certificateAuthorities) {
    const owner = registry.accounts.find((a) => a.alias === ca.account)!;
    const anchor = trustAnchorStandInArn(owner.region, owner.id, trustAnchorName(ca.name));
    scenarios.push(scenario(`Roles Anywhere session with a certificate of ${ca.name} whose CN is this app's id`, 'Denied',
      rolesAnywhereRequests(role, { cn: app.id, sourceArn: anchor, sourceAccount: owner.id })));
  }
  if (!app.sourceIdentity) {
    scenarios.push(scenario('AssumeRole from a session that already carries a SourceIdentity (role chaining)', 'Allowed',
      stsRequests(consumer, own, { ...valid, sourceIdentity: UPSTREAM_SOURCE_IDENTITY })));
  } else {
    scenarios.push(denied('AssumeRole without a SourceIdentity', { ...valid, sourceIdentity: undefined }));
    const wrong = nonMatching(app.sourceIdentity);
    if (wrong) scenarios.push(denied(`AssumeRole with a non-matching SourceIdentity (${wrong})`, { ...valid, sourceIdentity: wrong }));
  }
  return scenarios;
}

/**
 * The consumer reaching for an app role registered for another principal, whose trust policy was loosened to trust
 * the consumer's whole account: then only the consumer's own policies stand in the way, and they must name its own
 * roles only. Only for a consumer in a registry account: an external consumer's policies are not keyless's.
 */
function foreignRoleScenarios(registry: Registry, role: AppRole, principal: PrincipalConsumer, consumer: Actor, call: StsCall): Scenario[] {
  const { app } = role;
  if (!principal.account) return [];
  const other = registry.apps.find((a) => a.consumer.kind !== 'principal' || a.consumer.principalArn !== principal.principalArn)?.id ?? FOREIGN_APP;
  const arn = appRoleArn(role.account.id, other);
  const trust: ResourcePolicySource = { kind: 'stand-in', name: 'StandInLoosenedTrust', policy: loosenedTrustPolicy(principal.accountId), roleArn: arn };
  return [{
    app: app.id,
    scenario: `AssumeRole of ${other}'s role, trust loosened to account ${principal.accountId}: its own policies must refuse`,
    expected: 'Denied',
    requests: stsRequests(consumer, { arn, accountId: role.account.id, trust }, call),
  }];
}

/** What IAM Roles Anywhere passes to STS for a CreateSession: the certificate's CN and the trust anchor it came through. */
interface RolesAnywhereCall {
  /** The certificate's subject CN; absent for a certificate without one. */
  readonly cn?: string;
  readonly sourceArn: string;
  readonly sourceAccount: string;
}

/**
 * Who may open a certificate consumer's role: IAM Roles Anywhere, for a certificate of the app's CA (through its
 * trust anchor) with CN = app id; no other certificate, trust anchor or principal.
 */
function certificateScenarios(registry: Registry, role: AppRole, consumer: CertificateConsumer): Scenario[] {
  const { app, account } = role;
  const anchor = trustAnchorStandInArn(account.region, account.id, trustAnchorName(consumer.ca));
  const valid: RolesAnywhereCall = { cn: app.id, sourceArn: anchor, sourceAccount: account.id };
  const neighbour = neighbourApp(registry, app);
  const scenario = (name: string, expected: Scenario['expected'], requests: readonly SimRequest[]): Scenario =>
    ({ app: app.id, scenario: name, expected, requests });
  const denied = (name: string, call: RolesAnywhereCall) => scenario(name, 'Denied', rolesAnywhereRequests(role, call));
  const byPrincipal = (name: string, actor: Actor, externalId?: string) => scenario(name, 'Denied', stsRequests(actor, { arn: role.arn, accountId: account.id, trust: { kind: 'trust', roleArn: role.arn } }, { externalId, tags: { [APP_ID_TAG]: app.id } }));
  const scenarios = [
    scenario(`Roles Anywhere session with its certificate (CN=${app.id}) of ${consumer.ca}`, 'Allowed', rolesAnywhereRequests(role, valid)),
    denied(`Roles Anywhere session with another app's certificate (CN=${neighbour.id})`, { ...valid, cn: neighbour.id }),
    denied('Roles Anywhere session with a certificate without a subject CN', { ...valid, cn: undefined }),
    denied(`Roles Anywhere session with CN=${app.id} through another trust anchor (another CA)`,
      { ...valid, sourceArn: trustAnchorStandInArn(account.region, account.id, OTHER_TRUST_ANCHOR) }),
    byPrincipal(`AssumeRole by a principal of account ${account.alias} with the AppId tag ${app.id}`,
      actorFor(iamRoleArn(account.id, 'keyless-verify-other-principal'), [ADMIN_IDENTITY])),
  ];
  // Cross-kind: an ExternalId app's own principal, with its ExternalId, tagged for this app.
  const other = otherKindApp(registry, app);
  if (other?.consumer.kind === 'principal') {
    scenarios.push(byPrincipal(`AssumeRole by ${other.id}'s consumer with its ExternalId and the AppId tag ${app.id}`,
      consumerActor(other.consumer, role.arn), other.externalId));
  }
  return scenarios;
}

/**
 * The authorizations Roles Anywhere needs for a CreateSession on `role`: AssumeRole, TagSession (the x509 tags) and
 * SetSourceIdentity (the CN), as the service principal, with the certificate's subject as principal tags.
 */
function rolesAnywhereRequests(role: AppRole, call: RolesAnywhereCall): SimRequest[] {
  const target = { resource: role.arn, resourceAccount: role.account.id, resourcePolicy: { kind: 'trust', roleArn: role.arn } as const, network: FROM_INTERNET };
  const certificate: Record<string, string> = call.cn === undefined ? {} : { [CERTIFICATE_CN_TAG]: call.cn };
  const actor: Actor = { ...ROLES_ANYWHERE_ACTOR, tags: certificate };
  const source = { 'aws:SourceArn': call.sourceArn, 'aws:SourceAccount': call.sourceAccount };
  const tags = tagContext(certificate);
  const requests = [requestBy(actor, { ...target, action: 'sts:AssumeRole', context: { ...source, ...tags } })];
  if (Object.keys(tags).length) requests.push(requestBy(actor, { ...target, action: 'sts:TagSession', context: { ...source, ...tags } }));
  if (call.cn !== undefined) {
    requests.push(requestBy(actor, { ...target, action: 'sts:SetSourceIdentity', context: { ...source, 'sts:SourceIdentity': call.cn } }));
  }
  return requests;
}

/** The authorizations one AssumeRole call needs, each with only the context keys its action supports. */
function stsRequests(actor: Actor, role: StsTarget, call: StsCall): SimRequest[] {
  const target = { resource: role.arn, resourceAccount: role.accountId, resourcePolicy: role.trust, network: FROM_INTERNET };
  const tags = tagContext(call.tags);
  const sourceIdentity: Record<string, ContextValue> = {};
  if (call.sourceIdentity !== undefined) sourceIdentity['sts:SourceIdentity'] = call.sourceIdentity;
  const assume: Record<string, ContextValue> = { ...tags, ...sourceIdentity, 'sts:RoleSessionName': SESSION_NAME };
  if (call.externalId !== undefined) assume['sts:ExternalId'] = call.externalId;

  const requests = [requestBy(actor, { ...target, action: 'sts:AssumeRole', context: assume })];
  if (Object.keys(tags).length) requests.push(requestBy(actor, { ...target, action: 'sts:TagSession', context: tags }));
  if (call.sourceIdentity !== undefined) requests.push(requestBy(actor, { ...target, action: 'sts:SetSourceIdentity', context: sourceIdentity }));
  return requests;
}

/** `aws:RequestTag/<key>` for each session tag, and `aws:TagKeys` listing them; nothing when there are no tags. */
function tagContext(tags: Readonly<Record<string, string>>): Record<string, ContextValue> {
  const context: Record<string, ContextValue> = {};
  for (const [key, value] of Object.entries(tags)) context[`aws:RequestTag/${key}`] = value;
  if (Object.keys(tags).length) context['aws:TagKeys'] = Object.keys(tags);
  return context;
}

/** A SourceIdentity the pattern rejects, or undefined when it accepts anything (e.g. `*`). */
function nonMatching(pattern: string): string | undefined {
  return ['keyless-verify-other-identity', `x${concreteInstance(pattern)}`].find((candidate) => !matchesPattern(pattern, candidate));
}
