/**
 * Fast, streaming, byte-level RFC 4180 scanner.
 *
 * Finds records and field boundaries in raw UTF-8 bytes without creating
 * per-record objects or strings. For every record it calls a sink with a
 * reused {@link FieldSpans} object whose offsets point into a byte buffer;
 * the consumer decodes only the fields it needs (see {@link fieldText}).
 *
 * Dialect (fixed): delimiter `,`, quote `"` (escaped by doubling), record
 * delimiters `\n`, `\r\n` and a lone `\r` (freely mixed). A `"` inside an
 * unquoted field is literal text; a closing quote must be followed by `,`, a
 * record delimiter or EOF. A byte-order mark is the caller's business (the
 * reader drops the one `sniff` finds): here EF BB BF is data like any other.
 *
 * Line numbers are 1-based physical lines, counted as line-counter.ts says.
 * The hot loop `scan` counts them inline instead of calling that module: a
 * call per quoted byte costs measurable speed, and the loop is kept in one
 * function (over the 300-line rule) because V8 optimises it as one unit.
 */
import { breaksIn, NONE } from './line-counter.js';
import { BACKSLASH, COMMA, CR, LF, QUOTE, S_FIELD, S_QUOTE_SEEN, S_QUOTED, S_UNQUOTED } from './csv-bytes.js';

const EMPTY = new Uint8Array(0);

const DEFAULT_MAX_RECORD_SIZE = 1024 * 1024;
const INITIAL_FIELDS = 64;

/** Field boundaries of one record. The same object is reused for every record. */
export interface FieldSpans {
  /** Bytes the offsets point into. Valid only during the sink callback. */
  buf: Uint8Array;
  /** `buf[start[i]] .. buf[end[i] - 1]` is the content of field i, without surrounding quotes. */
  start: Int32Array;
  /** Exclusive end offset of field i (see `start`). */
  end: Int32Array;
  /** 1 if field i was quoted and contains `""` that must be unescaped to `"`, else 0. */
  escaped: Uint8Array;
  /** Number of fields in this record (>= 1). Entries at index >= count are stale. */
  count: number;
  /** 1-based physical line on which the record starts. */
  line: number;
  /** Records emitted before this one (from 1), to tell whether two calls saw consecutive records. */
  seq: number;
  /**
   * Fields `0 .. sameLead - 1` hold the raw bytes of the previous record's (so their text too): the scanner
   * checked them against that record's before taking them (see {@link RecordGuess}). 0 when not known. Their
   * offsets are left as they were, so they may point at those same bytes in an earlier record of `buf`: read
   * their content, not their position.
   */
  sameLead: number;
  /** The guess whose bytes this record's fields `sameLead ..` were found to hold, or null. */
  guess: RecordGuess | null;
}

/**
 * The start of the next record as someone expects it: the previous record's first `after` fields, then
 * `bytes`. Records of a sorted results file mostly look like that (the place of the row before, then the race
 * and candidate that came next last time), and checking the guess byte for byte costs less than scanning:
 * when every byte matches, the fields' offsets are the guess's, shifted, as a scan would have found them
 * (the same bytes from the start of a record parse the same way); when one differs, the record is scanned.
 */
export interface RecordGuess {
  /** How many of the previous record's leading fields come first (with the comma after them). */
  readonly after: number;
  /**
   * Then the raw bytes at `from` in `bytes`, `length` of them: the next fields, quotes included, with the comma
   * after the last one; never a CR or LF.
   */
  readonly bytes: DataView;
  readonly from: number;
  readonly length: number;
  /**
   * Those fields, `fields` of them, three numbers each from index `fieldsAt` in `spans`: content start and end
   * (offsets from `from`) and the `escaped` flag, as FieldSpans has them.
   */
  readonly spans: Int32Array;
  readonly fieldsAt: number;
  readonly fields: number;
}

/** Asked at the start of each record (after the previous one was handled) for a guess at it. */
export interface RecordPredictor {
  next(): RecordGuess | null;
}

