/**
 * How hard the fuzz and property suites try. `FUZZ_RUNS` is the depth: 1,000 by default (a quick `npm test`),
 * 10,000 in CI (`.ci/run`). Each suite states its full-depth count; `runs()` scales it.
 */
export const FUZZ_RUNS = Number(process.env.FUZZ_RUNS) || 1000;

/** `full` cases at FUZZ_RUNS=10000, proportionally fewer below it, at least one. */
export function runs(full: number): number {
  return Math.max(1, Math.round((full * FUZZ_RUNS) / 10_000));
}
