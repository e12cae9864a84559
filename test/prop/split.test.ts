/**
 * A file counted in two halves on two cores (pipeline/split.ts) must give what one pass gives: the output,
 * warnings, errors, line numbers, exit code and SHA-256 of the single-thread byte scanner, on random precinct
 * files with quoted line breaks, places that come back, TOTAL places, repeated and missing rows, footnotes and
 * damage. The halves are merged only when nothing in the second depends on the first; the test also checks that
 * they often are, so the merge itself is what is compared. Needs `npm run build` (the worker script).
 */
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runs } from '../support/runs.js';
import { run, type RunResult } from '../support/run.js';
import { firstRace, parseDoc } from '../support/doc.js';

const dir = mkdtempSync(join(tmpdir(), 'runoff-split-'));


const odd = fc.string({ unit: fc.constantFrom('a', 'é', '"', ',', '\n', '\r\n', ' ', 'T', '7'), maxLength: 6 });
const name = fc.oneof({ weight: 6, arbitrary: fc.constantFrom('Ann', 'Bo "B" Ray', 'Zinn, Jr.', 'José', 'Ballots Cast') }, { weight: 1, arbitrary: odd });
const votes = fc.oneof({ weight: 400, arbitrary: fc.nat(5000).map(String) }, { weight: 1, arbitrary: fc.constantFrom('', '1,234', 'x') });
const row = fc.tuple(fc.constantFrom('Gov', 'U.S. House', 'Mayor'), name, votes);
const place = fc.tuple(fc.constantFrom('Cobb', 'Fulton', 'DeKalb', ''), fc.oneof({ weight: 30, arbitrary: fc.nat(40).map((n) => `P${n}`) }, { weight: 1, arbitrary: fc.constantFrom('TOTAL', 'Total Votes', 'P\nNorth', '') }));
const cell = (v: string): string => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

const file = fc
  .record({
    // One row per office and candidate in a place (a second one, with other votes, is an error that ends the read).
    blocks: fc.array(fc.tuple(place, fc.uniqueArray(row, { minLength: 1, maxLength: 6, selector: ([office, who]) => `${office}|${who}` }), fc.oneof({ weight: 30, arbitrary: fc.constant(false) }, { weight: 1, arbitrary: fc.constant(true) })), { minLength: 2, maxLength: 40 }),
    end: fc.constantFrom('\n', '\r\n'),
    bom: fc.boolean(),
    tail: fc.constantFrom('', '\n', '"* Unofficial results"\n', ',,,,\n'),
    damage: fc.oneof({ weight: 4, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: fc.tuple(fc.constantFrom(Buffer.from([0xff]), Buffer.from('"'), Buffer.from([0])), fc.nat(4000)) }),
  })
  .map(({ blocks, end, bom, tail, damage }) => {
    let out = `${bom ? '\uFEFF' : ''}county,precinct,office,candidate,votes${end}`;
    for (const [[county, precinct], rows, again] of blocks) {
      // Now and then a block repeats its first row: a repeat within a place (dropped, or an error when its votes differ).
      for (const [office, who, v] of again ? [...rows, rows[0] as (typeof rows)[number]] : rows) out += [county, precinct, office, who, v].map(cell).join(',') + end;
    }
    const bytes = Buffer.from(out + tail);
    if (!damage) return bytes;
    const at = Math.min(damage[1], bytes.length);
    return Buffer.concat([bytes.subarray(0, at), damage[0], bytes.subarray(at)]);
  });

const TRACE = /^runoff: split: .*\n/m;
const HEADER = 'county,precinct,office,candidate,votes\n';
let n = 0;
let merged = 0;
let tried = 0;

async function both(bytes: Buffer, flags: readonly string[] = []): Promise<RunResult> {
  const path = join(dir, `f${n++}.csv`);
  writeFileSync(path, bytes);
  const one = await run(['--parser', 'fast', '--json', ...flags, path]);
  const two = await run(['--parser', 'split', '--json', ...flags, path], { env: { RUNOFF_TRACE_SPLIT: '1' } });
  const trace = TRACE.exec(two.stderr)?.[0] ?? '';
  if (trace !== '') tried++;
  if (trace.includes("split: merged")) merged++;
  expect({ ...two, stderr: two.stderr.replace(TRACE, '') }).toEqual(one);
  return two;
}

describe('two halves on two cores ≡ one pass', () => {
  it('gives identical output, warnings, errors, lines and hashes on random precinct files', async () => {
    await fc.assert(
      fc.asyncProperty(file, fc.constantFrom([], ['--skip-bad-rows'], ['--by', 'precinct']), async (bytes, flags) => {
        await both(bytes, flags);
      }),
      { numRuns: runs(200) },
    );
    // The merge is what is compared, not only the fallback: most clean files are merged.
    expect(tried).toBeGreaterThan(0);
    expect(merged / tried).toBeGreaterThan(0.2);
  });

  it('merges a clean file, with the sums, first lines and per-county checks of one pass', async () => {
    const parts = ['county,precinct,office,candidate,votes\n'];
    let ann = 0;
    for (let p = 0; p < 3000; p++) {
      const county = p < 1000 ? 'Cobb' : p < 2000 ? 'Fulton' : 'DeKalb';
      parts.push(`${county},P${p},Gov,Ann,${p % 97}\n${county},P${p},Gov,"Zinn, Jr.",${p % 89}\n`);
      ann += p % 97;
      // A race found only late (its first line is in the second half), and a county total row that disagrees.
      if (p === 2500) parts.push(`${county},P${p},Mayor,Bo,5\n`);
      if (p === 2999) parts.push('DeKalb,P2999,Gov,Total,1\n');
    }
    const out = await both(Buffer.from(parts.join('')));
    expect(out.stderr).toContain('runoff: split: merged');
    expect(firstRace(parseDoc(out.stdout)).totalVotes).toBeGreaterThan(ann);
  });

  it('reads the second half itself when the middle is inside a quoted cell that holds lines like records', async () => {
    const rows = Array.from({ length: 200 }, (_, p) => `Cobb,P${p},Gov,Ann,${p}\n`);
    // A note cell of 400 lines, each a record of another place: the window at the middle reads them as records.
    const note = Array.from({ length: 400 }, (_, i) => `Fulton,Q${i},Gov,Bo,${i}`).join('\n');
    const out = await both(Buffer.from(`${HEADER}${rows.join('')}Cobb,"${note}",Gov,Ann,7\n${rows.join('').replaceAll('Cobb', 'DeKalb')}`));
    expect(out.stderr).toMatch(/split: (the boundary is inside a record|one place on both sides)/);
  });

  it('reads the second half itself when one place runs across the middle', async () => {
    const out = await both(Buffer.from(`${HEADER}${Array.from({ length: 400 }, (_, i) => `Cobb,P1,Gov,C${i},${i}\n`).join('')}`));
    expect(out.stderr).not.toContain('split: merged');
  });

  it('merges what the second half notes: an unnamed column holding data, missing votes, footnotes after the data', async () => {
    const rows = Array.from({ length: 400 }, (_, p) => `Cobb,P${p},Gov,Ann,${p === 300 ? '' : p},${p === 350 ? 'x' : ''}\n`);
    const out = await both(Buffer.from(`county,precinct,office,candidate,votes,\n${rows.join('')}"* Unofficial results",,,,,\n"** Printed 11/6",,,,,\n`));
    expect(out.stderr).toContain('split: merged');
    expect(out.stderr).toMatch(/unnamed.*line 352/);
  });
});
