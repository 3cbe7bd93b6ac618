import { LIST_ACTION, OBJECT_ACTIONS } from '../../policy/actions';
import { AppRole, RoleAccess } from '../../policy/app-roles';
import { APP_ID_TAG, bucketArn, CERTIFICATE_CN_TAG } from '../../policy/naming';
import { Permission, PrincipalConsumer, Registry } from '../../registry/model';
import { Actor } from './actor';
import { appSession, directConsumerActor, identityTag } from './app-actors';
import { neighbourApp, neighbourPrefix, otherKindApp } from './neighbours';
import { fromInsideNetwork, fromOutsideNetwork, NetworkContext, overPlainHttp } from './network';
import { GUARDRAIL_SIDS } from '../../policy/bucket-policy';
import { requestBy } from './request';
import { ownerPrefixProbes, thirdAppProbes } from './share-scenarios';
import { Scenario, SimRequest } from './scenario';
import { OBJECT_NAME } from './stand-ins';

const ALL_PERMISSIONS: readonly Permission[] = ['read', 'write', 'delete', 'list'];
/** Appended to a prefix's last segment: `uploads/` → `uploads-outside/`, outside it yet sharing its first letters. */
const OUTSIDE_SUFFIX = '-outside/';

/** What an app session may do in one bucket: its declared permissions under its prefix, and nothing else. */
export function sessionScenarios(registry: Registry, role: AppRole, access: RoleAccess): Scenario[] {
  const { app } = role;
  const session = appSession(role);
  const bucket = access.target;
  const inside = fromInsideNetwork(bucket);
  const url = (prefix: string) => `s3://${bucket.name}/${prefix}`;
  const scenario = (name: string, expected: Scenario['expected'], requests: readonly SimRequest[]): Scenario =>
    ({ app: app.id, bucket: bucket.name, scenario: name, expected, requests });
  /** Denied by one bucket guardrail in particular: another denial must not hide its absence. */
  const guarded = (name: string, expectedSid: string, requests: readonly SimRequest[]): Scenario =>
    ({ ...scenario(name, 'Denied', requests), expectedSid });
  const use = (actor: Actor, permission: Permission, prefix: string, network: NetworkContext = inside) =>
    permissionRequests(actor, role, access, permission, prefix, network);
  /** A denial is proven action by action: one allowed action of a permission must not hide behind a denied one. */
  const denyEach = (name: string, permission: Permission, prefix: string): Scenario[] => {
    const requests = use(session, permission, prefix);
    return requests.length === 1
      ? [scenario(name, 'Denied', requests)]
      : requests.map((r) => scenario(`${name}: ${r.action}`, 'Denied', [r]));
  };

  const tag = identityTag(app);
  /**
   * The consumer reaching the bucket without assuming is denied, except on a shared (not exclusive) bucket of its own
   * account: there its own IAM policies decide, which keyless does not manage (the stand-in allows everything).
   */
  const directScenario = (consumer: PrincipalConsumer): Scenario => {
    const name = `${first} ${url(own)} as the consumer principal directly, without assuming`;
    const requests = use(directConsumerActor(consumer), first, own);
    return !bucket.exclusive && consumer.accountId === role.account.id
      ? scenario(`${name} (shared bucket of its own account: its IAM decides)`, 'Allowed', requests)
      : scenario(name, 'Denied', requests);
  };

  const declared = access.permissions;
  const own = access.prefix;
  // A shared prefix is the owner's: scenarios say so, so that a reviewer reads which share they prove.
  const its = access.from ? `the prefix shared by ${access.from}` : 'its prefix';
  const outside = `${own.slice(0, -1)}${OUTSIDE_SUFFIX}`;
  const first = declared[0];
  const scenarios = [
    ...declared.map((p) => scenario(`${p} under ${its} ${url(own)}`, 'Allowed', use(session, p, own))),
    ...ALL_PERMISSIONS.filter((p) => !declared.includes(p)).flatMap((p) => denyEach(`${p} under ${its} ${url(own)} (not declared)`, p, own)),
    ...declared.flatMap((p) => denyEach(`${p} outside ${its} ${url(outside)}`, p, outside)),
    ...(declared.includes('list') ? [scenario(`list the whole bucket ${url('')}`, 'Denied', use(session, 'list', ''))] : []),
    bucket.enforceTls
      ? guarded(`${first} ${url(own)} over plain HTTP`, GUARDRAIL_SIDS.insecureTransport, use(session, first, own, overPlainHttp(inside)))
      : scenario(`${first} ${url(own)} over plain HTTP`, 'Allowed', use(session, first, own, overPlainHttp(inside))),
    ...(bucket.network
      ? [guarded(`${first} ${url(own)} from outside the bucket network`, GUARDRAIL_SIDS.sessionOutsideNetwork, use(session, first, own, fromOutsideNetwork(bucket)))]
      : []),
    ...(app.consumer.kind === 'principal' ? [directScenario(app.consumer)] : []),
    guarded(`${first} ${url(own)} in a session without the ${tag} tag`, GUARDRAIL_SIDS.sessionWithoutAppIdTag, use(appSession(role, {}), first, own)),
    guarded(`${first} ${url(own)} in a session tagged for another app`, forAnotherApp[tag],
      use(appSession(role, { [tag]: neighbourApp(registry, app).id }), first, own)),
    ...crossKindScenarios(registry, role, (name, sid, tags) => guarded(`${first} ${url(own)} ${name}`, sid, use(appSession(role, tags), first, own))),
  ];
  // An id this one extends (`app` for `app-x`): a role-name match with a trailing wildcard would let it in.
  const shorter = app.id.slice(0, -1);
  if (shorter) {
    scenarios.push(guarded(`${first} ${url(own)} in a session tagged with an id it extends (${shorter})`, forAnotherApp[tag],
      use(appSession(role, { [tag]: shorter }), first, own)));
  }
  const neighbour = neighbourPrefix(registry, app, access);
  if (neighbour) {
    scenarios.push(...declared.flatMap((p) => denyEach(`${p} under ${neighbour.app}'s prefix ${url(neighbour.prefix)}`, p, neighbour.prefix)));
  }
  if (access.from) {
    const probes = [...ownerPrefixProbes(registry, role, access, session, use), ...thirdAppProbes(registry, role, access, use)];
    scenarios.push(...probes.map((probe) => scenario(probe.name, 'Denied', probe.requests)));
  }
  return scenarios;
}

