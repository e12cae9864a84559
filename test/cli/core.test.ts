import { describe, expect, it } from 'vitest';
import { at, codes, firstInput, firstRace, outlook, parseDoc, present, race } from '../support/doc.js';
import { fixture, json, run, spawn, votesOf } from '../support/run.js';

describe('the seed election: GA-6, 18 April 2017', () => {
  it('shows the Ossoff–Handel runoff with Ossoff 3,612 votes short', async () => {
    const r = await run([fixture('ga-06-2017-04-18-special-jungle.csv')]);
    expect(r.code).toBe(0);
    // The name says "jungle": one all-party ballot, decided from the name and said in the footer, with no warning.
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('all parties on one ballot (file-name: the file name ga-06-2017-04-18-special-jungle.csv says "jungle"');
    expect(r.stdout).toContain('U.S. House District 6 · 18 candidates · 192,569 votes');
    expect(r.stdout).toMatch(/ 1 {2}Jon Ossoff +Dem +92,673 +48\.12 %/);
    expect(r.stdout).toContain('RUNOFF  Jon Ossoff vs Karen Handel — nobody cleared 50 %; Jon Ossoff was 3,612 votes short');
  });

  it('gives the same facts in the JSON contract', async () => {
    const { code, doc } = await json([fixture('ga-06-2017-04-18-special-jungle.csv')]);
    expect(code).toBe(0);
    expect(doc.schemaVersion).toBe(2);
    expect(doc.races).toHaveLength(1);
    const ga6 = firstRace(doc);
    expect(ga6).toMatchObject({ id: 'u.s. house|6|', office: 'U.S. House', district: '6', party: null, totalVotes: 192569, denominator: 192569 });
    expect(at(ga6.candidates, 0, 'candidate')).toEqual({ name: 'Jon Ossoff', party: 'Dem', votes: 92673, share: 0.481246 });
    expect(ga6.outcome).toMatchObject({ status: 'runoff', winner: null, runoff: ['Jon Ossoff', 'Karen Handel'], tied: [], leader: 'Jon Ossoff', votesShort: 3612 });
    expect(firstInput(doc)).toMatchObject({ layout: 'openelections', encoding: 'utf-8', rows: 18, rowsUsed: 18, rowsExcluded: {} });
  });

  it('validates against the published JSON schema', async () => {
    const { documentSchema } = await import('../../src/render/schema.js');
    const { doc } = await json([fixture('ga-06-2017-04-18-special-jungle.csv')]);
    expect(() => documentSchema.parse(doc)).not.toThrow();
  });
});

describe('fixtures with one trap each', () => {
  it('drops TOTAL pseudo-precincts and Voters rows (June 2017 runoff)', async () => {
    const { doc } = await json([fixture('ga-06-2017-06-20-runoff-total-rows.csv')]);
    expect(doc.races).toHaveLength(1);
    expect(votesOf(firstRace(doc))).toEqual({ 'Karen Handel': 134799, 'Jon Ossoff': 125517 });
    expect(firstRace(doc).outcome).toMatchObject({ status: 'winner', winner: 'Karen Handel' });
    expect(firstInput(doc).rowsExcluded['total-row']).toBeGreaterThan(0);
    expect(firstInput(doc).rowsExcluded.turnout).toBeGreaterThan(0);
  });

  it('sums vote-type columns when there is no total column (GA-5 2020)', async () => {
    const { doc } = await json([fixture('ga-05-2020-09-29-vote-types.csv')]);
    expect(firstInput(doc).layout).toBe('openelections+vote-types');
    expect(firstRace(doc).totalVotes).toBe(34976);
    expect(votesOf(firstRace(doc))).toMatchObject({ 'Kwanza Hall': 11104, 'Robert M. Franklin': 9987 });
    expect(firstRace(doc).outcome.runoff).toEqual(['Kwanza Hall', 'Robert M. Franklin']);
  });

  it('never adds vote-type columns to a votes total (TX Aransas)', async () => {
    const { doc } = await json(['--party-primary', fixture('tx-2018-aransas-votes-and-types.csv')]);
    expect(race(doc, 'Governor').totalVotes).toBe(533);
    expect(race(doc, 'Comptroller of Public Accounts').totalVotes).toBe(521);
    expect(race(doc, 'Comptroller of Public Accounts').outcome.winner).toBe('Joi Chevalier');
    expect(firstInput(doc).rowsExcluded['over-under-votes']).toBeGreaterThan(0);
  });

  it('keys party primaries by party, recognised from the file name', async () => {
    const { doc } = await json([fixture('tx-2018-03-06-governor-primary.csv')]);
    expect(doc.partyPrimary).toMatchObject({ partyPrimary: true, source: 'file-name' });
    const democratic = race(doc, { party: 'Democratic' });
    expect(democratic.totalVotes).toBe(1022558);
    expect(democratic.outcome.runoff).toEqual(['Lupe Valdez', 'Andrew White']);
    const republican = race(doc, { party: 'Republican' });
    expect(republican.totalVotes).toBe(1549006);
    expect(republican.outcome.winner).toBe('Greg Abbott');
  });

  it('leaves out blank-candidate county total rows (MS-1 2015, Choctaw and Clay)', async () => {
    const { doc } = await json([fixture('ms-01-2015-05-12-blank-total-rows.csv')]);
    expect(doc.races).toHaveLength(1);
    expect(firstRace(doc).totalVotes).toBe(4903);
    expect(firstRace(doc).candidates).toHaveLength(13);
    expect(votesOf(firstRace(doc))).toMatchObject({ 'Walter Howard Zinn, Jr.': 1606, 'Mike Tagert': 1024, 'Trent Kelly': 532 });
    expect(firstRace(doc).outcome.runoff).toEqual(['Walter Howard Zinn, Jr.', 'Mike Tagert']);
    expect(firstInput(doc).rowsExcluded['blank-candidate']).toBe(2);
  });

  it('--all-party makes the primary one race', async () => {
    const { doc } = await json(['--all-party', fixture('tx-2018-03-06-governor-primary.csv')]);
    expect(doc.races).toHaveLength(1);
    expect(firstRace(doc).totalVotes).toBe(1022558 + 1549006);
  });

  it('reports a tie at the runoff cut line and names everyone tied', async () => {
    const { doc } = await json([fixture('tie-for-second.csv')]);
    expect(firstRace(doc).outcome).toMatchObject({ status: 'tie', tied: ['B', 'C'], runoff: [] });
  });

  it('treats exactly 50 % as short of a majority', async () => {
    const r = await run([fixture('exact-half.csv')]);
    expect(r.stdout).toContain('500  50.00 %');
    expect(r.stdout).toContain('RUNOFF  A vs B — nobody cleared 50 %; A was 1 vote short');
  });
});

