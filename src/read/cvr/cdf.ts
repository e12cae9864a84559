/** NIST CDF cast-vote records: XML or JSON, told apart by the first character of the file, not its name. */
import { open } from 'node:fs/promises';
import type { CastVote, CvrSource } from '../../model/ballots.js';
import { DataError } from '../../model/errors.js';
import { openCvrFile } from './open-file.js';

export async function* readCdf(source: CvrSource): AsyncIterable<CastVote> {
  await openCvrFile(source.path);
  const first = await firstCharacter(source.path);
  if (first === '<') yield* (await import('./cdf-xml.js')).readCdfXml(source);
  else if (first === '{') yield* (await import('./cdf-json.js')).readCdfJson(source);
  else throw new DataError('a CDF cast-vote record is a JSON object or an XML document', { file: source.path, line: 1 }, 'is this a NIST CDF export?');
}

/** The first character past a byte-order mark and white space. */
export async function firstCharacter(path: string): Promise<string | undefined> {
  const handle = await open(path);
  try {
    const buf = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(buf, 0, buf.length, 0);
    return /^\uFEFF?\s*(\S)/.exec(buf.subarray(0, bytesRead).toString('utf8'))?.[1];
  } finally {
    await handle.close();
  }
}
