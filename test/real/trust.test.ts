/** Real files run as a new user would, with no flags: every automatic decision is right or said out loud. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { codes, race as raceWhere, type ElectionDoc } from '../support/doc.js';
import { DATA, hasData, json, run, votesOf } from '../support/run.js';

if (!hasData) console.warn(`notice: ${DATA} is absent; the real-data trust tests are skipped`);
const data = (name: string) => `${DATA}${name}`;
const race = (doc: ElectionDoc, office: string, party: string | null = null) => raceWhere(doc, { office, party });

describe.skipIf(!hasData)('party primaries are decided from evidence', () => {
  it('LA 2015 "primary-jungle", no flag: one all-party race, runoff Edwards–Vitter, and the JSON says why', async () => {
    const { code, doc } = await json([data('la_2015-10-24_primary-jungle_county.csv')]);
    expect(code).toBe(0);
    expect(doc.partyPrimary).toMatchObject({ partyPrimary: false, source: 'file-name' });
    expect(doc.partyPrimary.reason).toContain('jungle');
    const gov = race(doc, 'Governor');
    expect(gov.totalVotes).toBe(1114336);
    expect(votesOf(gov)).toMatchObject({ 'John Bel Edwards': 444517, 'David Vitter': 256300 });
    expect(gov.outcome.runoff).toEqual(['John Bel Edwards', 'David Vitter']);
  });

  it('LA 2015 on stdin with --rule us-la: the preset says all parties on one ballot', async () => {
    const stdin = readFileSync(data('la_2015-10-24_primary-jungle_county.csv'));
    const { doc } = await json(['--rule', 'us-la', '--race', 'governor', '-'], { stdin });
    expect(doc.partyPrimary).toMatchObject({ partyPrimary: false, source: 'preset' });
    expect(doc.races.filter((r) => r.office === 'Governor')).toHaveLength(1);
    expect(race(doc, 'Governor').outcome.runoff).toEqual(['John Bel Edwards', 'David Vitter']);
  });

  it('GA 2018 primary on stdin: a warning names the race and both flags; --strict refuses', async () => {
    const stdin = readFileSync(data('ga_2018-05-22_primary_county_TRIMMED.csv'));
    const r = await run(['--race', 'governor', '-'], { stdin });
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/Governor: .*looks like several party primaries.*--party-primary.*--all-party/);
    expect(r.stdout).toContain('all parties on one ballot (default:');
    const strict = await run(['--strict', '--race', 'governor', '-'], { stdin });
    expect(strict.code).toBe(1);
    const split = await json(['--party-primary', '-'], { stdin });
    expect(race(split.doc, 'Governor', 'Republican').outcome.runoff).toEqual(["L.S. 'CASEY' CAGLE", 'BRIAN KEMP']);
  });

  it('TX 2018 "primary-runoff": a party primary by its name', async () => {
    const { doc } = await json([data('tx_2018-05-22_democratic_primary-runoff_county.csv')]);
    expect(doc.partyPrimary).toMatchObject({ partyPrimary: true, source: 'file-name' });
    expect(doc.partyPrimary.reason).toContain('primary-runoff');
  });

  it('Markdown and CSV say which ballot was assumed', async () => {
    const file = data('la_2015-10-24_primary-jungle_county.csv');
    const md = await run(['--format', 'markdown', '--race', 'governor', file]);
    expect(md.stdout).toContain('_Ballot: all parties on one ballot (file-name:');
    const csv = await run(['--format', 'csv', '--race', 'governor', file]);
    expect(csv.stdout.split('\r\n')[0]).toMatch(/,ballot,ballot_source$/);
    expect(csv.stdout.split('\r\n')[1]).toMatch(/,all-party,file-name$/);
  });
});

describe.skipIf(!hasData)('verdicts the data contradicts', () => {
  it('CO 2024 Clarity: reporting columns all zero say nothing about reporting; the warning stays', async () => {
    const { doc } = await json([data('co_2024-11-05_general_statewide_clarity-summary_CP1252.csv')]);
    expect(doc.races).toHaveLength(295);
    expect(doc.races.filter((r) => r.reporting !== undefined)).toHaveLength(0);
    expect(codes(doc)).toContain('reporting-zero');
    const table = await run([data('co_2024-11-05_general_statewide_clarity-summary_CP1252.csv')]);
    expect(table.stdout).not.toMatch(/0 of 64 areas/);
  });

  it('Boulder 2025: the council race (113,888 votes on 34,109 ballots) is vote-for-N, in the summary and the statement', async () => {
    for (const name of ['co-boulder_2025-11-04_coordinated_summary-of-votes.csv', 'co-boulder_2025-11-04_coordinated_statement-of-votes_precinct.csv']) {
      const { doc } = await json([data(name)]);
      const council = raceWhere(doc, 'City of Boulder Council Candidates');
      expect(council.totalVotes).toBe(113888);
      expect(council.outcome.status).toBe('not_applicable');
      expect(council.outcome.explanation).toContain('on 34,109 ballots cast');
      const mayor = raceWhere(doc, 'City of Longmont Mayor');
      expect(mayor.outcome.runoff).toEqual(['Susie Hidalgo-Fahring', 'Shakeel Dalal']);
    }
  });

  it('TX 2018 primary: IN FAVOR / AGAINST propositions are measures', async () => {
    const { doc } = await json(['--skip-bad-rows', data('tx_2018-03-06_primary_statewide_both-parties.csv')]);
    const props = doc.races.filter((r) => /^Proposition /.test(r.office));
    expect(props.length).toBeGreaterThan(10);
    for (const p of props) expect(p.outcome.status).toBe('not_applicable');
    expect(doc.races.filter((r) => r.outcome.winner === 'IN FAVOR')).toHaveLength(0);
  });
});
