/** Words a reporter can print: party names, UNCONTESTED, the winner's share in words, the rule as changed, a summary. */
import { describe, expect, it } from 'vitest';
import { countElection } from '../../src/pipeline/count-election.js';
import { openFile } from '../../src/read/open.js';
import { majority } from '../../src/count/rules/presets.js';
import { partyLabel } from '../../src/model/parties.js';
import { race } from '../support/doc.js';
import { DATA, fixture, hasData, json, run } from '../support/run.js';

if (!hasData) console.warn(`notice: ${DATA} is absent; the real-data tests of this file are skipped`);

const UNCONTESTED = fixture('tx-2018-03-06-primary-uncontested.csv');

async function count(file: string, extra: Partial<Parameters<typeof countElection>[1]> = {}) {
  const source = await openFile(file);
  try {
    return await countElection([source], { rule: majority, partyPrimary: null, raceFilter: null, skipBadRows: false, encoding: null, delimiter: null, ...extra });
  } finally {
    await source.close();
  }
}

describe('party codes become names in race labels', () => {
  it('knows the codes real files use, and shows an unknown one as party "X"', () => {
    expect(['D', 'DEM', 'R', 'REP', 'L', 'LIB', 'LBT', 'G', 'GRN', 'I', 'IND', 'NP', 'NPA', 'N', 'O', 'CON', 'WF'].map(partyLabel)).toEqual([
      'Democratic', 'Democratic', 'Republican', 'Republican', 'Libertarian', 'Libertarian', 'Libertarian', 'Green', 'Green',
      'Independent', 'Independent', 'Nonpartisan', 'No Party Affiliation', 'No Party', 'Other', 'Constitution', 'Working Families',
    ]);
    expect(partyLabel('XYZ')).toBe('party "XYZ"');
    expect(partyLabel('Working Families')).toBe('Working Families');
  });

  it.runIf(hasData)('Louisiana 2015: "Governor · No Party primary", not "Governor · N primary"', async () => {
    // Split by party on purpose (the file is one all-party ballot): the party codes then head the races.
    const { stdout } = await run(['races', '--party-primary', `${DATA}la_2015-10-24_primary-jungle_county.csv`]);
    expect(stdout).toContain('governor||n  Governor · No Party primary');
    expect(stdout).toContain('governor||o  Governor · Other primary');
    expect(stdout).not.toMatch(/· [A-Z] primary/);
  });
});

describe('single-candidate races', () => {
  it('say UNCONTESTED with the candidate, not NOT APPLICABLE', async () => {
    const r = await run([UNCONTESTED]);
    expect(r.stdout).toContain('UNCONTESTED  Kevin Brady — the only candidate');
    expect(r.stdout).toContain('UNCONTESTED  Steven David — the only candidate');
    expect(r.stdout).not.toContain('NOT APPLICABLE');
    // JSON keeps its contract.
    const { doc } = await json([UNCONTESTED]);
    expect(race(doc, { id: 'u. s. representative|8|republican' }).outcome).toMatchObject({ status: 'not_applicable', leader: 'Kevin Brady' });
  });

  it('the library option contestedOnly leaves them out', async () => {
    const all = await count(UNCONTESTED);
    expect(all.races).toHaveLength(4);
    const contested = await count(UNCONTESTED, { contestedOnly: true });
    expect(contested.races.map((r) => [r.race.office, r.race.district, r.decision.total])).toEqual([['U. S. Representative', '2', 46245], ['State Senator', '31', 80670]]);
  });
});

describe.runIf(hasData)('the TX 2018 statewide primary file', () => {
  it('ends with "848 races: 210 won outright, 52 runoffs, 563 uncontested, 23 not applicable" (the 23 IN FAVOR/AGAINST measures); contestedOnly leaves 285', async () => {
    const file = `${DATA}tx_2018-03-06_primary_statewide_both-parties.csv`;
    // Line 230 of the published file is malformed (a shifted row): skipped with a warning.
    const r = await run(['--skip-bad-rows', '-q', file]);
    expect(r.stdout).toContain('\n848 races: 210 won outright, 52 runoffs, 563 uncontested, 23 not applicable\n');
    expect(r.stdout.match(/^UNCONTESTED {2}/gm)).toHaveLength(563);
    const contested = await count(file, { skipBadRows: true, contestedOnly: true });
    expect(contested.races).toHaveLength(285);
  });
});

describe('the status filter (library options)', () => {
  it('keeps only runoffs, or only winners', async () => {
    const runoffs = await count(UNCONTESTED, { statusFilter: ['runoff'] });
    expect(runoffs.races.map((r) => r.decision.outcome.runoff)).toEqual([['Kevin Roberts', 'Dan Crenshaw']]);
    const winners = await count(UNCONTESTED, { statusFilter: ['winner', 'tie'] });
    expect(winners.races.map((r) => [r.decision.outcome.winner, r.decision.candidates[0]?.votes])).toEqual([['Kel Seliger', 40664]]);
  });
});

describe('grammar and headers', () => {
  it('the winner line gives the share, then the threshold in words', async () => {
    const r = await run([UNCONTESTED]);
    expect(r.stdout).toContain('WINNER  Kel Seliger — 40,664 of 80,670 votes (50.41 %): more than 50 %');
    expect(r.stdout).not.toContain('clears');
  });

  it('with --threshold 40 the header does not say "rule: majority"', async () => {
    const r = await run(['--threshold', '40', fixture('ga-05-2020-09-29-vote-types.csv')]);
    expect(r.stdout).not.toContain('rule: majority');
    expect(r.stdout).toContain('rule: --threshold 40 (> 40 % of votes counted)');
    // Hall's 31.75 % does not reach 40 % either: still a runoff.
    expect(r.stdout).toContain('RUNOFF  Kwanza Hall vs Robert M. Franklin — nobody cleared 40 %');
  });

  it('several races end with a one-line summary', async () => {
    const r = await run([UNCONTESTED]);
    expect(r.stdout).toContain('\n4 races: 1 won outright, 1 runoff, 2 uncontested\n');
    const md = await run(['--format', 'markdown', UNCONTESTED]);
    expect(md.stdout).toContain('**4 races: 1 won outright, 1 runoff, 2 uncontested**');
  });
});
