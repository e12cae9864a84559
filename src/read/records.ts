/** Text → RFC 4180 records with the line each starts on, through csv-parse (the reference parser). */
import { once } from 'node:events';
import { parse, type CsvError } from 'csv-parse';
import { DataError } from '../errors.js';
import { firstInvalidUtf8, type TextDecoderLike } from './decode.js';

/** Bounds memory on an unclosed quote: the record fails once it passes this many characters. */
export const MAX_RECORD_SIZE = 1 << 20;

export type RecordHandler = (cells: string[], line: number) => void;

export interface ParseOptions {
  file: string;
  delimiter: string;
}

/** Feed decoded chunks through csv-parse, calling `onRecord` in order. Errors carry file:line. */
export async function parseRecords(
  chunks: AsyncIterable<Buffer>,
  decoder: TextDecoderLike,
  options: ParseOptions,
  onRecord: RecordHandler,
): Promise<void> {
  const parser = parse({
    delimiter: options.delimiter,
    relax_column_count: true, // we check field counts ourselves, with a better message
    relax_quotes: true, // `John "Jack" Smith` is literal text
    record_delimiter: ['\r\n', '\n', '\r'], // mixed endings in concatenated files
    max_record_size: MAX_RECORD_SIZE,
    info: true,
  });
  // csv-parse's `info.lines` counts a CRLF inside quotes as two lines, so lines are counted here, in the bytes
  // fed to it, up to `info.bytes` (the offset just past each record).
  const lines = new LineCounter();
  let linesDecoded = 1;
  const feeding = (async () => {
    try {
      for await (const chunk of chunks) {
        const text = decodeAt(decoder, chunk, linesDecoded, options.file);
        linesDecoded += countLines(text);
        const bytes = Buffer.from(text);
        lines.feed(bytes);
        if (!parser.write(bytes)) await Promise.race([once(parser, 'drain'), once(parser, 'close')]);
        if (parser.destroyed) return;
      }
      const tail = Buffer.from(decoder.end());
      lines.feed(tail);
      parser.end(tail);
    } catch (err) {
      parser.destroy(err as Error);
    }
  })();

  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { bytes: number } }>) {
      onRecord(record, lines.line);
      lines.advanceTo(info.bytes);
    }
  } catch (err) {
    throw asDataError(err, options.file, lines.line);
  } finally {
    parser.destroy();
    await feeding;
  }
}

function asDataError(err: unknown, file: string, recordStart: number): unknown {
  const e = err as Partial<CsvError> & Error;
  if (!e.code?.startsWith('CSV_')) return err;
  if (e.code === 'CSV_QUOTE_NOT_CLOSED') {
    return new DataError('a quoted field is never closed', { file, line: recordStart }, 'the quote opens on this line; check for a stray " character');
  }
  if (e.code === 'CSV_MAX_RECORD_SIZE') {
    return new DataError(`record exceeds ${MAX_RECORD_SIZE.toLocaleString('en-US')} characters`, { file, line: recordStart }, 'probably an unclosed quote; check for a stray " character');
  }
  return new DataError(e.message.replace(/^Invalid /, 'invalid ').replace(/ at line \d+.*$/s, ''), { file, line: Number(e.lines ?? recordStart) });
}

function decodeAt(decoder: TextDecoderLike, chunk: Buffer, linesBefore: number, file: string): string {
  try {
    return decoder.write(chunk);
  } catch {
    const bad = firstInvalidUtf8(chunk);
    const line = linesBefore + countLines(chunk.subarray(0, bad).toString('latin1'));
    throw new DataError('invalid UTF-8 (a file mixing encodings?)', { file, line }, 'use --encoding windows-1252 if the whole file is in that encoding');
  }
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
}

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
