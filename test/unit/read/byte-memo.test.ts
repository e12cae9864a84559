import { describe, expect, it } from 'vitest';
import { ByteMemo } from '../../../src/read/byte-memo.js';
import { eachRecord } from './spans.js';

/** Look up every record of `text` under `columns`; the values made are the record's line numbers. */
function lookUp(memo: ByteMemo, text: string, columns: number[]): { values: number[]; made: number } {
  const values: number[] = [];
  let made = 0;
  eachRecord(text, (r) => {
    values.push(memo.get(r, columns, (line: number) => (made++, line), r.line));
  });
  return { values, made };
}

describe('ByteMemo', () => {
  it('makes a value once per distinct key and finds it again', () => {
    const memo = new ByteMemo();
    const { values, made } = lookUp(memo, 'a,x\nb,x\na,y\nb,z\n', [0]);
    expect(values).toEqual([1, 2, 1, 2]);
    expect(made).toBe(2);
    expect(memo.size).toBe(2);
  });

  it('keys on every cell of the key, and on where the cells split', () => {
    const memo = new ByteMemo();
    // `ab|c` and `a|bc` have the same bytes back to back: the separator keeps them apart.
    const { values } = lookUp(memo, 'ab,c\na,bc\nab,c\n', [0, 1]);
    expect(values).toEqual([1, 2, 1]);
  });

  it('keys an absent column (-1) like an empty cell, as the string view does', () => {
    const memo = new ByteMemo();
    expect(lookUp(memo, 'a,\n', [0, 1]).made).toBe(1);
    expect(lookUp(memo, 'a,\n', [0, -1]).made).toBe(0);
    expect(lookUp(memo, 'a,b\n', [0, -1]).made).toBe(0); // whatever the record holds
  });

  it('hashes long cells by their ends, and still tells apart cells that differ only in the middle', () => {
    const memo = new ByteMemo();
    // Same length, same first and last four bytes: the same hash, so only the byte comparison separates them.
    const { values, made } = lookUp(memo, 'abcdXXXXwxyz\nabcdYYYYwxyz\nabcdXXXXwxyz\nabcdYYYYwxyz\n', [0]);
    expect(values).toEqual([1, 2, 1, 2]);
    expect(made).toBe(2);
  });

  it('takes a quoted cell whose "" is one quote and the same bytes unquoted as two keys', () => {
    const memo = new ByteMemo();
    // `"a""b"` is the text a"b; the unquoted a""b is the text a""b (a quote inside an unquoted cell is literal).
    const { values } = lookUp(memo, '"a""b"\na""b\n"a""b"\n', [0]);
    expect(values).toEqual([1, 2, 1]);
    // A quoted cell without "" is the same text as unquoted: one key.
    expect(lookUp(new ByteMemo(), '"ab"\nab\n', [0]).values).toEqual([1, 1]);
  });

  it('grows and rehashes past its first table without losing a key', () => {
    const memo = new ByteMemo();
    const n = 5000; // well past the first 1024-slot table and 4 KiB arena
    const text = Array.from({ length: n }, (_, i) => `county ${i},precinct ${i * 7919}\n`).join('');
    const first = lookUp(memo, text, [0, 1]);
    expect(first.made).toBe(n);
    expect(memo.size).toBe(n);
    // Again, backwards: every key is found, none made twice.
    const back = Array.from({ length: n }, (_, i) => `county ${n - 1 - i},precinct ${(n - 1 - i) * 7919}\n`).join('');
    const again = lookUp(memo, back, [0, 1]);
    expect(again.made).toBe(0);
    expect(again.values).toEqual(first.values.slice().reverse());
  });

  it('follows the last run of keys as a guess, but never trusts a wrong guess', () => {
    const memo = new ByteMemo();
    // Blocks of A,B,C teach "B follows A"; then A is followed by C, by a longer B, by an empty cell.
    const { values, made } = lookUp(memo, 'A\nB\nC\nA\nB\nC\nA\nC\nA\nBB\nA\n\nA\nB\n', [0]);
    expect(made).toBe(5); // A, B, C, BB, empty
    expect(values).toEqual([1, 2, 3, 1, 2, 3, 1, 3, 1, 10, 1, 12, 1, 2]);
  });
});
