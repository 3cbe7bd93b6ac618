import { prefixesOverlap } from '../../registry/prefix';
import { Access, App, Registry } from '../../registry/model';

/** Another app as seen by an attacker next to this one: its id and ExternalId. */
export interface Neighbour {
  readonly id: string;
  readonly externalId: string;
}

/** Used when the registry holds a single app, so "another app" still has values to try. */
const STAND_IN_NEIGHBOUR: Neighbour = { id: 'keyless-verify-other-app', externalId: 'keyless-verify-other-external-id' };

/**
 * The app most likely to impersonate this one: one sharing its consumer principal (the containers on the same
 * Swarm node), else any other app of the registry.
 */
export function neighbourApp(registry: Registry, app: App): Neighbour {
  const others = registry.apps.filter((a) => a.id !== app.id);
  return others.find((a) => a.consumer.principalArn === app.consumer.principalArn) ?? others[0] ?? STAND_IN_NEIGHBOUR;
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
