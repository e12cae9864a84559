/**
 * Compressed inputs, recognised by their first bytes (never by the name): a gzip file is read through
 * node:zlib as it streams, and each CSV inside a zip archive becomes an input of its own, named
 * `results.zip:member.csv`, streamed out of the archive by yauzl. No temporary files either way.
 * `inputs[].sha256` is that of the uncompressed CSV bytes (the .gz content, the zip member), so it equals the
 * hash of the same CSV stored uncompressed.
 */
import { open as openHandle } from 'node:fs/promises';
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { promisify } from 'node:util';
import type { Readable } from 'node:stream';
import type { Entry, ZipFile } from 'yauzl';
import { DataError } from '../model/errors.js';
import { openFile, source, type Source } from './open.js';
import { notCsv, recognise } from './magic.js';

type Kind = 'gzip' | 'zip' | 'plain';

function kindOf(head: Buffer): Kind {
  if (head[0] === 0x1f && head[1] === 0x8b) return 'gzip';
  // A local file header, or the end-of-directory record of an empty archive.
  if (head[0] === 0x50 && head[1] === 0x4b && ((head[2] === 3 && head[3] === 4) || (head[2] === 5 && head[3] === 6))) return 'zip';
  return 'plain';
}

/** A file name → its inputs: itself, its gunzipped content, or every CSV member of a zip archive. */
export async function openInputs(path: string): Promise<Source[]> {
  const plain = await openFile(path); // stat errors (no such file, a directory) come from here, as before
  // A FIFO, `<(cat a.csv)` or /dev/stdin can be read only once: no peek by a second open, gzip is recognised in
  // the stream as on stdin. Each chunk is copied, as the peek may hold one while the next is read.
  if (plain.size === null) return [source(path, null, null, maybeGunzip(copied(plain.chunks)))];
  const head = await firstBytes(path);
  const kind = kindOf(head);
  if (kind === 'plain') return [plain];
  await plain.close();
  // An xlsx says so in its first member names: name it, whole or cut short.
  if (kind === 'zip' && recognise(head) === 'xlsx') throw notCsv('xlsx', path);
  return kind === 'gzip' ? [gunzipped(path)] : await zipMembers(path);
}

async function* copied(chunks: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  for await (const chunk of chunks) yield Buffer.from(chunk);
}

async function firstBytes(path: string): Promise<Buffer> {
  const handle = await openHandle(path, 'r');
  try {
    const head = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return head.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Size and path are those of the uncompressed stream: unknown, and nothing a worker could hash. */
function gunzipped(path: string): Source {
  return source(path, null, null, decompressErrors(path, createReadStream(path).pipe(createGunzip())));
}

/** zlib's "unexpected end of file" is bad data (exit 1) with a name, not an unreadable input. */
async function* decompressErrors(name: string, stream: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  try {
    yield* stream;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    if (!code.startsWith('Z_') && !/zip|inflat|invalid|end of/i.test(String((err as Error).message))) throw err;
    throw new DataError(`cannot decompress: ${(err as Error).message}`, { file: name }, 'the compressed file is damaged or cut short: download it again');
  }
}

/**
 * Standard input, gunzipped when it starts with the gzip magic bytes. A zip archive needs its central
 * directory at the end, so it cannot be streamed from a pipe: that is an error naming the way out.
 */
export function openStdinInput(stdin: AsyncIterable<Buffer | string>): Source {
  return source('<stdin>', null, null, maybeGunzip(stdin));
}

async function* maybeGunzip(stdin: AsyncIterable<Buffer | string>): AsyncGenerator<Buffer> {
  const iterator = stdin[Symbol.asyncIterator]();
  const bytes = (value: Buffer | string): Buffer => (typeof value === 'string' ? Buffer.from(value) : value);
  // The first chunk may be a single byte: collect four, or the whole input if it is shorter.
  const parts: Buffer[] = [];
  let ended = false;
  for (let size = 0; size < 4; ) {
    const next = await iterator.next();
    if (next.done) {
      ended = true;
      break;
    }
    parts.push(bytes(next.value));
    size += next.value.length;
  }
  const head = Buffer.concat(parts);
  async function* rest(): AsyncGenerator<Buffer> {
    if (head.length > 0) yield head;
    if (ended) return;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield bytes(next.value);
  }
  const kind = kindOf(head);
  if (kind === 'zip') throw new DataError('a zip archive cannot be read from standard input', { file: '<stdin>' }, 'give its file name instead: runoff results.zip');
  if (kind === 'plain') return yield* rest();
  const gunzip = createGunzip();
  // Feed the decompressor from the pipe while its output is read: backpressure through the stream.
  void (async () => {
    try {
      for await (const chunk of rest()) if (!gunzip.write(chunk)) await new Promise((r) => gunzip.once('drain', r));
      gunzip.end();
    } catch (err) {
      gunzip.destroy(err as Error);
    }
  })();
  yield* decompressErrors('<stdin>', gunzip);
}

const CSV_MEMBER = /\.(csv|tsv|txt)$/i;

async function zipMembers(path: string): Promise<Source[]> {
  // A CommonJS module: its exports are the namespace's `default`, in Node and in the bundle alike.
  const yauzl = (await import('yauzl')).default;
  const zip = await promisify<string, { lazyEntries: boolean; autoClose: boolean }, ZipFile>(yauzl.open)(path, { lazyEntries: true, autoClose: false })
    .catch((err: Error) => {
      throw new DataError(`cannot read the zip archive: ${err.message}`, { file: path }, 'the archive is damaged or cut short: download it again');
    });
  const entries = await listEntries(zip);
  const names = entries.map((e) => e.fileName);
  if (names.some((n) => n === '[Content_Types].xml' || n.startsWith('xl/'))) {
    zip.close();
    throw notCsv('xlsx', path);
  }
  // Folders, and the resource forks macOS adds to archives it makes, are not inputs.
  const members = entries.filter((e) => !e.fileName.endsWith('/') && !/(^|\/)(__MACOSX\/|\._)/.test(e.fileName) && CSV_MEMBER.test(e.fileName));
  if (members.length === 0) {
    zip.close();
    throw new DataError('the zip archive holds no CSV file', { file: path }, `its files are ${names.slice(0, 5).map((n) => JSON.stringify(n)).join(', ') || 'none'}; runoff reads the .csv, .tsv and .txt members`);
  }
  let open = members.length;
  const closeOne = (): void => {
    if (--open === 0) zip.close();
  };
  return members.map((entry) => {
    const name = `${path}:${entry.fileName}`;
    const member = source(name, entry.uncompressedSize, null, decompressErrors(name, memberChunks(zip, entry, name)));
    let closed = false;
    return { ...member, close: async () => { await member.close(); if (!closed) { closed = true; closeOne(); } } };
  });
}

/** The member's bytes, opened only when the count reaches it: one member streams at a time. */
async function* memberChunks(zip: ZipFile, entry: Entry, name: string): AsyncGenerator<Buffer> {
  const stream = await promisify<Entry, Readable>(zip.openReadStream.bind(zip))(entry).catch((err: Error) => {
    throw new DataError(`cannot read the zip member: ${err.message}`, { file: name }, 'the archive is damaged: download it again');
  });
  yield* stream as AsyncIterable<Buffer>;
}

function listEntries(zip: ZipFile): Promise<Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: Entry[] = [];
    zip.on('entry', (entry: Entry) => {
      entries.push(entry);
      zip.readEntry();
    });
    zip.once('end', () => resolve(entries));
    zip.once('error', reject);
    zip.readEntry();
  });
}
