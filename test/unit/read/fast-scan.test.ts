/**
 * FastCsvScanner against csv-parse (the oracle) and a small string-level model.
 *
 * csv-parse 6 behaviours this file relies on (checked empirically, see the
 * "csv-parse behaviour" block at the bottom):
 * - `record_delimiter: ['\r\n', '\n', '\r']` works and accepts all three mixed
 *   in one file ('\r\n' is tried first, so CR+LF is one delimiter). The
 *   default (auto-discovery) locks onto the first delimiter it sees and then
 *   treats the others as field content, so the array is required.
 * - An empty line is a record `['']`; a trailing record delimiter does not add
 *   an empty record; an empty input gives no records.
 * - `relax_quotes: true` makes a `"` inside an unquoted field literal (what we
 *   want) but ALSO silently accepts a bad closing quote (`"abc"x` → `"abc"x`),
 *   where the scanner throws `bad-quote`. With `relax_quotes: false` csv-parse
 *   throws CSV_INVALID_CLOSING_QUOTE on `"abc"x`, but also
 *   INVALID_OPENING_QUOTE on `John "Jack" Smith`. No single csv-parse option
 *   set matches the scanner's dialect, so:
 *     valid documents     → compared with the relaxed options (as requested);
 *     error documents     → compared with the strict options;
 *     arbitrary fuzz text → compared with a reference parser of the scanner's
 *                           dialect, which is itself checked against csv-parse
 *                           strict / relaxed wherever csv-parse can decide.
 * - Start lines from csv-parse: `info.lines` of a record is the line on which
 *   it ENDS, so "start of record k = info.lines(k-1) + 1" would be natural, but
 *   csv-parse counts a CRLF inside a quoted field as TWO lines (it counts every
 *   CR and every LF while quoting). So the oracle derives start lines from
 *   `info.bytes` instead (byte offset just past record k-1's delimiter) by counting physical line breaks before that offset; the
 *   `info.lines` quirk is asserted separately.
 * - csv-parse reports an unclosed quote at the END of input; the scanner
 *   reports the line where the quote opened, so only "both throw" is compared.
 */
import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { parse } from 'csv-parse/sync';
import type { Options } from 'csv-parse/sync';
import {
  CsvScanError,
  FastCsvScanner,
  fieldText,
  type CsvScanErrorCode,
} from '../../../src/read/fast-scan.js';

const RELAXED: Options = {
  // The scanner reads EF BB BF as data (the reader drops a BOM before it), so csv-parse must too.
  bom: false,
  relax_column_count: true,
  relax_quotes: true,
  record_delimiter: ['\r\n', '\n', '\r'],
  info: true,
};
const STRICT: Options = { ...RELAXED, relax_quotes: false };
const BOM = '\uFEFF';

interface Parsed {
  records: string[][];
  lines: number[];
}

// ---------------------------------------------------------------- helpers

/** Physical line breaks in s: CRLF, CR and LF each count once. */
function breaks(s: string | Uint8Array): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = typeof s === 'string' ? s.charCodeAt(i) : s[i];
    const prev = i === 0 ? -1 : typeof s === 'string' ? s.charCodeAt(i - 1) : s[i - 1];
    if (c === 13 || (c === 10 && prev !== 13)) n++;
  }
  return n;
}

/** Feed bytes to the scanner in chunks of the given sizes (cycled). */
function scan(
  bytes: Uint8Array,
  sizes: readonly number[] = [bytes.length || 1],
  maxRecordSize?: number,
): Parsed & { physicalLines: number } {
  const records: string[][] = [];
  const lines: number[] = [];
  const sc = new FastCsvScanner(
    (r) => {
      const rec: string[] = [];
      for (let i = 0; i < r.count; i++) rec.push(fieldText(r, i));
      records.push(rec);
      lines.push(r.line);
    },
    maxRecordSize === undefined ? {} : { maxRecordSize },
  );
  let pos = 0;
  for (let k = 0; pos < bytes.length; k++) {
    const n = sizes[k % sizes.length]!;
    // Copy each chunk: the scanner must not depend on chunks sharing memory.
    sc.push(Uint8Array.from(bytes.subarray(pos, pos + n)));
    pos += n;
  }
  sc.end();
  return { records, lines, physicalLines: sc.lines };
}

