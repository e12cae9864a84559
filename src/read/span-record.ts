/**
 * The byte scanner's records as RecordViews: cells are spans of bytes, decoded only when a rule needs their
 * text (a new race/candidate key, a possible TOTAL row, an unusual vote cell).
 */
import { ByteMemo } from './byte-memo.js';
import { fieldText, type FieldSpans, type RecordGuess, type RecordPredictor } from './fast-scan.js';
import { type CellTracker, type RecordView, Trackers } from './record-view.js';
import { countOf, parseVotes, type CellVotes } from './votes.js';
import type { RowDigest } from './row-digest.js';
import { QUOTE } from './csv-bytes.js';

/** The scanner's span object, which it reuses for every record: the view and its trackers read it through this. */
interface Current {
  r: FieldSpans;
}

/** A memo of the values keyed by some columns' cells. */
interface ColumnsMemo {
  readonly columns: readonly number[];
  readonly memo: ByteMemo;
}

/**
 * Also the scanner's predictor (see RecordGuess): the next record is guessed from the memo asked last, which
 * on a results file is the race-and-candidate key: the key that followed this one last time, after the cells
 * of the row before.
 */
export class SpanRecord implements RecordView, Current, RecordPredictor {
  r!: FieldSpans;
  /** One memo per columns array: two keys of different columns never meet. */
  private readonly memos: Trackers<ColumnsMemo>;
  private lastMemo: ByteMemo | null = null;
  private readonly trackers = new Trackers<CellTracker>((columns) => (columns.length === 1 ? new LastCell(this, columns) : new LastCells(this, columns)));

  /** @param guessing whether the records come straight from the scanner, which asks this view for guesses. */
  constructor(guessing = false) {
    this.memos = new Trackers((columns) => ({ columns, memo: new ByteMemo(guessing) }));
  }

  next(): RecordGuess | null {
    return this.lastMemo === null ? null : this.lastMemo.guess();
  }

  get count(): number {
    return this.r.count;
  }
  get line(): number {
    return this.r.line;
  }
  get seq(): number {
    return this.r.seq;
  }
  get sameLead(): number {
    return this.r.sameLead;
  }
  text(column: number): string {
    return column < this.r.count ? fieldText(this.r, column) : '';
  }
  length(column: number): number {
    return (this.r.end[column] ?? 0) - (this.r.start[column] ?? 0);
  }
  first(column: number): number {
    const s = this.r.start[column] ?? 0;
    return s < (this.r.end[column] ?? 0) ? (this.r.buf[s] ?? -1) : -1;
  }
  memo<T>(columns: readonly number[], make: (rec: RecordView) => T): T {
    const memo = this.memos.get(columns).memo;
    this.lastMemo = memo;
    return memo.get(this.r, columns, make, this);
  }
  votes(column: number): CellVotes {
    const { buf, start, end } = this.r;
    const s = start[column] ?? 0;
    const e = end[column] ?? 0;
    // Plain digits (the common case) straight from bytes; anything else through the one parser. 15 digits
    // are always below 2^53, so the sum is exact.
    if (e > s && e - s <= 15) {
      let n = 0;
      for (let i = s; i < e; i++) {
        const d = (buf[i] ?? 0) - 48;
        if (d < 0 || d > 9) return parseVotes(this.text(column));
        n = n * 10 + d;
      }
      return countOf(n);
    }
    return parseVotes(this.text(column));
  }
  lastCells(columns: readonly number[]): CellTracker {
    return this.trackers.get(columns);
  }
  /** Exactly `text(f).trim() === ''` for every cell, as StringRecord has it (rare rows only: no need to be fast). */
  allBlank(): boolean {
    const { buf, start, end, count } = this.r;
    for (let f = 0; f < count; f++) {
      for (let i = start[f] ?? 0; i < (end[f] ?? 0); i++) {
        const b = buf[i] ?? 0;
        if (b >= 0x80) {
          if (this.text(f).trim() !== '') return false;
          break;
        }
        if (b !== 0x20 && (b < 0x09 || b > 0x0d)) return false;
      }
    }
    return true;
  }
  /** Over the raw bytes, which are the cell's UTF-8 (checked), but with `""` as one quote in an escaped cell. */
  digest(into: RowDigest): void {
    const { buf, start, end, escaped, count } = this.r;
    into.reset();
    for (let f = 0; f < count; f++) {
      const e = end[f] as number;
      const unescape = escaped[f] === 1;
      for (let i = start[f] as number; i < e; i++) {
        const b = buf[i] as number;
        into.byte(b);
        if (b === QUOTE && unescape) i++;
      }
      into.cellEnd();
    }
    into.finish();
  }
}

/**
 * One cell of the previous call, kept as bytes: the tracker of a single column (the county; the precinct of
 * most precinct files), asked on every record, so it is the short special case of LastCells.
 */
export class LastCell implements CellTracker {
  private bytes = new Uint8Array(64);
  /** The cell's length × 2 + its `escaped` flag: the same bytes are other text when `""` is one quote, not two. */
  private key = -1;
  private readonly column: number;

  constructor(
    private readonly view: Current,
    readonly columns: readonly number[],
  ) {
    this.column = columns[0] as number;
  }

  same(): boolean {
    const r = this.view.r;
    const column = this.column;
    const buf = r.buf;
    const s = r.start[column] as number;
    const n = (r.end[column] as number) - s;
    const key = n * 2 + (r.escaped[column] as number);
    if (key !== this.key) return this.remember(buf, s, n, key);
    const last = this.bytes;
    for (let i = 0; i < n; i++) if (last[i] !== buf[s + i]) return this.remember(buf, s, n, key);
    return true;
  }

  /** Out of line, so `same` stays small enough to inline; no subarray: a Buffer view costs more than the copy. */
  private remember(buf: Uint8Array, s: number, n: number, key: number): false {
    if (n > this.bytes.length) this.bytes = new Uint8Array(n * 2);
    for (let i = 0; i < n; i++) this.bytes[i] = buf[s + i] as number;
    this.key = key;
    return false;
  }
}

/** Several cells of the previous call (`ward,precinct`): their bytes back to back, and per cell its length × 2 + `escaped`. */
export class LastCells implements CellTracker {
  private cells = new Uint8Array(64);
  private readonly keys: Int32Array;

  constructor(
    private readonly view: Current,
    readonly columns: readonly number[],
  ) {
    this.keys = new Int32Array(columns.length).fill(-1);
  }

  same(): boolean {
    const { buf, start, end, escaped } = this.view.r;
    const columns = this.columns;
    let at = 0;
    for (let k = 0; k < columns.length; k++) {
      const c = columns[k] as number;
      const s = start[c] as number;
      const n = (end[c] as number) - s;
      if (n * 2 + (escaped[c] as number) !== this.keys[k]) return this.remember();
      for (let i = 0; i < n; i++) if (this.cells[at + i] !== buf[s + i]) return this.remember();
      at += n;
    }
    return true;
  }

  private remember(): false {
    const { buf, start, end, escaped } = this.view.r;
    const columns = this.columns;
    let total = 0;
    for (const c of columns) total += (end[c] as number) - (start[c] as number);
    if (total > this.cells.length) this.cells = new Uint8Array(total * 2);
    let at = 0;
    for (let k = 0; k < columns.length; k++) {
      const c = columns[k] as number;
      const s = start[c] as number;
      const n = (end[c] as number) - s;
      for (let i = 0; i < n; i++) this.cells[at + i] = buf[s + i] as number;
      this.keys[k] = n * 2 + (escaped[c] as number);
      at += n;
    }
    return false;
  }
}
