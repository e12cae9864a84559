/**
 * One race with 130,000 candidates, and one with 125,000 `--by` areas: past the ~120,000 arguments at which
 * spreading an array into a call overflows the stack. Every format renders them and the counts are right.
 * The files are generated here; each is counted once and rendered in every format (counting is the slow part):
 * about 25 s of CPU in all, so the timeouts leave room for a busy machine.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { count, type Election } from '../../src/index.js';
import { rendererFor, type Format } from '../../src/render/index.js';
import { run } from '../support/run.js';
import { breakdown, firstRace, parseDoc } from '../support/doc.js';
import { fullDepthOnly } from '../support/runs.js';

const CANDIDATES = 130_000;
const AREAS = 125_000;
const dir = mkdtempSync(join(tmpdir(), 'runoff-limits-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, lines: string[]): string {
  const path = join(dir, name);
  writeFileSync(path, lines.join('\n') + '\n');
  return path;
}

const candVotes = (i: number): number => (i % 1000) + 1;
const manyCandidates = write('candidates.csv', ['office,candidate,votes', ...Array.from({ length: CANDIDATES }, (_, i) => `Mayor,Cand ${i},${candVotes(i)}`)]);
const areaLines: string[] = ['office,precinct,candidate,votes'];
for (let i = 0; i < AREAS; i++) areaLines.push(`Mayor,P${i},Alice,${(i % 7) + 1}`, `Mayor,P${i},Bob,${(i % 5) + 1}`);
const manyAreas = write('areas.csv', areaLines);

let expectedCandTotal = 0;
for (let i = 0; i < CANDIDATES; i++) expectedCandTotal += candVotes(i);
let alice = 0;
let bob = 0;
for (let i = 0; i < AREAS; i++) {
  alice += (i % 7) + 1;
  bob += (i % 5) + 1;
}

async function text(election: Election, format: Format): Promise<string> {
  const rendered = await (await rendererFor(format))(election, { color: false, bars: false, width: 100, terminal: false });
  return typeof rendered === 'string' ? rendered : [...rendered].join('');
}

const FORMATS: Format[] = ['table', 'json', 'ndjson', 'csv', 'markdown', 'html'];

const quick = fullDepthOnly('130,000 candidates and 125,000 areas');

describe.skipIf(quick)(`one race with ${CANDIDATES.toLocaleString('en')} candidates`, () => {
  it('renders in every format with every candidate and the right total', async () => {
    const election = await count([manyCandidates]);
    for (const format of FORMATS) {
      const out = await text(election, format);
      expect(out, format).toContain(`Cand ${CANDIDATES - 1}`);
      if (format === 'json') {
        const race = firstRace(parseDoc(out));
        expect(race.candidates.length).toBe(CANDIDATES);
        expect(race.totalVotes).toBe(expectedCandTotal);
      }
    }
  }, 300_000);
  it('`runoff races` lists them all, exit 0', async () => {
    const r = await run(['races', manyCandidates]);
    expect(r.stderr).not.toMatch(/internal error/);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Mayor · ${CANDIDATES.toLocaleString('en')} rows`);
    expect(r.stdout.split('\n').filter((l) => /^\s+Cand \d+ /.test(l)).length).toBe(CANDIDATES);
  }, 300_000);
});

describe.skipIf(quick)(`--by precinct with ${AREAS.toLocaleString('en')} areas`, () => {
  it('renders in every format with every area and the right totals', async () => {
    const election = await count([manyAreas], { by: 'precinct' });
    for (const format of FORMATS) {
      const out = await text(election, format);
      expect(out, format).toContain(`P${AREAS - 1}`);
      if (format === 'json') {
        const race = firstRace(parseDoc(out));
        expect(breakdown(race).areas.length).toBe(AREAS);
        expect(Object.fromEntries(race.candidates.map((c) => [c.name, c.votes]))).toEqual({ Alice: alice, Bob: bob });
      }
    }
  }, 300_000);
  it('the command line exits 0 with --by (table) and `runoff races` counts the rows', async () => {
    const table = await run(['--by', 'precinct', manyAreas]);
    expect(table.stderr).not.toMatch(/internal error/);
    expect(table.code).toBe(0);
    const races = await run(['races', manyAreas]);
    expect(races.code).toBe(0);
    expect(races.stdout).toContain(`Mayor · ${(2 * AREAS).toLocaleString('en')} rows`);
  }, 300_000);
});
