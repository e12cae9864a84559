import { raceKey } from '../../../src/model/race-key.js';
import { describe, expect, it } from 'vitest';
import { ballotRows, decide, type DecideContext } from '../../../src/count/decide.js';
import { findPreset, majority, plurality } from '../../../src/count/rules/presets.js';
import type { Rule } from '../../../src/count/rules/rule.js';
import type { RaceTally } from '../../../src/model/types.js';

interface Extra {
  blank?: number;
  invalid?: number;
  writeIns?: string[];
  regions?: Map<string, Map<string, number>>;
}

/** A race from `{ name: votes }`, in that insertion order. */
function race(votes: Record<string, number>, extra: Extra = {}): RaceTally {
  const candidates = new Map(Object.entries(votes).map(([name, v]) => [name, { name, party: '', votes: v, writeIn: extra.writeIns?.includes(name) ?? false }]));
  return { key: raceKey('r', '', null), office: 'R', district: '', party: null, candidates, blank: extra.blank ?? 0, invalid: extra.invalid ?? 0, regions: extra.regions ?? null, rows: candidates.size, firstSeen: { file: 't.csv', line: 2 } };
}

const rule = (id: string): Rule => findPreset(id) ?? (() => { throw new Error(`no preset ${id}`); })();
const outcome = (id: string, votes: Record<string, number>, extra: Extra = {}, ctx?: DecideContext) => decide(race(votes, extra), rule(id), ctx).outcome;

describe('the pinned wording of the majority rule', () => {
  it('GA-6: nobody cleared 50 %; 3,612 votes short', () => {
    const o = outcome('majority', { 'Jon Ossoff': 92673, 'Karen Handel': 38071, 'Bob Gray': 20802, 'Dan Moody': 17028, 'Judson Hill': 16870, 'The other 13': 7125 });
    expect(o).toMatchObject({ status: 'runoff', runoff: ['Jon Ossoff', 'Karen Handel'], votesShort: 3612, explanation: 'nobody cleared 50 %; Jon Ossoff was 3,612 votes short' });
    expect(o.conditions).toEqual([{ description: '> 50 %', held: false, margin: -3612, parts: [{ description: '> 50 % of 192,569 votes', held: false, margin: -3612, unit: 'votes' }] }]);
  });

  it('exactly 50 % is 1 vote short', () => {
    expect(outcome('majority', { A: 500, B: 300, C: 200 }).explanation).toBe('nobody cleared 50 %; A was 1 vote short');
    expect(outcome('majority', { A: 501, B: 299, C: 200 })).toMatchObject({ status: 'winner', winner: 'A', explanation: '501 of 1,000 votes (50.10 %): more than 50 %' });
  });

  it('a winner just over the line shows enough decimals not to look like exactly 50 %', () => {
    expect(outcome('majority', { A: 50001, B: 49999 }).explanation).toBe('50,001 of 100,000 votes (50.001 %): more than 50 %');
  });
});

/** Leader with `lead` votes of 1,000; the rest split into distinct smaller shares so no tie sits at the cut line. */
function field(lead: number, total = 1000): Record<string, number> {
  const votes: Record<string, number> = { Leader: lead };
  let left = total - lead;
  for (let size = lead - 1, i = 1; left > 0; size--, i++) {
    const take = Math.min(size, left);
    votes[`Other ${i}`] = take;
    left -= take;
  }
  return votes;
}

