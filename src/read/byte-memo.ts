/**
 * A memo keyed by the raw bytes of some cells of a record, for the byte scanner's records: what a key leads to
 * (its classification, its county) is made once per distinct key and found again without making a string.
 */
import type { FieldSpans, RecordGuess } from './fast-scan.js';
import { KeyGuesses } from './key-guesses.js';

/**
 * FNV-1a over the key's bytes, open addressing, byte comparison on a hit. No string is made per row; the key
 * bytes are copied once, into one arena, when a key is first seen. A column of -1 in a key is an absent cell,
 * keyed like an empty one (as StringRecord's memo does).
 */
export class ByteMemo {
  private table = new Int32Array(1024).fill(-1);
  private hashes = new Int32Array(512);
  private offsets = new Int32Array(513);
  private arena = new Uint8Array(4096);
  private readonly values: unknown[] = [];

  /** The entry that followed each entry last time: precinct files repeat the same run of keys block after block. */
  private follows = new Int32Array(512).fill(-1);
  private last = -1;
  /** Guesses at records (see `guess`), made from a key's second record; null when not `guessing`. */
  private guesses: KeyGuesses | null = null;

  /**
   * @param guessing make guesses at records from keys (see `guess`): only for the scanner's spans, whose
   *   buffers hold each record's raw bytes, quotes included.
   */
  constructor(private readonly guessing = false) {}

  /** Distinct keys seen. */
  get size(): number {
    return this.values.length;
  }

  /** The value of the key made of `r`'s cells in `columns`, made by `make(arg)` the first time it is seen. */
  get<A, T>(r: FieldSpans, columns: readonly number[], make: (arg: A) => T, arg: A): T {
    const guesses = this.guessing ? (this.guesses ??= new KeyGuesses(columns)) : null;
    // The scanner found this record to start with the bytes of a guess of ours: its key is that entry's.
    const found = guesses !== null && guesses.columns === columns ? guesses.found(r) : -1;
    if (found >= 0) {
      if (this.last >= 0) this.follows[this.last] = found;
      this.last = found;
      return this.values[found] as T;
    }
    // First guess: the key that came after the previous row's key last time. Right on most rows of a
    // precinct file, and then no hashing is needed at all.
    const last = this.last;
    if (last >= 0) {
      const guess = this.follows[last] as number;
      if (guess >= 0 && this.matches(guess, r, columns)) {
        this.last = guess;
        this.seenAgain(guesses, guess, r, columns);
        return this.values[guess] as T;
      }
    }
    const size = this.values.length;
    const entry = this.find(r, columns, make, arg);
    if (entry < size) this.seenAgain(guesses, entry, r, columns);
    if (last >= 0) this.follows[last] = entry;
    this.last = entry;
    return this.values[entry] as T;
  }

  /**
   * A guess at the next record: that its key is the one that followed the last key last time, with the
   * cells before the key's as in the previous record. Null when there is none to make.
   */
  guess(): RecordGuess | null {
    const last = this.last;
    if (last < 0 || this.guesses === null) return null;
    const next = this.follows[last] as number;
    return next < 0 ? null : this.guesses.of(next);
  }

  /** A key seen a second time: worth a guess (one seen once never is), made from this record's bytes. */
  private seenAgain(guesses: KeyGuesses | null, entry: number, r: FieldSpans, columns: readonly number[]): void {
    if (guesses !== null && guesses.columns === columns && !guesses.has(entry)) guesses.make(entry, r);
  }

