/**
 * Hand-made fixtures in German, Spanish and Italian with official totals (sources in fixtures/README.md): the
 * header is read without a warning, the totals are exact and the outcome is the one the authority declared.
 */
import { describe, expect, it } from 'vitest';
import { at, breakdown, find, firstInput, firstRace } from '../../support/doc.js';
import { fixture, json, run, votesOf } from '../../support/run.js';

/** Majority of `total` as the authorities state it: the smallest count strictly above half. */
const majority = (total: number): number => Math.floor(total / 2) + 1;

describe('Austria 2016, Bundespräsidentenwahl (German headers)', () => {
  it('first round, 24 April 2016: Wahlwerber;Stimmen, the Kundmachung totals, runoff Hofer–Van der Bellen under --rule at', async () => {
    const { code, doc } = await json(['--rule', 'at', fixture('at-2016-bundespraesident-1-wahlgang.csv')]);
    expect(code).toBe(0);
    expect(doc.warnings).toEqual([]);
    const race = firstRace(doc);
    expect(votesOf(race)).toEqual({
      'Ing. Norbert Hofer': 1499971,
      'Dr. Alexander Van der Bellen': 913218,
      'Dr. Irmgard Griss': 810641,
      'Rudolf Hundstorfer': 482790,
      'Dr. Andreas Khol': 475767,
      'Ing. Richard Lugner': 96783,
    });
    // gültige Stimmen 4,279,170; ungültige 92,655 are ballots, not a candidate, and not in the denominator
    expect(race.totalVotes).toBe(4279170);
    expect(race.denominator).toBe(4279170);
    expect(race.invalidVotes).toBe(92655);
    expect(race.totalVotes + race.invalidVotes).toBe(4371825);
    expect(race.outcome.status).toBe('runoff');
    expect(race.outcome.runoff).toEqual(['Ing. Norbert Hofer', 'Dr. Alexander Van der Bellen']);
    expect(race.outcome.votesShort).toBe(majority(4279170) - 1499971);
    expect(race.outcome.ruleApplied).toBe('at');
  });

  it('repeated second round, 4 December 2016, per Bundesland: the nine Länder add up to the federal total, Van der Bellen wins', async () => {
    const file = fixture('at-2016-bundespraesident-wiederholung-bundeslaender.csv');
    const { code, doc } = await json(['--rule', 'at', '--by', 'bundesland', file]);
    expect(code).toBe(0);
    expect(doc.warnings).toEqual([]);
    expect(firstInput(doc)).toMatchObject({ rows: 18, rowsUsed: 18, rowsExcluded: {} });
    const race = firstRace(doc);
    expect(votesOf(race)).toEqual({ 'Dr. Alexander Van der Bellen': 2472892, 'Ing. Norbert Hofer': 2124661 });
    expect(race.totalVotes).toBe(4597553);
    expect(race.outcome.winner).toBe('Dr. Alexander Van der Bellen');
    // votes above the smallest winning count (2,298,777)
    expect(at(race.outcome.conditions, 0, 'condition').margin).toBe(2472892 - majority(4597553));
    const areas = breakdown(race).areas;
    expect(areas.map((a) => a.area)).toEqual([
      'Burgenland', 'Kärnten', 'Niederösterreich', 'Oberösterreich', 'Salzburg', 'Steiermark', 'Tirol', 'Vorarlberg', 'Wien',
    ]);
    expect(areas.reduce((sum, a) => sum + a.totalVotes, 0)).toBe(4597553);
    const wien = find(areas, (a) => a.area === 'Wien', 'Wien');
    expect(wien).toMatchObject({ totalVotes: 812591, leader: 'Dr. Alexander Van der Bellen' });
    // Hofer led in Burgenland, Kärnten and Steiermark only
    expect(areas.filter((a) => a.leader === 'Ing. Norbert Hofer').map((a) => a.area)).toEqual(['Burgenland', 'Kärnten', 'Steiermark']);
  });
});

describe('Chile 2021, primera vuelta presidencial (Spanish headers)', () => {
  it('Candidato;Partido;Votos with Votos en blanco / Votos nulos rows: Tricel figures, runoff Kast–Boric under --rule cl', async () => {
    const { code, doc } = await json(['--rule', 'cl', fixture('cl-2021-presidente-primera-vuelta.csv')]);
    expect(code).toBe(0);
    expect(doc.warnings).toEqual([]);
    const race = firstRace(doc);
    expect(race.candidates).toHaveLength(7);
    expect(votesOf(race)).toMatchObject({ 'José Antonio Kast': 1961779, 'Gabriel Boric Font': 1815024, 'Franco Parisi Fernández': 900064 });
    expect(at(race.candidates, 0, 'candidate').party).toBe('Partido Republicano');
    // blank and null ballots "se considerarán como no emitidos": the denominator is the candidates' votes
    expect(race.totalVotes).toBe(7028315);
    expect(race.denominator).toBe(7028315);
    expect(race.blankVotes).toBe(30493);
    expect(race.invalidVotes).toBe(55480);
    expect(race.outcome.runoff).toEqual(['José Antonio Kast', 'Gabriel Boric Font']);
    expect(race.outcome.votesShort).toBe(majority(7028315) - 1961779);
  });
});

describe('Milano 2021, elezione del sindaco, primo turno (Italian headers)', () => {
  it('Comune;Cognome;Nome;Voti: names joined, 1,248 of 1,248 sezioni, Sala elected in the first round under --rule it-mayor', async () => {
    const { code, doc } = await json(['--rule', 'it-mayor', fixture('it-2021-milano-sindaco-primo-turno.csv')]);
    expect(code).toBe(0);
    expect(doc.warnings).toEqual([]);
    const race = firstRace(doc);
    expect(race.candidates).toHaveLength(13);
    expect(race.candidates.slice(0, 2).map((c) => [c.name, c.votes])).toEqual([['Beppe SALA', 277478], ['Luca BERNARDO', 153637]]);
    expect(race.totalVotes).toBe(480608);
    expect(race.outcome.status).toBe('winner');
    expect(race.outcome.winner).toBe('Beppe SALA');
    expect(race.outcome.explanation).toContain('57.73 %');
    expect(race.outcome.ruleApplied).toBe('it-mayor');
  });

  it('the same file without a rule: the default majority rule gives the same verdict, and --strict has nothing to refuse', async () => {
    const r = await run(['--strict', fixture('it-2021-milano-sindaco-primo-turno.csv')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('WINNER  Beppe SALA');
  });
});
