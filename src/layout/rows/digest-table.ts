/**
 * The rows seen so far, as digests: a set of fixed-size entries, so memory grows with the number of distinct
 * rows (18 to 20 bytes each, heads included), never with their text.
 *
 * An entry is 16 bytes: lanes a, b, c of the digest and the next entry of its bucket. The line where the row
 * was first seen is not kept per entry: entries are made in file order, so first-lines.ts recovers it from
 * the few places where line − entry changes. Entries are appended to fixed-size pages that never move.
 * Buckets are chains from an array of heads, indexed by the low bits of lane a and kept in pages too; at two
 * entries a bucket their number doubles by adding as many pages again and relinking every entry where it is.
 * A head holds the chain's first entry + 1 (0: empty) and a tag bit for each of its entries, by lane a's top
 * three bits: most new rows find their bit clear and read no entry, each read being a cache miss in a table
 * of tens of megabytes (4 million rows: 13% less time than walking every chain). Nothing large is ever
 * copied or freed: a reallocated table leaves freed blocks that RSS keeps. 4 million rows take 64 MB of
 * entries and 8 MB of heads.
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
 * at 4 million rows), but a new row walks its whole chain: 4 million inserts took half as long again
 * (measured before the tags below).
 */
const PER_BUCKET = 2;

/** A head: the chain's first entry + 1 in its low 24 bits; in the 8 above, the tags of the chain's entries. */
const ID_BITS = 24;
const ID_MASK = (1 << ID_BITS) - 1;

/**
 * More distinct rows than this in one file (about 290 MB of table) is an error with a way out, not a crash.
 * Below 2²⁴, as a head keeps the entry in 24 bits.
 */
export const MAX_DISTINCT_ROWS = 16_000_000;

export class DigestTable {
  private readonly pages: Uint32Array[] = [];
  private readonly heads: Uint32Array[] = [new Uint32Array(HEAD_MASK + 1)];
  /** Buckets − 1 (a power of two less one). */
  private mask = HEAD_MASK;
  private lines = new FirstLines();
  size = 0;

  constructor(private readonly limit = MAX_DISTINCT_ROWS) {
    if (limit > ID_MASK - 1) throw new Error(`a digest table holds at most ${ID_MASK - 1} rows`);
  }

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
    const head = heads[slot] as number;
    const tag = tagOf(a);
    // No row of the chain has this tag bit: the row is new, and no entry need be read (most new rows).
    if ((head & tag) !== 0) {
      for (let e = head & ID_MASK; e !== 0; ) {
        const page = pages[(e - 1) >>> PAGE_BITS] as Uint32Array;
        const at = ((e - 1) & PAGE_MASK) * WORDS;
        if (page[at] === a && page[at + 1] === b && page[at + 2] === c) return this.lines.lineOf(e - 1);
        e = page[at + 3] as number;
      }
    }
    const id = this.size;
    if (id >= this.limit) throw tooMany(this.limit, file, line);
    if ((id & PAGE_MASK) === 0) pages.push(new Uint32Array((PAGE_MASK + 1) * WORDS));
    const page = pages[id >>> PAGE_BITS] as Uint32Array;
    const at = (id & PAGE_MASK) * WORDS;
    page[at] = a;
    page[at + 1] = b;
    page[at + 2] = c;
    page[at + 3] = head & ID_MASK;
    heads[slot] = (head & ~ID_MASK) | tag | (id + 1);
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
      const hp = heads[bucket >>> HEAD_BITS] as Uint32Array;
      const head = hp[bucket & HEAD_MASK] as number;
      page[at + 3] = head & ID_MASK;
      hp[bucket & HEAD_MASK] = (head & ~ID_MASK) | tagOf(page[at] as number) | (id + 1);
    }
    this.mask = mask;
  }
}

/** One of the 8 high bits of a head, by the top 3 bits of lane a (the bucket takes at most its low 23). */
function tagOf(a: number): number {
  return 1 << (ID_BITS + (a >>> 29));
}

function tooMany(limit: number, file: string, line: number): DataError {
  return new DataError(
    `more than ${thousands(limit)} distinct rows: too many to check for exact duplicates in memory`,
    { file, line },
    'files without a precinct column are checked for repeated rows; split the file into smaller ones (by state or county) and pass them together',
  );
}
