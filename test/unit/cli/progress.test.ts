import { describe, expect, it } from 'vitest';
import { Progress } from '../../../src/cli/progress.js';

describe('Progress', () => {
  it('stays silent for the first second, then redraws one line at most every 100 ms and clears it', () => {
    let now = 0;
    let out = '';
    const p = new Progress({ write: (t: string) => (out += t) }, () => now);
    now = 900;
    p.update('big.csv', 100e6, 1000e6);
    expect(out).toBe('');
    now = 2000;
    p.update('big.csv', 500e6, 1000e6);
    expect(out).toBe('\r\u001b[2Krunoff: reading big.csv: 500 of 1,000 MB (50 %) · 250 MB/s');
    now = 2050;
    p.update('big.csv', 520e6, 1000e6);
    expect(out.split('\r\u001b[2K')).toHaveLength(2);
    p.clear();
    expect(out.endsWith('\r\u001b[2K')).toBe(true);
  });

  it('clears nothing when it never drew', () => {
    let out = '';
    new Progress({ write: (t: string) => (out += t) }).clear();
    expect(out).toBe('');
  });

  it('escapes the file name', () => {
    let now = 0;
    let out = '';
    const p = new Progress({ write: (t: string) => (out += t) }, () => now);
    now = 5000;
    p.update('a\u001b[2Jb.csv', 1e6, null);
    expect(out).toContain('a\\e[2Jb.csv: 1 MB');
  });
});
