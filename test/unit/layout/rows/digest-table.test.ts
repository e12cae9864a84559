/** The row digest and its table: same cells → same digest on both record views; growth, long chains, first lines; the limit. */
import { describe, expect, it } from 'vitest';
import { DigestTable } from '../../../../src/layout/rows/digest-table.js';
import { FirstLines } from '../../../../src/layout/rows/first-lines.js';
import { RowDigest } from '../../../../src/read/row-digest.js';
import { DataError } from '../../../../src/model/errors.js';
import { decoderFor } from '../../../../src/read/decode.js';
import { scanRecords } from '../../../../src/read/parse-fast.js';
import { StringRecord, type RecordView } from '../../../../src/read/record-view.js';
import { parseRecords } from '../../../../src/read/parse-csv.js';

type Lanes = [number, number, number];

async function* once(csv: string): AsyncGenerator<Buffer> {
  yield Buffer.from(csv);
}

/** The digest of every record of `csv`, through the byte scanner's view or csv-parse's. */
async function digests(csv: string, view: 'span' | 'string'): Promise<Lanes[]> {
  const d = new RowDigest();
  const out: Lanes[] = [];
  const take = (rec: RecordView): void => {
    rec.digest(d);
    out.push([d.a, d.b, d.c]);
  };
  if (view === 'span') await scanRecords(once(csv), 'f.csv', take);
  else {
    const rec = new StringRecord();
    await parseRecords(once(csv), await decoderFor('utf-8'), { file: 'f.csv', delimiter: ',' }, (cells, line) => take(rec.set(cells, line)));
  }
  return out;
}

function digestOf(cells: string[]): RowDigest {
  const d = new RowDigest();
  new StringRecord().set(cells, 1).digest(d);
  return d;
}

const key = (l: Lanes): string => l.join(':');

describe('RowDigest', () => {
  const csv = ['ab,c', 'a,bc', 'abc', 'ab,c', 'ab,d', '"ab",c', '"a""b",c', 'a""b,c', '"Zoë Ångström, Jr.",𝔘', 'Zoë Ångström,𝔘', ',,', ',', '"a,b"', 'a,b'].join('\n');

  it('is the same on both record views, record by record (quotes, escaped quotes, UTF-8 of 2 and 4 bytes)', async () => {
    const span = await digests(csv, 'span');
    expect(span).toHaveLength(14);
    expect(await digests(csv, 'string')).toEqual(span);
  });

  it('tells apart cells shifted across a comma, one byte changed, escaped quotes and empty cells', async () => {
    const d = (await digests(csv, 'span')).map(key);
    expect(d[0]).toBe(d[3]); // ab,c twice
    expect(d[0]).toBe(d[5]); // "ab",c: the same text
    expect(new Set([d[0], d[1], d[2], d[4]]).size).toBe(4); // ab,c  a,bc  abc  ab,d
    expect(d[6]).not.toBe(d[7]); // the text a"b is not a""b
    expect(d[10]).not.toBe(d[11]); // three empty cells are not two
    expect(d[12]).not.toBe(d[13]); // one cell "a,b" is not two
    expect(d[8]).not.toBe(d[9]);
  });
});

