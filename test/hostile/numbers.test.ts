/** Hostile inputs, numbers (#32–#40 of the corpus): a vote cell is a whole count, missing, or an error — never a guess. */
import { describe, expect, it } from 'vitest';
import { run } from '../support/run.js';
import { dataError, jsonOf, runBoth, warningsOf } from './support.js';
import { at, breakdown, firstInput, firstRace, parseDoc } from '../support/doc.js';

const votesOf = (cell: string): string => `candidate,votes\nA,${cell}\nB,1\n`;

describe('numbers', () => {
  it('#32 empty vote cell: a warning "N … missing", left out rather than counted as 0', async () => {
    const r = await runBoth(['--json'], 'candidate,votes\nA,10\nB,\nC,4\nB,  \n');
    expect(r.code).toBe(0);
    expect(warningsOf(r)).toEqual(['<stdin>:3: 2 rows with an empty vote cell left out (missing, not zero): lines 3, 5']);
    const doc = parseDoc(r.stdout);
    expect(firstRace(doc).candidates.map((c) => c.name)).toEqual(['A', 'C']);
    expect(firstInput(doc).rowsExcluded['missing-votes']).toBe(2);
  });

  it('#33 thousands separators, quoted ("16,165"): 16165', async () => {
    const r = await runBoth(['--json'], 'candidate,votes\nA,"16,165"\nB,"1,234,567"\nC," 12 "\n');
    expect(firstRace(parseDoc(r.stdout)).candidates.map((c) => c.votes)).toEqual([1234567, 16165, 12]);
  });

  it.each([
    ['1.234', 'European thousands'],
    ['1 234', 'space'],
    ['1\u00a0234', 'NBSP'],
    ['1\u202f234', 'NNBSP'],
  ])('#34 %j (%s as a separator): error as ambiguous', async (cell) => {
    const e = dataError(await runBoth([], `candidate,votes\nB,1\nA,"${cell}"\n`));
    expect(e.line).toBe(3);
    expect(e.message).toMatch(/is ambiguous: thousands separator or decimal point\?$/);
  });

  it('#35 613.0 is 613; 613.5 is an error "not a whole number"', async () => {
    const { doc } = await jsonOf(votesOf('613.0'));
    expect(at(firstRace(doc).candidates, 0, 'candidate').votes).toBe(613);
    const e = dataError(await runBoth([], votesOf('613.5')));
    expect(e).toMatchObject({ line: 2, message: 'votes "613.5" is not a whole number' });
  });

  it.each(['-5', '(5)', '\u22125'])('#36 negative votes %j: error', async (cell) => {
    const e = dataError(await runBoth([], votesOf(cell)));
    expect(e).toMatchObject({ line: 2, message: `votes ${JSON.stringify(cell)} is negative` });
  });

  it.each(['1e3', '0x1A', 'Infinity', 'NaN', 'N/A', '-', '—', '１２', '١٢', '12a', '+ 5', '1_000'])('#37 %j: error, not a number accepted by Number()', async (cell) => {
    const e = dataError(await runBoth([], votesOf(cell)));
    expect(e.line).toBe(2);
    expect(e.message).toMatch(new RegExp(`^votes ${JSON.stringify(cell).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} `));
    // --skip-bad-rows turns it into a counted warning instead.
    const skipped = await run(['--skip-bad-rows', '--json', '-'], { stdin: votesOf(cell) });
    expect(skipped.code).toBe(0);
    expect(firstRace(parseDoc(skipped.stdout)).totalVotes).toBe(1);
    expect(warningsOf(skipped)).toEqual([expect.stringMatching(/1 row with unreadable votes skipped \(--skip-bad-rows\): line 2$/)]);
  });

  it('#38 Excel-protected text ="0012": fine in an ID column, an error in a vote column', async () => {
    const ids = await runBoth(['--json'], 'precinct,candidate,votes\n="0012",A,3\n="0013",B,1\n');
    expect(firstRace(parseDoc(ids.stdout)).totalVotes).toBe(4);
    const e = dataError(await runBoth([], 'precinct,candidate,votes\n0012,A,="3"\n'));
    expect(e).toMatchObject({ line: 2, message: 'votes "=\\"3\\"" is not a whole number' });
  });

  it('#38 ="0012" shown as 0012 in a --by breakdown (IDs are stripped of the Excel form where shown)', async () => {
    const r = await runBoth(['--by', 'precinct', '--json'], 'precinct,candidate,votes\n="0012",A,3\n="0013",B,1\n0012,B,2\n');
    const race = firstRace(parseDoc(r.stdout));
    expect(breakdown(race).areas.map((a) => a.area)).toEqual(['0012', '0013']);
    expect(at(breakdown(race).areas, 0, 'area').totalVotes).toBe(5);
    const t = await run(['--by', 'precinct', '-'], { stdin: 'precinct,candidate,votes\n="0012",A,3\n="0013",B,1\n' });
    expect(t.stdout).not.toContain('="0012"');
    expect(t.stdout).toMatch(/^0012 /m);
  });

  it('#39 a percent column (48.96%) is ignored, never summed', async () => {
    const r = await runBoth(['--json'], 'candidate,votes,percent,pct\nA,3,75.00%,75\nB,1,25.00%,25\n');
    expect(firstRace(parseDoc(r.stdout)).totalVotes).toBe(4);
    expect(r.stderr).toBe('');
  });

  it('#40 a count or a total above 2^53: an error, never a rounded number', async () => {
    const big = dataError(await runBoth([], votesOf('9007199254740993')));
    expect(big).toMatchObject({ line: 2, message: 'votes "9007199254740993" is too large to count exactly' });
    const sum = dataError(await runBoth([], 'candidate,votes\nA,9007199254740991\nA,1\nB,1\n'));
    expect(sum).toMatchObject({ line: 3, message: 'the total for "A" passes 2^53 and cannot be counted exactly' });
    // The largest exact total is still exact; the race total is held to the same limit.
    const { doc } = await jsonOf('candidate,votes\nA,9007199254740990\nA,1\nB,0\n');
    expect(at(firstRace(doc).candidates, 0, 'candidate').votes).toBe(Number.MAX_SAFE_INTEGER);
    expect(firstRace(doc).totalVotes).toBe(Number.MAX_SAFE_INTEGER);
    const race = dataError(await runBoth([], 'candidate,votes\nA,9007199254740991\nB,1\n'));
    expect(race.message).toContain('passes 2^53');
  });
});
