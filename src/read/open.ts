/** File names and `-` → byte sources. The only module that opens files. */
import { open, stat, type FileHandle } from 'node:fs/promises';
import { InputError, RunoffError } from '../model/errors.js';

export interface Source {
  /** As the user wrote it, or `<stdin>`: used in every message. */
  name: string;
  /** Size in bytes when known (files), for progress. */
  size: number | null;
  /** The path, for files: lets a worker hash the file beside the parse. */
  path: string | null;
  chunks: AsyncIterable<Buffer>;
  /**
   * Release the input: close the file, or stop reading stdin. For when reading stops early (an error in the
   * data): without it the file handle waits for garbage collection, and an open pipe keeps the process alive.
   */
  close(): Promise<void>;
}

const READ_CHUNK = 1 << 20;

export async function openFile(path: string): Promise<Source> {
  let size: number | null;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw Object.assign(new Error('is a directory'), { code: 'EISDIR' });
    // Only a regular file has a size to check against: a FIFO, `<(cat a.csv)` or /dev/stdin reports 0 and is read
    // once, so it is treated as a stream (no "changed while read" check, no hashing worker re-reading it).
    size = info.isFile() ? info.size : null;
  } catch (err) {
    throw inputError(path, err);
  }
  return source(path, size, path, readChunks(path, size));
}

/**
 * The file in chunks: a regular file (`size` known) through `fileChunks`, a FIFO or a device (read once, no
 * positions) into one reused buffer. Each chunk is valid until the next one is asked for; every consumer here is
 * done with it by then.
 */
async function* readChunks(path: string, size: number | null): AsyncGenerator<Buffer> {
  const handle = await open(path, 'r');
  try {
    if (size !== null) {
      yield* fileChunks(handle, 0, Number.MAX_SAFE_INTEGER);
      return;
    }
    const buffer = Buffer.allocUnsafe(READ_CHUNK);
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, READ_CHUNK, null);
      if (bytesRead === 0) return;
      yield buffer.subarray(0, bytesRead);
    }
  } finally {
    await handle.close();
  }
}

/**
 * How many of the `want` bytes at `at` a reader may read: a range's end that another thread may move while it
 * is read (pipeline/ranges.ts), asked before each read. 0 ends the range.
 */
export type ReadLimit = (at: number, want: number) => number;

/**
 * Bytes `from`..`to` (or the end) of an open regular file, in chunks of a MiB: the next chunk is read while the
 * caller works on this one, into the other of two buffers, so the thread never waits for a read it could have
 * overlapped (it did, once per MiB) and memory stays flat. A chunk stays valid until the one after it is asked for.
 * `to` is a byte offset, or a ReadLimit asked as each read is started.
 */
export async function* fileChunks(handle: FileHandle, from: number, to: number | ReadLimit): AsyncGenerator<Buffer> {
  const limit: ReadLimit = typeof to === 'number' ? (at, want) => Math.min(want, to - at) : to;
  const buffers = [Buffer.allocUnsafeSlow(READ_CHUNK), Buffer.allocUnsafeSlow(READ_CHUNK)];
  const start = (at: number, k: number): Promise<{ bytesRead: number }> | null => {
    const n = limit(at, READ_CHUNK);
    return n > 0 ? handle.read(buffers[k] as Buffer, 0, n, at) : null;
  };
  let k = 0;
  let next = start(from, k);
  try {
    for (let at = from; next !== null; k ^= 1) {
      const { bytesRead } = await next;
      next = null;
      if (bytesRead === 0) return;
      at += bytesRead;
      next = start(at, k ^ 1);
      yield (buffers[k] as Buffer).subarray(0, bytesRead);
    }
  } finally {
    await next?.catch(() => undefined); // a read still running when the reader stops, before the file is closed
  }
}

export function openStdin(stdin: AsyncIterable<Buffer | string>): Source {
  return source('<stdin>', null, null, stdin);
}

/** Bytes already in hand or arriving from a stream, under a name for messages (the library API's inputs). */
export function openStream(name: string, stream: AsyncIterable<Buffer | Uint8Array | string>): Source {
  return source(name, null, null, stream as AsyncIterable<Buffer | string>);
}

/** A Source over any byte stream; read/archive.ts builds the compressed inputs with it. */
export function source(name: string, size: number | null, path: string | null, stream: AsyncIterable<Buffer | string>): Source {
  const chunks = guarded(name, stream);
  // return() runs the generators' `finally` blocks: the file handle is closed, a stream's iterator destroyed.
  return { name, size, path, chunks, close: async () => void (await chunks.return(undefined).catch(() => undefined)) };
}

async function* guarded(name: string, stream: AsyncIterable<Buffer | string>): AsyncGenerator<Buffer> {
  try {
    for await (const chunk of stream) yield typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
  } catch (err) {
    // A decompressor's DataError (a damaged .gz) is already the right error.
    if (err instanceof RunoffError) throw err;
    throw inputError(name, err);
  }
}

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'is a directory, not a file',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ELOOP: 'too many symbolic links (a link that points to itself?)',
};

const HINTS: Record<string, string> = {
  ENOENT: 'check the path and the spelling; `-` reads standard input',
  EISDIR: 'give the CSV files inside it, e.g. folder/*.csv',
  EACCES: 'check the file\'s permissions',
  EPERM: 'check the file\'s permissions',
  ELOOP: 'follow the link with `readlink -f` and give the real file',
};

function inputError(name: string, err: unknown): InputError {
  const code = (err as NodeJS.ErrnoException | undefined)?.code ?? '';
  const why = REASONS[code] ?? (err instanceof Error ? err.message : String(err));
  return new InputError(`cannot read ${name}: ${why}${code ? ` (${code})` : ''}`, undefined, HINTS[code] ?? 'check that the file exists and can be read', { cause: err });
}
