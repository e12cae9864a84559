/**
 * Rows whose geography cells are all empty. OpenElections' Georgia 2014 primary county file opens each
 * candidate with such a row, the statewide total of its 159 county rows: counted, it doubles every total.
 * Whether such a row is a total can only be known at the end of the input, so they are held aside here, per
 * race × candidate, and settled by `finish`:
 * - the race has rows with a place: a total row. It is left out (`total-row`); when it is not the sum of the
 *   candidate's place rows, a `place-total-mismatch` warning names both figures (it is still not added);
 * - no row of the race has a place (a statewide file with an empty county column): they are its votes.
 */
import type { Warning } from '../../model/types.js';
import { thousands } from '../../model/thousands.js';
import { raceLabel } from '../classify.js';
import type { Layout } from '../layout.js';
import type { RecordView } from '../../read/record-view.js';
import type { PartTarget } from './targets.js';

/** The held rows of one race × candidate: their votes per area (--by), their count, the first line. */
interface Held {
  target: PartTarget;
  byRegion: Map<string, number>;
  votes: number;
  rows: number;
  line: number;
}

/** What RowReader does with a settled row: count it, or leave it out. */
export interface GeoSink {
  add(target: PartTarget, votes: number, region: string, line: number, rows: number): void;
  exclude(rows: number): void;
}

export class GeoTotals {
  private readonly held = new Map<PartTarget, Held>();
  /** Races with at least one row that has a place, found on a key's first such row (not per row). */
  private readonly placed = new Set<string>();

  private constructor(private readonly columns: readonly number[]) {}

  /** Races × candidates with rows held. */
  get holding(): number {
    return this.held.size;
  }

  /** Null for a layout without geography columns: nothing to hold. */
  static of(layout: Layout): GeoTotals | null {
    const columns = [...new Set([layout.countyColumn, ...layout.geoColumns, ...layout.precinctColumns])].filter((c) => c >= 0);
    return columns.length > 0 ? new GeoTotals(columns) : null;
  }

  /** Every geography cell of the record is empty (spaces count as empty). */
  empty(rec: RecordView): boolean {
    for (const c of this.columns) {
      if (rec.length(c) === 0) continue;
      // A cell that starts with something other than a space is a place: decided without decoding it (every row
      // comes here, so decoding would cost a string per row); only a cell starting with a space is trimmed.
      const first = rec.first(c);
      if (first !== 0x20 && first !== 0x09 && first !== 0xa0 && first !== 0xc2) return false;
      if (rec.text(c).trim() !== '') return false;
    }
    return true;
  }

  /** A row with a place: its votes go to the sum its candidate's total row is checked against. */
  placedRow(target: PartTarget, votes: number): void {
    target.placedVotes += votes;
    if (target.placedRows++ === 0 && target.classified.kind === 'vote') this.placed.add(target.classified.race.key);
  }

  /** A row without a place: held until `finish`. `first` is false for the later parts of a wide record. */
  hold(target: PartTarget, votes: number, region: string, line: number, first: boolean): void {
    let h = this.held.get(target);
    if (!h) this.held.set(target, (h = { target, byRegion: new Map(), votes: 0, rows: 0, line }));
    h.votes += votes;
    if (first) h.rows++;
    h.byRegion.set(region, (h.byRegion.get(region) ?? 0) + votes);
  }

  /** At the end of the input: each held row is a total (left out, checked) or the race's own votes. */
  finish(sink: GeoSink, file: string): Warning[] {
    const warnings: Warning[] = [];
    for (const h of this.held.values()) {
      const { classified } = h.target;
      if (classified.kind !== 'vote' || !this.placed.has(classified.race.key)) {
        let rows = h.rows;
        for (const [region, votes] of h.byRegion) {
          sink.add(h.target, votes, region, h.line, rows);
          rows = 0;
        }
        continue;
      }
      sink.exclude(h.rows);
      if (h.votes === h.target.placedVotes) continue;
      warnings.push({
        code: 'place-total-mismatch',
        file,
        line: h.line,
        message:
          `the row with no place for ${JSON.stringify(classified.candidate)} in ${raceLabel(classified.race)} says ${thousands(h.votes)} votes, ` +
          `but its ${thousands(h.target.placedRows)} rows with a place add up to ${thousands(h.target.placedVotes)}; those rows are counted, the total row is not added`,
      });
    }
    return warnings;
  }
}
