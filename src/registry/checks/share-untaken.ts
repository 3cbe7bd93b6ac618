import { warning } from '../diagnostics';
import { Check } from './check';
import { appsById, coveringEntries, entries } from './share-index';

/** An offer that no access entry `from: <owner>` takes grants nothing: probably the other half is missing or was removed. */
export const shareUntaken: Check = ({ apps }) => {
  const byId = appsById(apps);
  const all = entries(apps);
  return all.filter((e) => !e.access.from).flatMap(({ app, index, access, prefix }) =>
    (access.shareWith ?? []).flatMap((offer, j) => {
      const reader = byId.get(offer.app);
      if (!reader || reader === app) return [];
      // A reader's entry under no prefix of the owner is share-from's error, stated on the reader's line: not repeated here.
      const taken = all.some((e) => e.app === reader && e.access.from === app.data.id && e.access.bucket === access.bucket &&
        (e.prefix.startsWith(prefix) || !coveringEntries(app, access.bucket, e.prefix).length));
      if (taken) return [];
      return [warning(app.source.locate(['access', index, 'shareWith', j, 'app']),
        `offers s3://${access.bucket}/${prefix} to "${offer.app}", but ${reader.source.file} has no access entry with "from: ${app.data.id}" on it, ` +
        `so nothing is shared; add one there (bucket: ${access.bucket}, prefix: ${prefix}, from: ${app.data.id}), or remove this offer`)];
    }));
};