/** Called once per record, synchronously, with a reused {@link FieldSpans}. */
export type RecordSink = (r: FieldSpans) => void;

export interface FastCsvScannerOptions {
  /**
   * Maximum record size in bytes, excluding the record delimiter (quotes and
   * commas included). Default 1 MiB. Larger records fail with
   * `record-too-large` as soon as the limit is crossed.
   */
  maxRecordSize?: number;
  /** Guesses at records, checked before use: only speed depends on them, never the spans. */
  predictor?: RecordPredictor;
}

export type CsvScanErrorCode = 'unclosed-quote' | 'bad-quote' | 'record-too-large';

/** Malformed input. After it is thrown the scanner is unusable. */
export class CsvScanError extends Error {
  override readonly name = 'CsvScanError';
  /**
   * 1-based physical line: for `unclosed-quote` the line of the opening quote,
   * for `bad-quote` the line of the offending byte after the closing quote,
   * for `record-too-large` the line where the record starts.
   */
  readonly line: number;
  readonly code: CsvScanErrorCode;
  /** `record-too-large` inside a quoted field: the line where that quote opened (probably never closed). */
  readonly quoteLine: number | undefined;
  /** `bad-quote` right after a backslash: a `\"` escape, not CSV. */
  readonly backslash: boolean;
  constructor(code: CsvScanErrorCode, line: number, message: string, detail: { quoteLine?: number; backslash?: boolean } = {}) {
    super(`${message} (line ${line})`);
    this.code = code;
    this.line = line;
    this.quoteLine = detail.quoteLine;
    this.backslash = detail.backslash ?? false;
  }
}

// ignoreBOM: a cell that starts with U+FEFF keeps it (the default would drop it from every cell, as a BOM).
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/**
 * Where a field's raw bytes start, given where its content starts (`FieldSpans.start`): one byte before, at the
 * opening quote, when it was quoted. The byte before an unquoted field is a comma, or a record's line break.
 */
export function rawStart(buf: Uint8Array, contentStart: number): number {
  // One subtraction either way: a branch of its own would first run at a file's first quoted key cell, often
  // after V8 has optimised its callers, and throw their code away.
  return contentStart - (contentStart > 0 && buf[contentStart - 1] === QUOTE ? 1 : 0);
}

/**
 * Whether `n` bytes at `a` in `x` equal those at `b` in `y`: eight at a time, read through the DataViews as
 * float64s (unaligned loads; V8 checks each load, so fewer and wider loads cost less), the last eight first
 * (they overlap the loop's last word, so no bytes are left to compare one by one).
 */
function sameBytes(x: DataView, a: number, y: DataView, b: number, n: number): boolean {
  if (n < 8) {
    if (n < 4) {
      for (let j = 0; j < n; j++) if (x.getUint8(a + j) !== y.getUint8(b + j)) return false;
      return true;
    }
    return x.getInt32(a, true) === y.getInt32(b, true) && x.getInt32(a + n - 4, true) === y.getInt32(b + n - 4, true);
  }
  if (!same8(x.getFloat64(a + n - 8, true), y.getFloat64(b + n - 8, true))) return false;
  for (let j = 0; j + 8 < n; j += 8) if (!same8(x.getFloat64(a + j, true), y.getFloat64(b + j, true))) return false;
  return true;
}

/** Eight bytes read as float64s hold the same bits: equal, and not +0 against -0 (NaN is never equal: a miss, not an error). */
function same8(u: number, v: number): boolean {
  return u === v && (u !== 0 || 1 / u === 1 / v);
}

/** UTF-8 decode of field `i` of `r`, turning `""` into `"` for escaped quoted fields. */
export function fieldText(r: FieldSpans, i: number): string {
  const s = r.start[i]!;
  const e = r.end[i]!;
  const buf = r.buf;
  const text = Buffer.isBuffer(buf) ? buf.toString('utf8', s, e) : decoder.decode(buf.subarray(s, e));
  return r.escaped[i] === 1 ? text.replaceAll('""', '"') : text;
}

