/**
 * The fast path for UTF-8, comma-separated input: the byte scanner feeds RowReader through a RecordView over
 * byte spans. Cells are decoded only when a rule needs their text (a new race/candidate key, a possible TOTAL
 * row, an unusual vote cell); keys are raw bytes read as latin1, which is 1:1 and cheap.
 */
import { DataError } from '../model/errors.js';
import type { RecordView } from './record-view.js';
import type { RowDigest } from '../layout/rows/row-digest.js';
import { parseVotes } from './votes.js';
import { Utf8Validator } from './decode.js';
import { CsvScanError, FastCsvScanner, fieldText, type FieldSpans } from './fast-scan.js';
import { MAX_RECORD_SIZE, NulNotes, quoteError, recordTooLarge, unclosedQuote } from './dialect.js';
import type { Warning } from '../model/types.js';

/**
 * A memo keyed by the raw bytes of some cells: FNV-1a over the bytes, open addressing, byte comparison on a
 * hit. No string is made per row; the key bytes are copied once, when a key is first seen.
 */
class ByteMemo {
  private table = new Int32Array(1024).fill(-1);
  private hashes = new Int32Array(512);
  private offsets = new Int32Array(513);
  private arena = new Uint8Array(4096);
  private readonly values: unknown[] = [];

  /** The entry that followed each entry last time: precinct files repeat the same run of keys block after block. */
  private follows = new Int32Array(512).fill(-1);
  private last = -1;

  get<A, T>(r: FieldSpans, columns: readonly number[], make: (arg: A) => T, arg: A): T {
    const { start, end } = r;
    let length = columns.length;
    for (let k = 0; k < columns.length; k++) {
      const c = columns[k] as number;
      if (c >= 0) length += (end[c] as number) - (start[c] as number);
    }
    // First guess: the key that came after the previous row's key last time. Right on most rows of a
    // precinct file, and then no hashing is needed at all.
    const guess = this.last >= 0 ? (this.follows[this.last] as number) : -1;
    const entry = guess >= 0 && this.matches(guess, r, columns, length) ? guess : this.find(r, columns, length, make, arg);
    if (this.last >= 0) this.follows[this.last] = entry;
    this.last = entry;
    return this.values[entry] as T;
  }

