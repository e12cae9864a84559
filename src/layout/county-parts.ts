/**
 * The per-county counts of every (race, candidate) key, as rows of numbers in fixed-size pages instead of one
 * object each: a part is 48 bytes here, where an object of ten fields was 104 (and a slot in an array beside
 * it). A county-level file has one part per county × race × candidate, so this is most of what it keeps.
 *
 * Pages never move once made (as in rows/digest-table.ts): growing adds a page, so no whole table is copied
 * and no large freed block is left for RSS to keep.
 */
const PAGE_BITS = 15;
const PAGE_MASK = (1 << PAGE_BITS) - 1;
/** Per part: 2 float64 (votes, total) then 8 uint32 (county, race + 1, rows, missing, totalRows, totalLine, line, rowLine). */
const BYTES = 48;
const F64 = BYTES / 8;
const U32 = BYTES / 4;

/** Rows counted: a literal, so the bundle puts it straight into `addRow` (a property of Field is a load per row). */
const ROWS = 6;

/** The uint32 fields, by their offset in a part's 12 words (words 0–3 hold the two float64). */
export const Field = {
  County: 4,
  /** The race index + 1: 0 for an exclusion without a race. */
  Race: 5,
  /** Rows counted. */
  Rows: ROWS,
  /** Rows with an empty vote cell. */
  Missing: 7,
  /** Total rows (blank-candidate, candidate `Total`) and the line of the last one. */
  TotalRows: 8,
  TotalLine: 9,
  /** The first line of this key in this county. */
  Line: 10,
  /** The line of the first row counted (the one a second row of the same key is compared with). */
  RowLine: 11,
} as const;
export type Field = (typeof Field)[keyof typeof Field];

export class PartTable {
  size = 0;
  private readonly f64: Float64Array[] = [];
  private readonly u32: Uint32Array[] = [];

  /** A new part of `county` (its index) for race `race` (-1: none), first seen on `line`. */
  add(county: number, race: number, line: number): number {
    const p = this.size++;
    if ((p & PAGE_MASK) === 0) {
      const page = new ArrayBuffer(BYTES << PAGE_BITS);
      this.f64.push(new Float64Array(page));
      this.u32.push(new Uint32Array(page));
    }
    const u = this.u32[p >>> PAGE_BITS] as Uint32Array;
    const at = (p & PAGE_MASK) * U32;
    u[at + Field.County] = county;
    u[at + Field.Race] = race + 1;
    u[at + Field.Line] = line;
    return p;
  }

  get(p: number, field: Field): number {
    return (this.u32[p >>> PAGE_BITS] as Uint32Array)[(p & PAGE_MASK) * U32 + field] as number;
  }

  set(p: number, field: Field, value: number): void {
    (this.u32[p >>> PAGE_BITS] as Uint32Array)[(p & PAGE_MASK) * U32 + field] = value;
  }

  /** The race index of part `p`, -1 for none. */
  race(p: number): number {
    return this.get(p, Field.Race) - 1;
  }

  votes(p: number): number {
    return (this.f64[p >>> PAGE_BITS] as Float64Array)[(p & PAGE_MASK) * F64] as number;
  }

  total(p: number): number {
    return (this.f64[p >>> PAGE_BITS] as Float64Array)[(p & PAGE_MASK) * F64 + 1] as number;
  }

  /** One more row counted, with its votes. */
  addRow(p: number, votes: number): void {
    const at = (p & PAGE_MASK) * U32;
    const u = this.u32[p >>> PAGE_BITS] as Uint32Array;
    const f = this.f64[p >>> PAGE_BITS] as Float64Array;
    u[at + ROWS] = (u[at + ROWS] as number) + 1;
    f[at >> 1] = (f[at >> 1] as number) + votes;
  }

  /** One more total row, with its votes and line. */
  addTotal(p: number, votes: number, line: number): void {
    const at = (p & PAGE_MASK) * U32;
    const u = this.u32[p >>> PAGE_BITS] as Uint32Array;
    const f = this.f64[p >>> PAGE_BITS] as Float64Array;
    u[at + Field.TotalRows] = (u[at + Field.TotalRows] as number) + 1;
    u[at + Field.TotalLine] = line;
    f[at / 2 + 1] = (f[at / 2 + 1] as number) + votes;
  }

  /** Counts of the same part from a later byte range (pipeline/split.ts): summed, and its last total row is the last. */
  absorb(p: number, rows: number, missing: number, totalRows: number, totalLine: number, votes: number, total: number): void {
    const at = (p & PAGE_MASK) * U32;
    const u = this.u32[p >>> PAGE_BITS] as Uint32Array;
    const f = this.f64[p >>> PAGE_BITS] as Float64Array;
    u[at + Field.Rows] = (u[at + Field.Rows] as number) + rows;
    u[at + Field.Missing] = (u[at + Field.Missing] as number) + missing;
    u[at + Field.TotalRows] = (u[at + Field.TotalRows] as number) + totalRows;
    if (totalRows > 0) u[at + Field.TotalLine] = totalLine;
    f[at / 2] = (f[at / 2] as number) + votes;
    f[at / 2 + 1] = (f[at / 2 + 1] as number) + total;
  }
}
