import { raceKey } from '../../../src/model/race-key.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decide } from '../../../src/count/decide.js';
import { outlookFor } from '../../../src/count/outlook.js';
import { findPreset, majority } from '../../../src/count/rules/presets.js';
import type { Rule } from '../../../src/count/rules/rule.js';
import type { RaceTally } from '../../../src/model/types.js';

function race(votes: number[]): RaceTally {
  const candidates = new Map(votes.map((v, i) => [`C${i}`, { name: `C${i}`, party: '', votes: v, writeIn: false }]));
  return { key: raceKey('r', '', null), office: 'R', district: '', party: null, candidates, blank: 0, invalid: 0, regions: null, rows: votes.length, firstSeen: { file: 'x' } };
}

/** Brute force: with g of the n outstanding votes for `who` and the rest for the strongest rival, does `who` win? */
function winsWith(votes: number[], who: number, g: number, n: number, rule: Rule): boolean {
  let r = -1;
  votes.forEach((v, i) => {
    if (i !== who && (r === -1 || v > (votes[r] ?? 0))) r = i;
  });
  const after = votes.map((v, i) => (i === who ? v + g : i === r ? v + (n - g) : v));
  const d = decide(race(after), rule);
  return d.outcome.status === 'winner' && d.outcome.winner === `C${who}`;
}

describe('outlookFor', () => {
  it('the leader needs exactly votesNeeded of the outstanding votes, for any rule with plain or lead conditions', () => {
    const rules = [majority, findPreset('ar'), findPreset('us-nc'), findPreset('cr')].filter((r): r is Rule => r !== undefined);
    fc.assert(
      fc.property(fc.array(fc.nat(5000), { minLength: 2, maxLength: 5 }), fc.nat(4000), fc.constantFrom(...rules), (votes, n, rule) => {
        fc.pre(votes.reduce((a, b) => a + b, 0) > 0);
        const d = decide(race(votes), rule);
        const o = outlookFor(d, rule, n);
        if (!o.leader) return;
        const who = Number(o.leader.name.slice(1));
        if (o.leader.status === 'cannot') expect(winsWith(votes, who, n, n, rule)).toBe(false);
        else {
          const g = o.leader.votesNeeded ?? 0;
          expect(winsWith(votes, who, g, n, rule)).toBe(true);
          if (g > 0) expect(winsWith(votes, who, g - 1, n, rule)).toBe(false);
        }
      }),
      { numRuns: Number(process.env.PROP_RUNS) || 300 },
    );
  });

  it('locks the runoff place only when every gap exceeds the outstanding votes', () => {
    const d = decide(race([500, 300, 250, 100]), majority);
    expect(outlookFor(d, majority, 49).cut).toEqual({ locked: true, holder: 'C1', challengers: [] });
    expect(outlookFor(d, majority, 50).cut?.challengers).toEqual([{ name: 'C2', marginNeeded: 51, canPass: false }]);
    expect(outlookFor(d, majority, 200).cut?.challengers).toEqual([
      { name: 'C2', marginNeeded: 51, canPass: true },
      { name: 'C3', marginNeeded: 201, canPass: false },
    ]);
  });
});