/** The guardrail that holds a session's identity tag to its own role. */
const forAnotherApp: Readonly<Record<string, string>> = {
  [APP_ID_TAG]: GUARDRAIL_SIDS.sessionTaggedForAnotherApp,
  [CERTIFICATE_CN_TAG]: GUARDRAIL_SIDS.certificateSessionForAnotherApp,
};

/**
 * When the registry mixes ExternalId and certificate apps in the role's account: a session tagged as the other kind
 * of an app of that kind is held to its own role all the same, and an ExternalId session carrying a certificate CN
 * tag besides its own AppId is too.
 */
function crossKindScenarios(
  registry: Registry, role: AppRole, guarded: (name: string, sid: string, tags: Readonly<Record<string, string>>) => Scenario,
): Scenario[] {
  const { app } = role;
  const other = otherKindApp(registry, app);
  const certificates = registry.certificateAuthorities.some((ca) => ca.account === role.account.alias);
  if (!other || !certificates) return [];
  const tag = identityTag(app);
  const scenarios = [guarded(`in a session tagged ${tag}=${other.id}, the id of a ${other.consumer.kind} app`, forAnotherApp[tag], { [tag]: other.id })];
  if (app.consumer.kind === 'principal') {
    scenarios.push(guarded(`in a session with its AppId and a certificate CN tag of ${other.id}`, GUARDRAIL_SIDS.certificateSessionForAnotherApp,
      { [APP_ID_TAG]: app.id, [CERTIFICATE_CN_TAG]: other.id }));
  }
  return scenarios;
}

/** The S3 requests exercising a permission at a prefix: each of its actions on an object below it, or a listing of it. */
function permissionRequests(actor: Actor, role: AppRole, access: RoleAccess, permission: Permission, prefix: string, network: NetworkContext): SimRequest[] {
  const target = { resourceAccount: role.account.id, resourcePolicy: { kind: 'bucket', bucket: access.bucket } as const, network };
  if (permission === 'list') {
    return [requestBy(actor, { ...target, action: LIST_ACTION, resource: bucketArn(access.bucket), context: { 's3:prefix': prefix } })];
  }
  return OBJECT_ACTIONS[permission].map((action) =>
    requestBy(actor, { ...target, action, resource: `${bucketArn(access.bucket)}/${prefix}${OBJECT_NAME}` }));
}