describe('every single-threshold preset at its boundary (1,000 valid votes)', () => {
  const plain = ['majority', 'us-ga', 'us-ga-nonpartisan', 'us-tx', 'us-la', 'us-ms', 'us-al', 'us-ar', 'us-ok', 'us-sc', 'us-nc', 'us-sd', 'nyc-2013', 'us-ca-local', 'chicago',
    'fr-president', 'br', 'co', 'cr', 'pe', 'cl', 'gt', 'pl', 'pt', 'at', 'fi', 'ua', 'sl', 'zw'];
  it.each(plain)('%s', (id) => {
    const r = rule(id);
    const c = r.wins[0]!;
    expect(r.wins).toHaveLength(1);
    const atThreshold = (1000 * c.share.num) / c.share.den;
    expect(Number.isInteger(atThreshold)).toBe(true);
    const at = outcome(id, field(atThreshold));
    const over = outcome(id, field(atThreshold + 1));
    const under = outcome(id, field(atThreshold - 1));
    expect(over).toMatchObject({ status: 'winner', winner: 'Leader' });
    expect(under).toMatchObject({ status: 'runoff', runoff: ['Leader', 'Other 1'], votesShort: c.atLeast ? 1 : 2 });
    if (c.atLeast) expect(at).toMatchObject({ status: 'winner', winner: 'Leader' });
    else expect(at).toMatchObject({ status: 'runoff', votesShort: 1, leader: 'Leader' });
    expect(under.onRequest).toBe(r.onRequest === true);
  });
});

describe('leads in points of the same denominator', () => {
  it('Argentina: > 45 %, or ≥ 40 % with a lead of more than 10 points', () => {
    expect(outcome('ar', { A: 450, B: 400, C: 150 }).status).toBe('runoff');
    expect(outcome('ar', { A: 451, B: 399, C: 150 }).status).toBe('winner');
    const exactTen = outcome('ar', { A: 400, B: 300, C: 200, D: 100 });
    expect(exactTen).toMatchObject({ status: 'runoff', runoff: ['A', 'B'] });
    expect(exactTen.conditions[1]).toMatchObject({ held: false, parts: [{ held: true, margin: 0 }, { description: 'a lead of > 10 points', held: false, margin: -1 }] });
    expect(outcome('ar', { A: 401, B: 300, C: 199, D: 100 }).status).toBe('winner');
    expect(outcome('ar', { A: 400, B: 299, C: 200, D: 101 }).status).toBe('winner');
    expect(outcome('ar', { A: 399, B: 289, C: 200, D: 112 }).status).toBe('runoff');
  });

  it('Argentina on 999 votes: 40 % is 400 (399.6 up), and a 10-point lead is 100 (99.9 up)', () => {
    expect(outcome('ar', { A: 400, B: 300, C: 299 }).status).toBe('winner');
    expect(outcome('ar', { A: 399, B: 299, C: 298, D: 3 }).status).toBe('runoff');
    expect(outcome('ar', { A: 400, B: 301, C: 298 }).status).toBe('runoff');
  });

  it('Bolivia: a lead of exactly 10 points is enough, one vote less is not', () => {
    expect(outcome('bo', { A: 400, B: 300, C: 200, D: 100 }).status).toBe('winner');
    expect(outcome('bo', { A: 400, B: 301, C: 200, D: 99 }).status).toBe('runoff');
    expect(outcome('bo', { A: 399, B: 299, C: 200, D: 102 }).status).toBe('runoff');
    expect(outcome('bo', { A: 500, B: 450, C: 50 }).status).toBe('runoff');
    expect(outcome('bo', { A: 501, B: 450, C: 49 }).status).toBe('winner');
  });

  it('Ecuador: > 50 %, or ≥ 40 % with a lead of more than 10 points', () => {
    expect(outcome('ec', { A: 400, B: 300, C: 200, D: 100 }).status).toBe('runoff');
    expect(outcome('ec', { A: 400, B: 299, C: 200, D: 101 }).status).toBe('winner');
    expect(outcome('ec', { A: 500, B: 450, C: 50 }).status).toBe('runoff');
    expect(outcome('ec', { A: 501, B: 450, C: 49 }).status).toBe('winner');
  });

  it('Nicaragua: ≥ 40 %, or ≥ 35 % with a lead of at least 5 points', () => {
    expect(outcome('ni', { A: 400, B: 390, C: 210 }).status).toBe('winner');
    expect(outcome('ni', { A: 399, B: 390, C: 211 }).status).toBe('runoff');
    expect(outcome('ni', { A: 350, B: 300, C: 200, D: 150 }).status).toBe('winner');
    expect(outcome('ni', { A: 350, B: 301, C: 200, D: 149 }).status).toBe('runoff');
    expect(outcome('ni', { A: 349, B: 299, C: 200, D: 152 }).status).toBe('runoff');
  });

  it('says what the leader missed when the share was enough', () => {
    expect(outcome('bo', { A: 450, B: 360, C: 190 }).explanation).toBe('nobody met > 50 %, or ≥ 40 % and a lead of ≥ 10 points; A was 51 votes short');
  });
});

