import { prefixesOverlap } from '../../registry/prefix';
import { Access, App, Registry } from '../../registry/model';

/** Another app as seen by an attacker next to this one: its id, and its ExternalId when it is a principal consumer. */
export interface Neighbour {
  readonly id: string;
  readonly externalId?: string;
}

/** Used when the registry holds a single app, so "another app" still has values to try. */
const STAND_IN_NEIGHBOUR: Neighbour = { id: 'keyless-verify-other-app', externalId: 'keyless-verify-other-external-id' };

/**
 * The app most likely to impersonate this one: one of the same kind sharing its consumer principal (the containers
 * on the same Swarm node) or its CA, else one of the same kind, else any other app of the registry.
 */
export function neighbourApp(registry: Registry, app: App): Neighbour {
  const others = registry.apps.filter((a) => a.id !== app.id);
  const sameKind = others.filter((a) => a.consumer.kind === app.consumer.kind);
  const closest = sameKind.find((a) => JSON.stringify(a.consumer) === JSON.stringify(app.consumer)
    || (a.consumer.kind === 'principal' && app.consumer.kind === 'principal' && a.consumer.principalArn === app.consumer.principalArn));
  return closest ?? sameKind[0] ?? otherKindApp(registry, app) ?? others[0] ?? STAND_IN_NEIGHBOUR;
}

/**
 * An app of the other consumer kind, for cross-kind scenarios: one sharing a bucket with `app` when there is one (an
 * ExternalId app and a certificate app side by side), else any; undefined when the registry has none.
 */
export function otherKindApp(registry: Registry, app: App): App | undefined {
  const others = registry.apps.filter((a) => a.consumer.kind !== app.consumer.kind);
  const buckets = new Set(app.access.map((a) => a.bucket));
  return others.find((a) => a.access.some((x) => buckets.has(x.bucket))) ?? others[0];
}

/** A principal-consumer app other than `app`, with its ExternalId, for ExternalId scenarios. */
export function externalIdNeighbour(registry: Registry, app: App): Neighbour {
  const n = neighbourApp(registry, app);
  if (n.externalId !== undefined) return n;
  const other = registry.apps.find((a) => a.id !== app.id && a.externalId !== undefined);
  return other ? { id: other.id, externalId: other.externalId } : STAND_IN_NEIGHBOUR;
}

/**
 * Another app's own prefix in the same bucket that does not overlap this app's, if there is one. The owner of a
 * shared prefix is left to the share scenarios, and prefixes shared with an app are not its own.
 */
export function neighbourPrefix(registry: Registry, app: App, access: Access): { app: string; prefix: string } | undefined {
  for (const other of registry.apps) {
    if (other.id === app.id || other.id === access.from) continue;
    // Not a prefix this app reaches through another of its entries, such as one shared with it.
    const reaches = (prefix: string) => app.access.some((a) => a.bucket === access.bucket && prefixesOverlap(a.prefix, prefix));
    const found = other.access.find((a) => !a.from && a.bucket === access.bucket && !reaches(a.prefix));
    if (found) return { app: other.id, prefix: found.prefix };
  }
  return undefined;
}
