/** Records (cells + line) + Layout → tally additions, exclusions counted per reason, warnings collected. */
import { DataError } from '../errors.js';
import type { Slot, Tally } from '../tally.js';
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
  /** The first character code (or byte) of the cell, -1 when empty: cheap, like `length`. */
  first(column: number): number;
  /**
   * The value remembered for this record's cells in `columns` (-1: absent), made with `make` the first time
   * those cells are seen. The view owns the memo, so use one view per input.
   */
  memo<T>(columns: readonly number[], make: (rec: RecordView) => T): T;
  /** parseVotes of the cell: a count, MISSING or BAD. */
  votes(column: number): number;
  allBlank(): boolean;
}

/** A RecordView over csv-parse's array of strings; `set` points it at the next record. */
export class StringRecord implements RecordView {
  cells: readonly string[] = [];
  line = 0;
  private readonly memos = new Map<string, unknown>();

  set(cells: readonly string[], line: number): this {
    this.cells = cells;
    this.line = line;
    return this;
  }
  get count(): number {
    return this.cells.length;
  }
  text(column: number): string {
    return this.cells[column] ?? '';
  }
  length(column: number): number {
    return this.text(column).length;
  }
  first(column: number): number {
    return this.text(column).charCodeAt(0) || -1;
  }
  memo<T>(columns: readonly number[], make: (rec: RecordView) => T): T {
    const key = columns.map((c) => (c < 0 ? '' : this.text(c))).join('\u0000');
    let value = this.memos.get(key) as T | undefined;
    if (value === undefined) this.memos.set(key, (value = make(this)));
    return value;
  }
  votes(column: number): number {
    return parseVotes(this.text(column));
  }
  allBlank(): boolean {
    return this.cells.every((c) => c.trim() === '');
  }
}

/** What a distinct key of cells leads to; the slot is found on the first row that adds votes. */
interface Target {
  classified: Classified;
  slot: Slot | null;
}

export class RowReader {
  rows = 0;
  rowsUsed = 0;
  readonly excluded = new Map<ExclusionReason, number>();
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
    const { layout } = this;
    const line = rec.line;
    if (rec.count !== layout.headerLength) {
      if (rec.count === 1 && rec.length(0) === 0) return this.exclude('blank-line');
      if (rec.allBlank()) return this.exclude('footer');
      throw new DataError(`expected ${layout.headerLength} fields, got ${rec.count}`, { file: this.options.file, line }, 'a comma inside an unquoted value (like 16,165) splits a field; quote such values');
    }
    const geo = layout.geoColumns;
    for (let i = 0; i < geo.length; i++) {
      const g = geo[i] as number;
      const len = rec.length(g);
      // Only short values starting with t/T can be "TOTAL" / "Total Votes": decode nothing on the common path.
      if (len >= 5 && len <= 13 && (rec.first(g) | 0x20) === 0x74 && isGeographyTotal(rec.text(g))) return this.exclude('total-row');
    }
    const target = rec.memo(layout.keyColumns, this.makeTarget);
    const { classified } = target;
    if (classified.kind === 'exclude') {
      if (classified.reason === 'blank-candidate' && rec.allBlank()) return this.exclude('footer');
      return this.exclude(classified.reason);
    }

    let votes = 0;
    const columns = layout.voteColumns;
    for (let i = 0; i < columns.length; i++) {
      const n = rec.votes(columns[i] as number);
      if (n < 0) return n === MISSING ? this.missingVotes(line) : this.badRow(rec.text(columns[i] as number), line);
      votes += n;
    }
    this.rowsUsed++;
    const region = this.tally.tracksRegions && geo.length > 0 ? rec.text(geo[0] as number) : '';
    target.slot ??= this.tally.slot(classified, this.options.file, line);
    this.tally.add(target.slot, votes, region, this.options.file, line);
  }

  /** Made once: classifying is per distinct key, so no closure is allocated per row. */
  private readonly makeTarget = (rec: RecordView): Target => ({
    classified: this.layout.classify(this.layout.keyColumns.map((c) => (c < 0 ? '' : rec.text(c)))),
    slot: null,
  });

  /** An empty vote cell (any of a row's vote-type cells): the row is missing, never counted as 0. */
  private missingVotes(line: number): void {
    this.missing.note(line);
    this.exclude('missing-votes');
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
