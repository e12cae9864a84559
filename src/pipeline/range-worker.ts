/**
 * The range worker: counts the second half of a large file (pipeline/split.ts) with the layout of the header
 * the main thread found, and hands back its reader's state (layout/rows/handoff.ts), or why it cannot be
 * merged. Its line numbers are the range's own; the main thread moves them down when it merges.
 */
import { open } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';
import { Tally } from '../count/tally.js';
import { detectLayout } from '../layout/detect.js';
import type { NameTable } from '../layout/families/wide-names.js';
import { placeColumns, type LayoutFamily } from '../layout/layout.js';
import { handOff, type RangeState } from '../layout/rows/handoff.js';
import { RowReader } from '../layout/rows/row-reader.js';
import { fileChunks } from '../read/open.js';
import { scanRecords } from '../read/parse-fast.js';
import type { RecordView } from '../read/record-view.js';

export interface RangeJob {
  path: string;
  file: string;
  from: number;
  to: number;
  header: string[];
  headerLine: number;
  partyPrimary: boolean | null;
  /** --layout, as the main thread read the header with it. */
  family: LayoutFamily | null;
  names: NameTable | null;
  skipBadRows: boolean;
  regionColumn: number;
  regionParents: number[];
  tracksRegions: boolean;
}

/** The worker's one message. `first`: the place cells of the range's first record, which must start a new place. */
export interface RangeEnd {
  state: RangeState | null;
  blocker: string | null;
  first: string[] | null;
  bytesRead: number;
}

/** The worker says how far it has read every so many bytes, for the progress line. */
const PROGRESS_EVERY = 16 << 20;

async function count(job: RangeJob): Promise<RangeEnd> {
  const layout = detectLayout(job.header, { file: job.file, partyPrimary: job.partyPrimary, names: job.names, family: job.family }, job.headerLine);
  const notes = layout.notes.length;
  const reader = new RowReader(layout, new Tally(job.tracksRegions), { file: job.file, skipBadRows: job.skipBadRows, regionColumn: job.regionColumn, regionParents: job.regionParents, crossFile: null, header: job.header });
  const place = placeColumns(layout);
  let first: string[] | null = null;
  let bytesRead = 0;
  const handle = await open(job.path, 'r');
  async function* chunks(): AsyncGenerator<Buffer> {
    for await (const chunk of fileChunks(handle, job.from, job.to)) {
      bytesRead += chunk.length;
      if (bytesRead % PROGRESS_EVERY < chunk.length) parentPort?.postMessage({ progress: bytesRead });
      yield chunk;
    }
  }
  const onRecord = (rec: RecordView): void => {
    if (first === null) first = rec.count === layout.headerLength ? place.map((c) => rec.text(c)) : [];
    reader.record(rec);
  };
  try {
    const warnings = await scanRecords(chunks(), job.file, onRecord);
    const state = handOff(reader.inner, notes);
    const blocker = warnings.length > 0 ? 'read warnings' : first === null || (first as string[]).length === 0 ? 'no full first record' : state.blocker;
    return { state: blocker === null ? state : null, blocker, first, bytesRead };
  } finally {
    await handle.close();
  }
}

// Any error in the range (bad data, a limit) is said by the main thread, which then reads the range itself.
count(workerData as RangeJob)
  .catch((err: unknown): RangeEnd => ({ state: null, blocker: `error: ${err instanceof Error ? err.message : String(err)}`, first: null, bytesRead: 0 }))
  .then((end) => parentPort?.postMessage(end));
