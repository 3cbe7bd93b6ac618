import { AppFile } from './schema';

/** The prefix an access entry grants: the declared one or `<id>/`, normalised. */
export function accessPrefix(appId: string, access: AppFile['access'][number]): string {
  return normalizePrefix(access.prefix ?? `${appId}/`);
}

/** Prefixes always end in `/` so that `a/` never matches objects of `ab/`; the schema refuses "" and "/". */
export function normalizePrefix(prefix: string): string {
  const trimmed = prefix.replace(/^\/+/, '');
  return trimmed.endsWith('/') ? trimmed : `${trimmed}/`;
}

/** Two normalised prefixes reach common objects when one starts with the other. */
export function prefixesOverlap(a: string, b: string): boolean {
  return a.startsWith(b) || b.startsWith(a);
}
