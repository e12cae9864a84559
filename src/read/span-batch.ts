/**
 * Records of the byte scanner sent from one thread to another: the scan worker (scan-worker.ts) copies each
 * record's bytes into a batch and writes its field spans into a table; the main thread replays the table as
 * FieldSpans, record after record, in the order the scanner found them. The replayed spans are the scanner's
 * spans shifted to the batch buffer, so every rule that reads them sees what it would have seen on one thread.
 */
import type { FieldSpans } from './fast-scan.js';

/** One batch, posted with its two ArrayBuffers transferred (no copy). */
export interface SpanBatch {
  kind: 'batch';
  bytes: ArrayBuffer;
  table: ArrayBuffer;
  records: number;
  /** Bytes of the file read so far, for progress. */
  bytesRead: number;
}

const BYTES = 1 << 20;
const TABLE = 1 << 16;

/** Worker side: `add` every record the scanner emits, `flush` at the end. */
export class BatchWriter {
  private bytes = Buffer.allocUnsafeSlow(BYTES);
  private used = 0;
  private table = new Int32Array(TABLE);
  private t = 0;
  private records = 0;
  /** The file position reported with the next batch. */
  bytesRead = 0;

  constructor(private readonly post: (batch: SpanBatch, transfer: ArrayBuffer[]) => void) {}

  add(r: FieldSpans): void {
    const count = r.count;
    const from = r.start[0] as number;
    const n = (r.end[count - 1] as number) - from;
    if (this.used + n > this.bytes.length || this.t + 2 + 2 * count > this.table.length) {
      this.flush();
      // A record larger than a batch (up to the 1 MiB record limit) gets a batch of its own size.
      if (n > this.bytes.length) this.bytes = Buffer.allocUnsafeSlow(n);
      if (2 + 2 * count > this.table.length) this.table = new Int32Array(2 + 2 * count);
    }
    const bytes = this.bytes;
    const src = r.buf;
    const at = this.used;
    if (n < 64) for (let i = 0; i < n; i++) bytes[at + i] = src[from + i] as number;
    else bytes.set(src.subarray(from, from + n), at);
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
    if (this.records === 0) return;
    const batch: SpanBatch = { kind: 'batch', bytes: this.bytes.buffer, table: this.table.buffer, records: this.records, bytesRead: this.bytesRead };
    this.post(batch, [batch.bytes, batch.table]);
    this.bytes = Buffer.allocUnsafeSlow(BYTES);
    this.table = new Int32Array(TABLE);
    this.used = 0;
    this.t = 0;
    this.records = 0;
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

  replay(batch: SpanBatch, sink: (spans: FieldSpans) => void): void {
    // A Buffer, as the scanner's chunks are: fieldText decodes Buffers with toString.
    this.buf = Buffer.from(batch.bytes);
    const table = new Int32Array(batch.table);
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
