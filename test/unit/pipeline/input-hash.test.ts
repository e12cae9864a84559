/**
 * Each input's SHA-256 (`inputs[].sha256`) is made when the output shows it, on every reading path (one thread,
 * the scan worker, the two halves, csv-parse); with an output that shows none, one input is counted without
 * hashing it, and several inputs are hashed all the same (an input given twice is told by its hash).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { countElection } from '../../../src/pipeline/count-election.js';
import type { ElectionOptions } from '../../../src/pipeline/election-options.js';
import { openFile } from '../../../src/read/open.js';
import { majority } from '../../../src/count/rules/presets.js';
import { HASHED_FORMATS } from '../../../src/render/formats.js';
import { fixture, json, run } from '../../support/run.js';

const GA = fixture('ga-06-2017-04-18-special-jungle.csv');
const sha = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');
const PARSERS = ['fast', 'threaded', 'split', 'csv-parse'] as const;

async function hashes(files: string[], extra: Partial<ElectionOptions>): Promise<string[]> {
  const sources = await Promise.all(files.map((f) => openFile(f)));
  try {
    const election = await countElection(sources, { rule: majority, partyPrimary: null, raceFilter: null, skipBadRows: false, encoding: null, delimiter: null, ...extra });
    return election.inputs.map((i) => i.sha256);
  } finally {
    await Promise.all(sources.map((s) => s.close()));
  }
}

describe('the SHA-256 of each input', () => {
  it.each(PARSERS)('is made by default, and left out when not asked for (%s)', async (parser) => {
    expect(await hashes([GA], { parser })).toEqual([sha(GA)]);
    expect(await hashes([GA], { parser, hash: true })).toEqual([sha(GA)]);
    expect(await hashes([GA], { parser, hash: false })).toEqual(['']);
  });

  it('is made for several inputs even when not asked for: one given twice is told by it', async () => {
    const MS = fixture('ms-01-2015-05-12-blank-total-rows.csv');
    expect(await hashes([GA, MS], { hash: false })).toEqual([sha(GA), sha(MS)]);
  });

  it('is asked for by the outputs that show it: JSON and HTML', async () => {
    expect([...HASHED_FORMATS].sort()).toEqual(['html', 'json']);
    expect((await json([GA])).doc.inputs[0]?.sha256).toBe(sha(GA));
    expect((await run(['--format', 'html', GA])).stdout).toContain(`sha256 ${sha(GA).slice(0, 12)}`);
  });
});
