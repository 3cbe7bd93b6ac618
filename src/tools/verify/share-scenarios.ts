import { AppRole, appRoles, RoleAccess } from '../../policy/app-roles';
import { Permission, Registry } from '../../registry/model';
import { prefixesOverlap } from '../../registry/prefix';
import { Actor } from './actor';
import { appSession } from './app-actors';
import { SimRequest } from './scenario';

/** What share scenarios need from the session scenarios of the same access: how to exercise a permission. */
export type Use = (actor: Actor, permission: Permission, prefix: string) => SimRequest[];

export interface ShareProbe {
  readonly name: string;
  readonly requests: readonly SimRequest[];
}

/**
 * Where a reader must not get through a share: the owner's prefixes the share does not cover (above the shared
 * sub-prefix, or beside it), each declared permission on its own.
 */
export function ownerPrefixProbes(registry: Registry, role: AppRole, access: RoleAccess, session: Actor, use: Use): ShareProbe[] {
  const owner = registry.apps.find((a) => a.id === access.from);
  if (!owner) return [];
  const url = (prefix: string) => `s3://${access.bucket}/${prefix}`;
  // The reader may take several prefixes of one owner: one it reaches through another entry is no probe.
  const takenElsewhere = (prefix: string) => role.access.some((a) => a !== access && a.bucket === access.bucket && prefix.startsWith(a.prefix));
  return owner.access
    .filter((a) => !a.from && a.bucket === access.bucket && !a.prefix.startsWith(access.prefix) && !takenElsewhere(a.prefix))
    .flatMap((a) => {
      const where = prefixesOverlap(a.prefix, access.prefix)
        ? `under ${owner.id}'s prefix outside the share ${url(a.prefix)}`
        : `under ${owner.id}'s prefix ${url(a.prefix)} (not shared)`;
      return access.permissions.flatMap((p) => probes(`${p} ${where}`, use(session, p, a.prefix)));
    });
}

/**
 * A session of a third app (neither owner nor reader, with a role in the bucket's account, preferably one using the
 * same bucket) trying the shared prefix: a share opens it to the reader only.
 */
export function thirdAppProbes(registry: Registry, role: AppRole, access: RoleAccess, use: Use): ShareProbe[] {
  // Not another reader of the same prefix: an owner may share it with several apps.
  const reaches = (r: AppRole) => r.access.some((a) => a.bucket === access.bucket && prefixesOverlap(a.prefix, access.prefix));
  const candidates = appRoles(registry).filter((r) => r.account === role.account && r.app.id !== role.app.id && r.app.id !== access.from && !reaches(r));
  const third = candidates.find((r) => r.access.some((a) => a.bucket === access.bucket)) ?? candidates[0];
  if (!third) return [];
  const session = appSession(third);
  const where = `s3://${access.bucket}/${access.prefix}`;
  return access.permissions.flatMap((p) => probes(`${third.app.id}'s session: ${p} under the prefix ${access.from} shares with ${role.app.id} ${where}`, use(session, p, access.prefix)));
}

/** One probe per request, so one allowed action cannot hide behind a denied one. */
function probes(name: string, requests: readonly SimRequest[]): ShareProbe[] {
  return requests.length === 1 ? [{ name, requests }] : requests.map((r) => ({ name: `${name}: ${r.action}`, requests: [r] }));
}
