/**
 * The byte ranges of a file counted on two cores (split.ts), and how the two threads share the work: each reads
 * one range at a time, and a thread that is done takes the second half of the other's unread bytes, cut at a
 * change of place. So the threads end together whichever is slower (one started later, the other shares its
 * core with a hashing thread), and the ranges they counted are taken in, in file order, as one.
 */
import type { FileHandle } from 'node:fs/promises';
import type { Header } from '../layout/header.js';
import { placeColumns, type Layout } from '../layout/layout.js';
import { absorb, handOff, mergeBlocker, type ReaderInner, type RangeState } from '../layout/rows/handoff.js';
import { RowReader } from '../layout/rows/row-reader.js';
import { Tally } from '../count/tally.js';
import { FastCsvScanner } from '../read/fast-scan.js';
import { CR, LF } from '../read/csv-bytes.js';
import type { ReadLimit } from '../read/open.js';
import type { RecordView } from '../read/record-view.js';
import { SpanRecord } from '../read/span-record.js';

/** The main thread's slot and the worker's. */
export const MAIN = 0;
export const WORKER = 1;

/** Bytes scanned from a cut for a change of place. */
const WINDOW = 256 * 1024;

/**
 * Per thread, the range it reads: how far it has started reading and where it ends, in shared memory, changed
 * only under a lock (a compare-and-swap spin: each hold is a few loads and stores, and the main thread may not
 * wait on a lock). A thread reserves each read before it starts it; a cut lands only past what was reserved.
 */
export class RangeControl {
  private readonly lock: Int32Array;
  /** Per slot: reserved, end. Offsets below 2^53, exact as float64s. */
  private readonly at: Float64Array;

  constructor(readonly shared: SharedArrayBuffer = new SharedArrayBuffer(8 + 4 * 8)) {
    this.lock = new Int32Array(shared, 0, 1);
    this.at = new Float64Array(shared, 8, 4);
  }

  private locked<T>(f: (at: Float64Array) => T): T {
    while (Atomics.compareExchange(this.lock, 0, 0, 1) !== 0);
    try {
      return f(this.at);
    } finally {
      Atomics.store(this.lock, 0, 0);
    }
  }

  /** `slot` reads `from`..`to` next. */
  set(slot: number, from: number, to: number): void {
    this.locked((at) => {
      at[2 * slot] = from;
      at[2 * slot + 1] = to;
    });
  }

  /** The ReadLimit of `slot`'s reads: each read is reserved before it starts, up to the range's end as it is then. */
  limit(slot: number): ReadLimit {
    return (from, want) =>
      this.locked((at) => {
        const n = Math.max(0, Math.min(want, (at[2 * slot + 1] as number) - from));
        at[2 * slot] = from + n;
        return n;
      });
  }

  /** The bytes of `slot`'s range not yet reserved: [from, to). */
  unread(slot: number): [number, number] {
    return this.locked((at) => [at[2 * slot] as number, at[2 * slot + 1] as number]);
  }

  /**
   * Ends `victim`'s range at `cut` and gives `thief` the bytes from there to its old end `to`, if the victim has
   * not reserved past `cut` and its end is still `to`. False when it has (or another cut came first).
   */
  cut(victim: number, cut: number, to: number, thief: number): boolean {
    return this.locked((at) => {
      if ((at[2 * victim] as number) > cut || at[2 * victim + 1] !== to || cut >= to) return false;
      at[2 * victim + 1] = cut;
      at[2 * thief] = cut;
      at[2 * thief + 1] = to;
      return true;
    });
  }
}

/**
 * Bytes below which a range's unread part is not cut: enough that a cut pays for a reader of its own (and in
 * small files, as the tests make, small enough that cuts happen).
 */
export function minimumCut(size: number): number {
  return Math.min(4 << 20, Math.max(256, Math.floor(size / 16)));
}

/** The byte offset of the first record at or past `from` (and before `to`) whose place differs from the record before; null when none is found. */
export async function placeBoundary(handle: FileHandle, from: number, to: number, header: Header): Promise<number | null> {
  const window = Buffer.allocUnsafe(Math.min(WINDOW, to - from));
  const { bytesRead } = await handle.read(window, 0, window.length, from);
  const read = window.subarray(0, bytesRead);
  const start = read.indexOf(LF) + 1;
  if (start === 0) return null;
  const at = placeChange(read.subarray(start), header);
  return at < 0 || from + start + at >= to ? null : from + start + at;
}