  private find<A, T>(r: FieldSpans, columns: readonly number[], make: (arg: A) => T, arg: A): number {
    const { buf, start, end } = r;
    let h = 0x811c9dc5 | 0; // int32 like the stored hashes, also when no column is hashed (a key of no columns)
    for (let k = 0; k < columns.length; k++) {
      const c = columns[k] as number;
      if (c >= 0) {
        const s = start[c] as number;
        const e = end[c] as number;
        // Long cells: hash the length and the first and last four bytes only. Equality is still checked
        // byte for byte in `matches`; the hash only has to spread keys, and names differ at their ends.
        if (e - s > 8) {
          h = Math.imul(h ^ (e - s), 0x01000193);
          for (let i = s; i < s + 4; i++) h = Math.imul(h ^ (buf[i] as number), 0x01000193);
          for (let i = e - 4; i < e; i++) h = Math.imul(h ^ (buf[i] as number), 0x01000193);
        } else {
          for (let i = s; i < e; i++) h = Math.imul(h ^ (buf[i] as number), 0x01000193);
        }
      }
      // 0xFF and 0xFE never occur in UTF-8: safe separators. 0xFE after a quoted cell whose `""` is one quote, so
      // `"a""b"` (text a"b) and the unquoted a""b (text a""b), the same bytes, are two keys as csv-parse has them.
      h = Math.imul(h ^ (c >= 0 ? 0xff - (r.escaped[c] as number) : 0xff), 0x01000193);
    }
    const mask = this.table.length - 1;
    for (let probe = h & mask; ; probe = (probe + 1) & mask) {
      const entry = this.table[probe] as number;
      if (entry === -1) return this.insert(probe, h, r, columns, make(arg));
      if (this.hashes[entry] === h && this.matches(entry, r, columns)) return entry;
    }
  }

  /**
   * Byte-for-byte: a 32-bit hash match alone is not proof, and a wrong key would be a wrong count. Each cell is
   * followed by its separator (0xFF, or 0xFE after an escaped cell), a byte no UTF-8 cell holds: a cell of
   * another length meets it in the middle, so no length is needed up front, and the key must end where the
   * entry ends.
   */
  private matches(entry: number, r: FieldSpans, columns: readonly number[]): boolean {
    let at = this.offsets[entry] as number;
    const { buf, start, end, escaped } = r;
    const arena = this.arena;
    for (let k = 0; k < columns.length; k++) {
      const c = columns[k] as number;
      if (c >= 0) {
        const e = end[c] as number;
        for (let i = start[c] as number; i < e; i++) if (arena[at++] !== buf[i]) return false;
        if (arena[at++] !== 0xff - (escaped[c] as number)) return false;
      } else if (arena[at++] !== 0xff) return false;
    }
    return at === this.offsets[entry + 1];
  }

  private insert<T>(probe: number, h: number, r: FieldSpans, columns: readonly number[], value: T): number {
    const entry = this.values.length;
    let length = columns.length;
    for (const c of columns) if (c >= 0) length += (r.end[c] as number) - (r.start[c] as number);
    let at = this.offsets[entry] ?? 0;
    if (at + length > this.arena.length) {
      const grown = new Uint8Array(Math.max(this.arena.length * 2, at + length));
      grown.set(this.arena);
      this.arena = grown;
    }
    for (const c of columns) {
      if (c >= 0) {
        this.arena.set(r.buf.subarray(r.start[c] ?? 0, r.end[c] ?? 0), at);
        at += (r.end[c] ?? 0) - (r.start[c] ?? 0);
      }
      this.arena[at++] = c >= 0 ? 0xff - (r.escaped[c] as number) : 0xff;
    }
    if (entry + 1 >= this.hashes.length) {
      const hashes = new Int32Array(this.hashes.length * 2);
      hashes.set(this.hashes);
      this.hashes = hashes;
      const offsets = new Int32Array(this.offsets.length * 2);
      offsets.set(this.offsets);
      this.offsets = offsets;
      const follows = new Int32Array(this.follows.length * 2).fill(-1);
      follows.set(this.follows);
      this.follows = follows;
    }
    this.offsets[entry + 1] = at;
    this.hashes[entry] = h;
    this.values.push(value);
    this.table[probe] = entry;
    if (this.values.length * 2 > this.table.length) this.rehash();
    return entry;
  }

  private rehash(): void {
    const table = new Int32Array(this.table.length * 2).fill(-1);
    const mask = table.length - 1;
    for (let entry = 0; entry < this.values.length; entry++) {
      let probe = (this.hashes[entry] as number) & mask;
      while (table[probe] !== -1) probe = (probe + 1) & mask;
      table[probe] = entry;
    }
    this.table = table;
  }
}