class Spans implements FieldSpans {
  buf: Uint8Array = EMPTY;
  start = new Int32Array(INITIAL_FIELDS);
  end = new Int32Array(INITIAL_FIELDS);
  escaped = new Uint8Array(INITIAL_FIELDS);
  count = 0;
  line = 1;
  seq = 0;
  sameLead = 0;
  guess: RecordGuess | null = null;
}

/**
 * Streaming scanner. Feed it chunks with {@link push} (any chunk boundaries)
 * and call {@link end} once at EOF. Memory is bounded by the largest record,
 * not by the file size.
 */
export class FastCsvScanner {
  private readonly sink: RecordSink;
  private readonly maxRecordSize: number;
  private readonly predictor: RecordPredictor | null;
  private readonly spans = new Spans();

  /** Bytes of the pending (incomplete) record, at offsets 0..carryLen. */
  private carry: Buffer = Buffer.allocUnsafe(0);
  private carryLen = 0;

  // Parser state of the pending record; offsets are carry offsets.
  private state = S_FIELD;
  private count = 0;
  private fieldStart = 0;
  private esc = 0;
  private recLine = 1;

  /** Line breaks seen so far. */
  private breaks = 0;
  /** Last data byte seen, -1 if none yet. */
  private lastByte = -1;
  private finished = false;
  private failure: CsvScanError | undefined;

  constructor(sink: RecordSink, options: FastCsvScannerOptions = {}) {
    const max = options.maxRecordSize ?? DEFAULT_MAX_RECORD_SIZE;
    if (!Number.isInteger(max) || max < 1 || max > 0x3fffffff) {
      throw new RangeError(`maxRecordSize must be an integer in 1..2^30-1, got ${max}`);
    }
    this.sink = sink;
    this.maxRecordSize = max;
    this.predictor = options.predictor ?? null;
  }

  /** Physical lines seen so far: line breaks, plus 1 if bytes follow the last one. */
  get lines(): number {
    const b = this.lastByte;
    return this.breaks + (b !== -1 && b !== LF && b !== CR ? 1 : 0);
  }

  /** Whether the bytes pushed so far end exactly after a record (nothing of the next one read yet). */
  atRecordStart(): boolean {
    return this.carryLen === 0 && this.state === S_FIELD && this.count === 0 && this.failure === undefined;
  }

  /** Scan the next chunk of the stream. The chunk is not retained after the call returns. */
  push(chunk: Uint8Array): void {
    this.checkUsable();
    if (chunk.length === 0) return;
    this.guard(chunk);
  }

  /** Signal EOF: emits the last record if the stream does not end with a record delimiter. */
  end(): void {
    this.checkUsable();
    this.finished = true;
    const len = this.carryLen;
    if (len === 0) return;
    const state = this.state;
    if (state === S_QUOTED) {
      const open = this.fieldStart - 1;
      const line = this.recLine + breaksIn(this.carry, 0, open, NONE);
      throw this.fail(new CsvScanError('unclosed-quote', line, 'Quoted field is not closed at end of input'));
    }
    const fieldEnd = state === S_QUOTE_SEEN ? len - 1 : len;
    const fs = state === S_FIELD ? len : this.fieldStart;
    this.addField(fs, fieldEnd, state === S_QUOTE_SEEN ? this.esc : 0);
    const sp = this.spans;
    sp.buf = this.carry;
    sp.count = this.count;
    sp.line = this.recLine;
    sp.seq++;
    sp.sameLead = 0;
    sp.guess = null;
    this.carryLen = 0;
    this.count = 0;
    this.state = S_FIELD;
    this.sink(sp);
  }

  private checkUsable(): void {
    if (this.failure !== undefined) throw this.failure;
    if (this.finished) throw new Error('FastCsvScanner: push()/end() after end()');
  }

