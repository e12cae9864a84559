/** maxOf, minOf, appendAll and fromCharCodes take arrays far past the length that spreading into a call overflows. */
import { describe, expect, it } from 'vitest';
import { appendAll, fromCharCodes, maxOf, minOf } from '../../../src/model/extent.js';

const LONG = 500_000; // spreading this many arguments overflows V8's stack

describe('extent helpers on input-sized arrays', () => {
  const values = Array.from({ length: LONG }, (_, i) => (i * 7919) % LONG);
  it('the spread they replace does overflow at this length', () => {
    expect(() => Math.max(...values)).toThrow(RangeError);
  });
  it('maxOf and minOf find the extremes, and the floor or ceiling when empty', () => {
    expect(maxOf(values)).toBe(LONG - 1);
    expect(minOf(values)).toBe(0);
    expect(maxOf([], 0)).toBe(0);
    expect(minOf([], 5)).toBe(5);
    expect(maxOf([-3, -1], 0)).toBe(0);
  });
  it('appendAll appends every item in order', () => {
    const out = appendAll([1], values);
    expect(out.length).toBe(LONG + 1);
    expect(out[LONG]).toBe(values[LONG - 1]);
  });
  it('fromCharCodes builds the same string as one call would, in slices', () => {
    const codes = Array.from({ length: LONG }, (_, i) => 0x41 + (i % 26));
    const text = fromCharCodes(codes);
    expect(text.length).toBe(LONG);
    expect(text.slice(0, 3)).toBe('ABC');
    expect(text.charCodeAt(LONG - 1)).toBe(codes[LONG - 1]);
    expect(fromCharCodes([0x68, 0x69])).toBe('hi');
  });
});
