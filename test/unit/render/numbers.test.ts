import { describe, expect, it } from 'vitest';
import { formatShare, formatVotes, shareNumber } from '../../../src/render/numbers.js';

const HALF = [{ num: 1, den: 2 }];

describe('formatShare', () => {
  it('shows two decimals', () => {
    expect(formatShare(92673, 192569, HALF)).toBe('48.12 %');
    expect(formatShare(1, 3)).toBe('33.33 %');
    expect(formatShare(2, 3)).toBe('66.67 %');
  });

  it('shows exactly 50 % as 50.00 %', () => expect(formatShare(500, 1000, HALF)).toBe('50.00 %'));

  it('never shows a share just over or under the threshold as the threshold', () => {
    expect(formatShare(50004, 100000, HALF)).toBe('50.004 %');
    expect(formatShare(49996, 100000, HALF)).toBe('49.996 %');
    expect(formatShare(500000001, 1000000000, HALF)).toBe('50.0000001 %');
  });

  it('has no share without votes', () => expect(formatShare(0, 0)).toBe('–'));
});

describe('formatVotes and shareNumber', () => {
  it('uses thousands separators', () => expect(formatVotes(1234567)).toBe('1,234,567'));
  it('rounds JSON shares to six decimals and gives null for no votes', () => {
    expect(shareNumber(92673, 192569)).toBe(0.481246);
    expect(shareNumber(0, 0)).toBeNull();
  });
});