function scanError(bytes: Uint8Array, sizes: readonly number[]): CsvScanError {
  try {
    scan(bytes, sizes);
  } catch (e) {
    if (e instanceof CsvScanError) return e;
    throw e;
  }
  throw new Error('expected CsvScanError, scanner succeeded');
}

/** csv-parse as oracle; start lines derived from info.bytes (see file header). */
function csvParse(bytes: Uint8Array, options: Options): Parsed & { infoLines: number[] } {
  const rows = parse(Buffer.from(bytes), options) as unknown as {
    record: string[];
    info: { lines: number; bytes: number };
  }[];
  let prevEnd = 0;
  const lines: number[] = [];
  for (const row of rows) {
    lines.push(1 + breaks(bytes.subarray(0, prevEnd)));
    prevEnd = row.info.bytes;
  }
  return {
    records: rows.map((r) => r.record),
    lines,
    // Naive derivation from info.lines: start(k) = info.lines(k-1) + 1.
    infoLines: rows.map((_, k) => (k === 0 ? 1 : rows[k - 1]!.info.lines + 1)),
  };
}

function csvParseErrorCode(bytes: Uint8Array, options: Options): string | undefined {
  try {
    parse(Buffer.from(bytes), options);
    return undefined;
  } catch (e) {
    return (e as { code?: string }).code ?? 'non-csv-error';
  }
}

const utf8 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'utf8'));

// ---------------------------------------------------------------- generators

const unit = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(',', '"', '\r', '\n', '\r\n', '""') },
  {
    weight: 4,
    arbitrary: fc.constantFrom('a', 'Z', '7', ' ', '\t', 'é', 'e\u0301', '中', '😀', '👨‍👩‍👧', '\u00a0'),
  },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
);
const cellArb = fc.string({ unit, maxLength: 8 });
/** auto: quote only if needed; quote: always; raw: write unquoted even with `"` inside when possible. */
const styleArb = fc.constantFrom('auto', 'quote', 'raw');
type Style = 'auto' | 'quote' | 'raw';
const recordArb = (styles: fc.Arbitrary<Style>) =>
  fc.record({
    cells: fc.array(fc.record({ text: cellArb, style: styles }), { minLength: 1, maxLength: 6 }),
    delim: fc.constantFrom('\n', '\r\n', '\r'),
  });
const chunkSizesArb = fc.oneof(
  fc.constant([1]),
  fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 6 }),
  fc.array(fc.integer({ min: 1, max: 200 }), { minLength: 1, maxLength: 6 }),
);
type Rec = { cells: { text: string; style: Style }[]; delim: string };

