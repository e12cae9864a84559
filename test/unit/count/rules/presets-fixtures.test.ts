import { raceKey } from '../../../../src/model/race-key.js';
/** Each preset over official first-round results (fixtures/rules/README.md names the sources). */
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { decide } from '../../../../src/count/decide.js';
import { ballotKind } from '../../../../src/layout/classify.js';
import { findPreset } from '../../../../src/count/rules/presets.js';
import { resolveRule } from '../../../../src/count/rules/resolve.js';
import type { Rule } from '../../../../src/count/rules/rule.js';
import type { RaceTally } from '../../../../src/model/types.js';

/** A `office,candidate,party,votes` fixture as one race, blank and invalid rows classified as the tally does. */
function load(name: string): RaceTally {
  const rows: Record<string, string>[] = parse(readFileSync(new URL(`../../../../fixtures/rules/${name}`, import.meta.url)), { columns: true });
  const race: RaceTally = { key: raceKey('p', '', null), office: rows[0]?.office ?? '', district: '', party: null, candidates: new Map(), blank: 0, invalid: 0, regions: null, rows: rows.length, firstSeen: { file: name } };
  for (const row of rows) {
    const name_ = row.candidate ?? '';
    const votes = Number(row.votes);
    const kind = ballotKind(name_);
    if (kind === 'blank' || kind === 'invalid') race[kind] += votes;
    else race.candidates.set(name_, { name: name_, party: row.party ?? '', votes, writeIn: kind === 'write-in' });
  }
  return race;
}

const preset = (id: string): Rule => findPreset(id)!;

describe.each([
  { file: 'fr-2022-president-r1.csv', rule: 'fr-president', total: 35132947, denominator: 35132947, blank: 543609, invalid: 247151,
    outcome: { status: 'runoff', runoff: ['Emmanuel Macron', 'Marine Le Pen'], votesShort: 7783416 } },
  { file: 'br-2022-president-r1.csv', rule: 'br', total: 118229719, denominator: 118229719, blank: 1964779, invalid: 3487874,
    outcome: { status: 'runoff', runoff: ['Lula', 'Jair Bolsonaro'], votesShort: 1855356 } },
  { file: 'ar-2023-president-r1.csv', rule: 'ar', total: 26791634, denominator: 26791634, blank: 0, invalid: 0,
    outcome: { status: 'runoff', runoff: ['Sergio Massa', 'Javier Milei'], votesShort: 2202744 } },
  { file: 'sl-2023-president.csv', rule: 'sl', total: 2789808, denominator: 2789808, blank: 0, invalid: 10883,
    outcome: { status: 'winner', winner: 'Julius Maada Bio', votesShort: null } },
  { file: 'co-2022-president-r1.csv', rule: 'co', total: 20807393, denominator: 21173157, blank: 365764, invalid: 241818,
    outcome: { status: 'runoff', runoff: ['Gustavo Petro', 'Rodolfo Hernández'], votesShort: 2044962 } },
])('$file under $rule', ({ file, rule, total, denominator, blank, invalid, outcome }) => {
  it('gives the official outcome on the official totals', () => {
    const d = decide(load(file), preset(rule));
    expect(d).toMatchObject({ total, denominator, blank, invalid });
    expect(d.outcome).toMatchObject(outcome);
  });
});

describe('what the fixtures show about each rule', () => {
  it('Argentina 2023: Massa met neither condition; his lead was 860,662 votes short of 10 points', () => {
    const o = decide(load('ar-2023-president-r1.csv'), preset('ar')).outcome;
    expect(o.conditions.map((c) => [c.description, c.held, c.margin])).toEqual([
      ['> 45 %', false, -2202744],
      ['≥ 40 % and a lead of > 10 points', false, -863162],
    ]);
    expect(o.conditions[1]?.parts.map((p) => p.margin)).toEqual([-863162, -860662]);
  });

  it('Sierra Leone 2023: Bio cleared 55 % by 32,537 votes of valid votes, 26,551 of all ballots', () => {
    const race = load('sl-2023-president.csv');
    expect(decide(race, preset('sl')).outcome.conditions[0]).toMatchObject({ held: true, margin: 32537 });
    const cast = decide(race, resolveRule({ rule: 'sl', denominator: 'cast' }).rule);
    expect(cast).toMatchObject({ denominator: 2800691, outcome: { status: 'winner', conditions: [{ margin: 26551 }] } });
  });

  it('France 2022: blank and null ballots are not suffrages exprimés', () => {
    const race = load('fr-2022-president-r1.csv');
    expect(decide(race, preset('fr-president')).outcome.explanation).toBe('nobody cleared 50 %; Emmanuel Macron was 7,783,416 votes short');
    expect(decide(race, resolveRule({ rule: 'fr-president', denominator: 'cast' }).rule)).toMatchObject({ denominator: 35923707, outcome: { votesShort: 8178796 } });
  });

  it('Colombia 2022: the same race under the valid-only majority rule', () => {
    expect(decide(load('co-2022-president-r1.csv'), preset('majority'))).toMatchObject({ denominator: 20807393, outcome: { votesShort: 1862080 } });
  });

  it('every first-round fixture is a runoff under the top-two rules too, and plurality picks the leader', () => {
    for (const file of ['fr-2022-president-r1.csv', 'br-2022-president-r1.csv', 'ar-2023-president-r1.csv', 'co-2022-president-r1.csv']) {
      const race = load(file);
      const leader = decide(race, preset('majority')).outcome.leader;
      expect(decide(race, preset('us-ca-top-two')).outcome.status).toBe('runoff');
      expect(decide(race, preset('plurality')).outcome).toMatchObject({ status: 'winner', winner: leader });
    }
  });
});
