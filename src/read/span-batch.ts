/**
 * Records of the byte scanner sent from one thread to another: the scan worker (scan-worker.ts) copies each
 * record's bytes into a batch and writes its field spans into a table; the main thread replays the table as
 * FieldSpans, record after record, in the order the scanner found them. The replayed spans are the scanner's
 * spans shifted to the batch buffer, so every rule that reads them sees what it would have seen on one thread.
 */
import type { FieldSpans } from './fast-scan.js';

/**
 * One batch. Most live in one of the shared slots (`slot` ≥ 0: no copy, no transfer, no garbage: transferring
 * a 4 MiB buffer costs milliseconds); a record larger than a slot comes alone in buffers of its own.
 */
export interface SpanBatch {
  kind: 'batch';
  slot: number;
  bytes: ArrayBuffer | null;
  table: ArrayBuffer | null;
  records: number;
  /** Bytes of the file read so far, for progress. */
  bytesRead: number;
}

/** The shared memory both threads see: SLOTS pairs of (record bytes, span table). */
export interface Slots {
  bytes: SharedArrayBuffer[];
  tables: SharedArrayBuffer[];
}

/** Slots, and so batches in flight: enough to keep both threads busy, few enough to keep memory flat. */
export const SLOTS = 4;
const BYTES = 2 << 20;
const TABLE = 1 << 18;

export function makeSlots(): Slots {
  return { bytes: Array.from({ length: SLOTS }, () => new SharedArrayBuffer(BYTES)), tables: Array.from({ length: SLOTS }, () => new SharedArrayBuffer(TABLE * 4)) };
}

/** Worker side: `add` every record the scanner emits, `flush` at the end. */
export class BatchWriter {
  private readonly slotBytes: Buffer[];
  private readonly slotTables: Int32Array[];
  private bytes: Buffer;
  private table: Int32Array;
  private used = 0;
  private t = 0;
  private records = 0;
  private seq = 0;
  private open = false;
  /** The run of records being gathered: from `runFrom` to `runEnd` of `runSrc`, bound for `runAt` of the slot. */
  private runSrc: Uint8Array | null = null;
  private runFrom = 0;
  private runEnd = 0;
  private runAt = 0;
  /** The file position reported with the next batch. */
  bytesRead = 0;
  /** The chunk being scanned: only its records are gathered into runs (see `seal`). */
  chunk: Uint8Array | null = null;

  /**
   * @param acquire blocks until the main thread has released a slot (one batch in flight fewer).
   * @param post sends a batch; `transfer` is empty unless the batch has buffers of its own.
   */
  constructor(
    slots: Slots,
    private readonly acquire: () => void,
    private readonly post: (batch: SpanBatch, transfer: ArrayBuffer[]) => void,
  ) {
    this.slotBytes = slots.bytes.map((b) => Buffer.from(b));
    this.slotTables = slots.tables.map((t) => new Int32Array(t));
    this.bytes = this.slotBytes[0] as Buffer;
    this.table = this.slotTables[0] as Int32Array;
  }

  add(r: FieldSpans): void {
    const count = r.count;
    const from = r.start[0] as number;
    const n = (r.end[count - 1] as number) - from;
    if (!this.open) this.begin();
    // Where the record lands: right after the previous one when it follows it in the same buffer (one copy per run).
    const continues = r.buf === this.runSrc && from >= this.runEnd;
    const need = continues ? this.runAt + (from + n - this.runFrom) : this.used + n;
    if (need > this.bytes.length || this.t + 2 + 2 * count > this.table.length) {
      if (this.records > 0) this.flush();
      if (n > BYTES || 2 + 2 * count > TABLE) return this.alone(r, n, count);
      if (!this.open) this.begin();
      this.write(r, from, n, count, false);
    } else this.write(r, from, n, count, continues);
    // A record in the scanner's carry (it began in an earlier chunk): copied now, the carry is rewritten soon.
    if (r.buf !== this.chunk) this.seal();
  }

  /**
   * Copy the pending run of records into the slot: before a batch is posted, and before the buffer the records
   * point into is reused (the worker calls this after every chunk).
   */
  seal(): void {
    const src = this.runSrc;
    if (src === null) return;
    if (this.runEnd > this.runFrom) this.bytes.set(src.subarray(this.runFrom, this.runEnd), this.runAt);
    this.runSrc = null;
    this.runEnd = 0;
  }

