/** A narrow terminal: names are cut with …, headers and verdicts wrap at words; piped output is never cut. */
import { describe, expect, it } from 'vitest';
import { wrapWords, truncate } from '../../src/render/fit.js';
import { run } from '../support/run.js';

const SEED = 'fixtures/ga-06-2017-04-18-special-jungle.csv';
const AR = 'fixtures/rules/ar-2023-president-r1.csv'; // relative: a long path is one word that cannot wrap
const width = (line: string): number => [...line].length;

describe('60 columns', () => {
  it('GA-6: every line fits, the header and the verdict wrap between words', async () => {
    const r = await run([SEED], { isTTY: true, columns: 60, env: { NO_COLOR: '1' } });
    const lines = r.stdout.trimEnd().split('\n');
    for (const line of lines) expect(width(line), line).toBeLessThanOrEqual(60);
    expect(lines.slice(0, 2)).toEqual(['U.S. House District 6 · 18 candidates · 192,569 votes ·', 'rule: majority (> 50 % of votes counted)']);
    expect(r.stdout).toContain('RUNOFF  Jon Ossoff vs Karen Handel — nobody cleared 50 %;\n        Jon Ossoff was 3,612 votes short');
    // The names fit in 60 columns as they are: none is cut.
    expect(r.stdout).toContain('12  Mohammad Ali Bhuiyan  Rep       415   0.22 %');
  });

  it('Argentina 2023 at 50 columns: long parties end in …, the numbers stay whole', async () => {
    const r = await run(['--rule', 'ar', AR], { isTTY: true, columns: 50, env: { NO_COLOR: '1' } });
    const narrow = await run(['--rule', 'ar', AR], { isTTY: true, columns: 40, env: { NO_COLOR: '1' } });
    // At 40 columns the names give way too: cut with …, never wrapped onto a row of their own.
    expect(narrow.stdout).toContain('3  Patrici…  Juntos…   6,379,023  23.81 %');
    for (const line of r.stdout.trimEnd().split('\n')) expect(width(line), line).toBeLessThanOrEqual(50);
    // Parties give way first, so the candidates' names stay whole.
    expect(r.stdout).toContain('1  Sergio Massa       Unión p…  9,853,492  36.78 %');
    expect(r.stdout).toContain('3  Patricia Bullrich  Juntos…   6,379,023  23.81 %');
    // A comparison sign stays with its number.
    expect(r.stdout).not.toMatch(/[>≥]\n/);
    expect(r.stdout).toMatch(/2,202,744 votes\s+short/);
  });

  it('piped, nothing is cut or wrapped', async () => {
    const r = await run(['--rule', 'ar', AR], { columns: 50 });
    expect(r.stdout).toContain('Patricia Bullrich');
    expect(r.stdout).toContain('RUNOFF  Sergio Massa vs Javier Milei — nobody met > 45 %, or ≥ 40 % and a lead of > 10 points; Sergio Massa was 2,202,744 votes short');
  });
});

describe('fit helpers', () => {
  const measure = (t: string): number => [...t].length;
  it('wrapWords never breaks a word and keeps "·" with the word before it', () => {
    expect(wrapWords('Governor · Democratic primary · 9 candidates', 20, measure)).toEqual(['Governor ·', 'Democratic primary ·', '9 candidates']);
    expect(wrapWords('Supercalifragilistic word', 10, measure)).toEqual(['Supercalifragilistic', 'word']);
    expect(wrapWords('nobody met > 45 %', 11, measure)).toEqual(['nobody met', '> 45 %']);
  });
  it('truncate ends with … within the width', () => {
    expect(truncate('Mohammad Ali Bhuiyan', 10, measure)).toBe('Mohammad…');
    expect(truncate('Ann', 10, measure)).toBe('Ann');
  });
});
