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
import { describe, expect } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { CsvScanError, FastCsvScanner, type CsvScanErrorCode } from '../../../src/read/fast-scan.js';
import {
  BOM,
  RELAXED,
  type RefResult,
  STRICT,
  type Style,
  breaks,
  chunkSizesArb,
  csvParse,
  csvParseErrorCode,
  encodeCell,
  recordArb,
  refParse,
  scan,
  scanError,
  serialize,
  styleArb,
  utf8,
} from './fast-scan-oracle.js';

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
