/** The row digest and its table: same cells → same digest on both record views; growth; the limit. */
import { describe, expect, it } from 'vitest';
import { DigestTable } from '../../../../src/layout/rows/digest-table.js';
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
  });
});
