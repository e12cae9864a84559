/** A parsed record as both parsers present it: the only way the layout code reads cells. */
import { isCount, parseVotes, type CellVotes } from './votes.js';
import type { RowDigest } from './row-digest.js';

/**
 * Some cells of the record a view was at when `same` was last called, remembered without a string per record
 * on the byte path. Cheap, so a column that changes rarely (the county of a sorted file, the precinct of a
 * precinct file) is looked up only when it changes.
 */
export interface CellTracker {
  readonly columns: readonly number[];
  /** Whether the view's current record holds in `columns` what it held at the previous call (false the first time). */
  same(): boolean;
}

/**
 * One parsed record, as either parser sees it: csv-parse gives strings, the byte scanner gives spans.
 * RowReader reads records only through this, so both parsers share every rule below.
 */
export interface RecordView {
  readonly count: number;
  /** 1-based line where the record starts. */
  readonly line: number;
  /**
   * The record's number in its read (from 1), and how many of its leading cells are the previous record's,
   * byte for byte, as the scanner found them (FieldSpans.sameLead). 0 and 0 when the parser does not know.
   */
  readonly seq: number;
  readonly sameLead: number;
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
  votes(column: number): CellVotes;
  /**
   * The tracker of the cells in `columns`, made on the first call with that array and handed out again for the
   * same array (by identity: two arrays with the same columns get two trackers, each with its own memory).
   * Pass an array kept for the whole input, not one made per record.
   */
  lastCells(columns: readonly number[]): CellTracker;
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
  readonly seq = 0;
  readonly sameLead = 0;
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
  votes(column: number): CellVotes {
    return parseVotes(this.text(column));
  }
  private readonly trackers = new Trackers((columns) => new LastTexts(this, columns));
  lastCells(columns: readonly number[]): CellTracker {
    return this.trackers.get(columns);
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

/** The cells of the previous call, as strings: csv-parse has made them anyway. */
class LastTexts implements CellTracker {
  private readonly last: (string | null)[];

  constructor(
    private readonly view: StringRecord,
    readonly columns: readonly number[],
  ) {
    this.last = columns.map(() => null);
  }

  same(): boolean {
    let same = true;
    for (let k = 0; k < this.columns.length; k++) {
      const text = this.view.text(this.columns[k] as number);
      if (text !== this.last[k]) {
        this.last[k] = text;
        same = false;
      }
    }
    return same;
  }
}

/**
 * A view's trackers (or memos), found by the identity of their columns array: a linear search over the two or
 * three a reader asks for costs less than a Map lookup per record.
 */
export class Trackers<T extends { readonly columns: readonly number[] }> {
  private readonly list: T[] = [];

  constructor(private readonly make: (columns: readonly number[]) => T) {}

  get(columns: readonly number[]): T {
    const list = this.list;
    if (list.length > 0 && (list[0] as T).columns === columns) return list[0] as T;
    for (let k = 1; k < list.length; k++) {
      const t = list[k] as T;
      if (t.columns !== columns) continue;
      // First from now on: a reader asks one list (the race-and-candidate key) on almost every record.
      list[k] = list[0] as T;
      list[0] = t;
      return t;
    }
    // A few per reader; dozens means an array made per record, and a memory that never matches.
    if (list.length >= MAX_TRACKERS) throw new Error(`lastCells: more than ${MAX_TRACKERS} column lists; pass the same array for every record`);
    const made = this.make(columns);
    list.push(made);
    return made;
  }
}

const MAX_TRACKERS = 16;

/** The sum of a part's vote cells, or -1 when one is empty or unreadable (only for checks, never counted). */
export function sumVotes(rec: RecordView, columns: readonly number[]): number {
  let votes = 0;
  for (const c of columns) {
    const n = rec.votes(c);
    if (!isCount(n)) return -1;
    votes += n;
  }
  return votes;
}
