import { error } from '../diagnostics';
import { resolveExternalId } from '../external-id';
import { AppFile } from '../schema';
import { Parsed } from '../yaml-source';
import { Check, where } from './check';

/** Every app has its own ExternalId: on a shared node it is the secret that tells one app from another. */
export const externalIdUnique: Check = ({ apps, env }) => {
  const first = new Map<string, Parsed<AppFile>>();
  return apps.flatMap((app) => {
    const value = resolveExternalId(app.data.externalId, env);
    if (value === undefined) return [];
    const earlier = first.get(value);
    if (!earlier) {
      first.set(value, app);
      return [];
    }
    return [error(app.source.locate(['externalId']),
      `externalId is the same as that of app "${earlier.data.id}" (${where(earlier.source, ['externalId'])}); ` +
      'on a shared node the ExternalId is what tells apps apart, so give each app its own')];
  });
};
