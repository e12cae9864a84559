/**
 * One large file on both cores, each counting half of it. The main thread reads the first half with its
 * RowReader; a worker (range-worker.ts) counts the second half with a RowReader of its own; at the boundary the
 * main thread takes the worker's state in (layout/rows/handoff.ts) as if it had read those rows itself.
 *
 * The boundary is a record that starts a new place (a precinct) near the middle, found by scanning a window
 * there from its first line break. A line break can also sit inside a quoted cell, so nothing is trusted: the
 * main thread's own scan must end exactly at the boundary on a record's end, its last record and the worker's
 * first must be full rows of two different places, and the worker's rows must not depend on the first half
 * (handoff.ts). Otherwise the main thread reads the second half itself, in order, as a single thread would:
 * every count, warning, error and line number is then the single-thread one.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import type { Header } from '../layout/header.js';
import { placeColumns } from '../layout/layout.js';
import { absorb, mergeBlocker, splittable } from '../layout/rows/handoff.js';
import type { RowReader } from '../layout/rows/row-reader.js';
import { FastCsvScanner } from '../read/fast-scan.js';
import type { ScanProbe } from '../read/parse-fast.js';
import type { RecordView } from '../read/record-view.js';
import { SpanRecord } from '../read/span-record.js';
import { fileChunks } from '../read/open.js';
import { workerUrl } from './parallel.js';
import type { RangeEnd, RangeJob } from './range-worker.js';

/**
 * Bytes the main thread counts while the worker starts: on the machine of the README's figures the worker
 * begins counting 0.23–0.25 s after it is made, while one thread counts about 145 MB/s.
 */
const HEAD_START = 32 << 20;

/** Bytes scanned around the middle for a change of place. */
const WINDOW = 256 * 1024;

export interface SplitPlan {
  header: Header;
  /** The byte where the worker's range starts: a record whose place differs from the one before, by the window's reading. */
  boundary: number;
}

/**
 * Files smaller than this are counted faster on one thread: the worker's start (its modules, its JIT warming up
 * on its first rows) costs more than half of their reading saves (200 MB: 1.70 s split, 1.71 s one thread).
 */
export const SPLIT_THRESHOLD = 192 << 20;

/**
 * Where to split `path`: it is large enough (or `force`d, for tests), its header (head.ts) has a splittable
 * layout, and a change of place is near the middle.
 */
export async function planSplit(path: string, size: number, header: Header | null, skip: number, force = false): Promise<SplitPlan | null> {
  if (!header || !splittable(header.layout) || (size < SPLIT_THRESHOLD && !force)) return null;
  const place = placeColumns(header.layout);
  // Past the middle by half of what the main thread counts while the worker starts (its threads, its modules):
  // then both halves end together.
  const middle = Math.floor((skip + size) / 2 + Math.min(HEAD_START / 2, (size - skip) / 8));
  const handle = await open(path, 'r');
  try {
    const window = Buffer.allocUnsafe(Math.min(WINDOW, size - middle));
    const { bytesRead } = await handle.read(window, 0, window.length, middle);
    const read = window.subarray(0, bytesRead);
    const start = read.indexOf(0x0a) + 1;
    if (start === 0) return null;
    const at = placeChange(read.subarray(start), place, header.layout.headerLength);
    return at < 0 ? null : { header, boundary: middle + start + at };
  } finally {
    await handle.close();
  }
}

/**
 * The byte offset in `bytes` of the first record (past the first) whose place cells differ from the record
 * before, both full rows; -1 when none does. Offsets of records are those of their first line: a window with
 * a lone CR line end (or none) gives -1.
 */
function placeChange(bytes: Buffer, place: readonly number[], width: number): number {
  let previous: string | null = null;
  let line = -1;
  const view = new SpanRecord();
  const scanner = new FastCsvScanner((spans) => {
    if (line >= 0) return;
    view.r = spans;
    const here = view.count === width ? place.map((c) => view.text(c)).join('\u0000') : null;
    if (previous !== null && here !== null && here !== previous) line = spans.line;
    previous = here;
  });
  try {
    scanner.push(bytes);
  } catch {
    return -1;
  }
  if (line < 0) return -1;
  // Past line - 1 line breaks, counted as the scanner counts them: CRLF, LF or a lone CR.
  let at = 0;
  for (let breaks = 0; breaks < line - 1 && at < bytes.length; at++) {
    const b = bytes[at];
    if (b === 0x0a || (b === 0x0d && bytes[at + 1] !== 0x0a)) breaks++;
  }
  return at;
}

