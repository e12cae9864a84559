/**
 * One byte range of a large file counted by a RowReader of its own, with the layout of the header the main
 * thread found (split.ts), into its state (layout/rows/handoff.ts), or why it cannot be taken in. Run by the
 * range worker and, for the ranges it takes from the worker, by the main thread. Line numbers are the range's
 * own; they are moved down when the range is taken in.
 */
import type { FileHandle } from 'node:fs/promises';
import { Tally } from '../count/tally.js';
import { detectLayout } from '../layout/detect.js';
import type { NameTable } from '../layout/families/wide-names.js';
import type { LayoutFamily } from '../layout/layout.js';
import type { Header } from '../layout/header.js';
import { handOff } from '../layout/rows/handoff.js';
import { RowReader } from '../layout/rows/row-reader.js';
import { fileChunks } from '../read/open.js';
import type { ScanProbe } from '../read/parse-fast.js';
import { scanRecords } from '../read/parse-fast.js';
import type { RecordView } from '../read/record-view.js';
import { placeOf, type RangeControl, type RangeEnd } from './ranges.js';

export interface RangeJob {
  path: string;
  file: string;
  /** The worker's first range: from the split's boundary to `to`, the end of the file. */
  from: number;
  to: number;
  /** The two threads' ranges (RangeControl), and the fewest unread bytes worth cutting. */
  control: SharedArrayBuffer;
  minimumCut: number;
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

/**
 * The header the main thread found, read again with a layout of the worker's own: a new one each call, since a
 * reader may add notes to its layout and the hand-off checks that none were added.
 */
export function headerOf(job: RangeJob): Header {
  const layout = detectLayout(job.header, { file: job.file, partyPrimary: job.partyPrimary, names: job.names, family: job.family }, job.headerLine);
  return { cells: job.header, line: job.headerLine, layout, warning: null };
}

/** Thrown out of the scan when a range that ends before the end of the file does not end on a record's end. */
class CutInRecord extends Error {}

/**
 * Counts `slot`'s range (`from` to its end in `control`, which may move closer while it is read; the file ends at
 * `job.to`). `onBytes` is
 * told of every chunk read. Any error in the range (bad data, a limit) becomes the blocker: the main thread then
 * reads the range itself and says it, at its line.
 */
export async function countRange(job: RangeJob, handle: FileHandle, control: RangeControl, slot: number, from: number, onBytes: (n: number) => void): Promise<RangeEnd> {
  const end: RangeEnd = { from, to: from, state: null, blocker: null, first: null, last: null, lines: 0, bytesRead: 0 };
  try {
    const header = headerOf(job);
    const { layout } = header;
    const notes = layout.notes.length;
    const reader = new RowReader(layout, new Tally(job.tracksRegions), { file: job.file, skipBadRows: job.skipBadRows, regionColumn: job.regionColumn, regionParents: job.regionParents, crossFile: null, header: job.header });
    let last: RecordView | null = null;
    let probe: ScanProbe | null = null;
    async function* chunks(): AsyncGenerator<Buffer> {
      for await (const chunk of fileChunks(handle, from, control.limit(slot))) {
        end.bytesRead += chunk.length;
        onBytes(chunk.length);
        yield chunk;
      }
      end.to = from + end.bytesRead;
      // Cut before the end of the file: the scanner must be between records there (the next range starts one).
      if (end.to < job.to && !probe?.atRecordStart()) throw new CutInRecord();
    }
    const onRecord = (rec: RecordView): void => {
      if (last === null) end.first = placeOf(rec, header);
      last = rec;
      reader.record(rec);
    };
    const warnings = await scanRecords(chunks(), job.file, onRecord, (p) => (probe = p));
    end.lines = (probe as ScanProbe | null)?.lines ?? 0;
    // The last record's spans still point into the last chunk: nothing is read after the range.
    end.last = placeOf(last, header);
    const state = handOff(reader.inner, notes);
    end.blocker = warnings.length > 0 ? 'read warnings' : end.first === null ? 'no full first record' : state.blocker;
    if (end.blocker === null) end.state = state;
  } catch (err) {
    end.blocker = err instanceof CutInRecord ? 'a cut inside a record' : `error: ${err instanceof Error ? err.message : String(err)}`;
  }
  return end;
}
