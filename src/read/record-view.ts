/** A parsed record as both parsers present it: the only way RowReader reads cells. */
import { parseVotes } from './votes.js';
import type { RowDigest } from '../layout/rows/row-digest.js';

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
  /**
   * Whether the cell holds what it held at the previous call (for any record): cheap, so a column that
   * changes rarely (the county of a sorted file) is looked up only when it changes. Track one column per view.
   */
  sameAsLast(column: number): boolean;
  /** `sameAsLast` with a memory of its own, for the (first) precinct column (the county keeps `sameAsLast`). */
  samePrecinctAsLast(column: number): boolean;
  /** The same, for several cells at once, with a third memory (the other precinct columns: `ward,precinct`). */
  sameCellsAsLast(columns: readonly number[]): boolean;
  allBlank(): boolean;
  /**
   * The record's digest into `into` (reset, fed every cell, finished): the same for the same decoded cells
   * whichever parser read them, so duplicate rows are found without keeping them.
   */
  digest(into: RowDigest): void;
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
    // Length-prefixed, so no cell content (a NUL, say) can make two different keys equal.
    let key = `${columns.length}`;
    for (const c of columns) {
      const t = c < 0 ? '' : this.text(c);
      key += `|${t.length}:${t}`;
    }
    let value = this.memos.get(key) as T | undefined;
    if (value === undefined) this.memos.set(key, (value = make(this)));
    return value;
  }
  votes(column: number): number {
    return parseVotes(this.text(column));
  }
  private readonly lastCounty = new LastText();
  private readonly lastPrecinct = new LastText();
  sameAsLast(column: number): boolean {
    return this.lastCounty.same(this.text(column));
  }
  samePrecinctAsLast(column: number): boolean {
    return this.lastPrecinct.same(this.text(column));
  }
  private lastCells: string[] | null = null;
  sameCellsAsLast(columns: readonly number[]): boolean {
    const now = columns.map((c) => this.text(c));
    if (this.lastCells?.every((t, i) => t === now[i])) return true;
    this.lastCells = now;
    return false;
  }
  allBlank(): boolean {
    return this.cells.every((c) => c.trim() === '');
  }
  digest(into: RowDigest): void {
    into.reset();
    for (let i = 0; i < this.cells.length; i++) into.text(this.cells[i] as string);
    into.finish();
  }
}

/** One cell of the previous record: the string twin of fast-records.ts's LastCell. */
class LastText {
  private value: string | null = null;

  same(text: string): boolean {
    if (text === this.value) return true;
    this.value = text;
    return false;
  }
}
