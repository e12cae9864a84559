/**
 * An ES&S cast-vote-record workbook counted with no RCTab config: the rank columns, first ballot row and precinct
 * column come from the header ES&S writes. A small workbook written here (counted by hand below), every way
 * the header can fail to say enough (an error naming --rctab), and the real Portland, Maine, 2015 mayoral
 * ballots of RCTab's regression suite against RCTab's expected report, skipped when that data is absent.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { documentSchema } from '../../src/render/schema.js';
import { writeXlsx } from '../unit/read/cvr/tiny-xlsx.js';
import { DATA, hasData, run } from '../support/run.js';

const dir = mkdtempSync(join(tmpdir(), 'runoff-ess-cli-'));
afterAll(() => rmSync(dir, { recursive: true }));

const col = (i: number): string => String.fromCharCode(65 + i);
const xml = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** A workbook of these rows (row 1 first), each cell an inline string; '' leaves the cell out. */
function workbook(name: string, rows: string[][]): string {
  const path = join(dir, name);
  const sheet = rows
    .map((cells, r) => `<row r="${r + 1}">${cells.map((t, c) => (t === '' ? '' : `<c r="${col(c)}${r + 1}" t="inlineStr"><is><t>${xml(t)}</t></is></c>`)).join('')}</row>`)
    .join('');
  writeXlsx(path, sheet, []);
  return path;
}

const ESS_HEADER = ['Cast Vote Record', 'Precinct', 'Ballot Style', 'For Mayor Choice 1 (45)', 'For Mayor Choice 2 (50)', 'For Mayor Choice 3 (55)', 'Status'];
/**
 * Nine ballots. Round 1: Ann 3, Bob 2, Cy 2 of 7 continuing (ballot 8 is an overvote, ballot 9 ranks nobody),
 * threshold 4; undeclared write-ins (none) go first. Round 2: Bob and Cy tie for last; Cy was seen later in the
 * file, so Cy goes, and ballots 6 and 7 move to Bob. Round 3: Bob 4, Ann 3 of 7: Bob wins. The Status column
 * after the ranks ("1") is not a rank: read as one, "1" would be a candidate.
 */
const BALLOTS = [
  ['1', 'W1', 'S1', 'Ann', 'Bob', 'undervote', '1'],
  ['2', 'W1', 'S1', 'Ann ', 'Cy', 'undervote', '1'],
  ['3', 'W1', 'S1', 'Ann', 'undervote', 'undervote', '1'],
  ['4', 'W2', 'S2', 'Bob', 'Ann', '', '1'],
  ['5', 'W2', 'S2', 'Bob', 'Cy', '', '1'],
  ['6', 'W2', 'S2', 'Cy', 'Bob', '', '1'],
  ['7', 'W2', 'S2', 'Cy', 'Bob', '', '1'],
  ['8', 'W1', 'S1', 'overvote', 'Ann', '', '1'],
  ['9', 'W1', 'S1', 'undervote', 'undervote', 'undervote', '1'],
];