/** The worker counting the second half; `end` settles with its hand-off, or with why there is none. */
export function countRange(job: RangeJob, onProgress: (bytesRead: number) => void): { end: Promise<RangeEnd>; stop: () => void } {
  let worker: Worker;
  try {
    worker = new Worker(workerUrl('range-worker.js'), { workerData: job });
  } catch (err) {
    // No worker (the script missing, threads refused): the main thread reads the whole file.
    return { end: Promise.resolve({ state: null, blocker: `no worker: ${err instanceof Error ? err.message : String(err)}`, first: null, bytesRead: 0 }), stop: () => undefined };
  }
  const end = new Promise<RangeEnd>((resolve) => {
    const failed = (why: string): void => resolve({ state: null, blocker: why, first: null, bytesRead: 0 });
    worker.on('message', (message: RangeEnd | { progress: number }) => ('progress' in message ? onProgress(message.progress) : resolve(message)));
    worker.once('error', (err) => failed(`worker: ${err.message}`));
    worker.once('exit', (code) => failed(`the worker stopped (exit code ${code})`));
  });
  return { end, stop: () => void worker.terminate() };
}

/** The place cells of the record `rec` is at, when it is a full row and not the header again; else null. */
export function placeOf(rec: RecordView | null, header: Header): string[] | null {
  if (rec === null || rec.count !== header.layout.headerLength) return null;
  if (header.cells.every((cell, i) => rec.text(i) === cell)) return null;
  return placeColumns(header.layout).map((c) => rec.text(c));
}

/** What the main read lends the split read at the boundary. */
export interface SplitHooks {
  file: string;
  /** The scanner of the main read, to check that the first half ended on a record's end, and its line count. */
  probe: () => ScanProbe | null;
  /** The record the main read is at (its last), and its reader (null before the header). */
  last: () => RecordView | null;
  reader: () => RowReader | null;
  /** Chunks read by this thread, for the hash. */
  onChunk: (chunk: Buffer) => void;
  /** Bytes read by both threads so far. */
  onProgress: (bytes: number) => void;
  /** The hash is made from the chunks (not by a worker of its own): the second half is read for it after a merge. */
  hashRest: boolean;
  /** Told how the split went: `merged`, or why the main thread read the second half itself. */
  onSplit?: ((how: string) => void) | undefined;
}

/**
 * The main read's chunks: the first half of the file, then — unless the worker's count of the second half is
 * taken in at the boundary — the second half. `bytes` says how much of the file was read, by both threads.
 */
export function splitChunks(path: string, size: number, skip: number, plan: SplitPlan, job: RangeJob, hooks: SplitHooks): { chunks: AsyncGenerator<Buffer>; bytes: () => number } {
  let bytes = skip;
  /** What the worker has read so far, shown in the progress until its count is taken in or given up. */
  let workerBytes = 0;
  /** At the boundary: the worker's hand-off, taken in; or why the main thread reads the second half itself. */
  async function takeIn(end: Promise<RangeEnd>): Promise<RangeEnd | string> {
    const probe = hooks.probe();
    const reader = hooks.reader();
    if (!probe?.atRecordStart()) return 'the boundary is inside a record';
    if (reader === null) return 'no header before the boundary';
    const mine = placeOf(hooks.last(), plan.header);
    const theirs = await end;
    if (theirs.state === null || theirs.first === null) return theirs.blocker ?? 'no state';
    if (mine === null) return 'the last record before the boundary is not a full row';
    if (mine.every((cell, i) => cell === theirs.first?.[i])) return 'one place on both sides of the boundary';
    const blocker = mergeBlocker(reader.inner, theirs.state);
    if (blocker !== null) return blocker;
    absorb(reader.inner, theirs.state, probe.lines, hooks.file);
    return theirs;
  }
  async function* chunks(): AsyncGenerator<Buffer> {
    const worker = countRange(job, (n) => {
      workerBytes = n;
      hooks.onProgress(bytes + workerBytes);
    });
    const handle = await open(path, 'r');
    try {
      for await (const chunk of read(handle, skip, plan.boundary)) yield chunk;
      const taken = await takeIn(worker.end);
      hooks.onSplit?.(typeof taken === 'string' ? taken : 'merged');
      if (typeof taken === 'string') {
        for await (const chunk of read(handle, plan.boundary, size)) yield chunk;
      } else if (hooks.hashRest) {
        for await (const chunk of read(handle, plan.boundary, size)) void chunk;
      } else bytes += taken.bytesRead;
    } finally {
      worker.stop();
      await handle.close();
    }
  }
  async function* read(handle: FileHandle, from: number, to: number): AsyncGenerator<Buffer> {
    // Two buffers (fileChunks): the boundary check reads the last record of a chunk before the next is asked for.
    for await (const chunk of fileChunks(handle, from, to)) {
      bytes += chunk.length;
      hooks.onChunk(chunk);
      hooks.onProgress(bytes > plan.boundary ? bytes : bytes + workerBytes);
      yield chunk;
    }
  }

  return { chunks: chunks(), bytes: () => bytes };
}

