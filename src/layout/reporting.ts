/**
 * Precincts (or areas) reporting, from files that say (Clarity `num Precinct rptg` / `num Precinct total`).
 * Clarity repeats a contest's counts on each of its choice rows: the largest per race in a file is kept, and
 * `finish` adds them to the races, so several county files sum up.
 */
import type { Tally } from '../count/tally.js';
import type { Warning } from '../model/types.js';
import type { Reporting } from './layout.js';
import { plural as s } from './line-sample.js';
import type { RecordView } from '../read/record-view.js';
import { isCount } from '../read/votes.js';

export class ReportingCounter {
  private readonly byRace = new Map<string, { counted: number; total: number }>();

  constructor(readonly columns: Reporting) {}

  note(rec: RecordView, race: string): void {
    const counted = rec.votes(this.columns.counted);
    const total = rec.votes(this.columns.total);
    if (!isCount(counted) || !isCount(total)) return;
    const seen = this.byRace.get(race);
    if (!seen) this.byRace.set(race, { counted, total });
    else {
      seen.counted = Math.max(seen.counted, counted);
      seen.total = Math.max(seen.total, total);
    }
  }

  /** At the end of a file: its counts go to its races. Returns a warning when it says nothing has reported. */
  finish(tally: Tally, file: string): Warning | null {
    const { unit } = this.columns;
    let silent = 0;
    for (const [key, { counted, total }] of this.byRace) {
      const race = tally.races.get(key);
      if (!race) continue;
      // All zero: the columns are not filled in, so they say nothing about reporting (only the warning remains).
      if (counted === 0 && total > 0) {
        silent++;
        continue;
      }
      const sum = race.reporting ?? { counted: 0, total: 0, unit };
      race.reporting = { counted: sum.counted + counted, total: sum.total + total, unit };
    }
    // Some exports zero these columns (the CO 2024 summary says 0 of N areas beside final results).
    if (silent === 0) return null;
    return { code: 'reporting-zero', file, message: `the file says 0 ${unit} have reported in ${silent} contest${s(silent)} that have votes; its reporting columns may not be filled in` };
  }
}

/**
 * The file's own ballots-cast figure per contest (a `Total Ballots` / `Ballots Cast` column): repeated on each
 * choice row of a place, so the largest per (race, place) is kept and places are summed. More candidate votes
 * than ballots means voters could mark several choices (vote for N), where a majority rule does not apply.
 */
export class BallotsCounter {
  private readonly byRace = new Map<string, Map<string, number>>();

  constructor(private readonly column: number, private readonly placeColumns: readonly number[]) {}

  note(rec: RecordView, race: string): void {
    const cell = rec.votes(this.column);
    // Zero or empty: not filled in (the CO Clarity summary writes 0 beside final results).
    if (!isCount(cell) || cell === 0) return;
    const n: number = cell;
    const place = this.placeColumns.map((c) => rec.text(c)).join('\u0001');
    let places = this.byRace.get(race);
    if (!places) this.byRace.set(race, (places = new Map()));
    places.set(place, Math.max(places.get(place) ?? 0, n));
  }

  /** At the end of a file: its figures are added to its races (several county files sum up). */
  finish(tally: Tally): void {
    for (const [key, places] of this.byRace) {
      const race = tally.races.get(key);
      if (!race) continue;
      let sum = race.ballotsCast ?? 0;
      for (const n of places.values()) sum += n;
      race.ballotsCast = sum;
    }
  }
}