describe('an ES&S workbook without --rctab', () => {
  const file = workbook('mayor.xlsx', [ESS_HEADER, ...BALLOTS]);

  it('is told from its content and counted round by round', async () => {
    const { code, stdout, stderr } = await run(['--json', file]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const doc = documentSchema.parse(JSON.parse(stdout));
    const race = doc.races[0];
    if (race === undefined || !('rounds' in race)) throw new Error('no ranked race');
    expect(doc.inputs[0]?.layout).toBe('cvr-ess');
    expect(race.office).toBe('mayor');
    expect(race.ballots).toBe(9);
    expect(race.undervotes).toBe(1);
    expect(race.rounds.map((r) => r.tally)).toEqual([
      { Ann: 3, Bob: 2, Cy: 2, 'Undeclared Write-ins': 0 },
      { Ann: 3, Bob: 2, Cy: 2 },
      { Bob: 4, Ann: 3 },
    ]);
    expect(race.rounds.map((r) => r.threshold)).toEqual([4, 4, 4]);
    expect(race.rounds[1]?.transfers).toEqual({ Cy: { Bob: 2 } });
    expect(race.rounds[2]?.inactive).toEqual({ overvotes: 1, skippedRankings: 0, repeatedRankings: 0, exhaustedChoices: 0 });
    expect(race.outcome).toMatchObject({ status: 'winner', winner: 'Bob' });
  });

  it('takes the precinct column for --by precinct', async () => {
    const { stdout } = await run(['--json', '--by', 'precinct', file]);
    expect(JSON.parse(stdout).races[0].precincts).toEqual([
      { area: 'W1', firstChoices: { Ann: 3 } },
      { area: 'W2', firstChoices: { Bob: 2, Cy: 2 } },
    ]);
  });

  it('says in the table footer that it was read as an ES&S cast-vote record', async () => {
    const { stdout } = await run([file]);
    expect(stdout).toContain('WINNER Bob — 4 of 7 continuing ballots (57.1 %) in round 3');
    expect(stdout).toMatch(/mayor\.xlsx · 9 ballots · read as cast-vote records \(ess\)\n$/);
  });
});

/**
 * Two contests side by side, each with its ES&S column ids. Mayor: Ann 2, Bob 1 of 3, threshold 2: Ann wins in
 * round 1. Council: Dee 2, Eve 1 of 3: Dee wins in round 1.
 */
const TWO_CONTESTS = workbook('two.xlsx', [
  ['Cast Vote Record', 'Precinct', 'For Mayor Choice 1 (10)', 'For Mayor Choice 2 (11)', 'For City Council Choice 1 (20)', 'For City Council Choice 2 (21)'],
  ['1', 'W1', 'Ann', 'Bob', 'Dee', 'Eve'],
  ['2', 'W1', 'Bob', 'Ann', 'Dee', ''],
  ['3', 'W2', 'Ann', '', 'Eve', 'Dee'],
]);

describe('a workbook of several contests, one chosen with --contest', () => {
  it('counts the contest whose header holds the words given', async () => {
    for (const [words, tally, winner] of [['council', { Dee: 2, Eve: 1 }, 'Dee'], ['MAYOR', { Ann: 2, Bob: 1 }, 'Ann']] as const) {
      const { code, stdout, stderr } = await run(['--json', '--contest', words, TWO_CONTESTS]);
      expect(stderr).toBe('');
      expect(code).toBe(0);
      const race = JSON.parse(stdout).races[0];
      expect(race.rounds[0].tally).toEqual({ ...tally, 'Undeclared Write-ins': 0 });
      expect(race.rounds[0].threshold).toBe(2);
      expect(race.outcome.winner).toBe(winner);
    }
  });

  it('words that name no contest are an error listing the contests', async () => {
    const r = await run(['--contest', 'sheriff', TWO_CONTESTS]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('no contest of the workbook matches --contest "sheriff": its rank columns are for "For Mayor", "For City Council"');
  });
});

describe('a workbook whose header does not say enough stops with a hint naming --rctab', () => {
  const expectRctabHint = async (file: string, message: RegExp): Promise<void> => {
    const r = await run([file]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toMatch(/hint: .*--rctab/);
  };

  it('a Cast Vote Record header with no rank column', async () => {
    await expectRctabHint(workbook('no-ranks.xlsx', [['Cast Vote Record', 'Precinct', 'A', 'B'], ['1', 'W1', 'Ann', 'Bob']]), /no-ranks\.xlsx:1: cannot tell which columns hold the ranks/);
  });

  it('two contests in one workbook, without --contest', async () => {
    await expectRctabHint(TWO_CONTESTS, /two\.xlsx:1: the first row has rank columns for 2 contests \("For Mayor", "For City Council"\): which one to count is not in the workbook\n {2}hint: name it with --contest, or count it with --rctab/);
  });

  it('rank columns that are not side by side', async () => {
    const header = ['Cast Vote Record', 'Choice 1', 'Choice 2', 'Precinct', 'Choice 3'];
    await expectRctabHint(workbook('gap.xlsx', [header, ['1', 'Ann', 'Bob', 'W1', 'Cy']]), /gap\.xlsx:1: the rank columns are not side by side: ranks 1 to 2 are columns 2 to 3, and column 5 is "Choice 3"/);
  });

  it('a cell naming two candidates, which only a config\'s overvote delimiter can read', async () => {
    const file = workbook('delimited.xlsx', [['Cast Vote Record', 'Choice 1', 'Choice 2'], ['1', 'Ann', 'Bob'], ['2', 'Ann|Bob', 'Cy']]);
    await expectRctabHint(file, /delimited\.xlsx:3: rank 1 "Ann\|Bob" looks like several candidates in one cell/);
  });

  it('a workbook that is not a cast-vote record keeps the results path and its hint', async () => {
    const r = await run([workbook('totals.xlsx', [['candidate', 'votes'], ['Ann', '10']])]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/not a CSV file \(looks like an Excel workbook \(xlsx\)\)\n {2}hint: export the sheet to CSV.*--rctab/);
  });
});

describe('the real Portland, Maine, 2015 mayoral ballots without their config', () => {
  const folder = `${DATA}rctab/2015_portland_mayor/`;
  const present = hasData && existsSync(folder);
  if (!present) console.log(`skipping the Portland workbook: ${folder} is absent`);
  interface Expected {
    results: { round: number; tally: Record<string, string>; threshold: string; inactiveBallots: Record<string, string>; tallyResults: { eliminated?: string; elected?: string }[] }[];
  }

  /**
   * The config counts with batch elimination (Maine's rules), which is not the default: with --batch-elimination
   * every round matches RCTab's report (tallies, thresholds, inactive ballots, who goes) but one tie-break. In
   * round 2 Marshall and Rathband tie with 2 votes each, and the tie goes by candidate order, which only the
   * config gives: it lists Marshall first, so Rathband goes in round 2 and Marshall in round 3. Read from the
   * file, the order is first seen (Rathband on ballot 1, Marshall later): Marshall goes first, so round 3's
   * tally differs. Both are out by round 4, and from there every round and the winner agree.
   */
  it.skipIf(!present)('with --batch-elimination matches RCTab round for round, but the tie-break order of round 2', async () => {
    const { code, stdout, stderr } = await run(['--json', '--batch-elimination', `${folder}2015_portland_mayor_cvr.xlsx`]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const race = documentSchema.parse(JSON.parse(stdout)).races[0];
    if (race === undefined || !('rounds' in race)) throw new Error('no ranked race');
    const expected = JSON.parse(readFileSync(`${folder}2015_portland_mayor_expected_detailed_report.json`, 'utf8')) as Expected;
    expect(race.ballots).toBe(99);
    expect(race.rounds).toHaveLength(expected.results.length);
    expected.results.forEach((want, i) => {
      const got = race.rounds[i];
      if (got === undefined) throw new Error(`no round ${i + 1}`);
      const tally = Object.fromEntries(Object.entries(want.tally).map(([k, v]) => [k, Number(v)]));
      const inactive = Object.fromEntries(Object.entries(want.inactiveBallots).map(([k, v]) => [k, Number(v)]));
      expect(got.threshold).toBe(Number(want.threshold));
      expect(got.inactive).toEqual(inactive);
      const eliminated = want.tallyResults.flatMap((t) => (t.eliminated === undefined ? [] : [t.eliminated]));
      // the two tied candidates go in the other order: rounds 2 and 3 swap them
      const swap: Record<string, string> = { 'Rathband, Jed': 'Marshall, David A.', 'Marshall, David A.': 'Rathband, Jed' };
      expect(got.eliminated).toEqual(want.round === 2 || want.round === 3 ? eliminated.map((n) => swap[n] ?? n) : eliminated);
      const nonZero = Object.fromEntries(Object.entries(got.tally).filter(([name, v]) => v !== 0 || name in tally));
      if (want.round !== 3) expect(nonZero).toEqual(tally);
      else expect(nonZero).toEqual({ ...Object.fromEntries(Object.entries(tally).filter(([k]) => k !== 'Marshall, David A.')), 'Rathband, Jed': 2, 'Mavodones, Nicholas M. Jr.': 13, 'Miller, Markos S.': 5 });
    });
    expect(race.outcome.winner).toBe('Mavodones, Nicholas M. Jr.');
    expect(race.final).toEqual({ round: 14, votes: 54, threshold: 48, continuing: 94 });
  });

  it.skipIf(!present)('with the defaults (one elimination a round) elects the same mayor, one round later', async () => {
    const { code, stdout } = await run(['--json', `${folder}2015_portland_mayor_cvr.xlsx`]);
    expect(code).toBe(0);
    const race = JSON.parse(stdout).races[0];
    expect(race.rounds).toHaveLength(15);
    expect(race.rounds[0].eliminated).toEqual(['Undeclared Write-ins']);
    expect(race.rounds[1].eliminated).toEqual(['Strimling, Ethan K.']);
    expect(race.outcome.winner).toBe('Mavodones, Nicholas M. Jr.');
    expect(race.final).toEqual({ round: 15, votes: 54, threshold: 48, continuing: 94 });
  });
});