describe('input and options', () => {
  it('reads standard input with -', async () => {
    const r = await run(['--json', '-'], { stdin: 'candidate,votes\nA,3\nB,1\n' });
    expect(r.code).toBe(0);
    expect(firstRace(parseDoc(r.stdout)).outcome.winner).toBe('A');
  });

  it('prints help and exits 2 with no file and a terminal on stdin', async () => {
    const r = await run([], { stdinIsTTY: true });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Usage: runoff');
  });

  it('filters races with --race, case-insensitively', async () => {
    const { doc } = await json(['--race', 'GOVERNOR · democratic', fixture('tx-2018-03-06-governor-primary.csv')]);
    expect(doc.races.map((r) => r.party)).toEqual(['Democratic']);
  });

  it('exits 3 for a missing file, with no stack', async () => {
    const r = await run(['nope.csv']);
    expect(r.code).toBe(3);
    expect(r.stderr).toBe('runoff: cannot read nope.csv: no such file (ENOENT)\n  hint: check the path and the spelling; `-` reads standard input\n');
  });

  it('exits 2 for an unknown option', async () => {
    const r = await run(['--frobnicate', 'x.csv']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown option '--frobnicate'");
  });

  it('names the line of a vote cell that is not a number, and skips it on request', async () => {
    const csv = 'candidate,votes\nA,10\nB,REP\nC,4\n';
    const bad = await run(['-'], { stdin: csv });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toBe('runoff: <stdin>:3: votes "REP" is not a whole number\n  hint: check the row, or pass --skip-bad-rows to skip such rows with a warning\n');
    const skipped = await run(['--skip-bad-rows', '--json', '-'], { stdin: csv });
    expect(skipped.code).toBe(0);
    expect(skipped.stderr).toContain('1 row with unreadable votes skipped (--skip-bad-rows): line 3');
    expect(firstRace(parseDoc(skipped.stdout)).totalVotes).toBe(14);
  });

  it('warns about empty vote cells and leaves them out instead of counting 0', async () => {
    const r = await json(['-'], { stdin: 'candidate,votes\nA,10\nB,\nC,4\n' });
    expect(firstRace(r.doc).totalVotes).toBe(14);
    expect(r.doc.warnings).toEqual([expect.objectContaining({ code: 'missing-votes', line: 3 })]);
    expect(firstInput(r.doc).rowsExcluded['missing-votes']).toBe(1);
  });

  it('lists the columns found and the names looked for when the header is unknown', async () => {
    const r = await run(['-'], { stdin: 'name,count\nA,1\n' });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('<stdin>:1: unrecognised header: found "name", "count"');
    expect(r.stderr).toContain('hint: looked for candidate (candidate');
  });
});

describe('the built binary', () => {
  it('runs the README command and pipes JSON without colour', () => {
    const r = spawn(['--json', 'fixtures/ga-06-2017-04-18-special-jungle.csv']);
    expect(r.code).toBe(0);
    expect(firstRace(parseDoc(r.stdout)).outcome.votesShort).toBe(3612);
  });

  it('honours NO_COLOR even with FORCE_COLOR', () => {
    const r = spawn(['fixtures/exact-half.csv'], { env: { NO_COLOR: '1', FORCE_COLOR: '1' } });
    expect(r.stdout).not.toContain('\u001b[');
  });

  it('colours with FORCE_COLOR when piped', () => {
    const r = spawn(['fixtures/exact-half.csv'], { env: { FORCE_COLOR: '1' } });
    expect(r.stdout).toContain('\u001b[');
  });

  it('prints its version', () => {
    const r = spawn(['--version']);
    expect(r.stdout.trim()).toMatch(/^runoff \d+\.\d+\.\d+$/);
  });
});

describe('reporting progress from the file', () => {
  const clarity = (rptg: number) =>
    '"line number","contest name","choice name","party name","total votes","percent of votes","registered voters","ballots cast","num Precinct total","num Precinct rptg","over votes","under votes"\n' +
    `1,"Mayor (Vote For 1)","Ann Lee","",500,50.0,0,0,120,${rptg},"0","3"\n2,"Mayor (Vote For 1)","Bo Ray","",400,40.0,0,0,120,${rptg},"0","3"\n`;

  it('shows precincts reporting per race (Clarity num … rptg / num … total)', async () => {
    const r = await run(['-'], { stdin: clarity(97) });
    expect(r.stdout).toContain('Mayor · 2 candidates · 900 votes · 97 of 120 precincts reporting ·');
    const { doc } = await json(['-'], { stdin: clarity(97) });
    expect(firstRace(doc).reporting).toEqual({ counted: 97, total: 120, unit: 'precincts' });
  });

  it('adds up reporting over county files', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const dir = mkdtempSync(`${process.env.TMPDIR ?? '/tmp'}/runoff-rptg-`);
    writeFileSync(`${dir}/a.csv`, clarity(97));
    writeFileSync(`${dir}/b.csv`, clarity(20));
    const { doc } = await json([`${dir}/a.csv`, `${dir}/b.csv`]);
    expect(firstRace(doc).reporting).toEqual({ counted: 117, total: 240, unit: 'precincts' });
    expect(firstRace(doc).totalVotes).toBe(1800);
  });

  it('warns when a file says nothing has reported beside votes', async () => {
    const { doc } = await json(['-'], { stdin: clarity(0) });
    expect(codes(doc)).toContain('reporting-zero');
  });
});

