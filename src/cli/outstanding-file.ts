/** --outstanding-file: a `race,outstanding` CSV giving the votes still to count per race. */
import { parse } from 'csv-parse/sync';
import { DataError } from '../model/errors.js';
import { readSideFile } from './side-file.js';
import { normalizeHeader } from '../layout/columns.js';
import type { OutstandingEntry } from '../pipeline/count-election.js';
import { isCount, parseVotes } from '../read/votes.js';

export async function readOutstandingFile(path: string): Promise<OutstandingEntry[]> {
  const text = await readSideFile(path, '--outstanding-file');
  let rows: string[][];
  try {
    rows = parse(text, { bom: true, relax_column_count: true, skip_empty_lines: true, record_delimiter: ['\r\n', '\n', '\r'] }) as string[][];
  } catch (err) {
    throw new DataError(`not a readable CSV: ${(err as Error).message}`, { file: path }, 'the file needs a race,outstanding header and one race per line');
  }
  const [header, ...data] = rows;
  // Two one-word names: case, spaces and a trailing `*` (a required-column mark) are all that can differ.
  const names = (header ?? []).map((h) => h.trim().replace(/\*+$/, '').toLowerCase());
  const raceCol = names.indexOf('race');
  const votesCol = names.indexOf('outstanding');
  if (raceCol === -1 || votesCol === -1) {
    throw new DataError('expected the columns race,outstanding', { file: path, line: 1 }, 'e.g. "U.S. House District 6,10000" — the race as runoff shows it, or its JSON id');
  }
  const lineOf = new Map<string, number>();
  return data.map((row, i) => {
    const raw = row[votesCol] ?? '';
    const votes = parseVotes(raw);
    if (!isCount(votes)) throw new DataError(`outstanding ${JSON.stringify(raw)} is not a whole number of votes`, { file: path, line: i + 2 }, 'write the votes still to count as a whole number, e.g. 10000 or 10,000');
    const race = (row[raceCol] ?? '').trim().toLowerCase();
    const first = lineOf.get(race);
    // The same race twice is refused here; by its id on one line and its title on another, when races are matched.
    if (first !== undefined) throw new DataError(`race ${JSON.stringify(row[raceCol]?.trim() ?? '')} is given on lines ${first} and ${i + 2}`, { file: path, line: i + 2 }, 'give each race one line: which number is right?');
    lineOf.set(race, i + 2);
    return { race, votes, line: i + 2, file: path };
  });
}
