import { raceKey } from '../../src/model/race-key.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decide, type DecideContext } from '../../src/count/decide.js';
import { findPreset, majority } from '../../src/count/rules/presets.js';
import { clears, votesToClear, type Rule } from '../../src/count/rules/rule.js';
import type { RaceTally } from '../../src/model/types.js';

/** Candidates c0…cn with these votes, inserted in the given order. */
function race(entries: [string, number][]): RaceTally {
  const candidates = new Map(entries.map(([name, votes]) => [name, { name, party: '', votes, writeIn: false }]));
  return { key: raceKey('p', '', null), office: 'P', district: '', party: null, candidates, blank: 0, invalid: 0, regions: null, rows: entries.length, firstSeen: { file: 'p' } };
}

const named = (votes: number[]): [string, number][] => votes.map((v, i) => [`c${i}`, v]);
// Small ranges make ties common; the large one exercises totals past 2^32.
const votesArb = fc.oneof(fc.array(fc.nat(20), { minLength: 2, maxLength: 7 }), fc.array(fc.nat(2 ** 40), { minLength: 2, maxLength: 7 }));
const sorted = (votes: number[]): number[] => [...votes].sort((a, b) => b - a);
const sum = (votes: number[]): number => votes.reduce((a, b) => a + b, 0);

describe('decide properties', () => {
  it('majority: winner ⇔ 2 × top > total', () => {
    fc.assert(fc.property(votesArb, (votes) => {
      const total = sum(votes);
      fc.pre(total > 0);
      const [top = 0, second = 0] = sorted(votes);
      const o = decide(race(named(votes)), majority).outcome;
      expect(o.status === 'winner').toBe(2n * BigInt(top) > BigInt(total));
      if (o.status === 'runoff') {
        expect(o.votesShort).toBe(Math.floor(total / 2) + 1 - top);
        expect(o.runoff.map((n) => votes[Number(n.slice(1))])).toEqual([top, second]);
      }
    }));
  });

  it('any threshold: the leader clears it ⇔ top·den > num·total (≥ with at-least), by BigInt cross-multiplication', () => {
    const shareArb = fc.integer({ min: 1, max: 1000 }).chain((den) => fc.record({ den: fc.constant(den), num: fc.integer({ min: 1, max: den }) }));
    fc.assert(fc.property(votesArb, shareArb, fc.boolean(), (votes, share, atLeast) => {
      const total = sum(votes);
      fc.pre(total > 0);
      const rule: Rule = { ...majority, wins: [{ share, ...(atLeast ? { atLeast } : {}) }] };
      const [top = 0] = sorted(votes);
      const lhs = BigInt(top) * BigInt(share.den);
      const rhs = BigInt(share.num) * BigInt(total);
      const o = decide(race(named(votes)), rule).outcome;
      const cleared = o.status === 'winner' || (o.status === 'tie' && o.tie?.at === 'first' && o.conditions[0]?.held === true);
      expect(cleared).toBe(atLeast ? lhs >= rhs : lhs > rhs);
      expect(o.conditions[0]?.held).toBe(atLeast ? lhs >= rhs : lhs > rhs);
    }));
  });

  it('Argentina: winner ⇔ > 45 %, or ≥ 40 % with a lead of > 10 points (no tie for first)', () => {
    fc.assert(fc.property(fc.array(fc.nat(1000), { minLength: 3, maxLength: 6 }), (votes) => {
      const t = BigInt(sum(votes));
      const [a = 0n, b = 0n] = sorted(votes).map(BigInt);
      fc.pre(t > 0n && a !== b);
      const expected = 100n * a > 45n * t || (100n * a >= 40n * t && 100n * (a - b) > 10n * t);
      expect(decide(race(named(votes)), findPreset('ar')!).outcome.status === 'winner').toBe(expected);
    }));
  });

  it('does not depend on the order candidates were first seen', () => {
    const rules: [Rule, DecideContext | undefined][] = [
      [majority, undefined], [findPreset('us-la')!, undefined], [findPreset('plurality')!, undefined], [findPreset('ar')!, undefined],
      [findPreset('us-ca-top-two')!, undefined], [findPreset('us-ak-top-four')!, undefined], [findPreset('fr-legislative')!, { registered: 60, seats: null }],
    ];
    fc.assert(fc.property(votesArb.chain((v) => fc.tuple(fc.constant(v), fc.shuffledSubarray(named(v), { minLength: v.length, maxLength: v.length }))), ([votes, shuffled]) => {
      for (const [rule, ctx] of rules) {
        expect(decide(race(shuffled), rule, ctx)).toEqual(decide(race(named(votes)), rule, ctx));
      }
    }));
  });

  it('ties are symmetric under renaming candidates', () => {
    const arb = votesArb.chain((votes) => fc.tuple(fc.constant(votes), fc.shuffledSubarray(votes.map((_, i) => `n${i}`), { minLength: votes.length, maxLength: votes.length })));
    fc.assert(fc.property(arb, ([votes, names]) => {
      const renamed = (n: string): string => names[Number(n.slice(1))] ?? '';
      for (const rule of [majority, findPreset('us-la')!, findPreset('plurality')!]) {
        const a = decide(race(named(votes)), rule).outcome;
        const b = decide(race(votes.map((v, i) => [names[i] ?? '', v])), rule).outcome;
        expect(b.status).toBe(a.status);
        expect(new Set(b.tied)).toEqual(new Set(a.tied.map(renamed)));
        expect(new Set(b.runoff)).toEqual(new Set(a.runoff.map(renamed)));
        expect(b.winner).toBe(a.winner === null ? null : renamed(a.winner));
        expect(b.tie?.votes).toBe(a.tie?.votes);
      }
    }));
  });

  it('a tie is reported exactly when equal votes straddle the cut line', () => {
    fc.assert(fc.property(fc.array(fc.nat(10), { minLength: 3, maxLength: 7 }), (votes) => {
      const s = sorted(votes);
      const total = sum(votes);
      fc.pre(total > 0 && 2 * (s[0] ?? 0) <= total);
      const straddles = s[1] === s[2];
      expect(decide(race(named(votes)), majority).outcome.status).toBe(straddles ? 'tie' : 'runoff');
    }));
  });

  it('votesToClear is the fewest votes that clear', () => {
    fc.assert(fc.property(fc.nat(2 ** 45), fc.integer({ min: 1, max: 10_000 }), fc.nat(10_000), fc.boolean(), (total, den, n, atLeast) => {
      const share = { num: Math.min(n, den), den };
      const needed = votesToClear(total, share, atLeast);
      expect(clears(needed, total, share, atLeast)).toBe(true);
      if (needed > 0) expect(clears(needed - 1, total, share, atLeast)).toBe(false);
    }));
  });
});
