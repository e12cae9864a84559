import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { thousands } from '../../../src/model/thousands.js';

describe('thousands', () => {
  it('groups digits by three', () => {
    expect([0, 7, 999, 1000, 92673, 192569, 1234567, -1820].map(thousands)).toEqual(['0', '7', '999', '1,000', '92,673', '192,569', '1,234,567', '-1,820']);
  });
  it('agrees with Intl for every safe integer', () => {
    fc.assert(fc.property(fc.maxSafeInteger(), (n) => thousands(n) === n.toLocaleString('en-US')));
  });
});
