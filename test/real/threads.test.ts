/**
 * Every real file, counted in two halves on two cores (`--parser split`, which tries the split whatever the size)
 * and by the scan worker (`--parser threaded`), gives exactly what one thread gives: output, warnings, errors and
 * exit code. Ten of them are merged at the middle (precinct files); the others are read on one thread, with the
 * reason, because their layout or a row of theirs does not allow it.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DATA, hasData, run } from '../support/run.js';
import { fullDepthOnly } from '../support/runs.js';

if (!hasData) console.warn(`notice: ${DATA} is absent; the real-data thread tests are skipped`);

const files = hasData ? readdirSync(DATA).filter((f) => f.endsWith('.csv')) : [];
const TRACE = /^runoff: split: .*\n/m;

describe.skipIf(!hasData || fullDepthOnly('every real file on two cores'))('threads are invisible on every real file', () => {
  let merged = 0;
  it.each(files)('%s', async (name) => {
    const path = `${DATA}${name}`;
    const one = await run(['--json', '--parser', 'fast', path]);
    const split = await run(['--json', '--parser', 'split', path], { env: { RUNOFF_TRACE_SPLIT: '1' } });
    if (split.stderr.includes('split: merged')) merged++;
    expect({ ...split, stderr: split.stderr.replace(TRACE, '') }).toEqual(one);
    expect(await run(['--json', '--parser', 'threaded', path])).toEqual(one);
  });

  it('merges the precinct files that allow it', () => {
    expect(merged).toBeGreaterThanOrEqual(10);
  });
});
