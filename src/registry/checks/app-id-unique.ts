import { error } from '../diagnostics';
import { AppFile } from '../schema';
import { Parsed } from '../yaml-source';
import { Check, where } from './check';

/**
 * App ids are unique across files: each one names a role and is the AppId session tag value. Every file of a
 * clash is located, so the one a pull request adds is annotated whatever its name sorts after.
 */
export const appIdUnique: Check = ({ apps }) => {
  const byId = new Map<string, Parsed<AppFile>[]>();
  for (const app of apps) byId.set(app.data.id, [...(byId.get(app.data.id) ?? []), app]);
  return apps.flatMap((app) => {
    const others = byId.get(app.data.id)!.filter((other) => other !== app);
    if (!others.length) return [];
    return [error(app.source.locate(['id']),
      `app id "${app.data.id}" is also declared in ${others.map((o) => where(o.source, ['id'])).join(', ')}; ` +
      'the id names the role and the AppId session tag, so give one of the apps another id')];
  });
};
