/**
 * The byte scanner and csv-parse must agree on everything a user sees: totals, warnings, errors and their
 * lines, exit codes — on random files arriving in random chunks (issue 8: csv-parse is the oracle).
 */
import fc from 'fast-check';
import { runs } from '../support/runs.js';
import { describe, expect, it } from 'vitest';
import { run, chunked } from '../support/run.js';
import { firstRace, parseDoc } from '../support/doc.js';

const text = fc.string({ unit: fc.constantFrom('a', 'B', 'é', 'ñ', '😀', '"', ',', '\n', '\r\n', ' ', 'T', 'o', 't', 'l', '7', '\u00a0'), maxLength: 8 });
const county = fc.oneof(fc.constantFrom('Cobb', 'Fulton', 'TOTAL', 'Total Votes', 'total', ''), text);
const office = fc.oneof(fc.constantFrom('U.S. House', 'Governor', 'Voters', 'Straight Party'), text);
const candidate = fc.oneof(fc.constantFrom('Ann', 'Bo "B" Ray', 'Zinn, Jr.', 'Total', 'Overvotes', 'constructor', ''), text);
const votes = fc.oneof(
  { weight: 8, arbitrary: fc.nat(100000).map(String) },
  { weight: 1, arbitrary: fc.constantFrom('', ' 12 ', '1,234', '613.0', 'REP', '1.234', '-5', '12,34') },
);
const row = fc.tuple(county, office, fc.constantFrom('', '6', '006', 'District 6'), fc.constantFrom('', 'Dem', 'Rep'), candidate, votes);
const ending = fc.constantFrom('\n', '\r\n', '\r');

function cell(value: string, forceQuote: boolean): string {
  return forceQuote || /[",\r\n]/.test(value) || value !== value.trim() ? `"${value.replaceAll('"', '""')}"` : value;
}

const csv = fc
  .record({
    rows: fc.array(fc.tuple(row, ending, fc.boolean()), { maxLength: 25 }),
    bom: fc.boolean(),
    finalNewline: fc.boolean(),
    blankLines: fc.array(fc.nat(30), { maxLength: 2 }),
  })
  .map(({ rows, bom, finalNewline, blankLines }) => {
    const lines = rows.map(([cells, end, quote]) => [cells.map((c) => cell(c, quote)).join(','), end] as const);
    for (const at of blankLines) lines.splice(Math.min(at, lines.length), 0, ['', '\n']);
    let out = (bom ? '\uFEFF' : '') + 'county,office,district,party,candidate,votes\n';
    lines.forEach(([line, end], i) => (out += line + (i < lines.length - 1 || finalNewline ? end : '')));
    return Buffer.from(out);
  });


describe('fast path ≡ csv-parse', () => {
  it('gives identical output, warnings, errors and exit codes on random files in random chunks', async () => {
    await fc.assert(
      fc.asyncProperty(csv, fc.array(fc.nat(4000), { maxLength: 6 }), fc.boolean(), async (bytes, cuts, skip) => {
        const flags = ['--json', ...(skip ? ['--skip-bad-rows'] : []), '-'];
        const oracle = await run(['--parser', 'csv-parse', ...flags], { stdin: [bytes] });
        const fast = await run(['--parser', 'fast', ...flags], { stdin: chunked(bytes, cuts) });
        expect(fast).toEqual(oracle);
      }),
      { numRuns: runs(2000) },
    );
  });

  it('agrees with the oracle on the same bytes quoted (`""` is one quote) and unquoted (two): other names, other places', async () => {
    const both = async (input: string) => {
      const fast = await run(['--parser', 'fast', '--json', '-'], { stdin: input });
      expect(fast).toEqual(await run(['--parser', 'csv-parse', '--json', '-'], { stdin: input }));
      return fast;
    };
    // Two candidates (a"b, a""b) in one place: lines 2 and 4 are one of them with other votes, an error.
    const names = await both('county,precinct,office,candidate,votes\nCobb,1,Gov,"a""b",1\nCobb,1,Gov,a""b,2\nCobb,1,Gov,"a""b",3\n');
    expect(names.stderr).toMatch(/^runoff: <stdin>:4: "a\\"b" in Gov \(Cobb, 1\) has 1 votes on line 2 and 3 on line 4/);
    // Two counties (Co"b, Co""b), and two precincts: other places, so the same candidate twice is no repeat.
    const counties = await both('county,precinct,office,candidate,votes\n"Co""b",1,Gov,A,1\nCo""b,1,Gov,A,2\nCo""b,"P""1",Gov,A,3\nCo""b,P""1,Gov,A,4\n');
    expect(firstRace(parseDoc(counties.stdout)).totalVotes).toBe(10);
  });

  it('agrees with the oracle when the tally is split across chunks inside a multi-byte name', async () => {
    const bytes = Buffer.from('candidate,votes\nCASTAÑEDA,5\n😀,3\nCASTAÑEDA,1\n');
    for (let cut = 1; cut < bytes.length; cut++) {
      const fast = await run(['--parser', 'fast', '--json', '-'], { stdin: [bytes.subarray(0, cut), bytes.subarray(cut)] });
      expect(firstRace(parseDoc(fast.stdout)).candidates).toEqual([
        { name: 'CASTAÑEDA', party: '', votes: 6, share: 0.666667 },
        { name: '😀', party: '', votes: 3, share: 0.333333 },
      ]);
    }
  });

  it('agrees with the oracle past the first 256 KiB, which the scanner takes in 4 KiB pieces, whatever the chunks', async () => {
    // A precinct file of about 700 KB whose quoted names hold commas, quotes and line breaks, so that pieces and
    // chunks end inside quoted cells, inside guessed records and between them.
    const rows = ['county,precinct,office,party,candidate,votes'];
    for (let p = 0; p < 1500; p++) {
      for (const [party, name] of [['DEM', '"Núñez, Ann"'], ['REP', '"Bo ""B"" Ray"'], ['IND', '"Cy\nGray"'], ['LIB', 'Di Lee']] as const) {
        rows.push(`Cobb,P${p},"U.S. House, District 6",${party},${name},${(p * 37 + name.length) % 1000}`);
      }
    }
    const bytes = Buffer.from(rows.join('\r\n') + '\r\n');
    const oracle = await run(['--parser', 'csv-parse', '--json', '-'], { stdin: [bytes] });
    expect(firstRace(parseDoc(oracle.stdout)).totalVotes).toBeGreaterThan(0);
    for (const size of [1 << 20, 262_143, 262_145, 100_000, 4095, 4097]) {
      const chunks = Array.from({ length: Math.ceil(bytes.length / size) }, (_, k) => bytes.subarray(k * size, (k + 1) * size));
      expect(await run(['--parser', 'fast', '--json', '-'], { stdin: chunks })).toEqual(oracle);
    }
  });
});