function encodeCell(text: string, style: Style): string {
  const special = /[",\r\n]/.test(text);
  if (style === 'raw' && !/[,\r\n]/.test(text) && !text.startsWith('"') && !text.startsWith(BOM)) return text;
  if (style === 'quote' || special) return `"${text.replaceAll('"', '""')}"`;
  return text;
}

interface Doc {
  text: string;
  expected: string[][];
  lines: number[];
  /** CRLFs inside quoted fields before each record (csv-parse counts each as 2 lines). */
  quotedCrlfBefore: number[];
}

/** RFC 4180 serialization plus the expected parse (the model). */
function serialize(recs: Rec[], finalNewline: boolean): Doc {
  let text = '';
  let line = 1;
  let crlf = 0;
  const expected: string[][] = [];
  const lines: number[] = [];
  const quotedCrlfBefore: number[] = [];
  recs.forEach((rec, k) => {
    const last = k === recs.length - 1;
    let body = rec.cells.map((c) => encodeCell(c.text, c.style)).join(',');
    // An empty line at EOF vanishes, and one right after a CR would merge
    // with it into CRLF: write such a record as `""` instead.
    const prevDelim = k > 0 ? recs[k - 1]!.delim : '';
    if (body === '' && ((last && !finalNewline) || (prevDelim === '\r' && rec.delim === '\n'))) body = '""';
    const delim = !last || finalNewline ? rec.delim : '';
    expected.push(rec.cells.map((c) => c.text));
    lines.push(line);
    quotedCrlfBefore.push(crlf);
    line += breaks(body + delim);
    for (const c of rec.cells) crlf += c.text.split('\r\n').length - 1;
    text += body + delim;
  });
  return { text, expected, lines, quotedCrlfBefore };
}

/**
 * Reference parser for the scanner's exact dialect, on JS strings.
 * Quotes inside unquoted fields are literal; a closing quote must be
 * followed by `,`, CR, LF or EOF.
 */
type RefResult =
  | ({ ok: true } & Parsed)
  | { ok: false; code: CsvScanErrorCode; line: number };
function refParse(input: string): RefResult {
  const s = input; // a leading U+FEFF is data, as in the scanner
  const n = s.length;
  const records: string[][] = [];
  const lines: number[] = [];
  let line = 1;
  let i = 0;
  const isEnd = (j: number) => j >= n || s[j] === ',' || s[j] === '\r' || s[j] === '\n';
  while (i < n) {
    const rec: string[] = [];
    const recLine = line;
    for (;;) {
      let field = '';
      if (s[i] === '"') {
        const openLine = line;
        i++;
        for (;;) {
          if (i >= n) return { ok: false, code: 'unclosed-quote', line: openLine };
          const c = s[i]!;
          if (c === '"') {
            if (s[i + 1] === '"') {
              field += '"';
              i += 2;
              continue;
            }
            i++;
            break;
          }
          if (c === '\r' || (c === '\n' && s[i - 1] !== '\r')) line++;
          field += c;
          i++;
        }
        if (!isEnd(i)) return { ok: false, code: 'bad-quote', line };
      } else {
        while (!isEnd(i)) field += s[i++];
      }
      rec.push(field);
      if (s[i] !== ',') break;
      i++;
    }
    records.push(rec);
    lines.push(recLine);
    if (i < n) {
      i += s[i] === '\r' && s[i + 1] === '\n' ? 2 : 1;
      line++;
    }
  }
  return { ok: true, records, lines };
}

// ---------------------------------------------------------------- properties

describe('FastCsvScanner vs csv-parse', () => {
  test.prop(
    {
      recs: fc.array(recordArb(styleArb), { maxLength: 12 }),
      finalNewline: fc.boolean(),
      sizes: chunkSizesArb,
    },
    { numRuns: 300 },
  )('valid documents: same records and start lines as csv-parse and the model', ({ recs, finalNewline, sizes }) => {
    const doc = serialize(recs, finalNewline);
    const bytes = utf8(doc.text);

    const got = scan(bytes, sizes);
    const oracle = csvParse(bytes, RELAXED);

    expect(got.records).toEqual(oracle.records);
    expect(got.lines).toEqual(oracle.lines);
    expect(got.records).toEqual(doc.expected);
    expect(got.lines).toEqual(doc.lines);
    // csv-parse's own info.lines counts each quoted CRLF twice.
    expect(oracle.infoLines).toEqual(doc.lines.map((l, k) => l + doc.quotedCrlfBefore[k]!));

    const body = doc.text;
    const trailing = body.length > 0 && !/[\r\n]$/.test(body) ? 1 : 0;
    expect(got.physicalLines).toBe(breaks(body) + trailing);
  });

  test.prop(
    {
      recs: fc.array(recordArb(fc.constantFrom<Style>('auto', 'quote')), { minLength: 1, maxLength: 8 }),
      finalNewline: fc.boolean(),
      target: fc.nat(),
      kind: fc.constantFrom('unclosed', 'bad-close'),
      junk: fc.constantFrom('x', ' ', '\t', 'é', '😀', "'"),
      sizes: chunkSizesArb,
    },
    { numRuns: 200 },
  )('documents that make csv-parse (strict) throw make the scanner throw', (p) => {
    // Pick a cell; force it quoted and corrupt it.
    const cellsTotal = p.recs.reduce((a, r) => a + r.cells.length, 0);
    let t = p.target % cellsTotal;
    let rk = 0;
    while (t >= p.recs[rk]!.cells.length) t -= p.recs[rk++]!.cells.length;
    const recs = p.recs.slice(0, p.kind === 'unclosed' ? rk + 1 : undefined);
    const before = serialize(recs.slice(0, rk), true);
    const rec = recs[rk]!;
    const head = rec.cells.slice(0, t).map((c) => encodeCell(c.text, c.style));
    const cell = rec.cells[t]!.text;
    const prefix = before.text + head.map((h) => h + ',').join('');
    const opened = prefix + '"' + cell.replaceAll('"', '""');
    const openLine = 1 + breaks(prefix);

    let text: string;
    let code: CsvScanErrorCode;
    let line: number;
    if (p.kind === 'unclosed') {
      text = opened; // EOF inside the quoted field
      code = 'unclosed-quote';
      line = openLine;
    } else {
      const tail = rec.cells.slice(t + 1).map((c) => ',' + encodeCell(c.text, c.style));
      const after = serialize(p.recs.slice(rk + 1), p.finalNewline);
      const delim = rk < p.recs.length - 1 || p.finalNewline ? rec.delim : '';
      text = opened + '"' + p.junk + tail.join('') + delim + after.text;
      code = 'bad-quote';
      line = 1 + breaks(opened);
    }
    const bytes = utf8(text);

    const strictCode = csvParseErrorCode(bytes, STRICT);
    expect(strictCode).toBe(code === 'unclosed-quote' ? 'CSV_QUOTE_NOT_CLOSED' : 'CSV_INVALID_CLOSING_QUOTE');
    if (code === 'unclosed-quote') expect(csvParseErrorCode(bytes, RELAXED)).toBe('CSV_QUOTE_NOT_CLOSED');

    const err = scanError(bytes, p.sizes);
    expect(err.code).toBe(code);
    expect(err.line).toBe(line);
  });

  const fuzzText = fc
    .tuple(
      fc.boolean(),
      fc.array(fc.constantFrom('a', 'é', '😀', ',', ',', '"', '"', '"', '\r', '\n', '\r\n', ' '), { maxLength: 40 }),
    )
    .map(([bom, parts]) => (bom ? BOM : '') + parts.join(''));

  test.prop({ text: fuzzText, sizes: chunkSizesArb }, { numRuns: 300 })(
    'arbitrary text: scanner == reference parser, reference agrees with csv-parse where it can decide',
    ({ text, sizes }) => {
      const bytes = utf8(text);
      const ref = refParse(text);

      // 1. The scanner implements the reference dialect exactly (errors and their lines too).
      let got: RefResult;
      try {
        const r = scan(bytes, sizes);
        got = { ok: true, records: r.records, lines: r.lines };
      } catch (e) {
        if (!(e instanceof CsvScanError)) throw e;
        got = { ok: false, code: e.code, line: e.line };
      }
      expect(got).toEqual(ref);

      // 2. The reference dialect agrees with csv-parse.
      const strictCode = csvParseErrorCode(bytes, STRICT);
      if (strictCode === undefined) {
        const strict = csvParse(bytes, STRICT);
        expect(ref).toEqual({ ok: true, records: strict.records, lines: strict.lines });
      } else if (strictCode === 'CSV_INVALID_CLOSING_QUOTE') {
        expect(ref).toMatchObject({ ok: false, code: 'bad-quote' });
      } else if (strictCode === 'CSV_QUOTE_NOT_CLOSED') {
        expect(ref).toMatchObject({ ok: false, code: 'unclosed-quote' });
      } else {
        // A quote inside an unquoted field: only relaxed csv-parse reads on.
        expect(strictCode).toBe('INVALID_OPENING_QUOTE');
        const relaxedCode = csvParseErrorCode(bytes, RELAXED);
        if (ref.ok) {
          const relaxed = csvParse(bytes, RELAXED);
          expect(ref).toEqual({ ok: true, records: relaxed.records, lines: relaxed.lines });
        } else if (ref.code === 'unclosed-quote') {
          // relaxed csv-parse may have silently accepted an earlier bad closing quote
          expect(relaxedCode).toBe('CSV_QUOTE_NOT_CLOSED');
        }
        // ref bad-quote: relaxed csv-parse accepts bad closing quotes, nothing to compare.
      }
    },
  );
});

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