  private find<A, T>(r: FieldSpans, columns: readonly number[], length: number, make: (arg: A) => T, arg: A): number {
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
      if (entry === -1) return this.insert(probe, h, r, columns, length, make(arg));
      if (this.hashes[entry] === h && this.matches(entry, r, columns, length)) return entry;
    }
  }

  /** Byte-for-byte: a 32-bit hash match alone is not proof, and a wrong key would be a wrong count. */
  private matches(entry: number, r: FieldSpans, columns: readonly number[], length: number): boolean {
    let at = this.offsets[entry] as number;
    if ((this.offsets[entry + 1] as number) - at !== length) return false;
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
    return true;
  }

  private insert<T>(probe: number, h: number, r: FieldSpans, columns: readonly number[], length: number, value: T): number {
    const entry = this.values.length;
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

/** One cell of the previous record, kept as bytes, so "same place as before?" costs no string. */
class LastCell {
  private bytes = new Uint8Array(64);
  /** The cell's length × 2 + its `escaped` flag: the same bytes are other text when `""` is one quote, not two. */
  private key = -1;

  same(r: FieldSpans, column: number): boolean {
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

class SpanRecord implements RecordView {
  r!: FieldSpans;
  private readonly memos = new ByteMemo();

  get count(): number {
    return this.r.count;
  }
  get line(): number {
    return this.r.line;
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
    return this.memos.get(this.r, columns, make, this);
  }
  votes(column: number): number {
    const { buf, start, end } = this.r;
    const s = start[column] ?? 0;
    const e = end[column] ?? 0;
    // Plain digits (the common case) straight from bytes; anything else through the one parser.
    if (e > s && e - s <= 15) {
      let n = 0;
      for (let i = s; i < e; i++) {
        const d = (buf[i] ?? 0) - 48;
        if (d < 0 || d > 9) return parseVotes(this.text(column));
        n = n * 10 + d;
      }
      return n;
    }
    return parseVotes(this.text(column));
  }
  private readonly lastCounty = new LastCell();
  private readonly lastPrecinct = new LastCell();
  sameAsLast(column: number): boolean {
    return this.lastCounty.same(this.r, column);
  }
  samePrecinctAsLast(column: number): boolean {
    return this.lastPrecinct.same(this.r, column);
  }
  /** Several cells' bytes back to back, and per cell its length × 2 + `escaped` (only files with 2+ precinct columns). */
  private cells = new Uint8Array(64);
  private cellKeys = new Int32Array(0);
  sameCellsAsLast(columns: readonly number[]): boolean {
    const { buf, start, end, escaped } = this.r;
    if (this.cellKeys.length !== columns.length) return this.rememberCells(columns);
    let at = 0;
    for (let k = 0; k < columns.length; k++) {
      const c = columns[k] as number;
      const s = start[c] as number;
      const n = (end[c] as number) - s;
      if (n * 2 + (escaped[c] as number) !== this.cellKeys[k]) return this.rememberCells(columns);
      for (let i = 0; i < n; i++) if (this.cells[at + i] !== buf[s + i]) return this.rememberCells(columns);
      at += n;
    }
    return true;
  }
  private rememberCells(columns: readonly number[]): false {
    const { buf, start, end, escaped } = this.r;
    let total = 0;
    for (const c of columns) total += (end[c] as number) - (start[c] as number);
    if (total > this.cells.length) this.cells = new Uint8Array(total * 2);
    if (this.cellKeys.length !== columns.length) this.cellKeys = new Int32Array(columns.length);
    let at = 0;
    for (let k = 0; k < columns.length; k++) {
      const c = columns[k] as number;
      const s = start[c] as number;
      const n = (end[c] as number) - s;
      for (let i = 0; i < n; i++) this.cells[at + i] = buf[s + i] as number;
      this.cellKeys[k] = n * 2 + (escaped[c] as number);
      at += n;
    }
    return false;
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
        if (b === 0x22 && unescape) i++;
      }
      into.cellEnd();
    }
    into.finish();
  }
}

/**
 * Scan UTF-8 comma-separated bytes (BOM already removed) and call `onRecord` for every record, in order; return
 * the warnings of the read (NUL bytes removed). Per chunk, not per row: one `indexOf(0)` and the UTF-8 check.
 */
export async function scanRecords(chunks: AsyncIterable<Buffer>, file: string, onRecord: (rec: RecordView) => void): Promise<Warning[]> {
  const view = new SpanRecord();
  const scanner = new FastCsvScanner(
    (spans) => {
      view.r = spans;
      onRecord(view);
    },
    { maxRecordSize: MAX_RECORD_SIZE },
  );
  const utf8 = new Utf8Validator();
  const nul = new NulNotes();
  const clean = (chunk: Buffer): Buffer => {
    const at = chunk.indexOf(0);
    return at === -1 ? chunk : nul.stripBytes(chunk, () => scanner.lineOf(chunk, at));
  };
  try {
    for await (const chunk of chunks) {
      const bad = utf8.check(chunk);
      if (bad !== -1) {
        const line = scanner.lineOf(chunk, bad);
        scanner.push(clean(chunk.subarray(0, bad)));
        throw invalidUtf8(file, line);
      }
      scanner.push(clean(chunk));
    }
    if (!utf8.finish()) throw invalidUtf8(file, scanner.lineOf(chunk0, 0));
    scanner.end();
  } catch (err) {
    if (!(err instanceof CsvScanError)) throw err;
    if (err.code === 'unclosed-quote') throw unclosedQuote(file, err.line);
    if (err.code === 'record-too-large') throw recordTooLarge(file, err.quoteLine ?? err.line, err.quoteLine !== undefined);
    throw quoteError({ code: 'bad-quote', line: err.line, backslash: err.backslash }, file);
  }
  return nul.warnings(file);
}

const chunk0 = new Uint8Array(0);

function invalidUtf8(file: string, line: number): DataError {
  return new DataError('invalid UTF-8 (a file mixing encodings?)', { file, line }, 'use --encoding windows-1252 if the whole file is in that encoding');
}
