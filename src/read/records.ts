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
  let linesDecoded = 1;
  const feeding = (async () => {
    try {
      for await (const chunk of chunks) {
        const text = decodeAt(decoder, chunk, linesDecoded, options.file);
        linesDecoded += countLines(text);
        if (!parser.write(text)) await Promise.race([once(parser, 'drain'), once(parser, 'close')]);
        if (parser.destroyed) return;
      }
      parser.end(decoder.end());
    } catch (err) {
      parser.destroy(err as Error);
    }
  })();

  let lastEnd = 0;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      onRecord(record, lastEnd + 1);
      lastEnd = info.lines;
    }
  } catch (err) {
    throw asDataError(err, options.file, lastEnd + 1);
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

function countLines(text: string): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}
