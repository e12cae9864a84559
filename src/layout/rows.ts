/** Records (cells + line) + Layout → tally additions, exclusions counted per reason, warnings collected. */
import { DataError } from '../errors.js';
import type { Tally } from '../tally.js';
import type { ExclusionReason, Warning } from '../types.js';
import { isGeographyTotal } from './classify.js';
import type { Classified, Layout } from './layout.js';
import { BAD, describeBadVotes, MISSING, parseVotes } from './votes.js';

export interface RowOptions {
  file: string;
  skipBadRows: boolean;
}

/** Lines of a counted warning: the count and the first few places. */
class LineSample {
  count = 0;
  readonly first: number[] = [];
  note(line: number): void {
    this.count++;
    if (this.first.length < 5) this.first.push(line);
  }
  describe(): string {
    return `line${this.first.length > 1 ? 's' : ''} ${this.first.join(', ')}${this.count > this.first.length ? ', …' : ''}`;
  }
}

/**
 * One parsed record, as either parser sees it: csv-parse gives strings, the byte scanner gives spans.
 * RowReader reads records only through this, so both parsers share every rule below.
 */
export interface RecordView {
  readonly count: number;
  /** 1-based line where the record starts. */
  readonly line: number;
  /** The cell, decoded. */
  text(column: number): string;
  /** Length of the raw cell (characters or bytes): cheap, for skipping obvious non-matches. */
  length(column: number): number;
  /** A string equal for two records exactly when their decoded cells in `columns` are equal (-1: absent). */
  key(columns: readonly number[]): string;
  /** parseVotes of the cell: a count, MISSING or BAD. */
  votes(column: number): number;
  allBlank(): boolean;
}

/** A RecordView over csv-parse's array of strings. */
export class StringRecord implements RecordView {
  constructor(
    readonly cells: readonly string[],
    readonly line: number,
  ) {}
  get count(): number {
    return this.cells.length;
  }
  text(column: number): string {
    return this.cells[column] ?? '';
  }
  length(column: number): number {
    return this.text(column).length;
  }
  key(columns: readonly number[]): string {
    return columns.map((c) => (c < 0 ? '' : this.text(c))).join('\u0000');
  }
  votes(column: number): number {
    return parseVotes(this.text(column));
  }
  allBlank(): boolean {
    return this.cells.every((c) => c.trim() === '');
  }
}

export class RowReader {
  rows = 0;
  rowsUsed = 0;
  readonly excluded = new Map<ExclusionReason, number>();
  private readonly cache = new Map<string, Classified>();
  private readonly missing = new LineSample();
  private readonly skipped = new LineSample();

  constructor(
    readonly layout: Layout,
    private readonly tally: Tally,
    private readonly options: RowOptions,
  ) {}

  exclude(reason: ExclusionReason): void {
    this.excluded.set(reason, (this.excluded.get(reason) ?? 0) + 1);
  }

  /** One data record. Blank lines and all-empty footer rows are counted, not errors. */
  record(rec: RecordView): void {
    this.rows++;
    const line = rec.line;
    if (rec.count === 1 && rec.length(0) === 0) return this.exclude('blank-line');
    if (rec.count !== this.layout.headerLength) {
      if (rec.allBlank()) return this.exclude('footer');
      throw new DataError(`expected ${this.layout.headerLength} fields, got ${rec.count}`, { file: this.options.file, line }, 'a comma inside an unquoted value (like 16,165) splits a field; quote such values');
    }
    for (const g of this.layout.geoColumns) {
      const len = rec.length(g);
      // Only short values can be "TOTAL" / "Total Votes": decode nothing on the common path.
      if (len >= 5 && len <= 13 && isGeographyTotal(rec.text(g))) return this.exclude('total-row');
    }
    const cacheKey = rec.key(this.layout.keyColumns);
    let classified = this.cache.get(cacheKey);
    if (!classified) {
      classified = this.layout.classify(this.layout.keyColumns.map((c) => (c < 0 ? '' : rec.text(c))));
      this.cache.set(cacheKey, classified);
    }
    if (classified.kind === 'exclude') {
      if (classified.reason === 'blank-candidate' && rec.allBlank()) return this.exclude('footer');
      return this.exclude(classified.reason);
    }

    let votes = 0;
    let present = 0;
    for (const col of this.layout.voteColumns) {
      const n = rec.votes(col);
      if (n === MISSING) continue;
      if (n === BAD) return this.badRow(rec.text(col), line);
      votes += n;
      present++;
    }
    if (present < this.layout.voteColumns.length) {
      this.missing.note(line);
      return this.exclude('missing-votes');
    }
    this.rowsUsed++;
    const region = this.layout.geoColumns.length > 0 ? rec.text(this.layout.geoColumns[0] ?? 0) : '';
    this.tally.add(classified, votes, region, { file: this.options.file, line });
  }

  private badRow(raw: string, line: number): void {
    if (!this.options.skipBadRows) {
      const { message, hint } = describeBadVotes(raw);
      throw new DataError(message, { file: this.options.file, line }, hint);
    }
    this.skipped.note(line);
    this.exclude('bad-row');
  }

  warnings(): Warning[] {
    const file = this.options.file;
    const out: Warning[] = [];
    if (this.missing.count > 0) {
      out.push({ code: 'missing-votes', file, line: this.missing.first[0] ?? 0, message: `${this.missing.count} row${s(this.missing.count)} with an empty vote cell left out (missing, not zero): ${this.missing.describe()}` });
    }
    if (this.skipped.count > 0) {
      out.push({ code: 'bad-rows-skipped', file, line: this.skipped.first[0] ?? 0, message: `${this.skipped.count} row${s(this.skipped.count)} with unreadable votes skipped (--skip-bad-rows): ${this.skipped.describe()}` });
    }
    return out;
  }
}

function s(n: number): string {
  return n === 1 ? '' : 's';
}
