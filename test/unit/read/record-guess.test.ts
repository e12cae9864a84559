/**
 * Guesses at records (RecordGuess): a scanner that takes the fields of a guess it has checked must give what
 * a scanner without guesses gives, byte for byte: records, lines, errors and their lines. And what is built on
 * them (the key memo, which skips its lookup when the scanner found a guess's key; the cell trackers) must
 * answer alike.
 */
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { CsvScanError, FastCsvScanner, fieldText } from '../../../src/read/fast-scan.js';
import { SpanRecord } from '../../../src/read/span-record.js';
import { chunkSizesArb, utf8 } from './fast-scan-oracle.js';
import { runs } from '../../support/runs.js';

interface Seen {
  records: string[][];
  lines: number[];
  /** Per record: the memo's value for its key (the first line the key was seen on), and the trackers' answers. */
  keys: number[];
  same: (boolean | null)[];
  error: { code: string; line: number } | null;
  /** Records whose fields the scanner took from a guess. */
  guessed: number;
}

/**
 * Scan `bytes` in chunks of `sizes`; per record look its `key` columns up in the view's memo and ask the
 * trackers of `place` whether the cells are as before (only on the records `ask` picks, so the trackers'
 * previous call is not always the previous record).
 */
function read(bytes: Uint8Array, sizes: readonly number[], guessing: boolean, key: number[], place: number[], ask: (k: number) => boolean): Seen {
  const seen: Seen = { records: [], lines: [], keys: [], same: [], error: null, guessed: 0 };
  const view = new SpanRecord(guessing);
  const scanner = new FastCsvScanner(
    (r) => {
      view.r = r;
      const k = seen.records.length;
      seen.records.push(Array.from({ length: r.count }, (_, i) => fieldText(r, i)));
      seen.lines.push(r.line);
      if (r.guess !== null) seen.guessed++;
      // As the row reader asks: only of records as wide as the header, so every column asked of is there.
      const full = Math.max(...key, ...place) < r.count;
      seen.keys.push(full ? view.memo(key, (rec) => rec.line) : -1);
      seen.same.push(full && ask(k) ? view.lastCells(place).same() : null);
    },
    guessing ? { predictor: view } : {},
  );
  try {
    let pos = 0;
    for (let k = 0; pos < bytes.length; k++) {
      const n = sizes[k % sizes.length] as number;
      scanner.push(Uint8Array.from(bytes.subarray(pos, pos + n)));
      pos += n;
    }
    scanner.end();
  } catch (e) {
    if (!(e instanceof CsvScanError)) throw e;
    seen.error = { code: e.code, line: e.line };
  }
  return seen;
}