describe('denominators: blank and invalid ballots', () => {
  const votes = { A: 500, B: 490 };
  it('valid leaves blank and invalid out; valid+blank adds blank; cast adds both', () => {
    const d = decide(race(votes, { blank: 20, invalid: 30 }), majority);
    expect(d).toMatchObject({ total: 990, denominator: 990, blank: 20, invalid: 30 });
    expect(d.outcome.status).toBe('winner');
    const co = decide(race(votes, { blank: 20, invalid: 30 }), rule('co'));
    expect(co).toMatchObject({ total: 990, denominator: 1010 });
    expect(co.outcome).toMatchObject({ status: 'runoff', votesShort: 6 });
    const ua = decide(race(votes, { blank: 20, invalid: 30 }), rule('ua'));
    expect(ua).toMatchObject({ denominator: 1040 });
    expect(ua.outcome.votesShort).toBe(21);
  });

  it('Colombia at the boundary, blank votes included: 500 of 900 + 100 blank is exactly half', () => {
    expect(outcome('co', { A: 500, B: 400 }, { blank: 100, invalid: 50 })).toMatchObject({ status: 'runoff', votesShort: 1 });
    expect(outcome('co', { A: 501, B: 399 }, { blank: 100, invalid: 50 })).toMatchObject({ status: 'winner' });
    expect(outcome('ua', { A: 500, B: 400 }, { blank: 50, invalid: 50 })).toMatchObject({ status: 'runoff', votesShort: 1 });
    expect(outcome('ua', { A: 501, B: 399 }, { blank: 50, invalid: 50 })).toMatchObject({ status: 'winner' });
  });

  it('lists blank and invalid rows for the table, with whether they count', () => {
    const d = decide(race(votes, { blank: 20, invalid: 30 }), rule('co'));
    expect(ballotRows(d, rule('co'))).toEqual([{ label: 'Blank ballots', votes: 20, counted: true }, { label: 'Invalid ballots', votes: 30, counted: false }]);
    expect(ballotRows(decide(race(votes), majority), majority)).toEqual([]);
  });
});

describe('write-in aggregates count but are never named', () => {
  it('are in the denominator and skipped when picking', () => {
    const o = outcome('majority', { A: 40, 'Write-ins': 35, B: 25 }, { writeIns: ['Write-ins'] });
    expect(o).toMatchObject({ status: 'runoff', runoff: ['A', 'B'], votesShort: 11 });
    expect(outcome('majority', { 'Write-ins': 60, A: 30, B: 10 }, { writeIns: ['Write-ins'] })).toMatchObject({ status: 'runoff', leader: 'A', runoff: ['A', 'B'] });
  });

  it('one named candidate against write-ins: wins with a majority, otherwise not applicable', () => {
    expect(outcome('majority', { A: 51, 'Write-ins': 49 }, { writeIns: ['Write-ins'] })).toMatchObject({ status: 'winner', winner: 'A' });
    expect(outcome('majority', { A: 40, 'Write-ins': 60 }, { writeIns: ['Write-ins'] }).status).toBe('not_applicable');
    expect(outcome('majority', { 'Write-ins': 60 }, { writeIns: ['Write-ins'] })).toMatchObject({ status: 'not_applicable', explanation: 'only write-in aggregates were counted: no candidate can be named' });
  });
});

