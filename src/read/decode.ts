/** Bytes → text: refuse non-CSV by magic bytes, honour BOMs, UTF-8 or Windows-1252 (through iconv-lite). */
import { isUtf8 } from 'node:buffer';
import { DataError, UsageError } from '../errors.js';
import type { Warning } from '../types.js';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

const SNIFF_BYTES = 64 * 1024;

export interface Sniffed {
  encoding: Encoding;
  /** Bytes of BOM to drop from the start. */
  bomLength: number;
  warning: Warning | null;
}

export function normalizeEncoding(name: string): Encoding {
  const n = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (n === 'utf8') return 'utf-8';
  if (n === 'utf16le' || n === 'utf16' || n === 'ucs2') return 'utf-16le';
  if (n === 'utf16be') return 'utf-16be';
  if (['windows1252', 'cp1252', 'latin1', 'iso88591'].includes(n)) return 'windows-1252';
  throw new UsageError(`unknown encoding "${name}"`, undefined, 'use utf-8, utf-16le, utf-16be or windows-1252');
}

/** Look at the first bytes of an input and decide how to decode it. */
export function sniff(head: Buffer, file: string, forced: Encoding | null): Sniffed {
  refuseNonCsv(head, file);
  const bom = head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf ? 'utf-8'
    : head[0] === 0xff && head[1] === 0xfe ? 'utf-16le'
    : head[0] === 0xfe && head[1] === 0xff ? 'utf-16be' : null;
  const bomLength = bom === 'utf-8' ? 3 : bom ? 2 : 0;
  if (forced) return { encoding: forced, bomLength: bom === forced ? bomLength : 0, warning: null };
  if (bom) return { encoding: bom, bomLength, warning: null };
  const sample = head.subarray(0, SNIFF_BYTES);
  const nuls = sample.reduce((n, b) => n + (b === 0 ? 1 : 0), 0);
  if (nuls > sample.length / 4) {
    throw new DataError('looks like UTF-16 without a byte-order mark', { file, line: 1 }, 'use --encoding utf-16le (or utf-16be)');
  }
  if (isUtf8(trimPartialChar(sample))) return { encoding: 'utf-8', bomLength: 0, warning: null };
  return {
    encoding: 'windows-1252',
    bomLength: 0,
    warning: { code: 'encoding', file, message: 'not valid UTF-8; read as Windows-1252 (use --encoding to choose another)' },
  };
}

function refuseNonCsv(head: Buffer, file: string): void {
  const kind = head[0] === 0x1f && head[1] === 0x8b ? 'a gzip file'
    : head.subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1')) ? 'a zip or xlsx file'
    : /^\s*<(!doctype html|html|\?xml)/i.test(head.subarray(0, 256).toString('latin1')) ? 'an HTML or XML page'
    : null;
  if (kind) throw new DataError(`not a CSV file (looks like ${kind})`, { file }, 'export the results as CSV, or gunzip/unzip the file first');
}

/** A sample cut at 64 KiB may end inside a multi-byte character; drop that tail before validating. */
function trimPartialChar(b: Buffer): Buffer {
  let end = b.length;
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const byte = b[end - back] ?? 0;
    if ((byte & 0xc0) === 0xc0) return b.subarray(0, end - back);
    if ((byte & 0xc0) !== 0x80) break;
  }
  return b;
}

export interface TextDecoderLike {
  write(chunk: Buffer): string;
  end(): string;
}

/** A streaming decoder for the sniffed encoding. UTF-8 is strict: a bad byte later on is an error with its line. */
export async function decoderFor(encoding: Encoding): Promise<TextDecoderLike> {
  if (encoding === 'windows-1252') {
    // Node 20's TextDecoder maps 0x80–0x9F to C1 controls; iconv-lite gives the real characters (’ – €).
    const iconv = (await import('iconv-lite')).default;
    const d = iconv.getDecoder('win1252');
    return { write: (c) => d.write(c), end: () => d.end() ?? '' };
  }
  const d = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  return { write: (c) => d.decode(c, { stream: true }), end: () => d.decode() };
}

/**
 * Checks a UTF-8 byte stream chunk by chunk (simdutf through `isUtf8`), carrying a character split across
 * chunks. `check` returns -1, or the index in the chunk of the first byte that is not valid UTF-8.
 */
export class Utf8Validator {
  private pending: Buffer = Buffer.alloc(0);

  check(chunk: Buffer): number {
    let from = 0;
    if (this.pending.length > 0) {
      const need = sequenceLength(this.pending[0] ?? 0) - this.pending.length;
      const joined = Buffer.concat([this.pending, chunk.subarray(0, need)]);
      if (joined.length < this.pending.length + need) {
        this.pending = joined; // still incomplete: a tiny chunk
        return -1;
      }
      this.pending = Buffer.alloc(0);
      if (!isUtf8(joined)) return 0;
      from = need;
    }
    const body = trimPartialChar(chunk.subarray(from));
    if (!isUtf8(body)) return from + firstInvalidUtf8(body);
    this.pending = Buffer.from(chunk.subarray(from + body.length));
    return -1;
  }

  /** At the end of the input: a character cut off by EOF is invalid. */
  finish(): boolean {
    return this.pending.length === 0;
  }
}

function sequenceLength(lead: number): number {
  return lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
}

/** Index of the first byte that does not start a valid UTF-8 sequence (the buffer is known to be invalid). */
export function firstInvalidUtf8(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i] ?? 0;
    const len = c < 0x80 ? 1 : c >= 0xc2 && c < 0xe0 ? 2 : c >= 0xe0 && c < 0xf0 ? 3 : c >= 0xf0 && c < 0xf5 ? 4 : 0;
    if (len === 0) return i;
    for (let k = 1; k < len; k++) if (((b[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += len;
  }
  return i;
}
