import { GrantView } from './access-view';

/** A grant before and after the change; one side is missing when the grant was added or removed. */
export interface GrantPair {
  readonly before?: GrantView;
  readonly after?: GrantView;
}

/**
 * Matches an app's grants across the change by bucket: same bucket and prefix first, then the remaining
 * grants of a bucket in declaration order, so a prefix edit reads as a change rather than a removal plus an addition.
 */
export function pairGrants(before: readonly GrantView[], after: readonly GrantView[]): GrantPair[] {
  const unmatched = [...after];
  const take = (match: (g: GrantView) => boolean): GrantView | undefined => {
    const i = unmatched.findIndex(match);
    return i < 0 ? undefined : unmatched.splice(i, 1)[0];
  };
  const exact = before.map((b) => take((a) => a.bucket === b.bucket && a.prefix === b.prefix));
  const pairs = before.map((b, i): GrantPair => ({ before: b, after: exact[i] ?? take((a) => a.bucket === b.bucket) }));
  return [...pairs, ...unmatched.map((a): GrantPair => ({ after: a }))];
}

export type PrefixChange = 'same' | 'widened' | 'narrowed' | 'moved';

/** Prefixes end in `/`: a new prefix that is a strict prefix of the old one reaches everything the old one did, and more. */
export function prefixChange(before: string, after: string): PrefixChange {
  if (before === after) return 'same';
  if (before.startsWith(after)) return 'widened';
  if (after.startsWith(before)) return 'narrowed';
  return 'moved';
}
