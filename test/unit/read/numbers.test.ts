/** Numbers that used to be read or summed wrong: dot thousands, malformed groups, totals and outlooks near 2^53. */
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BAD, describeBadVotes, parseVotes } from '../../../src/read/votes.js';
import { run } from '../../support/run.js';

const dir = mkdtempSync(join(tmpdir(), 'runoff-numbers-'));
function csv(name: string, body: string): string {
  const path = join(dir, name);
  writeFileSync(path, body);
  return path;
}

describe('vote cells', () => {
  it.each(['12.000', '1.000', '999.000'])('%j (a dot before three digits) is ambiguous, never 12', (raw) => {
    expect(parseVotes(raw)).toBe(BAD);
    expect(describeBadVotes(raw).message).toContain('ambiguous');
  });

  it.each([['613.0', 613], ['613.00', 613], ['7.0000', 7]])('%j is still %d', (raw, n) => expect(parseVotes(raw)).toBe(n));

  it.each(['1,23', ',100', '1,,000', '1,000,', '12,3456'])('%j is a malformed thousands separator, not "too large"', (raw) => {
    expect(parseVotes(raw)).toBe(BAD);
    expect(describeBadVotes(raw).message).toContain('malformed thousands separator');
  });

  it('a file with 12.000 is a data error naming the line', async () => {
    const r = await run([csv('dots.csv', 'candidate,votes\nA,12.000\nB,9\n')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('dots.csv:2: votes "12.000" is ambiguous');
  });
});

describe('totals near 2^53', () => {
  it('a race total past 2^53 is the documented error, never a rounded win at exactly 50 %', async () => {
    const r = await run([csv('big.csv', 'candidate,votes\nA,4503599627370497\nB,4503599627370496\nC,1\n')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('passes 2^53 and cannot be counted exactly');
    expect(r.stdout).toBe('');
  });

  it('--outstanding that takes a total past 2^53 is a usage error, at once', async () => {
    const r = await run(['--outstanding', '9007199254740989', csv('small.csv', 'candidate,votes\nA,500\nB,300\nC,200\n')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('passes 2^53');
  });

  it('--outstanding just below: the exact fewest votes, no rounding', async () => {
    // 1,000 counted + 9,007,199,254,739,000 outstanding: A needs more than half of 9,007,199,254,740,000.
    const r = await run(['--outstanding', '9007199254739000', csv('small2.csv', 'candidate,votes\nA,500\nB,300\nC,200\n')]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('A wins outright only with at least 4,503,599,627,369,501 of the 9,007,199,254,739,000 outstanding votes');
  });
});
