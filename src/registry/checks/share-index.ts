import { accessPrefix } from '../prefix';
import { AppFile } from '../schema';
import { Parsed } from '../yaml-source';

/** One access entry of an app file, with its normalised prefix and its index for locating it. */
export interface Entry {
  readonly app: Parsed<AppFile>;
  readonly index: number;
  readonly access: AppFile['access'][number];
  readonly prefix: string;
}

/** Every access entry of the app files, in file order. */
export function entries(apps: readonly Parsed<AppFile>[]): Entry[] {
  return apps.flatMap((app) => app.data.access.map((access, index) => ({ app, index, access, prefix: accessPrefix(app.data.id, access) })));
}

/** The first app file declaring each id (a second one is app-id-unique's error). */
export function appsById(apps: readonly Parsed<AppFile>[]): Map<string, Parsed<AppFile>> {
  const byId = new Map<string, Parsed<AppFile>>();
  for (const app of apps) if (!byId.has(app.data.id)) byId.set(app.data.id, app);
  return byId;
}

/**
 * The app that owns an entry's objects: the `from` app of a shared entry, else the app itself. Two entries with the
 * same owner may overlap: the owner's own prefix and a prefix it shares.
 */
export function ownerOf(entry: Entry): string {
  return entry.access.from ?? entry.app.data.id;
}

/** The owner's own entries on `bucket` (not the ones shared with it). */
export function ownEntries(owner: Parsed<AppFile>, bucket: string): Entry[] {
  return entries([owner]).filter((e) => !e.access.from && e.access.bucket === bucket);
}

/** The owner's own entries on `bucket` whose prefix contains `prefix` (equal to it or above it). */
export function coveringEntries(owner: Parsed<AppFile>, bucket: string, prefix: string): Entry[] {
  return ownEntries(owner, bucket).filter((e) => prefix.startsWith(e.prefix));
}