describe('ties', () => {
  it('a tie at the cut line is reported, with who already advances', () => {
    const o = outcome('majority', { A: 500, B: 300, C: 300, D: 100 });
    expect(o).toMatchObject({ status: 'tie', tied: ['B', 'C'], runoff: [], advancing: ['A'], tie: { at: 'cut-line', votes: 300, candidates: ['B', 'C'], places: 1, resolution: 'reported' } });
    expect(o.explanation).toBe('nobody cleared 50 %; B and C are tied at the cut line with 300 votes each, so the rule cannot pick who advances');
  });

  it('Louisiana: everyone tied at the cut line advances', () => {
    const o = outcome('us-la', { A: 500, B: 300, C: 300, D: 100 });
    expect(o).toMatchObject({ status: 'runoff', runoff: ['A', 'B', 'C'], advancing: ['A', 'B', 'C'], tied: ['B', 'C'], tie: { resolution: 'all-advance' } });
    expect(outcome('us-la', { A: 300, B: 300, C: 300 })).toMatchObject({ status: 'runoff', runoff: ['A', 'B', 'C'], tie: { at: 'first', places: 2 } });
  });

  it('a tie for first inside the runoff places is no tie; in a two-way race it is', () => {
    expect(outcome('majority', { A: 400, B: 400, C: 200 })).toMatchObject({ status: 'runoff', runoff: ['A', 'B'], leader: null, tie: null });
    expect(outcome('majority', { A: 400, B: 400 })).toMatchObject({ status: 'tie', tied: ['A', 'B'], explanation: 'A and B are tied with 400 votes each' });
  });

  it('a tie for first among candidates who all clear the threshold is reported', () => {
    expect(outcome('us-nc', { A: 350, B: 350, C: 300 })).toMatchObject({ status: 'tie', tied: ['A', 'B'], winner: null, tie: { at: 'first' } });
  });

  it('plurality: a tie for first is reported, never broken', () => {
    expect(outcome('plurality', { A: 40, B: 40, C: 20 })).toMatchObject({ status: 'tie', tied: ['A', 'B'], explanation: 'A and B are tied for first with 40 votes each' });
    expect(outcome('plurality', { A: 41, B: 40, C: 19 })).toMatchObject({ status: 'winner', winner: 'A', explanation: 'A has the most votes: 41 of 100, 1 more than B' });
  });

  it('Alaska: a tie for fourth is reported', () => {
    expect(outcome('us-ak-top-four', { A: 50, B: 20, C: 12, D: 9, E: 9 })).toMatchObject({ status: 'tie', tied: ['D', 'E'], advancing: ['A', 'B', 'C'], tie: { places: 1 } });
  });
});

describe('no shortcut: top k always advance', () => {
  it('California: even a majority goes to the general election', () => {
    expect(outcome('us-ca-top-two', { A: 600, B: 300, C: 100 })).toMatchObject({ status: 'runoff', runoff: ['A', 'B'], conditions: [], explanation: 'the top 2 always advance' });
    expect(outcome('us-wa-top-two', { A: 60, B: 40 })).toMatchObject({ status: 'runoff', runoff: ['A', 'B'] });
    expect(outcome('us-ca-top-two', { A: 50, B: 50 })).toMatchObject({ status: 'runoff', runoff: ['A', 'B'] });
    expect(outcome('us-ak-top-four', { A: 5, B: 4, C: 3 })).toMatchObject({ status: 'runoff', runoff: ['A', 'B', 'C'] });
  });
});

