/**
 * The rows seen so far, as digests: a set of fixed-size entries, so memory grows with the number of distinct
 * rows (18 to 20 bytes each, heads included), never with their text.
 *
 * An entry is 16 bytes: lanes a, b, c of the digest and the next entry of its bucket. The line where the row
 * was first seen is not kept per entry: entries are made in file order, so first-lines.ts recovers it from
 * the few places where line − entry changes. Entries are appended to fixed-size pages that never move.
 * Buckets are chains from an array of heads (entry + 1; 0: empty), indexed by the low bits of lane a and kept
 * in pages too; at two entries a bucket their number doubles by adding as many pages again and relinking
 * every entry where it is. Nothing large is ever copied or freed: a reallocated table leaves freed blocks that
 * RSS keeps. 4 million rows take 64 MB of entries and 8 MB of heads.
 * Two rows are taken for one only when all 96 bits agree: for 16 million distinct rows the chance of any such
 * mistake is about 10⁻¹⁵.
 */
import { DataError } from '../../model/errors.js';
import { thousands } from '../../model/thousands.js';
import type { RowDigest } from '../../read/row-digest.js';
import { FirstLines } from './first-lines.js';

const PAGE_BITS = 16;
const PAGE_MASK = (1 << PAGE_BITS) - 1;
/** a, b, c, next. */
const WORDS = 4;
const HEAD_BITS = 12;
const HEAD_MASK = (1 << HEAD_BITS) - 1;
/**
 * Entries a bucket before the buckets double: heads of 2–4 bytes an entry. Four would halve the heads (4 MB
 * at 4 million rows), but a new row walks its whole chain: 4 million inserts took half as long again.
 */
const PER_BUCKET = 2;

/** More distinct rows than this in one file (about 290 MB of table) is an error with a way out, not a crash. */
export const MAX_DISTINCT_ROWS = 16_000_000;

export class DigestTable {
  private readonly pages: Uint32Array[] = [];
  private readonly heads: Uint32Array[] = [new Uint32Array(HEAD_MASK + 1)];
  /** Buckets − 1 (a power of two less one). */
  private mask = HEAD_MASK;
  private lines = new FirstLines();
  size = 0;

  constructor(private readonly limit = MAX_DISTINCT_ROWS) {}

  /**
   * The line where a row with this digest was first seen; or 0, when it is new: then it is remembered with
   * `line` (≥ 1). Lines come in file order. Throws a DataError past the limit.
   */
  lineOf(digest: RowDigest, line: number, file: string): number {
    const { a, b, c } = digest;
    const { pages } = this;
    const bucket = a & this.mask;
    const heads = this.heads[bucket >>> HEAD_BITS] as Uint32Array;
    const slot = bucket & HEAD_MASK;
    for (let e = heads[slot] as number; e !== 0; ) {
      const page = pages[(e - 1) >>> PAGE_BITS] as Uint32Array;
      const at = ((e - 1) & PAGE_MASK) * WORDS;
      if (page[at] === a && page[at + 1] === b && page[at + 2] === c) return this.lines.lineOf(e - 1);
      e = page[at + 3] as number;
    }
    const id = this.size;
    if (id >= this.limit) throw tooMany(this.limit, file, line);
    if ((id & PAGE_MASK) === 0) pages.push(new Uint32Array((PAGE_MASK + 1) * WORDS));
    const page = pages[id >>> PAGE_BITS] as Uint32Array;
    const at = (id & PAGE_MASK) * WORDS;
    page[at] = a;
    page[at + 1] = b;
    page[at + 2] = c;
    page[at + 3] = heads[slot] as number;
    heads[slot] = id + 1;
    this.lines.add(id, line);
    this.size = id + 1;
    if (this.size > (this.mask + 1) * PER_BUCKET) this.grow();
    return 0;
  }

  /** Forget every row, once the file is read: the pages go to the collector before the output is made. */
  release(): void {
    this.pages.length = 0;
    this.heads.length = 1;
    (this.heads[0] as Uint32Array).fill(0);
    this.mask = HEAD_MASK;
    this.lines = new FirstLines();
    this.size = 0;
  }

  /** Twice the buckets: as many head pages again, and each entry relinked in place. */
  private grow(): void {
    const { heads } = this;
    for (const page of heads) page.fill(0);
    for (let i = heads.length; i > 0; i--) heads.push(new Uint32Array(HEAD_MASK + 1));
    const mask = this.mask * 2 + 1;
    for (let id = 0; id < this.size; id++) {
      const page = this.pages[id >>> PAGE_BITS] as Uint32Array;
      const at = (id & PAGE_MASK) * WORDS;
      const bucket = (page[at] as number) & mask;
      const head = heads[bucket >>> HEAD_BITS] as Uint32Array;
      page[at + 3] = head[bucket & HEAD_MASK] as number;
      head[bucket & HEAD_MASK] = id + 1;
    }
    this.mask = mask;
  }
}

function tooMany(limit: number, file: string, line: number): DataError {
  return new DataError(
    `more than ${thousands(limit)} distinct rows: too many to check for exact duplicates in memory`,
    { file, line },
    'files without a precinct column are checked for repeated rows; split the file into smaller ones (by state or county) and pass them together',
  );
}
