/**
 * The scan worker (pipeline/parallel.ts) must be invisible: a file scanned on the other core gives the output,
 * warnings, errors, line numbers, exit code and SHA-256 of the single-thread byte scanner, on random files with
 * quoted line breaks, NUL bytes, broken UTF-8 and unclosed quotes. Needs `npm run build` (the worker script).
 */
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { fullDepthOnly, runs } from '../support/runs.js';
import { run } from '../support/run.js';
import { firstRace, parseDoc } from '../support/doc.js';

const dir = mkdtempSync(join(tmpdir(), 'runoff-threaded-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const text = fc.string({ unit: fc.constantFrom('a', 'B', 'é', '😀', '"', ',', '\n', '\r\n', '\r', ' ', 'T', '7', '\u0000'), maxLength: 8 });
const row = fc.tuple(fc.oneof(fc.constantFrom('Cobb', 'Fulton', 'TOTAL'), text), fc.constantFrom('Gov', 'U.S. House', 'Voters'), fc.oneof(fc.constantFrom('Ann', 'Bo "B" Ray', 'Zinn, Jr.'), text), fc.oneof({ weight: 8, arbitrary: fc.nat(5000).map(String) }, { weight: 1, arbitrary: fc.constantFrom('', '1,234', 'x') }));
const cell = (v: string, quote: boolean): string => (quote || /[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);

const file = fc
  .record({
    rows: fc.array(fc.tuple(row, fc.constantFrom('\n', '\r\n', '\r'), fc.boolean()), { maxLength: 30 }),
    bom: fc.boolean(),
    // Damage, now and then: a byte that is not UTF-8, or a quote opened and never closed.
    damage: fc.option(fc.tuple(fc.constantFrom(Buffer.from([0xff]), Buffer.from('"')), fc.nat(2000)), { freq: 5 }),
  })
  .map(({ rows, bom, damage }) => {
    let out = (bom ? '\uFEFF' : '') + 'county,office,candidate,votes\n';
    for (const [cells, end, quote] of rows) out += cells.map((c) => cell(c, quote)).join(',') + end;
    const bytes = Buffer.from(out);
    if (!damage) return bytes;
    const at = Math.min(damage[1], bytes.length);
    return Buffer.concat([bytes.subarray(0, at), damage[0], bytes.subarray(at)]);
  });

let n = 0;
async function both(bytes: Buffer, flags: string[] = []): Promise<Awaited<ReturnType<typeof run>>> {
  const path = join(dir, `f${n++}.csv`);
  writeFileSync(path, bytes);
  const one = await run(['--parser', 'fast', '--json', ...flags, path]);
  const two = await run(['--parser', 'threaded', '--json', ...flags, path]);
  expect(two).toEqual(one);
  return two;
}

describe('scan worker ≡ single-thread scan', () => {
  it('gives identical output, warnings, errors, lines and hashes on random files', async () => {
    await fc.assert(
      fc.asyncProperty(file, fc.boolean(), async (bytes, skip) => {
        await both(bytes, skip ? ['--skip-bad-rows'] : []);
      }),
      { numRuns: runs(300) },
    );
  });

  it.skipIf(fullDepthOnly('the threaded scan over 5 MB of batches'))('agrees over many batches (more than are ever in flight), with a quoted line break in every tenth row', async () => {
    const parts = ['county,precinct,office,candidate,votes\n'];
    let expected = 0;
    for (let p = 0; p < 60_000; p++) {
      for (const [name, v] of [['Ann', p % 97], ['Bo "B" Ray', p % 89], ['José Núñez', p % 13]] as const) {
        parts.push(`${p % 3 ? 'Cobb' : 'Fulton'},${p % 10 ? `P${p}` : `"P${p}\nNorth"`},Gov,${cell(name, false)},${v}\n`);
        expected += v;
      }
    }
    const bytes = Buffer.from(parts.join(''));
    expect(bytes.length).toBeGreaterThan(5 << 20);
    const out = await both(bytes);
    expect(out.code).toBe(0);
    expect(firstRace(parseDoc(out.stdout)).totalVotes).toBe(expected);
    // An error late in the file: the records before it are counted in order, and its line is the single-thread one.
    const late = await both(Buffer.concat([bytes, Buffer.from('Cobb,P1,Gov,Ann,12a\n')]));
    // A record with more fields than a shared slot's table holds travels alone, between the others.
    await both(Buffer.concat([bytes, Buffer.from(`Cobb,P0,Gov,Ann,1${','.repeat(200_000)}\nCobb,P1x,Gov,Ann,3\n`)]));
    // Records of 900 KB (a quoted precinct with line breaks): each spans the worker's 1 MiB reads, so most reads
    // hold the end of one and the start of the next, and the only record they complete is in the scanner's carry.
    // Each precinct's bytes are its own, and --by precinct shows them: a record copied late would show another's.
    const long = (k: number): string => `Cobb,"${`${k}\n`.repeat(450_000)}",Gov,Ann,${k}\n`;
    await both(Buffer.from(`county,precinct,office,candidate,votes\n${[1, 2, 3, 4, 5, 6, 7, 8].map(long).join('')}Cobb,P1,Gov,Bo,1\n`), ['--by', 'precinct']);
    const line = bytes.toString('latin1').split('\n').length;
    expect(late.stderr).toContain(`.csv:${line}: `);
  });
});
