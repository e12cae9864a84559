import { describe, expect, it } from 'vitest';
import { fraction, parsePercent, pct, percentLabel } from '../../../../src/count/rules/fraction.js';
import { plurality, majority, findPreset } from '../../../../src/count/rules/presets.js';
import { clears, describeCondition, describeRule, ruleNeedsRegions, ruleNeedsRegistered, votesToClear } from '../../../../src/count/rules/rule.js';

describe('parsePercent: exact fractions, never floats', () => {
  it.each([
    ['50', 1, 2],
    ['40%', 2, 5],
    ['40 %', 2, 5],
    ['12.5', 1, 8],
    ['33.333', 33333, 100000],
    ['0.1', 1, 1000],
    ['100', 1, 1],
    ['55', 11, 20],
  ])('%s → %i/%i', (text, num, den) => {
    expect(parsePercent(text)).toEqual({ num, den });
  });

  it.each(['', 'abc', '-5', '1e2', '101', '50%%', ',5', '.5', '5.', '12.1234567', '0x10', '50 percent'])('rejects %j', (text) => {
    expect(parsePercent(text)).toBeNull();
  });

  it('reduces and labels', () => {
    expect(fraction(125, 1000)).toEqual({ num: 1, den: 8 });
    expect(pct(12.5)).toEqual({ num: 1, den: 8 });
    expect(percentLabel(pct(12.5))).toBe('12.5');
    expect(percentLabel({ num: 1, den: 3 })).toBe('33.3333');
  });
});

describe('clears and votesToClear agree at every boundary', () => {
  // "More than half of 1,000" is 501; "at least 40 % of 999" is 400 (399.6 rounds up); "more than 30 % of 10" is 4.
  it.each([
    [1000, pct(50), false, 501],
    [1000, pct(50), true, 500],
    [1001, pct(50), false, 501],
    [999, pct(40), true, 400],
    [999, pct(40), false, 400],
    [1000, pct(40), false, 401],
    [10, pct(30), false, 4],
    [2789808, pct(55), true, 1534395],
    [192569, pct(50), false, 96285],
    [0, pct(50), false, 1],
  ])('total %i, %o, atLeast %s → %i', (total, share, atLeast, needed) => {
    expect(votesToClear(total, share, atLeast)).toBe(needed);
    expect(clears(needed, total, share, atLeast)).toBe(true);
    expect(clears(needed - 1, total, share, atLeast)).toBe(false);
  });

  it('50.00 % exactly is not more than half', () => {
    expect(clears(500, 1000, pct(50))).toBe(false);
    expect(clears(500, 1000, pct(50), true)).toBe(true);
  });

  it('does not round: totals past 2^53 / den still compare exactly', () => {
    const total = Number.MAX_SAFE_INTEGER; // odd
    expect(clears((total - 1) / 2, total, pct(50))).toBe(false);
    expect(clears((total + 1) / 2, total, pct(50))).toBe(true);
    expect(votesToClear(total, pct(50))).toBe((total + 1) / 2);
  });
});

describe('descriptions', () => {
  it('keeps the table header wording', () => {
    expect(describeRule(majority)).toBe('majority (> 50 % of votes counted)');
    expect(describeRule(plurality)).toBe('plurality (the most votes wins)');
    expect(describeRule(findPreset('us-ca-top-two')!)).toBe('us-ca-top-two (top 2 advance)');
    expect(describeRule(findPreset('co')!)).toBe('co (> 50 % of votes counted, blank included)');
    expect(describeRule(findPreset('ar')!)).toBe('ar (of votes counted: > 45 %, or ≥ 40 % and a lead of > 10 points)');
    expect(describeRule(findPreset('fr-legislative')!)).toBe('fr-legislative (of votes counted: > 50 % and ≥ 25 % of registered voters)');
    expect(describeRule(findPreset('ng')!)).toBe('ng (of votes counted: the most votes and ≥ 25 % in at least 24 regions)');
  });

  it('describes every part of a condition', () => {
    expect(describeCondition({ share: pct(40), atLeast: true, lead: { share: pct(10), atLeast: true } })).toBe('≥ 40 % and a lead of ≥ 10 points');
    expect(describeCondition({ share: pct(50), registeredShare: pct(25) })).toBe('> 50 % and ≥ 25 % of registered voters');
    expect(describeCondition(findPreset('ke')!.wins[0]!)).toBe('> 50 % and ≥ 25 % in at least 24 regions');
    expect(describeCondition(findPreset('ng')!.wins[0]!)).toBe('the most votes and ≥ 25 % in at least 24 regions');
  });

  it('says which rules need registered voters or regions', () => {
    expect(ruleNeedsRegistered(findPreset('fr-legislative')!)).toBe(true);
    expect(ruleNeedsRegistered(majority)).toBe(false);
    expect(ruleNeedsRegions(findPreset('ke')!)).toBe(true);
    expect(ruleNeedsRegions(findPreset('ng')!)).toBe(true);
    expect(ruleNeedsRegions(findPreset('fr-legislative')!)).toBe(false);
  });
});
