import { describe, expect, it } from 'vitest';
import { BAD, describeBadVotes, MISSING, parseVotes } from '../../../src/read/votes.js';

describe('parseVotes', () => {
  it.each([
    ['0', 0], ['1234', 1234], [' 42 ', 42], ['16,165', 16165], ['1,234,567', 1234567], ['613.0', 613], ['7.00', 7],
  ])('reads %j as %d', (raw, n) => expect(parseVotes(raw)).toBe(n));

  it('treats an empty cell as missing, never 0', () => {
    expect(parseVotes('')).toBe(MISSING);
    expect(parseVotes('   ')).toBe(MISSING);
  });

  it.each(['REP', '1e3', '0x1A', 'Infinity', 'N/A', '-', '—', '-5', '(5)', '\u22125', '613.5', '1.234', '1 234', '12,34', '１２', '٣', '="12"', '9007199254740993'])(
    'rejects %j', (raw) => expect(parseVotes(raw)).toBe(BAD),
  );

  it('says why a cell is rejected', () => {
    expect(describeBadVotes('1.234').message).toBe('votes "1.234" is ambiguous: thousands separator or decimal point?');
    expect(describeBadVotes('1\u00a0234').message).toContain('ambiguous');
    expect(describeBadVotes('-5').message).toBe('votes "-5" is negative');
    expect(describeBadVotes('613.5').message).toBe('votes "613.5" is not a whole number');
    expect(describeBadVotes('9007199254740993').message).toContain('too large');
    expect(describeBadVotes('REP').message).toBe('votes "REP" is not a whole number');
  });

  it('calls a lone dash "not a number", and only a sign before digits "negative"', () => {
    for (const dash of ['-', '—', '–', '\u2212', '--']) expect(describeBadVotes(dash).message).toBe(`votes ${JSON.stringify(dash)} is not a number`);
    expect(describeBadVotes('- 5').message).toBe('votes "- 5" is negative');
    expect(describeBadVotes('(5)').message).toBe('votes "(5)" is negative');
    expect(describeBadVotes('\u22125').message).toBe('votes "\u22125" is negative');
    expect(describeBadVotes('-x').message).toBe('votes "-x" is not a whole number');
  });
});
