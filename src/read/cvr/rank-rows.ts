/**
 * The rows of a rank-column file → counts of distinct ballots (see PatternCounter). Two ways in:
 * - `plain`, the fast path: bytes with no quote at all, where a record is a line and a field is what lies
 *   between commas, so one pass over the bytes both splits and interns; it stops at the first record holding
 *   a quote (or longer than the scanner allows) and says where, so the caller hands the rest to the scanner;
 * - `record`, a record from the RFC 4180 byte scanner, for everything else.
 * Both give the same ids for the same cells and the same 1-based physical line numbers (\n, \r\n, lone \r).
 */
import { fieldText, type FieldSpans } from '../fast-scan.js';
import { CellIds, EMPTY_CELL, HASH_START, hashStep } from './cell-ids.js';
import { PatternCounter } from './pattern-counter.js';

const COMMA = 0x2c;
const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
/** The byte scanner's own limit on a record: longer ones go to it, for its error. */
export const MAX_PLAIN_RECORD = 1024 * 1024;
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

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

  constructor(private readonly readHeader: HeaderReader) {}

  get started(): boolean {
    return this.sawHeader;
  }

  /** Read the records of `buf[from] .. buf[end - 1]` (whole lines unless `final`); returns where it stopped. */
  plain(buf: Uint8Array, from: number, end: number): number {
    let p = from;
    while (p < end) {
      const recordStart = p;
      let field = 0;
      let s = p;
      // each cell is hashed as it is read, so interning it only probes the table
      let h = HASH_START;
      this.ids.fill(EMPTY_CELL);
      for (;;) {
        if (p === end) break;
        const b = buf[p] as number;
        if (b === COMMA) {
          this.field(field++, buf, s, p, h);
          s = ++p;
          h = HASH_START;
        } else if (b === LF || b === CR) break;
        else if (b === QUOTE) return recordStart;
        else {
          h = hashStep(h, b);
          p++;
        }
      }
      if (p - recordStart > MAX_PLAIN_RECORD) return recordStart;
      const blank = field === 0 && s === p;
      if (!blank) this.field(field, buf, s, p, h);
      if (p < end && buf[p] === CR && p + 1 < end && buf[p + 1] === LF) p++;
      if (p < end) p++;
      if (!blank) this.endRow(this.line);
      this.line++;
    }
    return end;
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
    this.sawHeader = true;
  }

  private walk(line: number): void {
    const counter = this.counter;
    counter.begin();
    for (let k = 0; k < this.pathLength; k++) counter.step(this.ids[k] as number);
    counter.end(line);
  }
}
