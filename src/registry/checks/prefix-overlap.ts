import { groupBy, partitionPoint } from '../collections';
import { error } from '../diagnostics';
import { Check, where } from './check';
import { Entry, entries, ownerOf } from './share-index';

/**
 * Two apps never share objects: on one bucket no app's prefix starts with another app's, except a prefix its owner
 * shares with the other app (share-from checks that both sides declared it). Symmetric, so file order does not matter.
 */
export const prefixOverlap: Check = ({ apps }) => {
  return [...groupBy(entries(apps), (entry) => entry.access.bucket)].flatMap(([bucket, claims]) => {
    const overlapping = overlapIndex(claims);
    return claims.flatMap((claim, i) => {
      const other = firstConflict(claims, i, overlapping(claim.prefix));
      if (!other) return [];
      return [error(claim.app.source.locate(['access', claim.index, 'prefix']),
        `prefix "${claim.prefix}" on bucket "${bucket}" overlaps prefix "${other.prefix}" of app "${other.app.data.id}" ` +
        `(${where(other.app.source, ['access', other.index, 'prefix'])}): one app could read or change the other's objects; ` +
        'give each app a prefix of its own, or have the owner share it (shareWith on its entry, from on the other\'s)')];
    });
  });
};

/** The earliest claim before claim `i`, among the overlapping ones, that belongs to another app and owner. */
function firstConflict(claims: readonly Entry[], i: number, overlapping: readonly number[]): Entry | undefined {
  let first = i;
  for (const j of overlapping) if (conflict(claims[j], claims[i])) first = Math.min(first, j);
  return first < i ? claims[first] : undefined;
}

/** Entries of two apps whose objects meet, unless both are about one owner's objects. */
function conflict(a: Entry, b: Entry): boolean {
  return a.app !== b.app && ownerOf(a) !== ownerOf(b);
}

/**
 * For a prefix, the indexes of the claims whose prefix starts with it or that it starts with: without comparing
 * every pair, which at thousands of apps on one bucket took most of validation. Prefixes are normalised to end in
 * `/`, so the ones a prefix starts with end at one of its slashes; the ones starting with it sort right after it.
 */
function overlapIndex(claims: readonly Entry[]): (prefix: string) => number[] {
  const byPrefix = groupBy(claims.keys(), (i) => claims[i].prefix);
  const sorted = [...byPrefix.keys()].sort();
  return (prefix) => {
    const found: number[] = [];
    // The trailing `/` stops the walk: indexOf finds it at the latest, so it never returns -1 here.
    // Stryker disable next-line StringLiteral: searching "" also stops where there is no slash; a key cut there ends in none, and every claim prefix does (the trailing slash still ends the walk)
    for (let slash = prefix.indexOf('/'); slash < prefix.length - 1; slash = prefix.indexOf('/', slash + 1)) {
      found.push(...(byPrefix.get(prefix.slice(0, slash + 1)) ?? []));
    }
    for (let k = partitionPoint(sorted.length, (k) => sorted[k] < prefix); k < sorted.length && sorted[k].startsWith(prefix); k++) found.push(...byPrefix.get(sorted[k])!);
    return found;
  };
}