/** Rows of a results file with a few places and keys that repeat, in cells quoted or not, with quotes, CRs and LFs inside. */
const cell = fc.constantFrom('a', 'Cobb', '', ' ', '"x"', 'x"y', 'a,b', 'é', 'l\nm', 'c\rd', '""', 'TOTAL', 'Cobb', 'Bibb', 'b', '7');
const encoded = fc.tuple(cell, fc.constantFrom('auto', 'quote', 'raw')).map(([t, style]) => {
  const special = /[",\r\n]/.test(t);
  if (style === 'quote' || (style === 'auto' && special)) return `"${t.replaceAll('"', '""')}"`;
  return t; // raw: may be bad CSV (a quote at the start, a comma or line break inside): errors must match too
});
/**
 * A document like a precinct file, but of arbitrary cells: blocks of rows, each row the block's place cells,
 * then key cells from a pool (mostly in the pool's order, as a precinct file repeats its races), then a last
 * cell. Sometimes a row of another width. So guesses are made, and mostly right.
 */
const document = fc.tuple(fc.integer({ min: 0, max: 2 }), fc.integer({ min: 1, max: 3 })).chain(([placeWidth, keyWidth]) => {
  const width = placeWidth + keyWidth + 1;
  const cells = (n: number): fc.Arbitrary<string[]> => fc.array(encoded, { minLength: n, maxLength: n });
  return fc.record({
    text: fc
      .tuple(
        fc.array(cells(placeWidth), { minLength: 1, maxLength: 4 }),
        fc.array(cells(keyWidth), { minLength: 1, maxLength: 5 }),
        fc.array(fc.array(encoded, { minLength: 1, maxLength: 7 }), { minLength: 1, maxLength: 2 }),
        fc.array(fc.tuple(fc.nat(20), encoded), { maxLength: 60 }),
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.boolean(),
      )
      .map(([places, keys, odd, picks, eol, last]) => {
        let place = 0;
        let key = -1;
        const rows = picks.map(([p, tail]) => {
          if (p === 0) return (odd[p % odd.length] as string[]).join(',');
          if (p === 1) place = (place + 1) % places.length;
          key = p === 2 ? p % keys.length : (key + 1) % keys.length;
          return [...(places[place] as string[]), ...(keys[key] as string[]), tail].join(',');
        });
        return rows.join(eol) + (last ? eol : '');
      }),
    // The key cells (as a results file's key), or any columns.
    key: fc.oneof(
      fc.shuffledSubarray(Array.from({ length: keyWidth }, (_, k) => placeWidth + k), { minLength: keyWidth }),
      fc.array(fc.integer({ min: -1, max: width - 1 }), { minLength: 1, maxLength: 4 }),
    ),
    place: fc.array(fc.nat(width - 1), { minLength: 1, maxLength: 2 }),
  });
});

describe('the scanner with guesses', () => {
  let guessed = 0;

  test.prop({ doc: document, sizes: fc.oneof(chunkSizesArb, fc.constant([1 << 16])), pick: fc.nat(3) }, { numRuns: runs(4000) })(
    'gives the records, lines and errors of the scanner without them; memo and trackers answer alike',
    ({ doc, sizes, pick }) => {
      const bytes = utf8(doc.text);
      const ask = (k: number): boolean => pick === 0 || k % (pick + 1) !== 0;
      const plain = read(bytes, sizes, false, doc.key, doc.place, ask);
      const guessing = read(bytes, sizes, true, doc.key, doc.place, ask);
      expect(plain.guessed).toBe(0);
      guessed += guessing.guessed;
      expect({ ...guessing, guessed: 0 }).toEqual(plain);
    },
  );

  it('took fields from guesses in the runs above (so the comparison compared something)', () => {
    expect(guessed).toBeGreaterThan(runs(4000) / 8);
  });

  it('takes the place from the row before and the key from the run before, on most rows of a precinct file', () => {
    const rows: string[] = ['county,precinct,office,party,candidate,votes'];
    for (let p = 0; p < 50; p++) {
      for (const [party, name] of [['DEM', '"Ossoff, Jon"'], ['REP', 'Karen Handel'], ['IND', '"Bob ""B"" Gray"']]) rows.push(`Cobb,P${p},US House,${party},${name},${p * 7}`);
    }
    const bytes = utf8(rows.join('\r\n') + '\r\n');
    const seen = read(bytes, [bytes.length], true, [2, 3, 4], [0, 1], () => true);
    expect(seen.records[4]).toEqual(['Cobb', 'P1', 'US House', 'DEM', 'Ossoff, Jon', '7']);
    expect(seen.records[5]?.[4]).toBe('Karen Handel');
    // Rows 2 and 3 of every place from the third on: a key's guess is made when it is seen again (the second
    // place), and the first row of a place differs from the row before in its place cells.
    expect(seen.guessed).toBe(48 * 2);
    expect(seen).toEqual({ ...read(bytes, [bytes.length], false, [2, 3, 4], [0, 1], () => true), guessed: seen.guessed });
  });

  it('keeps guesses for thousands of keys (past its first arena and tables), each found again', () => {
    const rows: string[] = [];
    for (let p = 0; p < 3; p++) for (let k = 0; k < 3000; k++) rows.push(`P${p},"race ${k}, seat ${k % 7}",cand${k},${k}`);
    const bytes = utf8(rows.join('\n') + '\n');
    const guessing = read(bytes, [1 << 16], true, [1, 2], [0], () => true);
    // The third place: every row but its first, less one per 64 KiB chunk (a record split across two chunks).
    expect(guessing.guessed).toBeGreaterThan(2999 - Math.ceil(bytes.length / (1 << 16)) * 2);
    expect(guessing.records[8999]).toEqual(['P2', 'race 2999, seat 3', 'cand2999', '2999']);
    expect({ ...guessing, guessed: 0 }).toEqual(read(bytes, [1 << 16], false, [1, 2], [0], () => true));
  });

  it('leaves a tracker that was not asked about every record to compare bytes, and it answers as without guesses', () => {
    const rows = Array.from({ length: 12 }, (_, k) => `P${Math.floor(k / 3)},k${k % 3},${k}`);
    const bytes = utf8(rows.join('\n') + '\n');
    // Not asked on the first row of a place: on its second, the tracker last saw the place before.
    const ask = (k: number): boolean => k % 3 !== 0;
    const plain = read(bytes, [bytes.length], false, [1], [0], ask);
    const guessing = read(bytes, [bytes.length], true, [1], [0], ask);
    expect(guessing.guessed).toBe(4); // rows 2 and 3 of the third and fourth places
    expect(guessing.same).toEqual([null, false, true, null, false, true, null, false, true, null, false, true]);
    expect({ ...guessing, guessed: 0 }).toEqual(plain);
  });

  it('scans a record that holds a guess only in part, or ends where the guess goes on', () => {
    const text = 'a,k1,1\na,k2,2\na,k1,3\na,k2,4\na,k1,5\na,k2\na,k1,"6"\na,k2,7,8\nb,k1,9\na,k2x,1\n';
    const bytes = utf8(text);
    const plain = read(bytes, [bytes.length], false, [1], [0], () => true);
    const guessing = read(bytes, [bytes.length], true, [1], [0], () => true);
    expect({ ...guessing, guessed: 0 }).toEqual(plain);
    expect(guessing.records[5]).toEqual(['a', 'k2']);
    expect(guessing.records[7]).toEqual(['a', 'k2', '7', '8']);
    expect(guessing.guessed).toBeGreaterThan(2);
  });

  it('counts the line breaks of a guessed record cut by a chunk\'s end once, when it is scanned again', () => {
    // The fourth record is guessed (its place and key as before), has a CR in a quoted cell, and runs past the
    // first chunk of 63 bytes: scanned again from its start, its CR must not count twice (the fifth record is on line 6).
    const bytes = utf8('"""x""",a,Cobb\r\n"""x""",a,TOTAL\r\n"""x""",a,"a,b"\r\n"""x""",a,"c\rd"\r\na');
    const plain = read(bytes, [63], false, [1], [0], () => true);
    const guessing = read(bytes, [63], true, [1], [0], () => true);
    expect(plain.lines).toEqual([1, 2, 3, 4, 6]);
    expect(guessing.guessed).toBeGreaterThan(0);
    expect({ ...guessing, guessed: 0 }).toEqual(plain);
  });

  it('tells keys apart whose eight bytes are +0 and -0 as float64 (compared as such, they are equal)', () => {
    // Both keys end alike (`zzzzzzz,`, compared first); their first eight bytes differ only in the sign bit.
    const plus = Buffer.from('\0\0\0\0\0\0\0\0zzzzzzz', 'latin1');
    const minus = Buffer.from('\0\0\0\0\0\0\0\x80zzzzzzz', 'latin1');
    // minus followed plus, so the last row, plus again, is guessed to hold minus (seen twice, so guessed at).
    const rows = [plus, minus, plus, minus, plus, plus].map((key, k) => Buffer.concat([Buffer.from('a,'), key, Buffer.from(`,${k}\n`)]));
    const bytes = Uint8Array.from(Buffer.concat(rows));
    const plain = read(bytes, [bytes.length], false, [1], [0], () => true);
    const guessing = read(bytes, [bytes.length], true, [1], [0], () => true);
    expect(guessing.keys).toEqual([1, 2, 1, 2, 1, 1]);
    expect(guessing.guessed).toBe(1); // the fifth row, plus after minus
    expect({ ...guessing, guessed: 0 }).toEqual(plain);
  });
});
