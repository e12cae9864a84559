/**
 * Text → RFC 4180 records with the line each starts on, through csv-parse (the reference parser), in the same
 * dialect as the byte scanner (parse-fast.ts): the two must agree on every record, warning and error line, so
 * this is a thin adapter over dialect.ts (errors, limits, NUL removal) and line-counter.ts (line numbers).
 */
import type { CsvError, InfoRecord } from 'csv-parse';
import { DataError } from '../model/errors.js';
import type { Warning } from '../model/types.js';
import { Utf8Validator, type TextDecoderLike } from './decode.js';
import { invalidUtf8, MAX_RECORD_SIZE, NulNotes, quoteError, quoteProblem, recordTooLarge } from './dialect.js';
import { QUOTE } from './csv-bytes.js';
import { LineCounter } from './line-counter.js';

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
  // Lines are counted in the bytes fed to csv-parse, up to `info.bytes` (the offset just past each record).
  const lines = new RecordBytes();
  const decoded = new LineCounter(); // over all the text decoded so far, for errors at the point of decoding
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
    if (nul.needs(text.includes('\u0000'))) text = nul.strip(text, decoded);
    else if (text !== '') nul.passed(text.charCodeAt(text.length - 1));
    decoded.feed(text);
    if (text === '') return;
    const bytes = Buffer.from(text);
    lines.feed(bytes);
    if (!parser.write(bytes)) await drained(parser);
  };
  const check = (): void => {
    if (parser.errored) throw csvError(parser.errored, lines, delimiter, file);
  };
  // The byte scanner reports a bad closing quote as soon as it sees it; csv-parse only when its record ends. When
  // the input stops early (undecodable bytes), the record read so far is checked first, so both agree.
  const undecodableAt = (line: number): DataError => {
    const problem = quoteProblem(lines.pending(), delimiter, lines.line);
    return problem?.code === 'bad-quote' ? quoteError(problem, file) : undecodable(options, line);
  };

  // UTF-8 is checked like the byte scanner does it, so that both report the same first bad line.
  const utf8 = isUtf8Name(options.encoding) ? new Utf8Validator() : null;
  try {
    for await (const chunk of chunks) {
      const bad = utf8 ? utf8.check(chunk) : -1;
      if (bad !== -1) {
        const line = decoded.lineOf(chunk, bad); // CR and LF are the same bytes in UTF-8 as in the text
        await feed(decodeAt(decoder, chunk.subarray(0, bad), decoded, options));
        check();
        throw undecodableAt(line);
      }
      await feed(decodeAt(decoder, chunk, decoded, options));
      check();
    }
    if (utf8 && !utf8.finish()) throw undecodableAt(decoded.line);
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

/** csv-parse's own errors, re-read in the scanner's dialect from the bytes of the record that failed. */
function csvError(err: Error, lines: RecordBytes, delimiter: string, file: string): unknown {
  const code = (err as Partial<CsvError>).code ?? '';
  if (!code.startsWith('CSV_')) return err;
  const problem = quoteProblem(lines.pending(), delimiter, lines.line);
  if (code === 'CSV_MAX_RECORD_SIZE') {
    return problem?.code === 'bad-quote' ? quoteError(problem, file) : recordTooLarge(file, problem?.line ?? lines.line, problem !== null);
  }
  if (problem) return quoteError(problem, file);
  return new DataError(err.message.replace(/^Invalid /, 'invalid ').replace(/ at line \d+.*$/s, ''), { file, line: lines.line }, 'check the quoting and the number of fields on this line');
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

function decodeAt(decoder: TextDecoderLike, chunk: Buffer, decoded: LineCounter, options: ParseOptions): string {
  try {
    return decoder.write(chunk);
  } catch {
    throw undecodable(options, decoded.line);
  }
}

function endAt(decoder: TextDecoderLike, decoded: LineCounter, options: ParseOptions): string {
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
  if (isUtf8Name(options.encoding)) return invalidUtf8(options.file, line);
  return new DataError(`invalid ${options.encoding?.toUpperCase()} data (an odd number of bytes, or half a character)`, { file: options.file, line }, 'check the --encoding given, or let runoff detect it');
}

/**
 * The bytes fed to csv-parse, kept until the record they hold is done: its line (counted here, since csv-parse's
 * `info.lines` counts a CRLF inside quotes twice) and, for error messages, its text.
 */
class RecordBytes {
  private readonly counter = new LineCounter();
  private readonly chunks: Buffer[] = [];
  private offset = 0; // bytes consumed before chunks[0]
  private at = 0; // position in chunks[0]

  /** The line of the record being read. */
  get line(): number {
    return this.counter.line;
  }

  feed(chunk: Buffer): void {
    if (chunk.length > 0) this.chunks.push(chunk);
  }

  advanceTo(target: number): void {
    while (this.offset + this.at < target) {
      const chunk = this.chunks[0];
      if (!chunk) return;
      const end = Math.min(chunk.length, target - this.offset);
      this.counter.feed(chunk, this.at, end);
      this.at = end;
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
