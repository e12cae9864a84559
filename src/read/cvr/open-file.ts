/** A CVR path that cannot be opened is an InputError naming it, not a stack trace from the stream. */
import { stat } from 'node:fs/promises';
import { InputError } from '../../model/errors.js';

export async function openCvrFile(path: string): Promise<void> {
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new InputError('is a folder, not a cast-vote-record file', { file: path }, 'a Dominion export is read through --rctab or by naming its CvrExport.json');
  } catch (error) {
    if (error instanceof InputError) throw error;
    const code = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    throw new InputError(code === 'ENOENT' ? 'no such file' : `cannot read the file (${code})`, { file: path }, 'check the path of the cast-vote-record file');
  }
}