  private fail(e: CsvScanError): CsvScanError {
    this.failure = e;
    return e;
  }

  private guard(b: Uint8Array): void {
    try {
      this.scan(b);
    } catch (e) {
      if (e instanceof CsvScanError) this.failure = e;
      throw e;
    }
  }

  private addField(s: number, e: number, esc: number): void {
    const sp = this.spans;
    if (this.count === sp.start.length) this.growSpans();
    sp.start[this.count] = s;
    sp.end[this.count] = e;
    sp.escaped[this.count] = esc;
    this.count++;
  }

  private growSpans(): void {
    const sp = this.spans;
    const n = sp.start.length * 2;
    const start = new Int32Array(n);
    const end = new Int32Array(n);
    const escaped = new Uint8Array(n);
    start.set(sp.start);
    end.set(sp.end);
    escaped.set(sp.escaped);
    sp.start = start;
    sp.end = end;
    sp.escaped = escaped;
  }

  /** Make room for `need` bytes in the carry buffer, keeping its first `keep` bytes. */
  private ensureCarry(need: number, keep: number): void {
    if (this.carry.length >= need) return;
    let cap = Math.max(4096, this.carry.length * 2);
    while (cap < need) cap *= 2;
    const next = Buffer.allocUnsafe(cap);
    if (keep > 0) this.carry.copy(next, 0, 0, keep);
    this.carry = next;
  }

