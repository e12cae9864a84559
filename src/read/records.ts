/**
 * Text → RFC 4180 records with the line each starts on, through csv-parse (the reference parser), in the same
 * dialect as the byte scanner (fast-scan.ts): the two must agree on every record, warning and error line.
 */
import type { CsvError, InfoRecord } from 'csv-parse';
import { DataError } from '../errors.js';
import type { Warning } from '../types.js';
import { Utf8Validator, type TextDecoderLike } from './decode.js';

/** Bounds memory on an unclosed quote: a record fails once it passes this size (bytes here, characters in csv-parse). */
export const MAX_RECORD_SIZE = 1 << 20;

export type RecordHandler = (cells: string[], line: number) => void;

export interface ParseOptions {
  file: string;
  delimiter: string;
  /** For messages about undecodable input; UTF-8 when absent. */
  encoding?: string;
}

/**
 * Feed decoded chunks through csv-parse, calling `onRecord` in order, and return the warnings of the read
 * (NUL bytes removed). Records are handled inside csv-parse's `on_record`, as they are parsed, so an error
 * always comes after every record before it was handled: its line is the line of the record that failed.
 */
export async function parseRecords(
  chunks: AsyncIterable<Buffer>,
  decoder: TextDecoderLike,
  options: ParseOptions,
  onRecord: RecordHandler,
): Promise<Warning[]> {
  // Loaded only when a run needs it: UTF-8 comma files never do, and start-up time matters.
  const { parse } = await import('csv-parse');
  const { file, delimiter } = options;
  // csv-parse's `info.lines` counts a CRLF inside quotes as two lines, so lines are counted here, in the bytes
  // fed to it, up to `info.bytes` (the offset just past each record).
  const lines = new LineCounter();
  const decoded = new PhysicalLines();
  const nul = new NulNotes();
  const parser = parse({
    delimiter,
    relax_column_count: true, // we check field counts ourselves, with a better message
    relax_quotes: true, // `John "Jack" Smith` is literal text
    record_delimiter: ['\r\n', '\n', '\r'], // mixed endings in concatenated files
    max_record_size: MAX_RECORD_SIZE,
    // An error thrown here stops csv-parse at once and comes back as `parser.errored`.
    on_record: (record: string[], info: InfoRecord) => {
      // relax_quotes also lets `"abc"x` through as the text `"abc"x`; the byte scanner rejects it, and so
      // must this path. Such a cell starts with a quote, so only those records are looked at again.
      if (record.some((cell) => cell.charCodeAt(0) === QUOTE)) {
        const problem = quoteProblem(lines.pending(info.bytes), delimiter, lines.line);
        if (problem) throw quoteError(problem, file);
      }
      onRecord(record, lines.line);
      lines.advanceTo(info.bytes);
      return null; // nothing is buffered in the stream
    },
  });
  parser.on('error', () => undefined); // read synchronously from `parser.errored` below

  const feed = async (text: string): Promise<void> => {
    if (text.includes('\u0000')) text = nul.strip(text, decoded);
    decoded.count(text);
    if (text === '') return;
    const bytes = Buffer.from(text);
    lines.feed(bytes);
    if (!parser.write(bytes)) await drained(parser);
  };
  const check = (): void => {
    if (parser.errored) throw csvError(parser.errored, lines, delimiter, file);
  };

  // UTF-8 is checked like the byte scanner does it, so that both report the same first bad line.
  const utf8 = isUtf8Name(options.encoding) ? new Utf8Validator() : null;
  try {
    for await (const chunk of chunks) {
      const bad = utf8 ? utf8.check(chunk) : -1;
      if (bad !== -1) {
        const line = decoded.line + breaksIn(chunk.subarray(0, bad).toString('latin1'), decoded.afterCR);
        await feed(decodeAt(decoder, chunk.subarray(0, bad), decoded, options));
        check();
        throw undecodable(options, line);
      }
      await feed(decodeAt(decoder, chunk, decoded, options));
      check();
    }
    if (utf8 && !utf8.finish()) throw undecodable(options, decoded.line);
    await feed(endAt(decoder, decoded, options));
    check();
    parser.end();
    await new Promise<void>((resolve) => {
      parser.once('close', resolve);
      parser.resume();
    });
    check();
  } finally {
    parser.destroy();
  }
  return nul.warnings(file);
}

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;
const BACKSLASH = 0x5c;

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
        } else if (d === CR || (d === LF && text.charCodeAt(i - 1) !== CR)) {
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

/** csv-parse's own errors, re-read in the scanner's dialect from the bytes of the record that failed. */
function csvError(err: Error, lines: LineCounter, delimiter: string, file: string): unknown {
  const code = (err as Partial<CsvError>).code ?? '';
  if (!code.startsWith('CSV_')) return err;
  const problem = quoteProblem(lines.pending(), delimiter, lines.line);
  if (code === 'CSV_MAX_RECORD_SIZE') {
    return problem?.code === 'bad-quote' ? quoteError(problem, file) : recordTooLarge(file, problem?.line ?? lines.line, problem !== null);
  }
  if (problem) return quoteError(problem, file);
  return new DataError(err.message.replace(/^Invalid /, 'invalid ').replace(/ at line \d+.*$/s, ''), { file, line: lines.line });
}

function drained(parser: NodeJS.EventEmitter): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      parser.off('drain', done);
      parser.off('close', done);
      resolve();
    };
    parser.on('drain', done);
    parser.on('close', done);
  });
}

