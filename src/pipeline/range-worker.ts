/**
 * The range worker: counts the second half of a large file (pipeline/split.ts), then, while the main thread
 * still has enough unread bytes, the second half of those (ranges.ts), each range with a reader of its own
 * (count-range.ts). It posts each range's end as it is counted, then `done`.
 */
import { open } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { countRange, headerOf, type RangeJob } from './count-range.js';
import { MAIN, RangeControl, steal, WORKER, type RangeEnd } from './ranges.js';

export type { RangeJob } from './count-range.js';

/** The worker's messages: how far it has read (every so many bytes, for the progress line), a range, the end. */
export type WorkerMessage = { progress: number } | { range: RangeEnd } | { done: true };

/** The worker says how far it has read every so many bytes, for the progress line. */
const PROGRESS_EVERY = 16 << 20;

async function run(job: RangeJob): Promise<void> {
  const post = (message: WorkerMessage): void => parentPort?.postMessage(message);
  const control = new RangeControl(job.control);
  const header = headerOf(job);
  let read = 0;
  const onBytes = (n: number): void => {
    read += n;
    if (read % PROGRESS_EVERY < n) post({ progress: read });
  };
  const handle = await open(job.path, 'r');
  try {
    for (let range: { from: number } | null = { from: job.from }; range !== null; range = await steal(control, MAIN, WORKER, handle, header, job.minimumCut)) {
      post({ range: await countRange(job, handle, control, WORKER, range.from, onBytes) });
    }
  } finally {
    await handle.close();
  }
}

// An error outside a range's count (the file gone) ends the worker with it: the main thread reads the rest itself.
void run(workerData as RangeJob).then(() => parentPort?.postMessage({ done: true }));
