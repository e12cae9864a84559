/**
 * Physical lines, the one way every part of the reader counts them: `\n`, `\r\n` and a lone `\r` each end one
 * line, inside quoted fields too, so that a line number in a message is the line an editor shows. A CRLF is
 * counted at its CR; an LF right after a CR (also across a chunk boundary) is its second half.
 *
 * Bytes and decoded text share the rule: CR and LF are the same code in both. The byte scanner's hot loop
 * (fast-scan.ts) applies it inline, for speed; everything else calls this module.
 */

import { CR, LF } from './csv-bytes.js';

/** No code unit before: the start of the input. */
export const NONE = -1;

/** Whether code unit `c`, coming right after `prev` (NONE at the start), ends a physical line. */
export function endsLine(c: number, prev: number): boolean {
  return c === CR || (c === LF && prev !== CR);
}

/** Line ends in `units[from..to)`; `prev` is the code unit just before `from` (NONE when there is none). */
export function breaksIn(units: Uint8Array | string, from: number, to: number, prev: number): number {
  let n = 0;
  if (typeof units === 'string') {
    for (let i = from; i < to; i++) {
      const c = units.charCodeAt(i);
      if (endsLine(c, prev)) n++;
      prev = c;
    }
  } else {
    for (let i = from; i < to; i++) {
      const c = units[i] as number;
      if (endsLine(c, prev)) n++;
      prev = c;
    }
  }
  return n;
}

/** The 1-based line of unit `at` of an input that starts at line 1. */
export function lineAt(units: Uint8Array | string, at: number): number {
  return 1 + breaksIn(units, 0, at, NONE);
}

/** A running count over an input read chunk by chunk: `line` is the line the next unit fed is on. */
export class LineCounter {
  line = 1;
  /** The last unit fed (NONE before any): a CR there makes a leading LF of the next chunk its second half. */
  prev = NONE;

  feed(units: Uint8Array | string, from = 0, to = units.length): void {
    if (to <= from) return;
    this.line += breaksIn(units, from, to, this.prev);
    this.prev = typeof units === 'string' ? units.charCodeAt(to - 1) : (units[to - 1] as number);
  }

  /** The line of unit `at` of a chunk about to be fed, without feeding it. */
  lineOf(units: Uint8Array | string, at: number): number {
    return this.line + breaksIn(units, 0, at, this.prev);
  }
}
