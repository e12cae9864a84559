import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// The fuzz and property suites scale with FUZZ_RUNS (test/support/runs.ts): give their tests time in proportion.
const depth = Math.max(1, (Number(process.env.FUZZ_RUNS) || 1000) / 1000);

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000 * depth,
    // One module graph per worker, not per file: importing src/ again for each of ~90 files cost more than the
    // tests themselves. No test mocks modules or keeps state in them, and the whole suite passes either way.
    isolate: false,
    // Every core: the default leaves one free, which on a two-core machine runs the files one at a time.
    maxWorkers: availableParallelism(),
    reporters: ['default', './test/support/plain-summary.ts'],
  },
});