describe('North Carolina and South Dakota', () => {
  it('NC: the runoff happens only on request', () => {
    const o = outcome('us-nc', { A: 300, B: 290, C: 210, D: 200 });
    expect(o).toMatchObject({ status: 'runoff', runoff: ['A', 'B'], onRequest: true });
    expect(o.explanation).toBe('nobody cleared 30 %; A was 1 vote short; the runoff happens only if B (the runner-up) requests it');
    expect(outcome('us-nc', { A: 301, B: 289, C: 210, D: 200 })).toMatchObject({ status: 'winner', onRequest: false });
  });

  it('SD: > 35 % with 3 or more candidates; with fewer, plurality', () => {
    expect(outcome('us-sd', { A: 350, B: 340, C: 310 })).toMatchObject({ status: 'runoff', ruleApplied: 'us-sd' });
    expect(outcome('us-sd', { A: 351, B: 340, C: 309 })).toMatchObject({ status: 'winner', ruleApplied: 'us-sd' });
    const two = outcome('us-sd', { A: 30, B: 70 });
    expect(two).toMatchObject({ status: 'winner', winner: 'B', ruleApplied: 'plurality' });
    expect(two.explanation).toMatch(/^2 candidates, and us-sd applies only with 3 or more, so the most votes wins: B has the most votes/);
    expect(outcome('us-sd', { A: 50, B: 50 })).toMatchObject({ status: 'tie', ruleApplied: 'plurality' });
  });
});

describe('France, National Assembly: registered-voter floors', () => {
  const ctx = (registered: number | null): DecideContext => ({ registered, seats: null });
  it('wins with > 50 % of valid votes and ≥ 25 % of registered voters', () => {
    expect(outcome('fr-legislative', { A: 250, B: 150 }, {}, ctx(1000))).toMatchObject({ status: 'winner', winner: 'A' });
    const short = outcome('fr-legislative', { A: 250, B: 150 }, {}, ctx(1001));
    expect(short).toMatchObject({ status: 'runoff', votesShort: 1 });
    expect(short.conditions[0]?.parts[1]).toEqual({ description: '≥ 25 % of registered voters (251 of 1,001)', held: false, margin: -1, unit: 'votes' });
  });

  it('everyone with ≥ 12.5 % of registered voters advances, at least the top two', () => {
    expect(outcome('fr-legislative', { A: 450, B: 250, C: 249, D: 51 }, {}, ctx(2000))).toMatchObject({ status: 'runoff', runoff: ['A', 'B'] });
    const three = outcome('fr-legislative', { A: 400, B: 300, C: 250, D: 50 }, {}, ctx(2000));
    expect(three).toMatchObject({ status: 'runoff', runoff: ['A', 'B', 'C'], advancing: ['A', 'B', 'C'] });
    expect(three.explanation).toContain('3 candidates have ≥ 12.5 % of registered voters (250 votes) and advance');
    const one = outcome('fr-legislative', { A: 450, B: 350, C: 200 }, {}, ctx(4000));
    expect(one).toMatchObject({ status: 'runoff', runoff: ['A', 'B'] });
    expect(one.explanation).toContain('nobody reached 12.5 % of registered voters (500 votes), so the top 2 advance');
    expect(outcome('fr-legislative', { A: 450, B: 300, C: 300 }, {}, ctx(4000))).toMatchObject({ status: 'tie', tied: ['B', 'C'] });
  });

  it('without registered voters it says it cannot tell, never guesses', () => {
    const o = outcome('fr-legislative', { A: 600, B: 400 });
    expect(o.status).toBe('not_applicable');
    expect(o.explanation).toContain('cannot be checked, as the number of registered voters is not known (pass --registered)');
    expect(outcome('fr-legislative', { A: 400, B: 300, C: 300 }).explanation).toMatch(/^cannot tell who advances/);
  });
});

/** Regions r1…rN with the given [A, B] votes, plus one big region to put A over half. */
function regions(rows: [number, number][]): Map<string, Map<string, number>> {
  return new Map(rows.map(([a, b], i) => [`r${i + 1}`, new Map([['A', a], ['B', b]])]));
}