  private begin(): void {
    this.acquire();
    const k = this.seq % SLOTS;
    this.bytes = this.slotBytes[k] as Buffer;
    this.table = this.slotTables[k] as Int32Array;
    this.open = true;
  }

  /** A record larger than a slot (up to the 1 MiB record limit): a batch of its own size. */
  private alone(r: FieldSpans, n: number, count: number): void {
    this.seal();
    if (!this.open) this.acquire(); // an open, empty slot's credit is this batch's
    this.bytes = Buffer.from(new ArrayBuffer(n));
    this.table = new Int32Array(2 + 2 * count);
    this.write(r, r.start[0] as number, n, count, false);
    this.seal();
    const batch: SpanBatch = { kind: 'batch', slot: -1, bytes: this.bytes.buffer as ArrayBuffer, table: this.table.buffer as ArrayBuffer, records: 1, bytesRead: this.bytesRead };
    this.post(batch, [batch.bytes as ArrayBuffer, batch.table as ArrayBuffer]);
    this.done();
  }

  private write(r: FieldSpans, from: number, n: number, count: number, continues: boolean): void {
    if (!continues) {
      this.seal();
      this.runSrc = r.buf;
      this.runFrom = from;
      this.runAt = this.used;
    }
    const at = this.runAt + (from - this.runFrom);
    this.runEnd = from + n;
    this.used = at + n;
    const table = this.table;
    let t = this.t;
    table[t++] = r.line;
    table[t++] = count;
    const shift = at - from;
    const { start, end, escaped } = r;
    for (let f = 0; f < count; f++) {
      table[t++] = (start[f] as number) + shift;
      table[t++] = ((end[f] as number) + shift) * 2 + (escaped[f] as number);
    }
    this.t = t;
    this.records++;
  }

  flush(): void {
    if (!this.open) return;
    if (this.records === 0) return; // an open slot with nothing in it stays open, credit and all
    this.seal();
    this.post({ kind: 'batch', slot: this.seq % SLOTS, bytes: null, table: null, records: this.records, bytesRead: this.bytesRead }, []);
    this.done();
  }

  private done(): void {
    this.seq++;
    this.used = 0;
    this.t = 0;
    this.records = 0;
    this.open = false;
  }
}

/** Main-thread side: one reused FieldSpans, as the scanner has it, for every replayed record. */
export class BatchReader implements FieldSpans {
  buf: Uint8Array = Buffer.alloc(0);
  start = new Int32Array(64);
  end = new Int32Array(64);
  escaped = new Uint8Array(64);
  count = 0;
  line = 1;
  // Replayed records carry no guesses (their raw bytes are not all copied): nothing is known to repeat.
  readonly seq = 0;
  readonly sameLead = 0;
  readonly guess = null;
  private readonly slotBytes: Buffer[];
  private readonly slotTables: Int32Array[];

  constructor(slots: Slots) {
    // Buffers, as the scanner's chunks are: fieldText decodes Buffers with toString.
    this.slotBytes = slots.bytes.map((b) => Buffer.from(b));
    this.slotTables = slots.tables.map((t) => new Int32Array(t));
  }

  replay(batch: SpanBatch, sink: (spans: FieldSpans) => void): void {
    const own = batch.slot < 0;
    this.buf = own ? Buffer.from(batch.bytes as ArrayBuffer) : (this.slotBytes[batch.slot] as Buffer);
    const table = own ? new Int32Array(batch.table as ArrayBuffer) : (this.slotTables[batch.slot] as Int32Array);
    let t = 0;
    for (let k = 0; k < batch.records; k++) {
      const line = table[t++] as number;
      const count = table[t++] as number;
      if (count > this.start.length) this.grow(count);
      const { start, end, escaped } = this;
      for (let f = 0; f < count; f++) {
        start[f] = table[t++] as number;
        const e = table[t++] as number;
        end[f] = e >>> 1;
        escaped[f] = e & 1;
      }
      this.count = count;
      this.line = line;
      sink(this);
    }
  }

  private grow(count: number): void {
    this.start = new Int32Array(count * 2);
    this.end = new Int32Array(count * 2);
    this.escaped = new Uint8Array(count * 2);
  }
}
