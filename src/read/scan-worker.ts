/**
 * The scan worker: reads a large UTF-8 comma file, hashes it (when asked) and runs the byte scanner on it
 * (scanSpans, the very function the single-thread path runs), on the second core. Records go to the main thread in batches
 * (span-batch.ts), in order; the main thread does the layout and the tally, so every count, warning and line
 * number is the single-thread one by construction. A scan error is sent after the records that precede it.
 *
 * Flow control: `credits[0]` is the number of batches the worker may still start; the main thread adds one per
 * batch it has counted. At most SLOTS batches (slots of span-batch.ts) are ever in flight, whatever the file size.
 * `credits[1]` set to 1 asks the worker to stop (the main thread met an error).
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { DataError, InputError, RunoffError, UsageError } from '../model/errors.js';
import { scanSpans } from './parse-fast.js';
import { BatchWriter, type Slots } from './span-batch.js';

export interface ScanJob {
  path: string;
  /** The name for messages. */
  file: string;
  /** Bytes at the start that are not records (the BOM): hashed, not scanned. */
  skip: number;
  /** Whether to hash the file (ScanEnd's `sha256` is '' when not). */
  hash: boolean;
  credits: SharedArrayBuffer;
  slots: Slots;
}

/** The last message: the read's warnings and the file's SHA-256, or the error that ended it. */
export type ScanEnd =
  | { kind: 'done'; warnings: unknown[]; sha256: string; bytesRead: number }
  | { kind: 'error'; error: ScanFailure };

/** An error, as data: class names do not survive the minified bundle, so the class is said in a word. */
export interface ScanFailure {
  name: 'data' | 'input' | 'usage' | 'bug';
  message: string;
  at: { file: string; line?: number } | undefined;
  hint: string | undefined;
}

function failure(err: unknown): ScanFailure {
  if (!(err instanceof RunoffError)) return { name: 'bug', message: String(err instanceof Error ? err.stack : err), at: undefined, hint: undefined };
  const name = err instanceof DataError ? 'data' : err instanceof InputError ? 'input' : err instanceof UsageError ? 'usage' : 'bug';
  return { name, message: err.message, at: err.at, hint: err.hint };
}

const READ = 1 << 20;

class Stopped extends Error {}

function run(job: ScanJob): void {
  const port = parentPort;
  if (!port) return;
  const credits = new Int32Array(job.credits);
  const acquire = (): void => {
    for (;;) {
      if (Atomics.load(credits, 1) !== 0) throw new Stopped();
      const c = Atomics.load(credits, 0);
      if (c > 0 && Atomics.compareExchange(credits, 0, c, c - 1) === c) return;
      if (c <= 0) Atomics.wait(credits, 0, c);
    }
  };
  const writer = new BatchWriter(job.slots, acquire, (batch, transfer) => port.postMessage(batch, transfer));
  const hash = job.hash ? createHash('sha256') : null;
  const fd = openSync(job.path, 'r');
  function* chunks(): Generator<Buffer> {
    // One read buffer, reused: the scanner copies what it keeps, and the writer copies every record.
    const buffer = Buffer.allocUnsafeSlow(READ);
    let skip = job.skip;
    for (let n; (n = readSync(fd, buffer, 0, READ, null)) > 0; ) {
      hash?.update(buffer.subarray(0, n));
      writer.bytesRead += n;
      const from = Math.min(skip, n);
      skip -= from;
      if (from < n) {
        const chunk = buffer.subarray(from, n);
        writer.chunk = chunk;
        yield chunk;
        writer.seal(); // before the next read reuses the buffer
      }
    }
  }
  const finish = async (): Promise<ScanEnd> => {
    try {
      const warnings = await scanSpans(chunks(), job.file, (spans) => writer.add(spans));
      writer.flush();
      return { kind: 'done', warnings, sha256: hash?.digest('hex') ?? '', bytesRead: writer.bytesRead };
    } catch (err) {
      if (err instanceof Stopped) throw err;
      writer.flush(); // the records before the error are counted first, as on one thread
      return { kind: 'error', error: failure(err) };
    }
  };
  finish()
    .then((end) => port.postMessage(end))
    .catch((err: unknown) => {
      if (!(err instanceof Stopped)) throw err;
    })
    .finally(() => closeSync(fd));
}

run(workerData as ScanJob);