function decodeAt(decoder: TextDecoderLike, chunk: Buffer, decoded: PhysicalLines, options: ParseOptions): string {
  try {
    return decoder.write(chunk);
  } catch {
    throw undecodable(options, decoded.line);
  }
}

function endAt(decoder: TextDecoderLike, decoded: PhysicalLines, options: ParseOptions): string {
  try {
    return decoder.end();
  } catch {
    // A multi-byte character (or half a UTF-16 unit) cut off by the end of the input.
    throw undecodable(options, decoded.line);
  }
}

function isUtf8Name(encoding: string | undefined): boolean {
  return encoding === undefined || encoding === 'utf-8';
}

function undecodable(options: ParseOptions, line: number): DataError {
  if (isUtf8Name(options.encoding)) {
    return new DataError('invalid UTF-8 (a file mixing encodings?)', { file: options.file, line }, 'use --encoding windows-1252 if the whole file is in that encoding');
  }
  return new DataError(`invalid ${options.encoding?.toUpperCase()} data (an odd number of bytes, or half a character)`, { file: options.file, line }, 'check the --encoding given, or let runoff detect it');
}

/** NUL bytes: binary debris, never shown and never part of a name. Removed and counted, with the first line. */
export class NulNotes {
  count = 0;
  firstLine = 0;

  /** `lines` is where the text starts; only the first NUL's line is needed. */
  strip(text: string, lines: PhysicalLines): string {
    if (this.count === 0) this.firstLine = lines.line + breaksIn(text.slice(0, text.indexOf('\u0000')), lines.afterCR);
    const stripped = text.replaceAll('\u0000', '');
    this.count += text.length - stripped.length;
    return stripped;
  }

  /** Byte version for the scanner: `line` is the line of the first NUL of `chunk` (known to contain one). */
  stripBytes(chunk: Buffer, line: () => number): Buffer {
    if (this.count === 0) this.firstLine = line();
    const out = Buffer.allocUnsafe(chunk.length);
    let n = 0;
    for (let i = 0; i < chunk.length; i++) {
      const b = chunk[i] as number;
      if (b !== 0) out[n++] = b;
    }
    this.count += chunk.length - n;
    return out.subarray(0, n);
  }

  warnings(file: string): Warning[] {
    if (this.count === 0) return [];
    const n = this.count;
    return [{ code: 'nul-bytes', file, line: this.firstLine, message: `${n} NUL byte${n === 1 ? '' : 's'} removed (binary data in a text file?), the first on line ${this.firstLine}` }];
  }
}

/** Physical lines of decoded text, chunk by chunk: `\n`, `\r\n` and a lone `\r` each end one. */
export class PhysicalLines {
  line = 1;
  afterCR = false;

  count(text: string): void {
    if (text.length === 0) return;
    this.line += breaksIn(text, this.afterCR);
    this.afterCR = text.charCodeAt(text.length - 1) === CR;
  }
}

function breaksIn(text: string, afterCR: boolean): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === CR || (c === LF && !(i === 0 ? afterCR : text.charCodeAt(i - 1) === CR))) n++;
  }
  return n;
}

/** Physical lines: `\n`, `\r\n` and a lone `\r` each end one, also when a CRLF is split between two chunks. */
class LineCounter {
  line = 1;
  private readonly chunks: Buffer[] = [];
  private offset = 0; // bytes consumed before chunks[0]
  private at = 0; // position in chunks[0]
  private afterCR = false;

  feed(chunk: Buffer): void {
    if (chunk.length > 0) this.chunks.push(chunk);
  }

  advanceTo(target: number): void {
    while (this.offset + this.at < target) {
      const chunk = this.chunks[0];
      if (!chunk) return;
      const end = Math.min(chunk.length, target - this.offset);
      for (; this.at < end; this.at++) {
        const b = chunk[this.at];
        if (b === 10 ? !this.afterCR : b === 13) this.line++;
        this.afterCR = b === 13;
      }
      if (this.at === chunk.length) {
        this.chunks.shift();
        this.offset += chunk.length;
        this.at = 0;
      }
    }
  }

  /** The bytes fed but not yet passed, up to `target` (an absolute offset), as text: the record being read. */
  pending(target = Infinity): string {
    const parts: Buffer[] = [];
    let from = this.at;
    let offset = this.offset;
    for (const chunk of this.chunks) {
      if (offset >= target) break;
      parts.push(chunk.subarray(from, Math.min(chunk.length, target - offset)));
      offset += chunk.length;
      from = 0;
    }
    return Buffer.concat(parts).toString('utf8');
  }
}
