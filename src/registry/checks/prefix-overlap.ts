import { error } from '../diagnostics';
import { prefixesOverlap } from '../prefix';
import { Check, where } from './check';
import { Entry, entries, ownerOf } from './share-index';

/**
 * Two apps never share objects: on one bucket no app's prefix starts with another app's, except a prefix its owner
 * shares with the other app (share-from checks that both sides declared it). Symmetric, so file order does not matter.
 */
export const prefixOverlap: Check = ({ apps }) => {
  const byBucket = new Map<string, Entry[]>();
  for (const entry of entries(apps)) {
    byBucket.set(entry.access.bucket, [...(byBucket.get(entry.access.bucket) ?? []), entry]);
  }
  return [...byBucket.entries()].flatMap(([bucket, claims]) => claims.flatMap((claim, i) => {
    const other = claims.slice(0, i).find((c) => conflict(c, claim));
    if (!other) return [];
    return [error(claim.app.source.locate(['access', claim.index, 'prefix']),
      `prefix "${claim.prefix}" on bucket "${bucket}" overlaps prefix "${other.prefix}" of app "${other.app.data.id}" ` +
      `(${where(other.app.source, ['access', other.index, 'prefix'])}): one app could read or change the other's objects; ` +
      'give each app a prefix of its own, or have the owner share it (shareWith on its entry, from on the other\'s)')];
  }));
};

/** Entries of two apps whose objects meet, unless both are about one owner's objects. */
function conflict(a: Entry, b: Entry): boolean {
  return a.app !== b.app && ownerOf(a) !== ownerOf(b) && prefixesOverlap(a.prefix, b.prefix);
}