/**
 * The byte offset in `bytes` of the first record (past the first) whose place cells differ from the record
 * before, both full rows (placeOf); -1 when none does. Offsets of records are those of their first line: a
 * window with a lone CR line end (or none) gives -1. Nothing is trusted: the readers check the boundary (see fold).
 */
function placeChange(bytes: Buffer, header: Header): number {
  let previous: string | null = null;
  let line = -1;
  const view = new SpanRecord();
  const scanner = new FastCsvScanner((spans) => {
    if (line >= 0) return;
    view.r = spans;
    const here = placeOf(view, header)?.join('\u0000') ?? null;
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
    if (b === LF || (b === CR && bytes[at + 1] !== LF)) breaks++;
  }
  return at;
}

/**
 * For a thread done with its range: the second half of `victim`'s unread bytes, from a change of place, now
 * `thief`'s range; null when fewer than twice `minimum` bytes are left or no change of place is found there.
 */
export async function steal(control: RangeControl, victim: number, thief: number, handle: FileHandle, header: Header, minimum: number): Promise<{ from: number; to: number } | null> {
  const [from, to] = control.unread(victim);
  if (to - from < 2 * minimum) return null;
  const cut = await placeBoundary(handle, from + Math.floor((to - from) / 2), to, header);
  return cut !== null && control.cut(victim, cut, to, thief) ? { from: cut, to } : null;
}

/** The place cells of the record `rec` is at, when it is a full row and not the header again; else null. */
export function placeOf(rec: RecordView | null, header: Header): string[] | null {
  if (rec === null || rec.count !== header.layout.headerLength) return null;
  if (header.cells.every((cell, i) => rec.text(i) === cell)) return null;
  return placeColumns(header.layout).map((c) => rec.text(c));
}

/** A range counted by a reader of its own (count-range.ts), or why it cannot be taken in. */
export interface RangeEnd {
  from: number;
  to: number;
  state: RangeState | null;
  blocker: string | null;
  /** The place cells of the range's first and last records (null: not a full row): a range must start a new place. */
  first: string[] | null;
  last: string[] | null;
  /** Physical lines in the range: the next range's line 1 is this many lines further down. */
  lines: number;
  bytesRead: number;
}

/**
 * The ranges after the main thread's, in file order, as one: each taken in by a reader of their own, in order,
 * after the checks the main thread makes at its own boundary (each range starts a new place, and is mergeable
 * with those before it). A string says why they cannot be.
 */
export function fold(ranges: readonly RangeEnd[], layout: Layout, file: string, tracksRegions: boolean): RangeEnd | string {
  const first = ranges[0];
  if (first === undefined) return 'no ranges';
  if (ranges.length === 1) return first;
  const reader = new RowReader(layout, new Tally(tracksRegions), { file, skipBadRows: false, regionColumn: -1 });
  let lines = 0;
  let keys = 0;
  let bytesRead = 0;
  let previous: RangeEnd | null = null;
  for (const range of ranges) {
    if (range.state === null) return range.blocker ?? 'no state';
    const blocker = previous === null ? null : joinBlocker(reader.inner, previous, range);
    if (blocker !== null) return blocker;
    absorb(reader.inner, range.state, lines, file);
    lines += range.lines;
    keys += range.state.keys;
    bytesRead += range.bytesRead;
    previous = range;
  }
  const state = { ...handOff(reader.inner, layout.notes.length), keys };
  return { from: first.from, to: (previous as RangeEnd).to, state, blocker: null, first: first.first, last: (previous as RangeEnd).last, lines, bytesRead };
}

/**
 * Why `range` cannot be taken in after what a reader (`inner`) has read up to `before.to`, whose last record had
 * the place cells `before.last` (null: not a full row): the range must start there, at a new place, and count
 * nothing that depends on the rows before it (handoff.ts). Null when it can. The main thread asks it at its own
 * boundary, and `fold` between ranges.
 */
export function joinBlocker(inner: ReaderInner, before: Pick<RangeEnd, 'to' | 'last'>, range: RangeEnd): string | null {
  if (range.from !== before.to) return 'the ranges do not meet';
  if (before.last === null) return 'the last record before a cut is not a full row';
  if (range.state === null || range.first === null) return range.blocker ?? 'no state';
  if (range.first.every((cell, i) => cell === before.last?.[i])) return 'one place on both sides of a cut';
  return mergeBlocker(inner, range.state);
}
