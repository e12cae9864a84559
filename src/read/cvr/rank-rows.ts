/**
 * The rows of a rank-column file → counts of distinct ballots (see PatternCounter). Two ways in:
 * - `plain`, the fast path: bytes with no quote at all, where a record is a line and a field is what lies
 *   between commas. One pass finds the record and the bytes of its ballot fields; a row seen before goes
 *   straight to its count (the row cache), a new one is split and its cells interned. It stops at the first
 *   record holding a quote (or longer than the scanner allows) and says where, so the caller hands the rest
 *   to the scanner;
 * - `record`, a record from the RFC 4180 byte scanner, for everything else.
 * Both give the same ids for the same cells and the same 1-based physical line numbers (\n, \r\n, lone \r).
 */
import { fieldText, type FieldSpans } from '../fast-scan.js';
import { CellIds, EMPTY_CELL, HASH_START, hashStep } from './cell-ids.js';
import { PatternCounter } from './pattern-counter.js';
import { COMMA, CR, LF, QUOTE } from '../csv-bytes.js';

/** The byte scanner's own limit on a record: longer ones go to it, for its error. */
export const MAX_PLAIN_RECORD = 1024 * 1024;
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
/** Past this many distinct rows the row cache stops growing (a file of unique ballots gains nothing from it). */
const MAX_CACHED_ROWS = 100_000;

/** Which fields make a ballot, in path order: the precinct (if any) first, then the rank columns. */
export type HeaderReader = (fields: string[], line: number) => number[];

export class RankRows {
  readonly cells = new CellIds();
  readonly counter = new PatternCounter();
  /** Line of the next record `plain` reads. */
  line = 1;
  private sawHeader = false;
  /** Field index → its place in the path, or -1. */
  private slotOf = new Int32Array(0);
  /** Cell ids of the row being read, in path order. */
  private ids = new Int32Array(0);
  private pathLength = 0;
  private header: string[] = [];
  /**
   * The row cache: the bytes of a row's ballot fields (fields lo to hi, commas included) → its trie node. Rows
   * repeat, so most rows are one hash and one compare; -1 in lo (no header yet, or ballot fields not side by
   * side) reads every row field by field.
   */
  private readonly rowIds = new CellIds();
  private readonly nodeOfRow: number[] = [];
  private lo = -1;
  private hi = -1;

  constructor(private readonly readHeader: HeaderReader) {}

  /** Read the records of `buf[from] .. buf[end - 1]` (whole lines but at the end of the file); returns where it stopped. */
  plain(buf: Uint8Array, from: number, end: number): number {
    let p = from;
    while (p < end) {
      const recordStart = p;
      // first find the record's end and the bytes of its ballot fields (from field `lo` to the end of `hi`)
      const lo = this.lo;
      const hi = this.hi;
      let field = 0;
      let spanStart = lo === 0 ? p : -1;
      let spanEnd = -1;
      for (;;) {
        if (p === end) break;
        const b = buf[p] as number;
        if (b === COMMA) {
          if (field === hi) spanEnd = p;
          field++;
          p++;
          if (field === lo) spanStart = p;
        } else if (b === LF || b === CR) break;
        else if (b === QUOTE) return recordStart;
        else p++;
      }
      if (p - recordStart > MAX_PLAIN_RECORD) return recordStart;
      if (p > recordStart) {
        if (lo < 0 || this.rowIds.texts.length > MAX_CACHED_ROWS) {
          this.parse(buf, recordStart, p);
          this.endRow(this.line);
        } else {
          // a row whose ballot bytes were seen before goes straight to its node: no cell is looked at
          const row = this.rowIds.idOfBytes(buf, spanStart < 0 ? p : spanStart, spanEnd < 0 ? p : spanEnd);
          let node = this.nodeOfRow[row];
          if (node === undefined) {
            this.parse(buf, recordStart, p);
            this.nodeOfRow[row] = node = this.walkTo();
          }
          this.counter.endAt(node, this.line);
        }
      }
      if (p < end && buf[p] === CR && p + 1 < end && buf[p + 1] === LF) p++;
      if (p < end) p++;
      this.line++;
    }
    return end;
  }

  /** Split one quote-free record into fields, interning the ballot's cells (or collecting the header). */
  private parse(buf: Uint8Array, from: number, end: number): void {
    let field = 0;
    let s = from;
    // each cell is hashed as it is read, so interning it only probes the table
    let h = HASH_START;
    this.ids.fill(EMPTY_CELL);
    for (let p = from; p < end; p++) {
      const b = buf[p] as number;
      if (b === COMMA) {
        this.field(field++, buf, s, p, h);
        s = p + 1;
        h = HASH_START;
      } else h = hashStep(h, b);
    }
    this.field(field, buf, s, end, h);
  }

  /** One record from the byte scanner; `lineOffset` is added to its line numbers. */
  record(r: FieldSpans, lineOffset: number): void {
    const line = r.line + lineOffset;
    if (r.count === 1 && r.start[0] === r.end[0]) return; // a blank line
    this.ids.fill(EMPTY_CELL);
    if (!this.sawHeader) {
      this.setHeader(Array.from({ length: r.count }, (_, i) => fieldText(r, i)), line);
      return;
    }
    const slotOf = this.slotOf;
    const n = Math.min(r.count, slotOf.length);
    for (let i = 0; i < n; i++) {
      const slot = slotOf[i] as number;
      if (slot >= 0) this.ids[slot] = this.cells.id(r, i);
    }
    this.walk(line);
  }

  private field(index: number, buf: Uint8Array, s: number, e: number, h: number): void {
    if (!this.sawHeader) this.header.push(decoder.decode(buf.subarray(s, e)));
    else if (index < this.slotOf.length) {
      const slot = this.slotOf[index] as number;
      if (slot >= 0) this.ids[slot] = this.cells.idOfHashed(buf, s, e, h);
    }
  }

  private endRow(line: number): void {
    if (!this.sawHeader) {
      const header = this.header;
      this.header = [];
      this.setHeader(header, line);
    } else this.walk(line);
  }

  private setHeader(fields: string[], line: number): void {
    const path = this.readHeader(fields, line);
    this.slotOf = new Int32Array(fields.length).fill(-1);
    path.forEach((field, slot) => (this.slotOf[field] = slot));
    this.ids = new Int32Array(path.length);
    this.pathLength = path.length;
    // the row cache needs the ballot's fields side by side, in path order (the usual layout)
    const contiguous = path.length > 0 && path.every((field, k) => field === (path[0] as number) + k);
    this.lo = contiguous ? (path[0] as number) : -1;
    this.hi = contiguous ? (path[path.length - 1] as number) : -1;
    this.sawHeader = true;
  }

  private walk(line: number): void {
    this.counter.endAt(this.walkTo(), line);
  }

  /** The trie node of the row in `ids`. */
  private walkTo(): number {
    const counter = this.counter;
    counter.begin();
    for (let k = 0; k < this.pathLength; k++) counter.step(this.ids[k] as number);
    return counter.at();
  }
}
