/**
 * The rank-column reader's two paths (quote-free lines read directly; anything else through the RFC 4180 byte
 * scanner from the first record with a quote) must give the same ballots, weights and line numbers.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CastVote } from '../../../../src/model/ballots.js';
import { DataError } from '../../../../src/model/errors.js';
import { readRankColumns } from '../../../../src/read/cvr/rank-columns.js';

const dir = mkdtempSync(join(tmpdir(), 'runoff-rank-columns-'));
let n = 0;
const read = async (text: string | Buffer): Promise<CastVote[]> => {
  const path = join(dir, `f${n++}.csv`);
  writeFileSync(path, text);
  const votes: CastVote[] = [];
  for await (const vote of readRankColumns({ path, format: 'rank-columns' })) votes.push(vote);
  return votes;
};
const summary = (votes: CastVote[]) => votes.map((v) => [v.marks.map((m) => `${m.rank}:${m.choices.join('|')}`).join(' '), v.weight, v.origin.line, v.precinct]);

describe('rank-column reader', () => {
  it('groups identical rows in order of first appearance, with the first line and the row count', async () => {
    const votes = await read('id,Rank 1,Rank 2\n1,A,B\n2,B,\n3,A,B\n4,B\n5, ,\n');
    expect(summary(votes)).toEqual([
      ['1:A 2:B', 2, 2, undefined],
      ['1:B', 2, 3, undefined],
      ['', 1, 6, undefined],
    ]);
  });

  it('reads the same ballots and lines with quotes, CRLF, lone CR and blank lines as without', async () => {
    const plain = await read('id,Choice 1,Choice 2\n1,A,B\n\n2,B,A\n3,A,B\n');
    const crlf = await read('id,Choice 1,Choice 2\r\n1,A,B\r\n\r\n2,B,A\r\n3,A,B\r\n');
    const cr = await read('id,Choice 1,Choice 2\r1,A,B\r\r2,B,A\r3,A,B');
    const quotedLater = await read('id,Choice 1,Choice 2\n1,A,B\n\n2,"B",A\n3,A,"B"\n');
    const quotedHeader = await read('"id","Choice 1","Choice 2"\n1,A,B\n\n2,B,A\n3,A,B\n');
    expect(summary(plain)).toEqual([
      ['1:A 2:B', 2, 2, undefined],
      ['1:B 2:A', 1, 4, undefined],
    ]);
    for (const other of [crlf, cr, quotedLater, quotedHeader]) expect(summary(other)).toEqual(summary(plain));
  });

  it('keeps precincts apart and sorts ranks given out of order', async () => {
    const votes = await read('Precinct,Mayor (2),Mayor (1)\nP1,B,A\nP2,B,A\nP1,B,A\n');
    expect(summary(votes)).toEqual([
      ['1:A 2:B', 2, 2, 'P1'],
      ['1:A 2:B', 1, 3, 'P2'],
    ]);
  });

  it('unescapes doubled quotes and reads UTF-8 names', async () => {
    const votes = await read('1st Choice,2nd Choice\n"Joe ""JJ"" Smith",Zoë\nZoë,"Joe ""JJ"" Smith"\n');
    expect(summary(votes)).toEqual([
      ['1:Joe "JJ" Smith 2:Zoë', 1, 2, undefined],
      ['1:Zoë 2:Joe "JJ" Smith', 1, 3, undefined],
    ]);
  });

  it('gives the scanner line of an unclosed quote after the fast path handed over', async () => {
    const error = await read('Rank 1\nA\nB\n"C\n').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).at).toEqual({ file: expect.any(String), line: 4 });
  });

  it('reads rows that straddle the read buffer the same way', async () => {
    const rows = Array.from({ length: 120_000 }, (_, i) => `${i},${['Alvarez', 'Brooks', 'Chen'][i % 3]},${i % 7 === 0 ? '' : 'Diallo'}`);
    const votes = await read(`id,1st Choice,2nd Choice\n${rows.join('\n')}\n`);
    expect(votes.reduce((sum, v) => sum + v.weight, 0)).toBe(120_000);
    expect(summary(votes).slice(0, 3)).toEqual([
      ['1:Alvarez', 5715, 2, undefined],
      ['1:Brooks 2:Diallo', 34286, 3, undefined],
      ['1:Chen 2:Diallo', 34286, 4, undefined],
    ]);
  });

  it('is an error without rank columns, and for an empty file', async () => {
    await expect(read('id,name\n1,A\n')).rejects.toThrow(/no rank columns/);
    await expect(read('')).rejects.toThrow(/empty/);
  });
});
