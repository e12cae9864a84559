/**
 * The guesses a key memo (byte-memo.ts) offers the scanner (RecordGuess in fast-scan.ts): per key, the raw bytes
 * of its cells as a record held them, quotes and commas included. Kept compactly — the bytes in one arena, the
 * fields in one shared table, about the key's length plus 12 bytes a field — and only for keys seen twice:
 * a key seen once (300,000 races of two rows each) is never guessed, and costs nothing here.
 */
import { rawStart, type FieldSpans, type RecordGuess } from './fast-scan.js';
import { CR, LF } from './csv-bytes.js';

/** Per field, in the spans table: content start, content end, `escaped`. */
const SPAN = 3;

/** The one guess handed out, pointed at the entry asked for: a record reads it only while it is handled. */
class KeyGuess implements RecordGuess {
  after = 0;
  bytes: DataView;
  from = 0;
  length = 0;
  spans: Int32Array;
  fieldsAt = 0;
  fields = 0;
  /** The memo entry whose key the bytes are. */
  entry = -1;

  constructor(store: KeyGuesses['store']) {
    this.bytes = new DataView(store.bytes.buffer);
    this.spans = store.spans;
  }
}

export class KeyGuesses {
  /**
   * Per entry: its guess's byte offset in the arena (-1: none yet) and length, the index of its first field in
   * the spans table and how many fields, and how many fields of the record before come first (RecordGuess.after).
   */
  private from = new Int32Array(256).fill(-1);
  private length = new Int32Array(256);
  private fieldsAt = new Int32Array(256);
  private fields = new Uint8Array(256);
  private after = new Int32Array(256);
  /** The arena (`used` bytes of it so far) and the spans table (`spansUsed` numbers), shared by every guess. */
  readonly store = { bytes: new Uint8Array(4096), used: 0, spans: new Int32Array(256 * SPAN), spansUsed: 0 };
  private readonly guess = new KeyGuess(this.store);

  constructor(readonly columns: readonly number[]) {}

  has(entry: number): boolean {
    return entry < this.from.length && (this.from[entry] as number) >= 0;
  }

  /** The guess that a record holds `entry`'s key, or null when none was made. */
  of(entry: number): RecordGuess | null {
    if (!this.has(entry)) return null;
    const g = this.guess;
    g.entry = entry;
    g.from = this.from[entry] as number;
    g.length = this.length[entry] as number;
    g.fieldsAt = this.fieldsAt[entry] as number;
    g.fields = this.fields[entry] as number;
    g.after = this.after[entry] as number;
    return g;
  }

  /** The entry a record was found to hold by the scanner (see RecordGuess), or -1 when it was not one of ours. */
  found(r: FieldSpans): number {
    return r.guess === this.guess ? this.guess.entry : -1;
  }

  /**
   * Keep `r`'s key cells (`columns`) as the guess of `entry`: the raw bytes from the first of them to the comma
   * after the last. None when the key ends the record, spans a line break, has more than 255 fields, or is
   * among a guessed record's leading fields.
   */
  make(entry: number, r: FieldSpans): void {
    let lo = r.count;
    let hi = -1;
    for (const c of this.columns) {
      if (c < 0) continue;
      lo = Math.min(lo, c);
      hi = Math.max(hi, c);
    }
    // A key among the leading fields of a guessed record has offsets into an earlier record (FieldSpans.sameLead).
    if (hi < 0 || hi + 1 >= r.count || hi - lo >= 255 || lo < r.sameLead) return;
    const { buf, start, end, escaped } = r;
    const from = rawStart(buf, start[lo] as number);
    const to = rawStart(buf, start[hi + 1] as number);
    for (let i = from; i < to; i++) if (buf[i] === CR || buf[i] === LF) return;
    const n = hi - lo + 1;
    const store = this.room(entry, to - from, n);
    store.bytes.set(buf.subarray(from, to), store.used);
    const spans = store.spans;
    for (let f = 0, k = store.spansUsed; f < n; f++, k += SPAN) {
      spans[k] = (start[lo + f] as number) - from;
      spans[k + 1] = (end[lo + f] as number) - from;
      spans[k + 2] = escaped[lo + f] as number;
    }
    this.from[entry] = store.used;
    this.length[entry] = to - from;
    this.fieldsAt[entry] = store.spansUsed;
    this.fields[entry] = n;
    this.after[entry] = lo;
    store.used += to - from;
    store.spansUsed += n * SPAN;
  }

  /** Grow the entries table past `entry`, the arena by `bytes` and the spans table by `n` fields. */
  private room(entry: number, bytes: number, n: number): KeyGuesses['store'] {
    if (entry >= this.from.length) {
      const size = Math.max(this.from.length * 2, entry + 1);
      this.from = grown(this.from, new Int32Array(size).fill(-1));
      this.length = grown(this.length, new Int32Array(size));
      this.fieldsAt = grown(this.fieldsAt, new Int32Array(size));
      this.fields = grown(this.fields, new Uint8Array(size));
      this.after = grown(this.after, new Int32Array(size));
    }
    const store = this.store;
    const g = this.guess;
    if (store.used + bytes > store.bytes.length) {
      store.bytes = grown(store.bytes.subarray(0, store.used), new Uint8Array(Math.max(store.bytes.length * 2, store.used + bytes)));
      g.bytes = new DataView(store.bytes.buffer);
    }
    if (store.spansUsed + n * SPAN > store.spans.length) {
      store.spans = g.spans = grown(store.spans, new Int32Array(Math.max(store.spans.length * 2, store.spansUsed + n * SPAN)));
    }
    return store;
  }
}

/** `into` (larger) with `old` copied to its start. */
function grown<A extends Int32Array | Uint8Array>(old: A, into: A): A {
  into.set(old);
  return into;
}
