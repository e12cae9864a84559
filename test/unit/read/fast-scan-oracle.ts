/**
 * The oracles the byte scanner is checked against (csv-parse, a reference parser of its dialect, a serializer
 * that knows the expected parse) and the generators of documents; see fast-scan.test.ts for why each is needed.
 */
import { fc } from '@fast-check/vitest';
import { parse } from 'csv-parse/sync';
import type { Options } from 'csv-parse/sync';
import { CsvScanError, FastCsvScanner, fieldText, type CsvScanErrorCode } from '../../../src/read/fast-scan.js';

export const RELAXED: Options = {
  // The scanner reads EF BB BF as data (the reader drops a BOM before it), so csv-parse must too.
  bom: false,
  relax_column_count: true,
  relax_quotes: true,
  record_delimiter: ['\r\n', '\n', '\r'],
  info: true,
};
export const STRICT: Options = { ...RELAXED, relax_quotes: false };
export const BOM = '\uFEFF';

export interface Parsed {
  records: string[][];
  lines: number[];
}

// ---------------------------------------------------------------- helpers

/** Physical line breaks in s: CRLF, CR and LF each count once. */
export function breaks(s: string | Uint8Array): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = typeof s === 'string' ? s.charCodeAt(i) : s[i];
    const prev = i === 0 ? -1 : typeof s === 'string' ? s.charCodeAt(i - 1) : s[i - 1];
    if (c === 13 || (c === 10 && prev !== 13)) n++;
  }
  return n;
}

/** Feed bytes to the scanner in chunks of the given sizes (cycled). */
export function scan(
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

export function scanError(bytes: Uint8Array, sizes: readonly number[]): CsvScanError {
  try {
    scan(bytes, sizes);
  } catch (e) {
    if (e instanceof CsvScanError) return e;
    throw e;
  }
  throw new Error('expected CsvScanError, scanner succeeded');
}

/** csv-parse as oracle; start lines derived from info.bytes (see file header). */
export function csvParse(bytes: Uint8Array, options: Options): Parsed & { infoLines: number[] } {
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

export function csvParseErrorCode(bytes: Uint8Array, options: Options): string | undefined {
  try {
    parse(Buffer.from(bytes), options);
    return undefined;
  } catch (e) {
    return (e as { code?: string }).code ?? 'non-csv-error';
  }
}

export const utf8 = (s: string): Uint8Array => new Uint8Array(Buffer.from(s, 'utf8'));

// ---------------------------------------------------------------- generators

export const unit = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(',', '"', '\r', '\n', '\r\n', '""') },
  {
    weight: 4,
    arbitrary: fc.constantFrom('a', 'Z', '7', ' ', '\t', 'é', 'e\u0301', '中', '😀', '👨‍👩‍👧', '\u00a0'),
  },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }) },
);
export const cellArb = fc.string({ unit, maxLength: 8 });
/** auto: quote only if needed; quote: always; raw: write unquoted even with `"` inside when possible. */
export const styleArb = fc.constantFrom('auto', 'quote', 'raw');
export type Style = 'auto' | 'quote' | 'raw';
export const recordArb = (styles: fc.Arbitrary<Style>) =>
  fc.record({
    cells: fc.array(fc.record({ text: cellArb, style: styles }), { minLength: 1, maxLength: 6 }),
    delim: fc.constantFrom('\n', '\r\n', '\r'),
  });
export const chunkSizesArb = fc.oneof(
  fc.constant([1]),
  fc.array(fc.integer({ min: 1, max: 7 }), { minLength: 1, maxLength: 6 }),
  fc.array(fc.integer({ min: 1, max: 200 }), { minLength: 1, maxLength: 6 }),
);
export type Rec = { cells: { text: string; style: Style }[]; delim: string };

export function encodeCell(text: string, style: Style): string {
  const special = /[",\r\n]/.test(text);
  if (style === 'raw' && !/[,\r\n]/.test(text) && !text.startsWith('"') && !text.startsWith(BOM)) return text;
  if (style === 'quote' || special) return `"${text.replaceAll('"', '""')}"`;
  return text;
}

export interface Doc {
  text: string;
  expected: string[][];
  lines: number[];
  /** CRLFs inside quoted fields before each record (csv-parse counts each as 2 lines). */
  quotedCrlfBefore: number[];
}

/** RFC 4180 serialization plus the expected parse (the model). */
export function serialize(recs: Rec[], finalNewline: boolean): Doc {
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
export type RefResult =
  | ({ ok: true } & Parsed)
  | { ok: false; code: CsvScanErrorCode; line: number };
export function refParse(input: string): RefResult {
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
