/**
 * One large file on both cores. The main thread reads the first half with its RowReader; a worker
 * (range-worker.ts) counts the second half with a RowReader of its own; whichever is done first takes the second
 * half of the other's unread bytes (ranges.ts), and so on while enough is left. At the end of its first range the
 * main thread takes in the other ranges' states (layout/rows/handoff.ts), in file order, as if it had read those
 * rows itself.
 *
 * Each range starts at a record whose place differs from the one before, found by scanning a window from its
 * first line break. A line break can also sit inside a quoted cell, so nothing is trusted: each range's scan must
 * end exactly at the next range's start on a record's end, the records either side of it must be full rows of
 * two different places, and no range's rows may depend on those before it (handoff.ts). Otherwise the main
 * thread reads the rest of the file itself, in order, as a single thread would: every count, warning, error and
 * line number is then the single-thread one.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import type { Header } from '../layout/header.js';
import { absorb, splittable } from '../layout/rows/handoff.js';
import type { RowReader } from '../layout/rows/row-reader.js';
import type { ScanProbe } from '../read/parse-fast.js';
import type { RecordView } from '../read/record-view.js';
import { fileChunks, type ReadLimit } from '../read/open.js';
import { countRange, type RangeJob } from './count-range.js';
import { workerUrl } from './parallel.js';
import type { WorkerMessage } from './range-worker.js';
import { fold, joinBlocker, MAIN, placeBoundary, placeOf, RangeControl, steal, WORKER, type RangeEnd } from './ranges.js';

/**
 * Bytes the main thread counts while the worker starts: on the machine of the README's figures the worker
 * begins counting 0.23–0.25 s after it is made, while one thread counts about 145 MB/s.
 */
const HEAD_START = 32 << 20;

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
  // Past the middle by half of what the main thread counts while the worker starts (its threads, its modules):
  // then both halves end together, or nearly (the rest is evened out as they go: ranges.ts).
  const middle = Math.floor((skip + size) / 2 + Math.min(HEAD_START / 2, (size - skip) / 8));
  const handle = await open(path, 'r');
  try {
    const boundary = await placeBoundary(handle, middle, size, header);
    return boundary === null ? null : { header, boundary };
  } finally {
    await handle.close();
  }
}

/** The worker (range-worker.ts): `ranges` settles with the ranges it counted, or with why it stopped before its end. */
function startWorker(job: RangeJob, onProgress: (bytesRead: number) => void): { ranges: Promise<RangeEnd[] | string>; stop: () => void } {
  let worker: Worker;
  try {
    worker = new Worker(workerUrl('range-worker.js'), { workerData: job });
  } catch (err) {
    // No worker (the script missing, threads refused): the main thread reads the whole file.
    return { ranges: Promise.resolve(`no worker: ${err instanceof Error ? err.message : String(err)}`), stop: () => undefined };
  }
  const counted: RangeEnd[] = [];
  const ranges = new Promise<RangeEnd[] | string>((resolve) => {
    worker.on('message', (message: WorkerMessage) => {
      if ('progress' in message) onProgress(message.progress);
      else if ('range' in message) counted.push(message.range);
      else resolve(counted);
    });
    worker.once('error', (err) => resolve(`worker: ${err.message}`));
    worker.once('exit', (code) => resolve(`the worker stopped (exit code ${code})`));
  });
  return { ranges, stop: () => void worker.terminate() };
}

/** What the main read lends the split read at the boundary. */
export interface SplitHooks {
  file: string;
  /** The scanner of the main read, to check that its first range ended on a record's end, and its line count. */
  probe: () => ScanProbe | null;
  /** The record the main read is at (its last), and its reader (null before the header). */
  last: () => RecordView | null;
  reader: () => RowReader | null;
  /** Chunks read by this thread, for the hash. */
  onChunk: (chunk: Buffer) => void;
  /** Bytes read by both threads so far. */
  onProgress: (bytes: number) => void;
  /** The hash is made from the chunks (not by a worker of its own): the rest of the file is read for it after a merge. */
  hashRest: boolean;
  /** Told how the split went: `merged (n ranges taken in)`, or why the main thread read the rest itself. */
  onSplit?: ((how: string) => void) | undefined;
}

