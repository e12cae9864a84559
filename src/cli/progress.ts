/**
 * A progress line on stderr for inputs that take more than about a second: bytes read of the total and the
 * rate, redrawn in place at most ten times a second, and cleared before any warning or output.
 */
import { formatVotes } from '../render/numbers.js';
import { sanitizeForTerminal } from '../render/sanitize.js';
import type { Sink } from './io.js';

const DELAY_MS = 1000;
const EVERY_MS = 100;

export class Progress {
  private readonly started: number;
  private lastDraw = 0;
  private shown = false;

  constructor(
    private readonly stderr: Sink,
    private readonly now: () => number = Date.now,
  ) {
    this.started = now();
  }

  update = (name: string, bytesRead: number, size: number | null): void => {
    const t = this.now();
    if (t - this.started < DELAY_MS || t - this.lastDraw < EVERY_MS) return;
    this.lastDraw = t;
    const mb = bytesRead / 1e6;
    const rate = mb / ((t - this.started) / 1000);
    const of = size ? ` of ${formatVotes(Math.round(size / 1e6))} MB (${Math.floor((100 * bytesRead) / size)} %)` : ' MB';
    const line = `runoff: reading ${sanitizeForTerminal(name)}: ${formatVotes(Math.round(mb))}${of} · ${formatVotes(Math.round(rate))} MB/s`;
    this.stderr.write(`\r\u001b[2K${line}`);
    this.shown = true;
  };

  /** Erase the line, so that what follows starts on a clean line. */
  clear(): void {
    if (this.shown) this.stderr.write('\r\u001b[2K');
    this.shown = false;
  }
}