  /**
   * The hot loop. Scans chunk `b` continuing the pending record.
   *
   * Offsets are recorded in "output coordinates": chunk index + `delta`.
   * While the pending record started in an earlier chunk (it lives in the
   * carry), delta = carryLen, so that once the record ends its remaining bytes
   * are appended to the carry and the spans point into the carry. After that,
   * delta = 0 and spans point straight into the chunk (no copying).
   */
  private scan(b: Uint8Array): void {
    const end = b.length;
    const max = this.maxRecordSize;
    const sink = this.sink;
    const sp = this.spans;
    let st = sp.start;
    let en = sp.end;
    let ex = sp.escaped;
    let cap = st.length;

    let state = this.state;
    let count = this.count;
    let fs = this.fieldStart;
    let esc = this.esc;
    let recLine = this.recLine;
    let breaks = this.breaks;
    let delta = this.carryLen;
    const prevByte = this.lastByte;
    let recStart = 0; // output coordinates of the pending record's first byte
    let i = 0;
    const predictor = this.predictor;
    const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
    // Where the previous record starts in `b`, when it was emitted from `b` and has no line break inside; else -1.
    let prevStart = -1;
    let guess: RecordGuess | null = null;
    let lead = 0;

    for (;;) {
      // LF right after a CR record delimiter: second half of CRLF, not a new record.
      if (count === 0 && state === S_FIELD && i < end && b[i] === LF && (i > 0 ? b[i - 1] : prevByte) === CR) {
        i++;
        recStart = i; // delta is 0 here: an empty pending record never lives in the carry
      }
      if (prevStart >= 0 && predictor !== null) {
        const g = predictor.next();
        const took = g === null ? 0 : this.follow(g, b, dv, i, prevStart, end);
        if (took > 0) {
          guess = g;
          lead = (g as RecordGuess).after;
          count = lead + (g as RecordGuess).fields;
          i += took;
        }
      }
      let lim = recStart - delta + max + 1;
      if (lim > end) lim = end;
      let term = -1;

      fields: for (;;) {
        if (state === S_FIELD) {
          if (i >= lim) break;
          const c = b[i]!;
          if (c === QUOTE) {
            state = S_QUOTED;
            esc = 0;
            i++;
            fs = i + delta;
          } else if (c === COMMA || c === LF || c === CR) {
            if (count === cap) {
              this.growSpans();
              st = sp.start;
              en = sp.end;
              ex = sp.escaped;
              cap = st.length;
            }
            st[count] = en[count] = i + delta;
            ex[count] = 0;
            count++;
            if (c !== COMMA) {
              term = i;
              break;
            }
            i++;
            continue;
          } else {
            state = S_UNQUOTED;
            fs = i + delta;
            i++;
          }
        }
        if (state === S_UNQUOTED) {
          let c = 0;
          while (i < lim) {
            c = b[i]!;
            if (c <= COMMA && (c === COMMA || c === LF || c === CR)) break;
            i++;
          }
          if (i >= lim) break;
          if (count === cap) {
            this.growSpans();
            st = sp.start;
            en = sp.end;
            ex = sp.escaped;
            cap = st.length;
          }
          st[count] = fs;
          en[count] = i + delta;
          ex[count] = 0;
          count++;
          state = S_FIELD;
          if (c === COMMA) {
            i++;
            continue;
          }
          term = i;
          break;
        }
        if (state === S_QUOTED) {
          while (i < lim) {
            const c = b[i]!;
            if (c <= QUOTE) {
              if (c === QUOTE) break;
              if (c === CR) breaks++;
              else if (c === LF && (i > 0 ? b[i - 1] : prevByte) !== CR) breaks++;
            }
            i++;
          }
          if (i >= lim) break;
          state = S_QUOTE_SEEN;
          i++;
        }
        // S_QUOTE_SEEN
        if (i >= lim) break;
        const c = b[i]!;
        if (c === QUOTE) {
          esc = 1;
          state = S_QUOTED;
          i++;
          continue;
        }
        if (c !== COMMA && c !== LF && c !== CR) {
          this.saveCounters(breaks, i, b);
          throw new CsvScanError(
            'bad-quote',
            breaks + 1,
            'Closing quote must be followed by a comma or the end of the record',
            { backslash: this.byteAt(i + delta - 2, b, delta) === BACKSLASH },
          );
        }
        if (count === cap) {
          this.growSpans();
          st = sp.start;
          en = sp.end;
          ex = sp.escaped;
          cap = st.length;
        }
        st[count] = fs;
        en[count] = i - 1 + delta;
        ex[count] = esc;
        count++;
        state = S_FIELD;
        if (c === COMMA) {
          i++;
          continue fields;
        }
        term = i;
        break;
      }

      if (term < 0) {
        // Ran out of bytes (end of chunk) or hit the record size limit.
        const size = i + delta - recStart;
        if (lead > 0 && size <= max) {
          // A guessed record cut by the chunk's end: its leading fields point at an earlier record, which the
          // carry does not hold. Scanned again from its start, once a chunk at most, without a guess (and the
          // line breaks inside its quoted cells counted again, from the record's line).
          i = recStart;
          breaks = recLine - 1;
          count = 0;
          state = S_FIELD;
          guess = null;
          lead = 0;
          prevStart = -1;
          continue;
        }
        if (size > max) {
          this.saveCounters(breaks, i, b);
          const quoteLine = state === S_QUOTED ? this.lineOfByte(fs - 1, recStart, recLine, b, delta) : undefined;
          throw new CsvScanError('record-too-large', recLine, `Record is larger than ${max} bytes`, quoteLine === undefined ? {} : { quoteLine });
        }
        if (delta > 0) {
          // Still the record that started in an earlier chunk: append the whole chunk.
          this.ensureCarry(delta + end, delta);
          this.carry.set(b, delta);
          this.carryLen = delta + end;
        } else {
          // Move the tail of the chunk into the carry and rebase offsets to it. None when the chunk ended with a
          // record: the same code with size 0, not a branch of its own, which would be first taken after the
          // loop is optimised and throw the optimised code away (see WARM_BYTES in parse-fast.ts).
          this.ensureCarry(size, 0);
          this.carry.set(b.subarray(recStart, end), 0);
          this.carryLen = size;
          for (let k = 0; k < count; k++) {
            st[k] = st[k]! - recStart;
            en[k] = en[k]! - recStart;
          }
          fs -= recStart;
        }
        this.state = state;
        this.count = count;
        this.fieldStart = fs;
        this.esc = esc;
        this.recLine = recLine;
        this.breaks = breaks;
        this.lastByte = b[end - 1]!;
        return;
      }

      // Record complete; b[term] is its CR or LF delimiter.
      if (delta > 0) {
        this.ensureCarry(delta + term, delta);
        this.carry.set(b.subarray(0, term), delta);
        sp.buf = this.carry;
      } else {
        sp.buf = b;
      }
      sp.count = count;
      sp.line = recLine;
      sp.seq++;
      sp.sameLead = lead;
      sp.guess = guess;
      sink(sp);
      guess = null;
      lead = 0;
      prevStart = delta === 0 && breaks === recLine - 1 ? recStart : -1;
      if (delta > 0) {
        delta = 0;
        this.carryLen = 0;
      }
      breaks++;
      recLine = breaks + 1;
      count = 0;
      i = term + 1;
      recStart = i;
    }
  }

