/**
 * The rows seen so far, as digests: a set of fixed-size entries, so memory grows with the number of distinct
 * rows (16 bytes each, plus free slots), never with their text.
 *
 * 256 shards, chosen by the top byte of lane d; each an open-addressing table (linear probing) over a
 * Uint32Array of 4-word slots: lanes a, b, c and the line where the row was first seen (0: an empty slot). The
 * home slot comes from lane a. A shard grows by a quarter when it is 85 % full, so a rehash copies 1/256 of the
 * table at a time and the table stays 68–85 % full: no doubling leaves half of it empty, and no peak holds two
 * whole copies. Two rows are taken for one only when 104 bits agree (a, b, c and the shard): for 16 million
 * distinct rows the chance of any such mistake is below 10⁻¹⁷.
 */
import { DataError } from '../../model/errors.js';
import { thousands } from '../../model/thousands.js';
import type { RowDigest } from './row-digest.js';

const SHARDS = 256;
const FIRST_SLOTS = 16;
const WORDS = 4;

/** More distinct rows than this in one file (about 340 MB of table) is an error with a way out, not a crash. */
export const MAX_DISTINCT_ROWS = 16_000_000;

export class DigestTable {
  private readonly slots: Uint32Array[] = [];
  /** Entries per shard. */
  private readonly counts = new Int32Array(SHARDS);
  size = 0;

  constructor(private readonly limit = MAX_DISTINCT_ROWS) {
    for (let s = 0; s < SHARDS; s++) this.slots.push(new Uint32Array(FIRST_SLOTS * WORDS));
  }

  /**
   * The line where a row with this digest was first seen; or 0, when it is new: then it is remembered with
   * `line` (≥ 1). Throws a DataError past the limit.
   */
  lineOf(digest: RowDigest, line: number, file: string): number {
    const shard = digest.d >>> 24;
    const { a, b, c } = digest;
    let table = this.slots[shard] as Uint32Array;
    let at = probe(table, a, b, c);
    if ((table[at + 3] as number) !== 0) return table[at + 3] as number;
    if (this.size >= this.limit) throw tooMany(this.limit, file, line);
    const n = (this.counts[shard] as number) + 1;
    if (n * 100 > (table.length / WORDS) * 85) {
      table = grow(table);
      this.slots[shard] = table;
      at = probe(table, a, b, c);
    }
    table[at] = a;
    table[at + 1] = b;
    table[at + 2] = c;
    table[at + 3] = line;
    this.counts[shard] = n;
    this.size++;
    return 0;
  }
}

/** The word offset of the slot holding (a, b, c), or of the empty slot where it would go. */
function probe(table: Uint32Array, a: number, b: number, c: number): number {
  const slots = table.length / WORDS;
  // Lane a scaled to the slot count (multiply, not modulo: the count is no power of two).
  let i = Math.floor((a * slots) / 0x100000000);
  for (;;) {
    const at = i * WORDS;
    if (table[at + 3] === 0) return at;
    if (table[at] === a && table[at + 1] === b && table[at + 2] === c) return at;
    if (++i === slots) i = 0;
  }
}

function grow(table: Uint32Array): Uint32Array {
  const slots = table.length / WORDS;
  const grown = new Uint32Array(Math.ceil(slots * 1.25) * WORDS);
  for (let at = 0; at < table.length; at += WORDS) {
    const line = table[at + 3] as number;
    if (line === 0) continue;
    const a = table[at] as number;
    const b = table[at + 1] as number;
    const c = table[at + 2] as number;
    const to = probe(grown, a, b, c);
    grown[to] = a;
    grown[to + 1] = b;
    grown[to + 2] = c;
    grown[to + 3] = line;
  }
  return grown;
}

function tooMany(limit: number, file: string, line: number): DataError {
  return new DataError(
    `more than ${thousands(limit)} distinct rows: too many to check for exact duplicates in memory`,
    { file, line },
    'files without a precinct column are checked for repeated rows; split the file into smaller ones (by state or county) and pass them together',
  );
}
