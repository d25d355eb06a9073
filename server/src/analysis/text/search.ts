/**
 * Binary search: the first index in 0..length for which `before(i)` is false, where `before`
 * is true for a prefix of the indices and false after it (a sorted list, read by a predicate).
 */
export function firstIndex(length: number, before: (i: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