describe('regional spread (Kenya, Nigeria)', () => {
  const spread = (reached: number): Extra => ({
    regions: regions([...Array.from({ length: reached }, (): [number, number] => [25, 75]), ...Array.from({ length: 30 - reached }, (): [number, number] => [24, 76]), [10000, 0]]),
  });
  const totals = (reached: number) => ({ A: 25 * reached + 24 * (30 - reached) + 10000, B: 75 * reached + 76 * (30 - reached) });

  it('Kenya: ≥ 25 % in at least 24 regions, exactly at the boundary', () => {
    const won = outcome('ke', totals(23), spread(23));
    expect(won.status).toBe('winner'); // 23 regions + the big one = 24
    const missed = outcome('ke', totals(22), spread(22));
    expect(missed).toMatchObject({ status: 'runoff', runoff: ['A', 'B'], votesShort: null });
    expect(missed.conditions[0]?.parts[1]).toMatchObject({ held: false, margin: -1, unit: 'regions', description: '≥ 25 % in at least 24 regions (23 of 31 regions)' });
    expect(missed.explanation).toBe('nobody met > 50 % and ≥ 25 % in at least 24 regions; A missed ≥ 25 % in at least 24 regions (23 of 31 regions)');
  });

  it('Nigeria: the most votes and the spread', () => {
    expect(outcome('ng', totals(23), spread(23)).status).toBe('winner');
    expect(outcome('ng', totals(22), spread(22)).status).toBe('runoff');
  });

  it('without regions the outcome says the condition cannot be checked', () => {
    for (const id of ['ke', 'ng']) {
      const o = outcome(id, { A: 600, B: 400 });
      expect(o.status).toBe('not_applicable');
      expect(o.explanation).toContain('cannot be checked, as the results have no per-region votes');
      expect(o.conditions[0]?.held).toBeNull();
    }
    expect(outcome('ke', { A: 600, B: 400 }, { regions: new Map([['', new Map([['A', 600], ['B', 400]])]]) }).status).toBe('not_applicable');
    // Short of the vote share, the missing regions do not matter: a runoff either way.
    expect(outcome('ke', { A: 450, B: 400, C: 150 }).status).toBe('runoff');
  });
});

describe('not applicable', () => {
  it.each([[{ Yes: 60, No: 40 }], [{ No: 60, Yes: 40 }], [{ For: 10, Against: 20 }], [{ 'Yes/For': 5, 'No/Against': 3 }], [{ 'YES': 1, 'NO': 0 }]])('a measure %o', (votes) => {
    const o = outcome('majority', votes);
    expect(o.status).toBe('not_applicable');
    expect(o.explanation).toMatch(/measure, not a race between candidates/);
  });

  it('a three-way choice with Yes and No is still a race', () => {
    expect(outcome('majority', { Yes: 60, No: 30, Maybe: 10 }).status).toBe('winner');
  });

  it('multi-seat contests', () => {
    const o = decide(race({ A: 60, B: 40 }), majority, { registered: null, seats: 3 }).outcome;
    expect(o).toMatchObject({ status: 'not_applicable', winner: null, runoff: [] });
    expect(o.explanation).toBe('a contest for 3 seats: these majority and runoff rules decide one seat, so none is computed');
    expect(decide(race({ A: 60, B: 40 }), majority, { registered: null, seats: 1 }).outcome.status).toBe('winner');
    // The file's own seat count (MEDSL magnitude, Clarity "Vote For N"), unless --seats says otherwise.
    expect(decide({ ...race({ A: 60, B: 40 }), seats: 2 }, majority).outcome.status).toBe('not_applicable');
    expect(decide({ ...race({ A: 60, B: 40 }), seats: 2 }, majority, { registered: null, seats: 1 }).outcome.status).toBe('winner');
  });

  it('uncontested, and no votes', () => {
    expect(outcome('majority', { A: 10 })).toMatchObject({ status: 'not_applicable', leader: 'A', explanation: 'uncontested: A is the only candidate' });
    expect(outcome('majority', { A: 0, B: 0 })).toMatchObject({ status: 'no_votes' });
    expect(decide(race({}), plurality).outcome.status).toBe('no_votes');
  });
});
