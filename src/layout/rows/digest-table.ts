/**
 * The rows seen so far, as digests: a set of fixed-size entries, so memory grows with the number of distinct
 * rows (20 bytes each), never with their text.
 *
 * Entries — lanes a, b, c of the digest, the line where the row was first seen, and the next entry of its
 * bucket — are appended to fixed-size pages that never move. Buckets are chains from a power-of-two array of
 * heads (entry + 1; 0: empty), indexed by lane a, doubled when there are two entries per bucket: growing
 * relinks the entries where they are, so no copy of the table is made and no large garbage is left behind
 * (reallocating whole tables left freed blocks that RSS kept; this holds 4 million rows in ~100 MB).
 * Two rows are taken for one only when all 96 bits agree: for 16 million distinct rows the chance of any such
 * mistake is about 10⁻¹⁵.
 */
import { DataError } from '../../model/errors.js';
import { thousands } from '../../model/thousands.js';
import type { RowDigest } from '../../read/row-digest.js';

const PAGE_BITS = 16;
const PAGE_MASK = (1 << PAGE_BITS) - 1;
/** a, b, c, line, next. */
const WORDS = 5;

/** More distinct rows than this in one file (about 400 MB of table) is an error with a way out, not a crash. */
export const MAX_DISTINCT_ROWS = 16_000_000;

export class DigestTable {
  private readonly pages: Uint32Array[] = [];
  private heads = new Uint32Array(1 << 12);
  size = 0;

  constructor(private readonly limit = MAX_DISTINCT_ROWS) {}

  /**
   * The line where a row with this digest was first seen; or 0, when it is new: then it is remembered with
   * `line` (≥ 1). Throws a DataError past the limit.
   */
  lineOf(digest: RowDigest, line: number, file: string): number {
    const { a, b, c } = digest;
    const { pages } = this;
    const bucket = a & (this.heads.length - 1);
    for (let e = this.heads[bucket] as number; e !== 0; ) {
      const page = pages[(e - 1) >>> PAGE_BITS] as Uint32Array;
      const at = ((e - 1) & PAGE_MASK) * WORDS;
      if (page[at] === a && page[at + 1] === b && page[at + 2] === c) return page[at + 3] as number;
      e = page[at + 4] as number;
    }
    const id = this.size;
    if (id >= this.limit) throw tooMany(this.limit, file, line);
    if ((id & PAGE_MASK) === 0) pages.push(new Uint32Array((PAGE_MASK + 1) * WORDS));
    const page = pages[id >>> PAGE_BITS] as Uint32Array;
    const at = (id & PAGE_MASK) * WORDS;
    page[at] = a;
    page[at + 1] = b;
    page[at + 2] = c;
    page[at + 3] = line;
    page[at + 4] = this.heads[bucket] as number;
    this.heads[bucket] = id + 1;
    this.size = id + 1;
    if (this.size > this.heads.length * 2) this.grow();
    return 0;
  }

  /** Twice the buckets, each entry relinked in place: only the heads array is new. */
  private grow(): void {
    const heads = new Uint32Array(this.heads.length * 2);
    const mask = heads.length - 1;
    for (let id = 0; id < this.size; id++) {
      const page = this.pages[id >>> PAGE_BITS] as Uint32Array;
      const at = (id & PAGE_MASK) * WORDS;
      const bucket = (page[at] as number) & mask;
      page[at + 4] = heads[bucket] as number;
      heads[bucket] = id + 1;
    }
    this.heads = heads;
  }
}

function tooMany(limit: number, file: string, line: number): DataError {
  return new DataError(
    `more than ${thousands(limit)} distinct rows: too many to check for exact duplicates in memory`,
    { file, line },
    'files without a precinct column are checked for repeated rows; split the file into smaller ones (by state or county) and pass them together',
  );
}
