/**
 * The one CSV dialect both parsers read (the byte scanner in fast-scan.ts, csv-parse in parse-csv.ts), and what
 * they share so that a user sees the same from either: quote rules, the wording and line of each structural
 * error, the record size limit, NUL removal and (through line-counter.ts) physical line counting.
 */
import { DataError } from '../model/errors.js';
import type { Warning } from '../model/types.js';
import { endsLine, type LineCounter } from './line-counter.js';
import { BACKSLASH, CR, LF, QUOTE } from './csv-bytes.js';

/** Bounds memory on an unclosed quote: a record fails once it passes this size (bytes here, characters in csv-parse). */
export const MAX_RECORD_SIZE = 1 << 20;

export interface QuoteProblem {
  code: 'bad-quote' | 'unclosed-quote';
  line: number;
  /** The closing quote follows a backslash: a `\"` escape (MySQL and some JSON-minded exporters). */
  backslash: boolean;
}

/**
 * The first quote problem of one record in the byte scanner's dialect, or null: a field that starts with `"`
 * is quoted, `""` inside it is a quote, and its closing quote must be followed by the delimiter, a line break
 * or the end. `text` starts at the record's first character, on line `line`; scanning stops at its end.
 */
export function quoteProblem(text: string, delimiter: string, line: number): QuoteProblem | null {
  const n = text.length;
  let i = 0;
  let fieldStart = true;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (fieldStart && c === QUOTE) {
      const open = line;
      for (i++; ; i++) {
        if (i >= n) return { code: 'unclosed-quote', line: open, backslash: false };
        const d = text.charCodeAt(i);
        if (d === QUOTE) {
          if (text.charCodeAt(i + 1) !== QUOTE) break;
          i++;
        } else if (endsLine(d, text.charCodeAt(i - 1))) {
          line++;
        }
      }
      const after = i + 1;
      if (after < n && !text.startsWith(delimiter, after) && text.charCodeAt(after) !== CR && text.charCodeAt(after) !== LF) {
        return { code: 'bad-quote', line, backslash: text.charCodeAt(i - 1) === BACKSLASH };
      }
      i = after;
      fieldStart = false;
    } else if (text.startsWith(delimiter, i)) {
      i += delimiter.length;
      fieldStart = true;
    } else if (c === CR || c === LF) {
      return null;
    } else {
      i++;
      fieldStart = false;
    }
  }
  return null;
}

/** The one wording of each structural error, shared by both parsers. */
export function quoteError(p: QuoteProblem, file: string): DataError {
  if (p.code === 'unclosed-quote') return unclosedQuote(file, p.line);
  if (p.backslash) {
    return new DataError('a quote inside a quoted field is escaped with a backslash (\\")', { file, line: p.line }, 'CSV writes a quote inside a quoted field as two quotes (""); re-export the file with standard CSV quoting');
  }
  return new DataError('a closing quote is followed by more text', { file, line: p.line }, 'inside a quoted field write a quote as two quotes (""), or quote the whole field');
}

export function unclosedQuote(file: string, line: number): DataError {
  return new DataError('a quoted field is never closed', { file, line }, 'the quote opens on this line; check for a stray " character');
}

/** `quoted`: the record was inside a quoted field when it passed the limit, and `line` is where that quote opened. */
export function recordTooLarge(file: string, line: number, quoted: boolean): DataError {
  return quoted
    ? new DataError('a quoted field runs past 1 MiB: probably a quote that is never closed', { file, line }, 'the quote opens on this line; check for a stray " character')
    : new DataError('a record is longer than 1 MiB', { file, line }, 'runoff refuses records this long so that its memory stays bounded; is this really a results CSV?');
}

/**
 * NUL bytes: binary debris, never shown and never part of a name. Removed and counted, with the first line.
 * A NUL between two digits (1, NUL, 2) is not removed but becomes SUB (U+001A, the ASCII "substitute"), which no
 * vote cell accepts: that cell is then a bad vote cell (an error, or skipped with --skip-bad-rows), never a
 * plausible 12. The digit before may end the previous chunk, and the one after may start the next: `last` and
 * `pending` carry that across chunks.
 */
export const NUL_MARK = 0x1a;

export class NulNotes {
  count = 0;
  firstLine = 0;
  /** The last byte (or UTF-16 unit) passed on, -1 before any. */
  last = -1;
  /** The previous chunk ended in NULs right after a digit: a digit first in this one makes them a mark. */
  pending = false;

  /** True when `strip`/`stripBytes` must see this piece: it holds a NUL, or NULs before it may need a mark. */
  needs(hasNul: boolean): boolean {
    return hasNul || this.pending;
  }

  /** `lines` has counted the text before this; only the first NUL's line is needed. */
  strip(text: string, lines: LineCounter): string {
    const at = text.indexOf('\u0000');
    if (this.count === 0 && at !== -1) this.firstLine = lines.lineOf(text, at);
    const units: number[] = [];
    for (let i = 0; i < text.length; i++) units.push(text.charCodeAt(i));
    const kept = this.keep(units);
    let out = '';
    for (let i = 0; i < kept.length; i += 8192) out += String.fromCharCode(...kept.slice(i, i + 8192));
    return out;
  }

  /** Byte version for the scanner: `line` is the line of the first NUL of `chunk`. */
  stripBytes(chunk: Buffer, line: () => number): Buffer {
    if (this.count === 0 && chunk.includes(0)) this.firstLine = line();
    return Buffer.from(this.keep(chunk));
  }

  /** The units without NULs, a mark where NULs stood between two digits (see above). */
  private keep(units: ArrayLike<number>): number[] {
    const out: number[] = [];
    for (let i = 0; i < units.length; i++) {
      const b = units[i] as number;
      if (b !== 0) {
        // NULs that ended the previous piece after a digit, and this piece starts with one.
        if (i === 0 && this.pending && isDigit(b)) out.push(NUL_MARK);
        this.pending = false;
        out.push(b);
        continue;
      }
      let j = i;
      while (j < units.length && units[j] === 0) j++;
      this.count += j - i;
      const before = out.length > 0 ? (out[out.length - 1] as number) : this.pending ? 0x30 : this.last;
      if (j === units.length) this.pending = isDigit(before);
      else if (isDigit(before) && isDigit(units[j] as number)) out.push(NUL_MARK);
      i = j - 1;
    }
    if (out.length > 0) this.last = out[out.length - 1] as number;
    return out;
  }

  /** After a piece passed on untouched: remember its last unit. */
  passed(lastUnit: number | undefined): void {
    if (lastUnit !== undefined) this.last = lastUnit;
  }

  warnings(file: string): Warning[] {
    if (this.count === 0) return [];
    const n = this.count;
    return [{ code: 'nul-bytes', file, line: this.firstLine, message: `${n} NUL byte${n === 1 ? '' : 's'} removed (binary data in a text file?), the first on line ${this.firstLine}` }];
  }
}

function isDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

/** Bytes that are not UTF-8 where UTF-8 was expected (detected, or given with --encoding). */
export function invalidUtf8(file: string, line: number): DataError {
  return new DataError('invalid UTF-8 (a file mixing encodings?)', { file, line }, 'use --encoding windows-1252 if the whole file is in that encoding');
}
