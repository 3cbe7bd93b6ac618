/** Collection helpers shared by every layer (registry is the lowest: policy and tools import it, never the reverse). */

/** Items grouped by key: groups in the order of their first item, items in input order. */
export function groupBy<T>(items: Iterable<T>, key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/**
 * The first index in [0, length) where `before` turns false, or `length` if it never does; `before` must be true up
 * to some index and false from there on (binary search: log2(length) calls).
 */
export function partitionPoint(length: number, before: (index: number) => boolean): number {
  let [low, high] = [0, length];
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (before(mid)) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** A JSON object: not null, not an array. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
