/**
 * Keeps the best `cap` items seen so far in `top`, sorted best first by `compare` (negative:
 * the first argument is better); equal items keep their arrival order. Cheap per item once
 * `top` is full: one comparison with the worst kept.
 */
export function keepBest<T>(top: T[], item: T, cap: number, compare: (a: T, b: T) => number): void {
  if (top.length === cap && (cap === 0 || compare(item, top[cap - 1]!) >= 0)) return;
  let lo = 0;
  let hi = top.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (compare(top[mid]!, item) <= 0) lo = mid + 1;
    else hi = mid;
  }
  top.splice(lo, 0, item);
  if (top.length > cap) top.pop();
}