  /**
   * How many bytes of `b` from `i` (a record's start) hold guess `g`: the raw bytes of the previous record's
   * first `g.after` fields (it starts at `prev` in `b`), then the guess's bytes. Then the spans of the guess's
   * fields are filled in, as the scan would have found them (the leading fields keep theirs: see `sameLead`);
   * 0 when a byte differs (the spans are left as they are).
   */
  private follow(g: RecordGuess, b: Uint8Array, dv: DataView, i: number, prev: number, end: number): number {
    const sp = this.spans;
    const { start: st, end: en, escaped: ex } = sp;
    const after = g.after;
    const n = g.fields;
    // sp still holds the previous record: its field `after` must exist, and the spans must have room.
    if (after >= sp.count || after + n > st.length) return 0;
    // The previous record's leading fields, with the comma after them, end where its field `after` starts.
    const p = (after > 0 ? rawStart(b, st[after]!) : prev) - prev;
    const from = g.from;
    const m = g.length;
    if (i + p + m > end || p + m > this.maxRecordSize) return 0;
    const at = i + p;
    if (!sameBytes(dv, i, dv, prev, p) || !sameBytes(dv, at, g.bytes, from, m)) return 0;
    // The leading fields keep their offsets: they point at the same bytes in an earlier record (see sameLead).
    const spans = g.spans;
    for (let f = after, k = g.fieldsAt; f < after + n; f++, k += 3) {
      st[f] = spans[k]! + at;
      en[f] = spans[k + 1]! + at;
      ex[f] = spans[k + 2]!;
    }
    return p + m;
  }

  // Error paths only: bytes by output coordinate (see `scan`), in the carry below `delta`, else in the chunk.
  private byteAt(k: number, b: Uint8Array, delta: number): number {
    return k >= delta ? (b[k - delta] ?? -1) : k >= 0 ? (this.carry[k] ?? -1) : -1;
  }

  /** The physical line of output coordinate `to`, counting from the pending record's start. */
  private lineOfByte(to: number, recStart: number, recLine: number, b: Uint8Array, delta: number): number {
    // Output coordinates below `delta` are in the carry, the others in the chunk (see `scan`).
    const inCarry = Math.min(to, delta);
    let line = recLine + (recStart < inCarry ? breaksIn(this.carry, recStart, inCarry, NONE) : 0);
    const from = Math.max(recStart, delta);
    if (to > from) line += breaksIn(b, from - delta, to - delta, from === recStart ? NONE : this.byteAt(from - 1, b, delta));
    return line;
  }

  /** The physical line of byte `index` of a chunk before it is pushed (for warnings about raw bytes). */
  lineOf(chunk: Uint8Array, index: number): number {
    return this.breaks + 1 + breaksIn(chunk, 0, index, this.lastByte);
  }

  private saveCounters(breaks: number, i: number, b: Uint8Array): void {
    this.breaks = breaks;
    if (i > 0) this.lastByte = b[i - 1]!;
  }
}
