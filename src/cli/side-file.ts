/**
 * The side files (`--outstanding-file`, `--names`) are small tables read whole: at most 64 MiB, read through a
 * byte cap rather than trusting the size stat reports, because /dev/zero or a FIFO reports 0 and never ends.
 */
import { open } from 'node:fs/promises';
import { InputError } from '../model/errors.js';

export const SIDE_FILE_LIMIT = 64 * 1024 * 1024;

const REASONS: Record<string, string> = {
  ENOENT: 'no such file',
  EISDIR: 'is a directory, not a file',
  EACCES: 'permission denied',
  ELOOP: 'too many symbolic links',
};

/** The text of a side file given to `flag`, or an InputError (exit 3) with a hint. */
export async function readSideFile(path: string, flag: string, limit = SIDE_FILE_LIMIT): Promise<string> {
  const parts: Buffer[] = [];
  let total = 0;
  try {
    const handle = await open(path, 'r');
    try {
      for (;;) {
        const chunk = Buffer.allocUnsafe(Math.min(1 << 20, limit + 1 - total));
        const { bytesRead } = await handle.read(chunk, 0, chunk.length, null);
        if (bytesRead === 0) break;
        parts.push(chunk.subarray(0, bytesRead));
        total += bytesRead;
        if (total > limit) {
          throw new InputError(`${flag} ${path} is larger than ${limit / 1024 / 1024} MiB`, undefined, `${flag} takes a small CSV table (one line per race or column); check that the path names the right file`);
        }
      }
    } finally {
      await handle.close();
    }
  } catch (err) {
    if (err instanceof InputError) throw err;
    const code = (err as NodeJS.ErrnoException).code ?? '';
    const why = REASONS[code] ?? (err instanceof Error ? err.message : String(err));
    throw new InputError(`cannot read ${flag} ${path}: ${why}${code ? ` (${code})` : ''}`, undefined, `check the path given to ${flag}`, { cause: err });
  }
  return Buffer.concat(parts).toString('utf8');
}
