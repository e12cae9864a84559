/**
 * Largest, smallest and append without spreading an array into call arguments.
 *
 * `Math.max(...values)` and `out.push(...items)` pass every element as an argument, and V8 runs out of stack at about
 * 120,000 of them: one race with 130,000 candidates or 125,000 `--by` areas died with "Maximum call stack size
 * exceeded". Anything as long as the input goes through these loops instead.
 */

/** The largest value, or `floor` when there is none or all are below it. */
export function maxOf(values: Iterable<number>, floor = -Infinity): number {
  let max = floor;
  for (const v of values) if (v > max) max = v;
  return max;
}

/** The smallest value, or `ceiling` when there is none or all are above it. */
export function minOf(values: Iterable<number>, ceiling = Infinity): number {
  let min = ceiling;
  for (const v of values) if (v < min) min = v;
  return min;
}

/** `target.push(...items)` for any length. */
export function appendAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}

/** `String.fromCharCode(...codes)` for any length: short arrays in one call, long ones in slices. */
export function fromCharCodes(codes: readonly number[]): string {
  const SLICE = 8192;
  if (codes.length <= SLICE) return String.fromCharCode(...codes);
  let text = '';
  for (let i = 0; i < codes.length; i += SLICE) text += String.fromCharCode(...codes.slice(i, i + SLICE));
  return text;
}
