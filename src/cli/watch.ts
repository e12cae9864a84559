/**
 * --watch: count again whenever an input changes, and redraw in place on a terminal. A file caught half-written
 * (a changing size, an unclosed quote, a short row) never replaces the last good result: the run waits until
 * the files have stopped changing, and a failed read is shown as a note under the last good result.
 */
import { stat } from 'node:fs/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { RunoffError, formatError } from '../model/errors.js';
import { sanitizeForTerminal } from '../render/sanitize.js';
import type { Io } from './io.js';
import { truncate } from '../render/fit.js';

/** What the watch loop uses of the IO port. */
export type WatchIo = Pick<Io, 'stdout' | 'stderr' | 'signal'>;

export interface WatchOptions {
  timing?: WatchTiming;
  /** false: never redraw in place (a format other than the table, whose output must stay parseable). */
  inPlace?: boolean;
}

export interface WatchTiming {
  /** How often the files are checked. */
  pollMs: number;
  /** How long they must stay unchanged before they are read. */
  settleMs: number;
}

const DEFAULT_TIMING: WatchTiming = { pollMs: 500, settleMs: 300 };

/** Size and modification time of every file: what "changed" means here. */
async function signature(files: string[]): Promise<string> {
  const parts = await Promise.all(files.map(async (f) => {
    const s = await stat(f).catch(() => null);
    return s ? `${s.size}:${s.mtimeMs}` : 'missing';
  }));
  return parts.join('|');
}

function clock(ms: number): string {
  return new Date(ms).toTimeString().slice(0, 8);
}

/**
 * Runs `once` now and after every settled change until the signal aborts; `once` returns the text to show
 * (and throws a RunoffError for input that cannot be read right now). On a terminal showing the table, each
 * count redraws the screen with a status line under it, cut to the width so it never wraps. Anywhere else (a
 * pipe, a file, a machine format) each count is appended to stdout as it is, and the status goes to stderr, so
 * that `--watch --format ndjson > out` keeps every line of `out` parseable.
 */
export async function watch(files: string[], once: () => Promise<string>, io: WatchIo, options: WatchOptions = {}): Promise<void> {
  const timing = options.timing ?? DEFAULT_TIMING;
  const redraw = io.stdout.isTTY === true && options.inPlace !== false;
  const width = Math.max(20, io.stdout.columns ?? 80);
  let lastGood: string | null = null;
  let lastNote = '';
  let seen = await signature(files);
  const watching = `watching ${files.length === 1 ? sanitizeForTerminal(files[0] ?? '') : `${files.length} files`} · Ctrl-C to stop`;
  const draw = async (): Promise<void> => {
    let note: string;
    let fresh = false;
    try {
      lastGood = await once();
      fresh = true;
      note = `updated ${clock(Date.now())}`;
    } catch (err) {
      if (!(err instanceof RunoffError)) throw err;
      const why = sanitizeForTerminal((formatError(err).split('\n')[0] ?? '').replace(/^runoff: /, ''));
      // Only a count that was shown can be kept; before the first one there is nothing to keep.
      note = lastGood === null ? `no count yet: ${why} — waiting for the file` : `kept the last good count: ${why} — retrying on the next change`;
    }
    const status = `── ${note} · ${watching}`;
    if (redraw) {
      io.stdout.write(`\u001b[H\u001b[2J${lastGood ?? ''}${truncate(status, width, (text) => [...text].length)}\n`);
      return;
    }
    if (fresh) io.stdout.write(lastGood ?? '');
    // The same failure again (a file still missing) is said once.
    if (fresh || note !== lastNote) io.stderr.write(`${status}\n`);
    lastNote = fresh ? '' : note;
  };

  await draw();
  const signal = io.signal;
  try {
    while (!signal?.aborted) {
      await sleep(timing.pollMs, undefined, { signal });
      const now = await signature(files);
      if (now === seen) continue;
      // Still being written? Wait until two looks, settleMs apart, agree.
      await sleep(timing.settleMs, undefined, { signal });
      if ((await signature(files)) !== now) continue;
      seen = now;
      await draw();
    }
  } catch (err) {
    if ((err as Error).name !== 'AbortError') throw err;
  }
}
