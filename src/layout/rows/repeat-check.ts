/**
 * A second row of one (place, race, candidate) key: with the same votes it is dropped as a duplicate; with
 * other votes it is an error naming both lines, never a sum (a file listing one count twice, differently, has
 * a wrong row, and adding them up would give a plausible wrong total).
 */
import { DataError } from '../../model/errors.js';
import { thousands } from '../../model/thousands.js';
import type { County } from '../checks.js';
import { excelText, raceLabel } from '../classify.js';
import type { PartTarget } from './targets.js';
import type { RecordView } from '../../read/record-view.js';

/**
 * How a repeated key is found:
 * - none: files without geography (rows are partial counts, summed) and wide files (one row per place).
 * - county: county-level files: per county, over the whole file (the per-county counts are kept anyway).
 * - block: precinct files: only within a run of rows of one place (county and precinct cells), which is how
 *   these files are laid out; only the key's last block, line and votes are kept, so memory does not grow
 *   with the file. `precinct` is the first precinct column, `morePrecincts` any others (`ward,precinct`).
 */
export type RepeatCheck =
  | { kind: 'none' }
  | { kind: 'county' }
  | { kind: 'block'; precinct: number; morePrecincts: readonly number[] | null };

export function repeatCheckFor(parts: number, countyColumn: number, precinctColumns: readonly number[]): RepeatCheck {
  // A record of several parts (wide) is one row per place: nothing to repeat.
  if (parts !== 1) return { kind: 'none' };
  const [precinct, ...more] = precinctColumns;
  if (precinct !== undefined) return { kind: 'block', precinct, morePrecincts: more.length > 0 ? more : null };
  return countyColumn >= 0 ? { kind: 'county' } : { kind: 'none' };
}

/** The error for a repeat with other votes than the key's first row in the place: both lines, and the place. */
export function differentVotes(rec: RecordView, target: PartTarget, place: PlaceNames, first: { line: number; votes: number }, votes: number): DataError {
  const { classified } = target;
  const who = classified.kind === 'vote' ? `${JSON.stringify(classified.candidate)} in ${raceLabel(classified.race)}` : 'this row';
  const where = [place.county.name, ...place.precinctColumns.map((c) => excelText(rec.text(c).trim()))].filter((p) => p !== '').join(', ');
  return new DataError(
    `${who}${where === '' ? '' : ` (${where})`} has ${thousands(first.votes)} votes on line ${first.line} and ${thousands(votes)} on line ${rec.line}: the same candidate, race and place twice, with different votes`,
    { file: place.file, line: rec.line },
    'runoff never adds such rows up: remove the wrong one; if another column tells them apart (a vote type), name that column vote_type',
  );
}

/** What names the place in the message. */
export interface PlaceNames {
  file: string;
  county: County;
  precinctColumns: readonly number[];
}
