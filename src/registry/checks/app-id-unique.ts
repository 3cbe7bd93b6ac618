import { error } from '../diagnostics';
import { AppFile } from '../schema';
import { Parsed } from '../yaml-source';
import { Check, where } from './check';

/** App ids are unique across files: each one names a role and is the AppId session tag value. */
export const appIdUnique: Check = ({ apps }) => {
  const first = new Map<string, Parsed<AppFile>>();
  return apps.flatMap((app) => {
    const earlier = first.get(app.data.id);
    if (!earlier) {
      first.set(app.data.id, app);
      return [];
    }
    return [error(app.source.locate(['id']),
      `app id "${app.data.id}" is already declared in ${where(earlier.source, ['id'])}; ` +
      'the id names the role and the AppId session tag, so give one of the two apps another id')];
  });
};