describe('--outstanding on the seed election (issue 7)', () => {
  it('10,000 outstanding: Ossoff needs 8,612 of them; Handel’s place is locked', async () => {
    const table = await run(['--outstanding', '10000', fixture('ga-06-2017-04-18-special-jungle.csv')]);
    expect(table.stdout).toContain(
      "OUTLOOK  Jon Ossoff wins outright only with at least 8,612 of the 10,000 outstanding votes; otherwise the runoff pairing is locked: Karen Handel's lead over Bob Gray, 17,269, exceeds 10,000.",
    );
    const { doc } = await json(['--outstanding', '10000', fixture('ga-06-2017-04-18-special-jungle.csv')]);
    expect(firstRace(doc).outlook).toMatchObject({
      outstanding: 10000,
      finalDenominator: 202569,
      leader: { name: 'Jon Ossoff', status: 'needs', votesNeeded: 8612 },
      cut: { locked: true, holder: 'Karen Handel', challengers: [] },
    });
  });

  it('20,000 outstanding: Gray can still overtake Handel', async () => {
    const { doc } = await json(['--outstanding', '20000', fixture('ga-06-2017-04-18-special-jungle.csv')]);
    expect(outlook(firstRace(doc)).leader).toEqual({ name: 'Jon Ossoff', status: 'needs', votesNeeded: 13612, votesNeededAtBest: 13612 });
    expect(outlook(firstRace(doc)).cut).toEqual({ locked: false, holder: 'Karen Handel', challengers: [{ name: 'Bob Gray', marginNeeded: 17270, canPass: true }] });
  });

  it('at the edge of the lock: 17,268 locks it, 17,269 leaves Gray a tie at best, 17,270 lets him pass', async () => {
    const below = await json(['--outstanding', '17268', fixture('ga-06-2017-04-18-special-jungle.csv')]);
    expect(outlook(firstRace(below.doc)).cut).toEqual({ locked: true, holder: 'Karen Handel', challengers: [] });
    const at = await run(['--outstanding', '17269', fixture('ga-06-2017-04-18-special-jungle.csv')]);
    expect(at.stdout).toContain('Bob Gray can at most tie Karen Handel for the last runoff place, with every outstanding vote');
    const past = await json(['--outstanding', '17270', fixture('ga-06-2017-04-18-special-jungle.csv')]);
    expect(present(outlook(firstRace(past.doc)).cut, 'the cut').challengers).toEqual([{ name: 'Bob Gray', marginNeeded: 17270, canPass: true }]);
  });

  it('a winner already clinched; --outstanding-file sets votes per race', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const dir = mkdtempSync(`${process.env.TMPDIR ?? '/tmp'}/runoff-out-`);
    writeFileSync(`${dir}/out.csv`, 'race,outstanding\nU.S. House District 6,1000\n');
    const { doc } = await json(['--outstanding-file', `${dir}/out.csv`, fixture('ga-06-2017-06-20-runoff-total-rows.csv')]);
    expect(firstRace(doc).outlook).toMatchObject({ outstanding: 1000, leader: { name: 'Karen Handel', status: 'clinched', votesNeeded: 0 } });
  });
});