/**
 * The main read's chunks: its first range (the first half of the file, or less when the worker took its end),
 * then — unless the other ranges' counts are taken in at its end — the rest of the file. `bytes` says how much of
 * the file was read, by both threads.
 */
export function splitChunks(path: string, size: number, skip: number, plan: SplitPlan, job: RangeJob, hooks: SplitHooks): { chunks: AsyncGenerator<Buffer>; bytes: () => number } {
  let bytes = skip;
  /** What the worker has read so far, and the main thread in the ranges it took: shown in the progress until taken in or given up. */
  let workerBytes = 0;
  let ownBytes = 0;
  const control = new RangeControl(job.control);
  const progress = (): void => hooks.onProgress(bytes + workerBytes + ownBytes);
  /** How many ranges after the main thread's first were taken in (for the trace). */
  let taken = 0;
  /** At the end of its first range (`boundary`): the other ranges, counted and taken in; or why the main thread reads the rest itself. */
  async function takeIn(boundary: number, worker: ReturnType<typeof startWorker>, handle: FileHandle): Promise<RangeEnd | string> {
    const probe = hooks.probe();
    const reader = hooks.reader();
    if (!probe?.atRecordStart()) return 'the boundary is inside a record';
    if (reader === null) return 'no header before the boundary';
    const mine = placeOf(hooks.last(), plan.header);
    if (mine === null) return 'the last record before the boundary is not a full row';
    // The main thread's turn at the worker's unread bytes, while there are enough.
    const own: RangeEnd[] = [];
    const onBytes = (n: number): void => {
      ownBytes += n;
      progress();
    };
    let range: { from: number } | null;
    while ((range = await steal(control, WORKER, MAIN, handle, plan.header, job.minimumCut)) !== null) own.push(await countRange(job, handle, control, MAIN, range.from, onBytes));
    const theirs = await worker.ranges;
    if (typeof theirs === 'string') return theirs;
    const ranges = [...theirs, ...own].sort((a, b) => a.from - b.from);
    taken = ranges.length;
    const folded = fold(ranges, plan.header.layout, hooks.file, job.tracksRegions);
    if (typeof folded === 'string') return folded;
    if (folded.to !== size) return 'the ranges end before the end of the file';
    // The same check as between the other ranges: the first starts at the boundary, at a new place, mergeable.
    const blocker = joinBlocker(reader.inner, { to: boundary, last: mine }, folded);
    if (blocker !== null || folded.state === null) return blocker ?? 'no state';
    absorb(reader.inner, folded.state, probe.lines, hooks.file);
    return folded;
  }
  async function* chunks(): AsyncGenerator<Buffer> {
    control.set(MAIN, skip, plan.boundary);
    control.set(WORKER, plan.boundary, size);
    const worker = startWorker(job, (n) => {
      workerBytes = n;
      progress();
    });
    const handle = await open(path, 'r');
    try {
      // The main thread's first range: up to the boundary, or to where the worker cut it.
      for await (const chunk of read(handle, skip, control.limit(MAIN))) yield chunk;
      const boundary = bytes;
      const merged = await takeIn(boundary, worker, handle);
      // From here `bytes` alone says how far the file is read: the other ranges' bytes are in it, or read again.
      workerBytes = ownBytes = 0;
      hooks.onSplit?.(typeof merged === 'string' ? merged : `merged (${taken} range${taken === 1 ? '' : 's'} taken in)`);
      if (typeof merged === 'string') {
        for await (const chunk of read(handle, boundary, size)) yield chunk;
      } else if (hooks.hashRest) {
        for await (const chunk of read(handle, boundary, size)) void chunk;
      } else bytes += merged.bytesRead;
    } finally {
      worker.stop();
      await handle.close();
    }
  }
  async function* read(handle: FileHandle, from: number, to: number | ReadLimit): AsyncGenerator<Buffer> {
    // Two buffers (fileChunks): the boundary check reads the last record of a chunk before the next is asked for.
    for await (const chunk of fileChunks(handle, from, to)) {
      bytes += chunk.length;
      hooks.onChunk(chunk);
      progress();
      yield chunk;
    }
  }

  return { chunks: chunks(), bytes: () => bytes };
}
