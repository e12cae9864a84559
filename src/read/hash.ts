/** SHA-256 of each input, for the audit trail (`inputs[].sha256`). */
import type { Hash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import type { Source } from './open.js';

/** Below this size hashing inline costs less than starting a worker. */
const WORKER_THRESHOLD = 16 * 1024 * 1024;

// A CommonJS script, so it runs the same from the bundle and from the TypeScript sources under test. It reads
// 128 KiB at a time: a read that size lands in the core's cache, where the hash finds it; a MiB does not, and
// costs a third more CPU (1.2–1.8 s against 0.9–1.0 s for 1 GB here).
const WORKER = `
const { createHash } = require('node:crypto');
const { openSync, readSync, closeSync } = require('node:fs');
const { parentPort, workerData } = require('node:worker_threads');
const hash = createHash('sha256');
const buffer = Buffer.allocUnsafe(1 << 17);
const fd = openSync(workerData, 'r');
try {
  for (let n; (n = readSync(fd, buffer, 0, buffer.length, null)) > 0; ) hash.update(buffer.subarray(0, n));
} finally {
  closeSync(fd);
}
parentPort.postMessage(hash.digest('hex'));
`;

export interface InputHasher {
  /** Called with every chunk the parser reads (a no-op when a worker hashes the file). */
  update(chunk: Buffer): void;
  /** The hash is made from the chunks given to `update`, not by a worker reading the file. */
  inline: boolean;
  digest(): Promise<string>;
}

/**
 * Large files are hashed by a worker reading the file beside the parse, on the second core; everything else
 * inline; nothing when the hash is not `wanted` (the digest is then ''). A file that changes while it is read is
 * caught by `changedWhileRead`. node:crypto is loaded only for an inline hash: its start (OpenSSL's set-up, about
 * 31 M instructions, 10 ms here) is not paid by a run that shows no hash, or hashes in the worker.
 */
export async function hasherFor(source: Source, inline = false, wanted = true): Promise<InputHasher> {
  if (!wanted) return { update: () => undefined, digest: async () => '', inline: false };
  if (!inline && source.path !== null && source.size !== null && source.size >= WORKER_THRESHOLD) {
    const worker = new Worker(WORKER, { eval: true, workerData: source.path });
    const digest = new Promise<string>((resolve, reject) => {
      worker.once('message', resolve);
      worker.once('error', reject);
    }).finally(() => void worker.terminate());
    digest.catch(() => undefined); // reported when awaited
    return { update: () => undefined, digest: () => digest, inline: false };
  }
  const { createHash } = await import('node:crypto');
  const hash: Hash = createHash('sha256');
  return { update: (chunk) => void hash.update(chunk), digest: async () => hash.digest('hex'), inline: true };
}

/** True when a file's size is no longer what it was when opened: the tally may mix two versions. */
export async function changedWhileRead(source: Source, bytesRead: number): Promise<boolean> {
  if (source.path === null || source.size === null) return false;
  const now = await stat(source.path).catch(() => null);
  return now === null || now.size !== source.size || bytesRead !== source.size;
}
