/** Hand-made fixtures (official totals, fixtures/README.md) for rows a naive sum would count: never a confident wrong answer. */
import { describe, expect, it } from 'vitest';
import { at, firstInput, firstRace, race as raceWhere, type ElectionDoc } from '../../support/doc.js';
import { fixture, json, run, votesOf } from '../../support/run.js';

const race = (doc: ElectionDoc, office: string, party: string | null = null) => raceWhere(doc, { office, party });

describe('GA 2014 primary: statewide rows with an empty county', () => {
  it('leaves them out as total-row: certified totals, runoff Perdue–Kingston, Nunn wins, no warning', async () => {
    const { code, doc } = await json([fixture('ga-2014-05-20-primary-empty-county-totals.csv')]);
    expect(code).toBe(0);
    expect(firstInput(doc)).toMatchObject({ rows: 33, rowsUsed: 22, rowsExcluded: { 'total-row': 11 } });
    const rep = race(doc, 'U.S. Senate', 'Republican');
    expect(votesOf(rep)).toEqual({
      'David Perdue': 185466,
      'Jack Kingston': 156157,
      'Karen Handel': 132944,
      'Phil Gingrey': 60735,
      'Paul Broun': 58297,
      'Derrick Grayson': 6045,
      'Art Gardner': 5711,
    });
    expect(rep.totalVotes).toBe(605355);
    expect(rep.outcome.runoff).toEqual(['David Perdue', 'Jack Kingston']);
    const dem = race(doc, 'U.S. Senate', 'Democratic');
    expect(dem.totalVotes).toBe(328710);
    expect(dem.outcome.winner).toBe('Michelle Nunn');
    expect(doc.warnings).toEqual([]);
  });

  it('a statewide row that is not the sum of its county rows: warned with both figures, not added; --strict exits 1', async () => {
    const file = fixture('ga-2014-05-20-primary-total-row-disagrees.csv');
    const { code, doc } = await json([file]);
    expect(code).toBe(0);
    expect(votesOf(race(doc, 'U.S. Senate', 'Republican'))).toMatchObject({ 'Phil Gingrey': 60735, 'David Perdue': 185466 });
    expect(race(doc, 'U.S. Senate', 'Republican').totalVotes).toBe(605355);
    expect(doc.warnings).toEqual([expect.objectContaining({ code: 'place-total-mismatch', line: 11 })]);
    expect(at(doc.warnings, 0, 'warning').message).toMatch(/"Phil Gingrey".* says 60,753 votes, but its 2 rows with a place add up to 60,735/);
    const strict = await run(['--strict', file]);
    expect(strict.code).toBe(1);
    expect(strict.stderr).toMatch(/says 60,753 votes[^]*--strict: refusing the result/);
  });
});

describe('a county statement with a Ballots Cast row inside each race', () => {
  it('the row feeds the vote-for-N check: Boulder council (113,888 on 34,109) not applicable; Longmont mayor a runoff', async () => {
    const file = fixture('county-statement-ballots-cast-rows.csv');
    const { code, doc } = await json([file]);
    expect(code).toBe(0);
    expect(firstInput(doc)).toMatchObject({ rows: 17, rowsUsed: 15, rowsExcluded: { turnout: 2 } });
    const council = race(doc, 'City of Boulder Council Candidates');
    expect(council.totalVotes).toBe(113888);
    expect(council.outcome.status).toBe('not_applicable');
    expect(council.outcome.explanation).toContain('113,888 candidate votes on 34,109 ballots cast');
    const mayor = race(doc, 'City of Longmont Mayor');
    expect(votesOf(mayor)).toEqual({ 'Susie Hidalgo-Fahring': 12444, 'Shakeel Dalal': 7757, 'Diane Crist': 6569, 'Sarah Levison': 5074 });
    expect(mayor.outcome.runoff).toEqual(['Susie Hidalgo-Fahring', 'Shakeel Dalal']);
    const one = await json(['--seats', '1', file]);
    expect(race(one.doc, 'City of Boulder Council Candidates').outcome.runoff).toEqual(['Matt Benjamin', 'Mark Wallach']);
  });
});

describe('headers in the languages of the presets', () => {
  it('Brazil 2022, first round (TSE): Candidato;Partido;Votos, runoff Lula–Bolsonaro under --rule br', async () => {
    const { code, doc } = await json(['--rule', 'br', fixture('br-2022-presidente-1-turno-nacional.csv')]);
    expect(code).toBe(0);
    const president = firstRace(doc);
    expect(president.totalVotes).toBe(118229719);
    expect(votesOf(president)).toMatchObject({ 'Luiz Inácio Lula da Silva': 57259504, 'Jair Bolsonaro': 51072345, 'Simone Tebet': 4915423, 'Ciro Gomes': 3599287 });
    expect(president.candidates).toHaveLength(11);
    expect(president.outcome.runoff).toEqual(['Luiz Inácio Lula da Silva', 'Jair Bolsonaro']);
    expect(president.outcome.votesShort).toBe(1855356);
    expect(doc.warnings).toEqual([]);
  });
});
