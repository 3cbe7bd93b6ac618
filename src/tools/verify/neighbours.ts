import { groupBy } from '../../registry/collections';
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
 * The registry's apps grouped the ways the functions below search them, each list in registry order: they are asked
 * about every app, so a scan of every app for each would make deriving the scenarios grow with the square of the apps.
 */
interface AppIndex {
  readonly position: ReadonlyMap<App, number>;
  readonly byKind: ReadonlyMap<string, readonly App[]>;
  readonly byConsumer: ReadonlyMap<string, readonly App[]>;
  readonly byPrincipal: ReadonlyMap<string, readonly App[]>;
  /** Per kind, the first app of another kind with an entry on each bucket. */
  readonly otherKindByBucket: ReadonlyMap<string, ReadonlyMap<string, App>>;
  /** Apps with an entry of their own (not shared with them) on each bucket. */
  readonly ownersByBucket: ReadonlyMap<string, readonly App[]>;
  readonly withExternalId: readonly App[];
}

const indexes = new WeakMap<Registry, AppIndex>();

function indexOf(registry: Registry): AppIndex {
  let index = indexes.get(registry);
  if (!index) {
    index = buildIndex(registry.apps);
    indexes.set(registry, index);
  }
  return index;
}

function buildIndex(apps: readonly App[]): AppIndex {
  const principals = apps.filter((app) => app.consumer.kind === 'principal');
  const owned = apps.flatMap((app) => [...new Set(app.access.filter((a) => !a.from).map((a) => a.bucket))].map((bucket) => ({ app, bucket })));
  const byKind = groupBy(apps, (app) => app.consumer.kind);
  const otherKindByBucket = new Map([...byKind.keys()].map((kind) => {
    const first = new Map<string, App>();
    for (const app of apps) {
      if (app.consumer.kind === kind) continue;
      for (const { bucket } of app.access) if (!first.has(bucket)) first.set(bucket, app);
    }
    return [kind, first];
  }));
  return {
    position: new Map(apps.map((app, i) => [app, i])),
    byKind,
    byConsumer: groupBy(apps, (app) => JSON.stringify(app.consumer)),
    byPrincipal: groupBy(principals, (app) => (app.consumer.kind === 'principal' ? app.consumer.principalArn : '')),
    otherKindByBucket,
    ownersByBucket: new Map([...groupBy(owned, (o) => o.bucket)].map(([bucket, entries]) => [bucket, entries.map((o) => o.app)])),
    withExternalId: apps.filter((a) => a.externalId !== undefined),
  };
}

/** The first app of `apps` that is not `app` (apps are told apart by id). */
function firstOther(apps: readonly App[] | undefined, app: App): App | undefined {
  return apps?.find((a) => a.id !== app.id);
}

/** Of the candidates found in different lists, the one that comes first in the registry. */
function earliest(index: AppIndex, candidates: readonly (App | undefined)[]): App | undefined {
  return candidates.reduce<App | undefined>((best, a) => (a && (!best || index.position.get(a)! < index.position.get(best)!) ? a : best), undefined);
}

/**
 * The app most likely to impersonate this one: one of the same kind sharing its consumer principal (the containers
 * on the same Swarm node) or its CA, else one of the same kind, else any other app of the registry.
 */
export function neighbourApp(registry: Registry, app: App): Neighbour {
  const index = indexOf(registry);
  const closest = earliest(index, [
    firstOther(index.byConsumer.get(JSON.stringify(app.consumer)), app),
    app.consumer.kind === 'principal' ? firstOther(index.byPrincipal.get(app.consumer.principalArn), app) : undefined,
  ]);
  return closest ?? firstOther(index.byKind.get(app.consumer.kind), app) ?? otherKindApp(registry, app) ?? firstOther(registry.apps, app) ?? STAND_IN_NEIGHBOUR;
}

/**
 * An app of the other consumer kind, for cross-kind scenarios: one sharing a bucket with `app` when there is one (an
 * ExternalId app and a certificate app side by side), else any; undefined when the registry has none.
 */
export function otherKindApp(registry: Registry, app: App): App | undefined {
  const index = indexOf(registry);
  const sharing = index.otherKindByBucket.get(app.consumer.kind)!;
  const others = [...index.byKind].filter(([kind]) => kind !== app.consumer.kind).flatMap(([, apps]) => apps[0] ?? []);
  return earliest(index, app.access.map((a) => sharing.get(a.bucket))) ?? earliest(index, others);
}

/** A principal-consumer app other than `app`, with its ExternalId, for ExternalId scenarios. */
export function externalIdNeighbour(registry: Registry, app: App): Neighbour {
  const n = neighbourApp(registry, app);
  if (n.externalId !== undefined) return n;
  const other = firstOther(indexOf(registry).withExternalId, app);
  return other ? { id: other.id, externalId: other.externalId } : STAND_IN_NEIGHBOUR;
}

/**
 * Another app's own prefix in the same bucket that does not overlap this app's, if there is one. The owner of a
 * shared prefix is left to the share scenarios, and prefixes shared with an app are not its own.
 */
export function neighbourPrefix(registry: Registry, app: App, access: Access): { app: string; prefix: string } | undefined {
  for (const other of indexOf(registry).ownersByBucket.get(access.bucket) ?? []) {
    if (other.id === app.id || other.id === access.from) continue;
    // Not a prefix this app reaches through another of its entries, such as one shared with it.
    const reaches = (prefix: string) => app.access.some((a) => a.bucket === access.bucket && prefixesOverlap(a.prefix, prefix));
    const found = other.access.find((a) => !a.from && a.bucket === access.bucket && !reaches(a.prefix));
    if (found) return { app: other.id, prefix: found.prefix };
  }
  return undefined;
}
