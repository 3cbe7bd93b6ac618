import { AppFile } from './schema';

/** The prefix an access entry grants: the declared one or `<id>/`, normalised. */
export function accessPrefix(appId: string, access: AppFile['access'][number]): string {
  return normalizePrefix(access.prefix ?? `${appId}/`);
}

/** Prefixes always end in `/` so that `a/` never matches objects of `ab/`; "" stays the whole bucket. */
export function normalizePrefix(prefix: string): string {
  const trimmed = prefix.replace(/^\/+/, '');
  return trimmed === '' || trimmed.endsWith('/') ? trimmed : `${trimmed}/`;
}
