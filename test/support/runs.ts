/**
 * How hard the fuzz and property suites try. `FUZZ_RUNS` is the depth: 1,000 by default (a quick `npm test`),
 * 10,000 in CI (`.ci/run`). Each suite states its full-depth count; `runs()` scales it.
 */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS) || 1000;

/** `full` cases at FUZZ_RUNS=10000, proportionally fewer below it, at least one. */
export function runs(full: number): number {
  return Math.max(1, Math.round((full * FUZZ_RUNS) / 10_000));
}

/**
 * Full depth (FUZZ_RUNS ≥ 10,000, as CI runs) also runs the slow suites: the packed tarball, the browser, and the
 * inputs of hundreds of thousands of rows or hundreds of megabytes. The quick `npm test` skips them with a notice.
 */
export const FULL_DEPTH = FUZZ_RUNS >= 10_000;

/** For `describe.skipIf` / `it.skipIf`: true (skip) below full depth, after saying what is skipped and how to run it. */
export function fullDepthOnly(what: string): boolean {
  if (!FULL_DEPTH) console.log(`[skip] ${what}: runs at full depth only (FUZZ_RUNS=10000 npm test, as CI does)`);
  return !FULL_DEPTH;
}
