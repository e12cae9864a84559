/**
 * Both cores on one large file: the scan worker (read/scan-worker.ts) reads, hashes and scans the bytes while
 * this thread runs the layout and the tally on the records it sends, in file order. The rules of RowReader are
 * sequential (blocks of a precinct, repeats, county checks, the first lines of each warning), so they stay on
 * one thread and see exactly the records of a single-thread scan; only the byte work moves.
 *
 * Used for files on disk (not stdin, not .gz or .zip), UTF-8 comma files (the byte scanner's dialect), from
 * THREAD_THRESHOLD bytes up (below that a worker's start-up costs more than it saves), when the file cannot be
 * counted on both cores instead (split.ts: precinct files, in ranges).
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { DataError, InputError, UsageError, type RunoffError } from '../model/errors.js';
import type { Warning } from '../model/types.js';
import { BatchReader, makeSlots, SLOTS, type SpanBatch } from '../read/span-batch.js';
import { SpanRecord } from '../read/span-record.js';
import type { RecordView } from '../read/record-view.js';
import type { Source } from '../read/open.js';
import type { ScanEnd, ScanFailure, ScanJob } from '../read/scan-worker.js';

export const THREAD_THRESHOLD = 64 * 1024 * 1024;

/** `threaded` forces the worker for any file on disk (tests compare it with `fast`); `auto` picks by size. */
export function useWorker(source: Source, parser: 'auto' | 'threaded', fastDialect: boolean): source is Source & { path: string } {
  if (source.path === null || source.size === null || !fastDialect) return false;
  return parser === 'threaded' || source.size >= THREAD_THRESHOLD;
}

export interface WorkerScan {
  warnings: Warning[];
  sha256: string;
  bytesRead: number;
}

/** A worker script (`scan-worker.js`, `range-worker.js`): beside the bundle chunk in dist/, or the built one when this runs from the sources (tests). */
export function workerUrl(script: string): URL {
  const bundled = new URL(`./${script}`, import.meta.url);
  return existsSync(fileURLToPath(bundled)) ? bundled : new URL(`../../dist/${script}`, import.meta.url);
}

/** Scan `source` (from byte `skip`, after its BOM) in the worker, which hashes it if `hash`; `onRecord` sees every record in order. */
export function scanInWorker(source: Source & { path: string }, skip: number, hash: boolean, onRecord: (rec: RecordView) => void, onProgress: (bytesRead: number) => void): Promise<WorkerScan> {
  const credits = new SharedArrayBuffer(8);
  const flags = new Int32Array(credits);
  flags[0] = SLOTS;
  const slots = makeSlots();
  const job: ScanJob = { path: source.path, file: source.name, skip, hash, credits, slots };
  const worker = new Worker(workerUrl('scan-worker.js'), { workerData: job });
  const view = new SpanRecord();
  const reader = new BatchReader(slots);
  view.r = reader;
  const sink = (): void => onRecord(view);
  return new Promise<WorkerScan>((resolve, reject) => {
    const stop = (err: unknown): void => {
      Atomics.store(flags, 1, 1);
      Atomics.notify(flags, 0);
      void worker.terminate();
      reject(err);
    };
    worker.on('message', (message: SpanBatch | ScanEnd) => {
      try {
        if (message.kind === 'batch') {
          reader.replay(message, sink);
          Atomics.add(flags, 0, 1);
          Atomics.notify(flags, 0);
          onProgress(message.bytesRead);
          return;
        }
        void worker.terminate();
        if (message.kind === 'error') return reject(rebuild(message.error));
        resolve({ warnings: message.warnings as Warning[], sha256: message.sha256, bytesRead: message.bytesRead });
      } catch (err) {
        stop(err);
      }
    });
    worker.on('error', stop);
    worker.on('exit', (code) => reject(new Error(`the scan worker stopped early (exit code ${code})`)));
  });
}

function rebuild(e: ScanFailure): Error {
  const make = (C: new (message: string, at?: { file: string; line?: number }, hint?: string) => RunoffError): RunoffError => new C(e.message, e.at, e.hint);
  switch (e.name) {
    case 'data':
      return make(DataError);
    case 'input':
      return make(InputError);
    case 'usage':
      return make(UsageError);
    case 'bug':
      return new Error(e.message);
  }
}
