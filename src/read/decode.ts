/** Bytes → text: refuse non-CSV by magic bytes, honour BOMs, UTF-8 or Windows-1252 (through iconv-lite). */
import { notCsv, recognise } from './magic.js';
import { isUtf8 } from 'node:buffer';
import { DataError, UsageError } from '../model/errors.js';
import type { Warning } from '../model/types.js';
import { lineAt } from './line-counter.js';
import { CR, LF, QUOTE } from './csv-bytes.js';

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

const SNIFF_BYTES = 64 * 1024;

export interface Sniffed {
  encoding: Encoding;
  /** Bytes of BOM to drop from the start. */
  bomLength: number;
  /** The field delimiter the header record uses (`,` when it shows none). */
  delimiter: string;
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

/** 3 when `bytes` open with UTF-8's byte-order mark (EF BB BF), else 0: the one test for it. */
export function utf8BomLength(bytes: Uint8Array): number {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
}

/**
 * Look at the first bytes of an input and decide how to decode it. The only place a results file's byte-order
 * mark is recognised: the reader drops `bomLength` bytes and both parsers see none (a second BOM is data).
 */
export function sniff(head: Buffer, file: string, forced: Encoding | null): Sniffed {
  refuseNonCsv(head, file);
  const bom = utf8BomLength(head) > 0 ? 'utf-8'
    : head[0] === 0xff && head[1] === 0xfe ? 'utf-16le'
    : head[0] === 0xfe && head[1] === 0xff ? 'utf-16be' : null;
  const bomLength = bom === 'utf-8' ? 3 : bom ? 2 : 0;
  const found = (encoding: Encoding, skip: number, warning: Warning | null = null): Sniffed =>
    ({ encoding, bomLength: skip, delimiter: detectDelimiter(headText(head.subarray(skip), encoding)), warning });
  if (forced) return found(forced, bom === forced ? bomLength : 0);
  if (bom) return found(bom, bomLength);
  const sample = head.subarray(0, SNIFF_BYTES);
  const nuls = sample.reduce((n, b) => n + (b === 0 ? 1 : 0), 0);
  if (nuls > sample.length / 4) {
    throw new DataError('looks like UTF-16 without a byte-order mark', { file, line: 1 }, 'use --encoding utf-16le (or utf-16be)');
  }
  const trimmed = trimPartialChar(sample);
  if (isUtf8(trimmed)) return found('utf-8', 0);
  const mixed = mixedEncodings(trimmed);
  if (mixed) {
    // Concatenated county files, some UTF-8 and some Windows-1252: either reading splits a name's tally.
    throw new DataError('invalid UTF-8 (a file mixing encodings?)', { file, line: mixed.badLine }, `line ${mixed.utf8Line} has UTF-8 characters but this line does not: the file mixes encodings; convert every part to UTF-8 (or, if it is all Windows-1252, pass --encoding windows-1252)`);
  }
  return found('windows-1252', 0, { code: 'encoding', file, message: 'not valid UTF-8: read as Windows-1252 (use --encoding to choose another)' });
}

/**
 * A sample that is not UTF-8 but holds well-formed multi-byte UTF-8 sequences mixes encodings: the lines of the
 * first bad byte and of the first UTF-8 character, or null when it has no UTF-8 character (one 8-bit encoding).
 * A Windows-1252 text that happens to contain such a pair (`Ã©`) is mojibake of UTF-8 itself, so also a mix.
 * Two-byte sequences count only up to U+017F (leads C2–C5: Latin-1 and Latin Extended-A, where é, ñ, ł are):
 * in Windows-1252 a capital like É or Ñ before a curly quote (`PEÑA”`, bytes D1 94) is also well-formed UTF-8.
 */
export function mixedEncodings(sample: Buffer): { badLine: number; utf8Line: number } | null {
  let utf8At = -1;
  for (let i = 0; i < sample.length && utf8At === -1; i++) {
    const c = sample[i] ?? 0;
    if (c < 0xc2 || c > 0xf4 || (c > 0xc5 && c < 0xe0)) continue;
    const n = sequenceLength(c);
    if (i + n <= sample.length && isUtf8(sample.subarray(i, i + n))) utf8At = i;
  }
  if (utf8At === -1) return null;
  const bad = firstInvalidUtf8(sample);
  return { badLine: lineAt(sample, bad), utf8Line: lineAt(sample, utf8At) };
}

/** Enough of the head to find the header record; delimiters and quotes are ASCII in every 8-bit encoding. */
function headText(head: Buffer, encoding: Encoding): string {
  const bytes = head.subarray(0, SNIFF_BYTES);
  if (encoding === 'utf-8' || encoding === 'windows-1252') return bytes.toString('latin1');
  return new TextDecoder(encoding).decode(bytes.subarray(0, bytes.length & ~1));
}

const DELIMITERS = [',', ';', '\t', '|'];

/**
 * The delimiter of the header record: the most frequent of comma, semicolon, tab and pipe outside quotes
 * (quoted header fields may hold any of them, and newlines). Ties and a one-column header give a comma.
 */
export function detectDelimiter(text: string): string {
  const counts = [0, 0, 0, 0];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i] as string;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) {
      if (counts.some((n) => n > 0)) break; // blank lines before the header are skipped
    } else if (!quoted) {
      const k = DELIMITERS.indexOf(ch);
      if (k !== -1) counts[k] = (counts[k] ?? 0) + 1;
    }
  }
  let best = 0;
  for (let k = 1; k < counts.length; k++) if ((counts[k] ?? 0) > (counts[best] ?? 0)) best = k;
  return DELIMITERS[best] as string;
}

/** Finds the end of the first record (a line end outside quotes, after some content), chunk by chunk. */
class HeaderEnd {
  private quoted = false;
  private content = false;

  /** True once the bytes seen so far hold a complete first record. */
  feed(bytes: Buffer): boolean {
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i];
      if (b === QUOTE) this.quoted = !this.quoted;
      else if (!this.quoted && (b === LF || b === CR)) {
        if (this.content) return true;
      } else if (b !== 0 && b !== 0x20) this.content = true;
    }
    return false;
  }
}

/**
 * The first chunk, or several joined (copied: a reader may reuse its buffer) until the header record is
 * complete or SNIFF_BYTES are in hand. `done` says the input ended.
 */
export async function readHead(chunks: AsyncIterator<Buffer>): Promise<{ head: Buffer; done: boolean }> {
  const parts: Buffer[] = [];
  const end = new HeaderEnd();
  let size = 0;
  for (;;) {
    const next = await chunks.next();
    if (next.done) return { head: Buffer.concat(parts), done: true };
    size += next.value.length;
    const complete = end.feed(next.value) || size >= SNIFF_BYTES;
    if (complete && parts.length === 0) return { head: next.value, done: false };
    parts.push(Buffer.from(next.value));
    if (complete) return { head: Buffer.concat(parts), done: false };
  }
}

function refuseNonCsv(head: Buffer, file: string): void {
  const kind = recognise(head);
  if (kind) throw notCsv(kind, file);
}

/**
 * A sample cut at 64 KiB (or a chunk) may end inside a multi-byte character; drop that tail before validating.
 * Only an incomplete one: a lead byte `back` bytes from the end whose sequence is longer than `back`. A complete
 * character at the very end (`…,JOSÉ` with no final newline) is kept.
 */
export function trimPartialChar(b: Buffer): Buffer {
  const end = b.length;
  for (let back = 1; back <= 3 && end - back >= 0; back++) {
    const byte = b[end - back] ?? 0;
    if ((byte & 0xc0) === 0xc0) return sequenceLength(byte) > back ? b.subarray(0, end - back) : b;
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
