/** Bisection for the largest batch that fits. */

/** The largest n in [1, count] with `fits(n)`, by bisection; `fits` must be monotone (true up to
 * some n, false after). Returns 0 when not even 1 fits, `count` when all do. Calls `fits` about
 * log2(count) times, never with 0 or more than `count`. */
export async function largestFitting(
  count: number,
  fits: (n: number) => Promise<boolean>,
): Promise<number> {
  let low = 0; // fits (vacuously)
  let high = count + 1; // does not fit, or beyond what was submitted
  while (high - low > 1) {
    const mid = Math.floor((low + high) / 2);
    if (await fits(mid)) low = mid;
    else high = mid;
  }
  return low;
}
