/** FastCsvScanner by example: chunk boundaries, line numbers, limits and errors; and the csv-parse quirks it is matched against. */
import { describe, expect, it } from 'vitest';
import { CsvScanError, FastCsvScanner, fieldText } from '../../../src/read/fast-scan.js';
import {
  BOM,
  type Parsed,
  RELAXED,
  STRICT,
  csvParse,
  csvParseErrorCode,
  scan,
  scanError,
  utf8,
} from './fast-scan-oracle.js';

// ---------------------------------------------------------------- examples

describe('FastCsvScanner examples', () => {
  const bytesOf = (...parts: (string | number[])[]) =>
    parts.map((p) => (typeof p === 'string' ? utf8(p) : Uint8Array.from(p)));

  function scanChunks(chunks: Uint8Array[]): Parsed {
    const records: string[][] = [];
    const lines: number[] = [];
    const sc = new FastCsvScanner((r) => {
      records.push(Array.from({ length: r.count }, (_, i) => fieldText(r, i)));
      lines.push(r.line);
    });
    for (const c of chunks) sc.push(c);
    sc.end();
    return { records, lines };
  }

  it('reads a BOM as data: the reader drops it once, before either parser', () => {
    expect(scanChunks(bytesOf([0xef], [0xbb], [0xbf, 0x61], ',b\nc')).records).toEqual([['\uFEFFa', 'b'], ['c']]);
    expect(scanChunks(bytesOf('\uFEFF\uFEFFa')).records).toEqual([['\uFEFF\uFEFFa']]);
  });

  it('handles CRLF split across chunks, outside and inside quotes', () => {
    expect(scanChunks(bytesOf('a\r', '\nb\r', '\n', '\r', '\nc'))).toEqual({
      records: [['a'], ['b'], [''], ['c']],
      lines: [1, 2, 3, 4],
    });
    expect(scanChunks(bytesOf('"x\r', '\ny",1\r', '\nz'))).toEqual({
      records: [['x\r\ny', '1'], ['z']],
      lines: [1, 3],
    });
  });

  it('handles "" split across chunks', () => {
    expect(scanChunks(bytesOf('"a"', '"b"', '"', '"', ',c')).records).toEqual([['a"b"', 'c']]);
  });

  it('splits multi-byte characters across chunks', () => {
    const all = utf8('é😀,"中,😀"\n');
    expect(scanChunks(Array.from(all, (b) => Uint8Array.of(b))).records).toEqual([['é😀', '中,😀']]);
  });

  it('counts \\n, \\r\\n and lone \\r as one line each, mixed', () => {
    expect(scan(utf8('a\nb\r\nc\rd\n"e\rf\r\ng\nh"\ni'))).toMatchObject({
      records: [['a'], ['b'], ['c'], ['d'], ['e\rf\r\ng\nh'], ['i']],
      lines: [1, 2, 3, 4, 5, 9],
      physicalLines: 9,
    });
  });

  it('gives an empty line a record with one empty field', () => {
    const r = scan(utf8('a\n\nb\r\n\r\n\r\rc\n\n'));
    expect(r.records).toEqual([['a'], [''], ['b'], [''], [''], [''], ['c'], ['']]);
    expect(r.lines).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(r.records).toEqual(csvParse(utf8('a\n\nb\r\n\r\n\r\rc\n\n'), RELAXED).records);
  });

  it('emits the last record without a final newline, and no extra record with one', () => {
    expect(scan(utf8('a,b\nc,d')).records).toEqual([['a', 'b'], ['c', 'd']]);
    expect(scan(utf8('a,b\nc,d\n')).records).toEqual([['a', 'b'], ['c', 'd']]);
    expect(scan(utf8('a,')).records).toEqual([['a', '']]);
    expect(scan(utf8('"a"')).records).toEqual([['a']]);
    expect(scan(utf8('""')).records).toEqual([['']]);
    expect(scan(utf8('')).records).toEqual([]);
  });

  it('keeps quotes inside unquoted fields literal', () => {
    expect(scan(utf8('John "Jack" Smith,a""b,c"\n')).records).toEqual([['John "Jack" Smith', 'a""b', 'c"']]);
  });

  it('sets escaped only for quoted fields with doubled quotes', () => {
    const seen: number[][] = [];
    const sc = new FastCsvScanner((r) => seen.push(Array.from(r.escaped.subarray(0, r.count))));
    sc.push(utf8('"a""b","c",d""e\n'));
    sc.end();
    expect(seen).toEqual([[1, 0, 0]]);
  });

  it('reports an unclosed quote at the line where it opened', () => {
    const e = scanError(utf8('a\nb\n"c\nd\r\ne,f\n'), [3]);
    expect(e).toMatchObject({ code: 'unclosed-quote', line: 3 });
    expect(csvParseErrorCode(utf8('a\nb\n"c\nd\r\ne,f\n'), RELAXED)).toBe('CSV_QUOTE_NOT_CLOSED');
  });

  it('reports a bad closing quote with its line', () => {
    expect(scanError(utf8('a\n"b\nc"x,d\n'), [1])).toMatchObject({ code: 'bad-quote', line: 3 });
    expect(scanError(utf8('"abc" ,1'), [100])).toMatchObject({ code: 'bad-quote', line: 1 });
  });

  it('fails fast with record-too-large on a huge unclosed field, without buffering it', () => {
    const max = 1024;
    const chunk = new Uint8Array(64).fill(0x78); // 'x'
    let pushed = 0;
    let err: unknown;
    const sc = new FastCsvScanner(() => {}, { maxRecordSize: max });
    try {
      sc.push(utf8('id,name\n1,"'));
      for (; pushed < 1024 * 1024; pushed += chunk.length) sc.push(chunk);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(CsvScanError);
    expect(err).toMatchObject({ code: 'record-too-large', line: 2 });
    expect(pushed).toBeLessThanOrEqual(max); // stopped after ~maxRecordSize bytes, not 1 MB
    // the scanner is dead afterwards
    expect(() => sc.push(chunk)).toThrow(CsvScanError);

    // a single 1 MB chunk fails too (the scan stops at the limit)
    const big = new Uint8Array(1024 * 1024).fill(0x78);
    big[0] = 0x22;
    const sc2 = new FastCsvScanner(() => {}, { maxRecordSize: max });
    expect(() => sc2.push(big)).toThrow(expect.objectContaining({ code: 'record-too-large', line: 1 }));
  });

  it('allows records of exactly maxRecordSize bytes (delimiter excluded), in any chunking', () => {
    const ok = 'x'.repeat(8) + '\n' + '"' + 'y'.repeat(6) + '"\r\n' + 'z'.repeat(8);
    for (const n of [1, 3, 100]) {
      expect(scan(utf8(ok), [n], 8).records).toEqual([['x'.repeat(8)], ['y'.repeat(6)], ['z'.repeat(8)]]);
    }
    for (const text of ['a\n' + 'x'.repeat(9) + '\n', 'a\n' + 'x'.repeat(9), '"' + 'y'.repeat(7) + '"']) {
      for (const n of [1, 4, 100]) {
        expect(() => scan(utf8(text), [n], 8)).toThrow(expect.objectContaining({ code: 'record-too-large' }));
      }
    }
  });

  it('grows span arrays for wide records spanning chunks', () => {
    const row = Array.from({ length: 300 }, (_, i) => (i % 3 === 0 ? `"f,${i}"` : `f${i}`)).join(',');
    const r = scan(utf8(`${row}\n${row}`), [7, 1, 50]);
    const want = Array.from({ length: 300 }, (_, i) => (i % 3 === 0 ? `f,${i}` : `f${i}`));
    expect(r.records).toEqual([want, want]);
  });

  it('keeps the sink spans valid for records that straddle chunks', () => {
    const b = utf8('county,votes\nFulton,12\nCobb,7\n');
    const sums: number[] = [];
    for (let n = 1; n <= b.length; n++) {
      let sum = 0;
      const sc = new FastCsvScanner((r) => {
        let v = 0;
        for (let i = r.start[1]!; i < r.end[1]!; i++) v = v * 10 + (r.buf[i]! - 48);
        if (r.line > 1) sum += v;
      });
      for (let i = 0; i < b.length; i += n) sc.push(b.subarray(i, i + n));
      sc.end();
      sums.push(sum);
    }
    expect(new Set(sums)).toEqual(new Set([19]));
  });

  it('rejects use after end() and bad options', () => {
    const sc = new FastCsvScanner(() => {});
    sc.end();
    expect(() => sc.push(utf8('a'))).toThrow();
    expect(() => new FastCsvScanner(() => {}, { maxRecordSize: 0 })).toThrow(RangeError);
  });
});

describe('csv-parse behaviour the scanner is matched against', () => {
  it('needs the record_delimiter array for mixed line endings', () => {
    const mixed = utf8('a\nb\r\nc\rd');
    expect(csvParse(mixed, RELAXED).records).toEqual([['a'], ['b'], ['c'], ['d']]);
    const { record_delimiter: _dropped, ...auto } = RELAXED;
    expect(csvParse(mixed, auto).records).not.toEqual([['a'], ['b'], ['c'], ['d']]);
  });

  it('accepts a bad closing quote when relax_quotes is true, rejects it when false', () => {
    expect(csvParse(utf8('"abc"x,2'), RELAXED).records).toEqual([['"abc"x', '2']]);
    expect(csvParseErrorCode(utf8('"abc"x,2'), STRICT)).toBe('CSV_INVALID_CLOSING_QUOTE');
    expect(csvParseErrorCode(utf8('John "Jack" Smith,2'), STRICT)).toBe('INVALID_OPENING_QUOTE');
  });

  it('counts a CRLF inside a quoted field as two lines in info.lines', () => {
    const p = csvParse(utf8('"x\r\ny",z\r\nw'), RELAXED);
    expect(p.lines).toEqual([1, 3]); // derived from info.bytes: physical lines
    expect(p.infoLines).toEqual([1, 4]); // derived from info.lines: off by one
  });
});
