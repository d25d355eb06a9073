/**
 * Binary search over a sorted list: the index of the first item for which `before` is false,
 * where `before` is true for a prefix of the list and false after it (list.length if it is true
 * throughout). One search serves every sorted list the analysis looks into: section numbers,
 * term hits by start, ranges by end, converted blocks by line.
 */
export function partitionPoint<T>(list: readonly T[], before: (item: T) => boolean): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(list[mid]!)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
