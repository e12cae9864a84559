/**
 * Records whose shape is not the header's: blank lines, empty rows, one-cell footnotes and rows cut short or
 * split by a comma in an unquoted number, or by a space before an opening quote; and unnamed header
 * columns (an empty header cell) that hold data.
 * RowReader asks only when a record's field count is off, so the common path pays nothing here.
 */
import { DataError } from '../../model/errors.js';
import type { ExclusionReason, Warning } from '../../model/types.js';
import { LineSample, plural as s } from '../line-sample.js';
import type { RecordView } from '../../read/record-view.js';
import { BAD, parseVotes } from '../../read/votes.js';

/** RowShape's notes as data. */
export interface ShapeDump {
  width: number;
  footnotes: { count: number; first: readonly number[] };
  footnote: { line: number; count: number } | null;
  unnamedData: { line: number; column: number; value: string } | null;
}

export class RowShape {
  /**
   * The field count a record must have to be read as data: the header's, or -1 after a one-cell footnote, so
   * that every later record comes here, where a data row after the "footnote" makes it an error.
   */
  width: number;
  /** Unnamed header columns still to look at: null once one held data (one warning per file), or when none. */
  unnamed: number[] | null;
  private unnamedData: { line: number; column: number; value: string } | null = null;
  /** One-cell footnotes (`"* Active Voters are …"` alone on a line): footers once no data row follows them. */
  private readonly footnotes = new LineSample();
  /** The first footnote, which a later data row turns into a short row: its line and field count. */
  private footnote: { line: number; count: number } | null = null;

  constructor(
    private readonly headerLength: number,
    unnamedColumns: number[],
    private readonly file: string,
  ) {
    this.width = headerLength;
    this.unnamed = unnamedColumns.length > 0 ? unnamedColumns : null;
  }

  /**
   * A record whose field count is not the header's, or any record after a one-cell footnote: the reason to
   * leave it out, or an error. Blank lines and all-empty rows are skipped anywhere. A footnote — text in the
   * first cell only, and not a number — is a footer only after the last data row: should a data row follow
   * it, it was a short row, and the error names the footnote's line. So no row in the middle of the data is
   * ever skipped as a footnote.
   */
  unusual(rec: RecordView): ExclusionReason {
    if (rec.count === 1 && rec.length(0) === 0) return 'blank-line';
    if (rec.allBlank()) return 'footer';
    if (isFootnote(rec)) {
      this.footnote ??= { line: rec.line, count: rec.count };
      this.footnotes.note(rec.line);
      this.width = -1;
      return 'footer';
    }
    const first = this.footnote;
    if (first) {
      throw new DataError(`expected ${this.headerLength} fields, got ${first.count}`, { file: this.file, line: first.line }, `text in the first cell only is a footnote only after the last data row, and line ${rec.line} has data`);
    }
    throw this.fieldCountError(rec);
  }

  private fieldCountError(rec: RecordView): DataError {
    const expected = this.headerLength;
    let hint: string;
    const spaced = Array.from({ length: rec.count }, (_, i) => i).find((i) => /^[ \t]+"/.test(rec.text(i)));
    if (spaced !== undefined) {
      hint = `field ${spaced + 1} starts with a space before its opening quote, which makes the quote literal text (so a comma inside splits the field): remove the space, as in …,"1,000"`;
    } else if (rec.count > expected) {
      hint = 'a comma inside an unquoted value (like 16,165) splits a field; quote such values';
    } else {
      hint = 'the row has fewer fields than the header: a delimiter missing, or the row cut short?';
    }
    return new DataError(`expected ${expected} fields, got ${rec.count}`, { file: this.file, line: rec.line }, hint);
  }

  /** Whether a record of the header's width would be read as data here (not after a footnote). */
  get open(): boolean {
    return this.width === this.headerLength;
  }

  /** What a later byte range noted, for a merge (rows/handoff.ts): its footnotes and its unnamed column's data. */
  dump(): ShapeDump {
    return { width: this.width, footnotes: this.footnotes, footnote: this.footnote, unnamedData: this.unnamedData };
  }

  /** The notes of a later byte range, whose line 1 is line `base + 1`: read after this one's, as one pass reads them. */
  absorb(d: ShapeDump, base: number): void {
    this.width = d.width;
    this.footnotes.absorb(d.footnotes, base);
    if (d.footnote) this.footnote ??= { line: d.footnote.line + base, count: d.footnote.count };
    // The first unnamed cell with data is said: this range's, if it had one, else the later one's.
    if (this.unnamed !== null && d.unnamedData) {
      this.unnamedData = { ...d.unnamedData, line: d.unnamedData.line + base };
      this.unnamed = null;
    }
  }

  /** An unnamed column with data: remembered once for a warning (the column is not read). */
  lookUnnamed(rec: RecordView): void {
    for (const c of this.unnamed ?? []) {
      if (rec.length(c) === 0) continue;
      const value = rec.text(c).trim();
      if (value === '') continue;
      this.unnamedData = { line: rec.line, column: c, value };
      this.unnamed = null;
      return;
    }
  }

  unnamedWarning(): Warning | null {
    if (!this.unnamedData) return null;
    const { line, column, value } = this.unnamedData;
    const shown = JSON.stringify(value.length > 20 ? `${value.slice(0, 20)}…` : value);
    return { code: 'unnamed-column', file: this.file, line, message: `column ${column + 1} is unnamed (an empty header cell) but holds data (${shown} on line ${line}); it is ignored` };
  }

  /** What the footer warning adds about footnotes, out of `n` footer rows. */
  footnoteNote(n: number): string {
    const k = this.footnotes.count;
    if (k === 0) return '';
    return `, ${k === n ? (k === 1 ? 'a' : 'all') : `${k} of them`} one-cell footnote${s(k)} after the data: ${this.footnotes.describe()}`;
  }
}

/** Text in the first cell only, and not a vote count (a lone number is a row cut short, never a footnote). */
function isFootnote(rec: RecordView): boolean {
  for (let i = 1; i < rec.count; i++) if (rec.length(i) > 0 && rec.text(i).trim() !== '') return false;
  return parseVotes(rec.text(0)) === BAD;
}

/** An empty row, or a footnote: text in the first cell at most (Boulder's "* Active Voters are …"). */
export function restBlank(rec: RecordView): boolean {
  for (let i = 1; i < rec.count; i++) if (rec.length(i) > 0 && rec.text(i).trim() !== '') return false;
  return rec.count > 1 || rec.allBlank();
}
