import { LIST_ACTION, OBJECT_ACTIONS } from '../../policy/actions';
import { AppRole, RoleAccess } from '../../policy/app-roles';
import { APP_ID_TAG, bucketArn } from '../../policy/naming';
import { Permission, Registry } from '../../registry/model';
import { Actor } from './actor';
import { appSession, directConsumerActor } from './app-actors';
import { neighbourApp, neighbourPrefix } from './neighbours';
import { FROM_OUTSIDE, fromInsideNetwork, NetworkContext, overPlainHttp } from './network';
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
      ? [guarded(`${first} ${url(own)} from outside the bucket network`, GUARDRAIL_SIDS.sessionOutsideNetwork, use(session, first, own, FROM_OUTSIDE))]
      : []),
    scenario(`${first} ${url(own)} as the consumer principal directly, without assuming`, 'Denied', use(directConsumerActor(app), first, own)),
    guarded(`${first} ${url(own)} in a session without the AppId tag`, GUARDRAIL_SIDS.sessionWithoutAppIdTag, use(appSession(role, {}), first, own)),
    guarded(`${first} ${url(own)} in a session tagged for another app`, GUARDRAIL_SIDS.sessionTaggedForAnotherApp,
      use(appSession(role, { [APP_ID_TAG]: neighbourApp(registry, app).id }), first, own)),
  ];
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

/** The S3 requests exercising a permission at a prefix: each of its actions on an object below it, or a listing of it. */
function permissionRequests(actor: Actor, role: AppRole, access: RoleAccess, permission: Permission, prefix: string, network: NetworkContext): SimRequest[] {
  const target = { resourceAccount: role.account.id, resourcePolicy: { kind: 'bucket', bucket: access.bucket } as const, network };
  if (permission === 'list') {
    return [requestBy(actor, { ...target, action: LIST_ACTION, resource: bucketArn(access.bucket), context: { 's3:prefix': prefix } })];
  }
  return OBJECT_ACTIONS[permission].map((action) =>
    requestBy(actor, { ...target, action, resource: `${bucketArn(access.bucket)}/${prefix}${OBJECT_NAME}` }));
}