describe('DigestTable', () => {
  it('gives the first line of a row seen before, and 0 for a new one', () => {
    const t = new DigestTable();
    expect(t.lineOf(digestOf(['FL', 'Murphy', '183113']), 2, 'f.csv')).toBe(0);
    expect(t.lineOf(digestOf(['FL', 'Miller', '134285']), 3, 'f.csv')).toBe(0);
    expect(t.lineOf(digestOf(['FL', 'Murphy', '183113']), 4, 'f.csv')).toBe(2);
    expect(t.lineOf(digestOf(['FL', 'Murphy', '183114']), 5, 'f.csv')).toBe(0);
    expect(t.lineOf(digestOf(['FL', 'Murphy', '183113']), 6, 'f.csv')).toBe(2);
    expect(t.size).toBe(3);
  });

  it('keeps every row and its line through many doublings of its buckets and several pages', () => {
    const t = new DigestTable();
    const n = 150_000;
    const d = new RowDigest();
    const row = (i: number): RowDigest => {
      d.reset();
      d.text(`row ${i}`);
      d.finish();
      return d;
    };
    let wrong = 0;
    for (let i = 0; i < n; i++) if (t.lineOf(row(i), i + 2, 'f.csv') !== 0) wrong++;
    expect(t.size).toBe(n);
    for (let i = 0; i < n; i += 7) if (t.lineOf(row(i), n + 2 + i, 'f.csv') !== i + 2) wrong++;
    expect(wrong).toBe(0);
    expect(t.size).toBe(n);
  });

  it('tells apart digests that share a bucket at every size, through doublings of the buckets', () => {
    const t = new DigestTable();
    const d = new RowDigest();
    const lanes = (i: number): RowDigest => {
      // Every 8th row has the same low 24 bits of lane a (the bucket bits, at any size): one chain of 2,500;
      // the others spread. Lanes b and c tell them apart.
      d.a = i % 8 === 0 ? (0x00d1e995 | ((i & 0xff) << 24)) >>> 0 : Math.imul(i, 0x85ebca6b) >>> 0;
      d.b = Math.imul(i, 0x9e3779b1) >>> 0;
      d.c = i;
      return d;
    };
    const n = 20_000;
    let wrong = 0;
    for (let i = 0; i < n; i++) if (t.lineOf(lanes(i), 3 * i + 2, 'f.csv') !== 0) wrong++;
    for (let i = n - 1; i >= 0; i -= 3) if (t.lineOf(lanes(i), 3 * n + 9, 'f.csv') !== 3 * i + 2) wrong++;
    expect(wrong).toBe(0);
    expect(t.size).toBe(n);
    // Lanes a and b of row 8 with another lane c: a new row.
    lanes(8);
    d.c = 9;
    expect(t.lineOf(d, 3 * n + 10, 'f.csv')).toBe(0);
  });

  it('forgets every row when released, and works on from empty', () => {
    const t = new DigestTable();
    for (let i = 0; i < 20_000; i++) t.lineOf(digestOf([`${i}`]), i + 2, 'f.csv');
    t.release();
    expect(t.size).toBe(0);
    expect(t.lineOf(digestOf(['7']), 30_000, 'f.csv')).toBe(0);
    expect(t.lineOf(digestOf(['7']), 30_001, 'f.csv')).toBe(30_000);
    expect(t.size).toBe(1);
  });

  it('stops with a DataError and a way out past its limit, never running out of memory', () => {
    const t = new DigestTable(3);
    for (let i = 0; i < 3; i++) t.lineOf(digestOf([`${i}`]), i + 2, 'f.csv');
    expect(t.lineOf(digestOf(['1']), 9, 'f.csv')).toBe(3); // a repeat is still found at the limit
    let error: unknown;
    try {
      t.lineOf(digestOf(['new']), 10, 'f.csv');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).message).toBe('more than 3 distinct rows: too many to check for exact duplicates in memory');
    expect((error as DataError).hint).toMatch(/split the file/);
    // A head keeps its entry in 24 bits: a larger limit is a bug, refused at once.
    expect(() => new DigestTable(2 ** 24)).toThrow(/at most/);
  });
});

describe('FirstLines', () => {
  it('gives each row its line from the change points: gaps, runs, and lines past 2³²', () => {
    const lines = new FirstLines();
    // Rows 0–2 on lines 2–4; a blank line; rows 3–4 on 6–7; a record over three lines (8–10) is row 5, so row 6
    // is on 11; then rows 7… every other line (a copy after each), and a row far down a huge file.
    const at = [2, 3, 4, 6, 7, 8, 11, 13, 15, 17, 19];
    at.forEach((line, id) => lines.add(id, line));
    lines.add(at.length, 2 ** 32 + 5);
    lines.add(at.length + 1, 2 ** 32 + 6);
    expect(at.map((_, id) => lines.lineOf(id))).toEqual(at);
    expect([lines.lineOf(at.length), lines.lineOf(at.length + 1)]).toEqual([2 ** 32 + 5, 2 ** 32 + 6]);
    // Points only where line − row changes: 2, 6 (blank), 11 (the long record), 13, 15, 17, 19, the far one.
    expect(lines.points).toBe(8);
  });

  it('keeps one point for a file without gaps, and finds lines across many pages of points', () => {
    const run = new FirstLines();
    for (let id = 0; id < 100_000; id++) run.add(id, id + 2);
    expect(run.points).toBe(1);
    expect([run.lineOf(0), run.lineOf(99_999)]).toEqual([2, 100_001]);
    // A blank line after every row: a point per row, over several pages.
    const gaps = new FirstLines();
    for (let id = 0; id < 20_000; id++) gaps.add(id, 2 * id + 2);
    expect(gaps.points).toBe(20_000);
    let wrong = 0;
    for (let id = 0; id < 20_000; id++) if (gaps.lineOf(id) !== 2 * id + 2) wrong++;
    expect(wrong).toBe(0);
  });
});
