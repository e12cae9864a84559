import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Candidates } from '../../../src/model/candidates.js';
import type { CandidateTally } from '../../../src/model/types.js';
import { runs } from '../../support/runs.js';

const tally = (name: string, votes = 0): CandidateTally => ({ name, party: '', votes, writeIn: false });

describe('Candidates', () => {
  it('behaves as a Map of names, in first-seen order, through any sequence of sets and deletes', () => {
    // Few names, so sets repeat and deletes hit; long runs, so races pass the point where an index is kept.
    const op = fc.oneof(
      fc.record({ kind: fc.constant('set' as const), name: fc.integer({ min: 0, max: 40 }) }),
      fc.record({ kind: fc.constant('delete' as const), name: fc.integer({ min: 0, max: 40 }) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 120 }), (ops) => {
        const ours = new Candidates();
        const map = new Map<string, CandidateTally>();
        for (const [i, { kind, name }] of ops.entries()) {
          const key = `Candidate ${name}`;
          if (kind === 'set') {
            const c = map.get(key) ?? tally(key, i);
            ours.set(key, c);
            map.set(key, c);
          } else expect(ours.delete(key)).toBe(map.delete(key));
          expect(ours.size).toBe(map.size);
          expect(ours.get(key)).toBe(map.get(key));
          expect(ours.has(key)).toBe(map.has(key));
        }
        expect([...ours.values()]).toEqual([...map.values()]);
      }),
      { numRuns: runs(2000) },
    );
  });

  it('finds each of 5,000 candidates by name', () => {
    const ours = new Candidates();
    for (let i = 0; i < 5000; i++) ours.set(`Cand ${i}`, tally(`Cand ${i}`, i));
    expect(ours.get('Cand 4321')?.votes).toBe(4321);
    expect(ours.get('Cand 5000')).toBeUndefined();
    expect([...ours.values()].map((c) => c.votes).slice(0, 3)).toEqual([0, 1, 2]);
  });
});
