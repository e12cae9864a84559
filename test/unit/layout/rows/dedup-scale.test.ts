/**
 * A file without a precinct column is checked for exact duplicate rows over the whole file: 300,000 rows built
 * here (never committed), every 1,000th a copy of a row 500 lines up, through the byte scanner in 64 KB chunks.
 */
import { describe, expect, it } from 'vitest';
import { readWith } from './views.js';

const ROWS = 300_000;
const CANDIDATES = ['Ann Lee', 'Bob Ray', 'Cy Fox', 'Di Wu'];

function build(): { chunks: Buffer[]; sums: Record<string, number>; copies: number } {
  const sums = new Map(CANDIDATES.map((c) => [c, 0]));
  const row = (v: number): string => `ST,Governor,,P${v & 3},${CANDIDATES[v & 3]},${v}\n`;
  let text = 'state,office,district,party,candidate,votes\n';
  let copies = 0;
  for (let i = 0; i < ROWS; i++) {
    if (i % 1000 === 999) {
      text += row(i - 500);
      copies++;
      continue;
    }
    text += row(i);
    const name = CANDIDATES[i & 3] as string;
    sums.set(name, (sums.get(name) ?? 0) + i);
  }
  const bytes = Buffer.from(text);
  const chunks: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += 65536) chunks.push(bytes.subarray(at, at + 65536));
  return { chunks, sums: Object.fromEntries(sums), copies };
}

describe('exact duplicates over a large file without a precinct column', () => {
  const { chunks, sums, copies } = build();

  // The byte scanner only: csv-parse takes ten times as long here, and digest-table.test.ts shows that both
  // views give every record the same digest.
  it('counts every row once and drops every copy', async () => {
    const { reader, votes, excluded, warnings } = await readWith('SpanRecord', chunks);
    expect(copies).toBe(300);
    expect([reader.rows, reader.rowsUsed]).toEqual([ROWS, ROWS - copies]);
    expect(excluded).toEqual({ duplicate: copies });
    expect(votes['governor||']).toEqual(sums);
    // Line 1 is the header, so row i is on line i + 2; row 999 repeats row 499.
    expect(warnings.find((w) => w.code === 'duplicate-rows')?.message).toBe(
      '300 exact duplicate records dropped: lines 1001 (same as 501), 2001 (same as 1501), 3001 (same as 2501), 4001 (same as 3501), 5001 (same as 4501), …',
    );
  });
});
