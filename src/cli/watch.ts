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

/** What the watch loop uses of the IO port. */
export type WatchIo = Pick<Io, 'stdout' | 'signal'>;

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
 * (and throws a RunoffError for input that cannot be read right now).
 */
export async function watch(files: string[], once: () => Promise<string>, io: WatchIo, timing: WatchTiming = DEFAULT_TIMING): Promise<void> {
  const tty = io.stdout.isTTY === true;
  let lastGood = '';
  let seen = await signature(files);
  const draw = async (): Promise<void> => {
    let note: string;
    try {
      lastGood = await once();
      note = `updated ${clock(Date.now())}`;
    } catch (err) {
      if (!(err instanceof RunoffError)) throw err;
      note = `kept the last good count: ${sanitizeForTerminal((formatError(err).split('\n')[0] ?? '').replace(/^runoff: /, ''))} — retrying on the next change`;
    }
    const status = `── ${note} · watching ${files.length === 1 ? sanitizeForTerminal(files[0] ?? '') : `${files.length} files`} · Ctrl-C to stop\n`;
    // On a terminal: clear and redraw. Elsewhere: append each new result, so a log keeps the history.
    io.stdout.write(tty ? `\u001b[H\u001b[2J${lastGood}${status}` : `${lastGood}${status}`);
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
