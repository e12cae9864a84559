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
 * County statements print the figure as a choice row instead (`Ballots Cast` inside each race): those rows
 * are summed per race (one per place, or one per vote type), and a row with no place (a statewide total
 * beside the county rows) is used only when the race has no placed row, so it never doubles the figure.
 */
export class BallotsCounter {
  private readonly byRace = new Map<string, Map<string, number>>();
  private readonly rowsByRace = new Map<string, { placed: number; placeless: number }>();

  /** `column` -1: the file has no ballots-cast column, only `Ballots Cast` rows. */
  constructor(private readonly column: number, private readonly placeColumns: readonly number[]) {}

  /** A `Ballots Cast` / `Total Ballots` choice row of a race: its votes (summed over its vote cells). */
  noteRow(rec: RecordView, race: string, votes: number): void {
    const placed = this.placeColumns.some((c) => rec.text(c).trim() !== '');
    const sum = this.rowsByRace.get(race) ?? { placed: 0, placeless: 0 };
    if (placed) sum.placed += votes;
    else sum.placeless += votes;
    this.rowsByRace.set(race, sum);
  }

  note(rec: RecordView, race: string): void {
    if (this.column < 0) return;
    const cell = rec.votes(this.column);
    // Zero or empty: not filled in (the CO Clarity summary writes 0 beside final results).
    if (!isCount(cell) || cell === 0) return;
    const n: number = cell;
    const place = this.placeColumns.map((c) => rec.text(c)).join('\u0001');
    let places = this.byRace.get(race);
    if (!places) this.byRace.set(race, (places = new Map()));
    places.set(place, Math.max(places.get(place) ?? 0, n));
  }

  /** The `Ballots Cast` rows' sums per race, for a merge (rows/handoff.ts; a file with a ballots column is never split). */
  dump(): [string, number, number][] {
    return [...this.rowsByRace].map(([race, { placed, placeless }]) => [race, placed, placeless]);
  }

  /** The sums of a later byte range's `Ballots Cast` rows. */
  absorb(rows: readonly [string, number, number][]): void {
    for (const [race, placed, placeless] of rows) {
      const sum = this.rowsByRace.get(race) ?? { placed: 0, placeless: 0 };
      sum.placed += placed;
      sum.placeless += placeless;
      this.rowsByRace.set(race, sum);
    }
  }

  /** At the end of a file: its figures are added to its races (several county files sum up). */
  finish(tally: Tally): void {
    for (const [key, { placed, placeless }] of this.rowsByRace) {
      const race = tally.races.get(key);
      // A ballots-cast column, where the file has both, is the figure; zero says nothing (not filled in).
      const n = placed > 0 ? placed : placeless;
      if (!race || this.byRace.has(key) || n === 0) continue;
      race.ballotsCast = (race.ballotsCast ?? 0) + n;
    }
    for (const [key, places] of this.byRace) {
      const race = tally.races.get(key);
      if (!race) continue;
      let sum = race.ballotsCast ?? 0;
      for (const n of places.values()) sum += n;
      race.ballotsCast = sum;
    }
  }
}
