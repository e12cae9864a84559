import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bigPercentString, formatShare, percentString } from '../../../src/model/share.js';
import { runs } from '../../support/runs.js';

describe('percentString: whole numbers in doubles, BigInt past 2^53', () => {
  it('rounds half up, as the BigInt reckoning does', () => {
    expect(percentString(92673, 192569, 2)).toBe('48.12');
    expect(percentString(1, 8, 1)).toBe('12.5');
    expect(percentString(1, 3, 0)).toBe('33');
    expect(percentString(2, 3, 0)).toBe('67');
    expect(percentString(1, 200, 0)).toBe('1'); // 0.5 % → 1
    expect(percentString(50004, 100000, 2)).toBe('50.00');
    expect(percentString(50004, 100000, 3)).toBe('50.004');
  });

  it('gives the BigInt answer for any counts, at any number of decimals the shares use', () => {
    const count = fc.oneof(fc.nat(1000), fc.nat(10_000_000), fc.maxSafeNat());
    fc.assert(
      fc.property(count, count.filter((n) => n > 0), fc.integer({ min: 0, max: 11 }), (votes, total, decimals) => {
        expect(percentString(votes, total, decimals)).toBe(bigPercentString(votes, total, decimals));
      }),
      { numRuns: runs(20_000) },
    );
  });

  it('gives it just under and over each rounding boundary, with totals up to 2^40', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2 ** 40 }), fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 4 }), (total, k, decimals) => {
        const votes = Math.max(0, Math.floor((k * total) / 100) - 1);
        for (const v of [votes, votes + 1, votes + 2]) expect(percentString(v, total, decimals)).toBe(bigPercentString(v, total, decimals));
      }),
      { numRuns: runs(10_000) },
    );
  });
});

describe('formatShare: doubles where exact, BigInt beyond', () => {
  /** The same rule in BigInt only: more decimals while the share would read as a threshold it is not on. */
  function reference(votes: number, total: number, thresholds: { num: number; den: number }[]): string {
    if (total === 0) return '–';
    let decimals = 2;
    for (; decimals < 12; decimals++) {
      const shown = bigPercentString(votes, total, decimals);
      const misleading = thresholds.some((t) => BigInt(votes) * BigInt(t.den) !== BigInt(t.num) * BigInt(total) && t.den > 0 && shown === bigPercentString(t.num, t.den, decimals));
      if (!misleading) break;
    }
    return `${bigPercentString(votes, total, decimals)} %`;
  }
  const threshold = fc.constantFrom({ num: 1, den: 2 }, { num: 2, den: 5 }, { num: 3, den: 5 }, { num: 1, den: 3 });

  it('matches the BigInt reckoning next to thresholds, for small and huge counts', () => {
    const total = fc.oneof(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 1, max: Number.MAX_SAFE_INTEGER }));
    fc.assert(
      fc.property(total, fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: -3, max: 3 }), fc.array(threshold, { maxLength: 2 }), (t, at, nudge, thresholds) => {
        // Votes near a threshold's share of the total (or anywhere), where more decimals are needed.
        const near = thresholds[0] ? Math.floor((t * thresholds[0].num) / thresholds[0].den) : Math.floor(t * at);
        const votes = Math.min(t, Math.max(0, near + nudge));
        expect(formatShare(votes, t, thresholds)).toBe(reference(votes, t, thresholds));
      }),
      { numRuns: runs(10_000) },
    );
  });
});
