/**
 * Where the rows are: the county (looked up only when its cell changes, so a sorted file pays one compare
 * per row) and, in precinct files, the place — county and precinct cells — whose runs make the blocks that
 * the repeat check works within. Also the `TOTAL` / `Total Votes` pseudo-places that carry sums of real rows.
 */
import type { CountyChecks, County } from '../checks.js';
import { excelText, isGeographyTotal } from '../classify.js';
import type { CellTracker, RecordView } from '../../read/record-view.js';
import type { RepeatCheck } from './repeat-check.js';

export class Places {
  county: County;
  /** A run of rows of one place (precinct files): counted up each time the place changes. */
  block = 0;
  /** Whether the current place is a TOTAL pseudo-place (only followed when `perPlace`). */
  totalPlace = false;
  /** Whether every cell of the current place is empty (only followed when `perPlace`: then they are all the geography cells). */
  emptyPlace = false;
  /** The trackers of the view they were last asked of: one view reads a whole input, so they are looked up once. */
  private view: RecordView | null = null;
  private countyCells: CellTracker | null = null;
  private precinctCells: CellTracker | null = null;
  /**
   * Every geography column is the county or a followed precinct column, so a TOTAL row is one whose place is
   * TOTAL, checked when the place changes, not on every row.
   */
  readonly perPlace: boolean;
  /** The memo key of the county: one column, never equal to the key of a record's race and candidate (five or more). */
  private readonly countyKey: number[];
  /** All the precinct columns (`ward,precinct`), followed together: the place moved when any of them changed. */
  private readonly precincts: readonly number[] | null;
  /** The last column of the place, and the `seq` of the record `moved` was last asked about (see `moved`). */
  private readonly lastColumn: number;
  private seq = -1;

  constructor(
    private readonly countyColumn: number,
    private readonly geoColumns: readonly number[],
    repeat: RepeatCheck,
    private readonly checks: CountyChecks,
  ) {
    this.county = checks.county('');
    this.countyKey = [countyColumn];
    const followed = repeat.kind === 'block' ? [repeat.precinct, ...(repeat.morePrecincts ?? [])] : [];
    this.precincts = followed.length > 0 ? followed : null;
    this.perPlace = geoColumns.every((g) => g === countyColumn || followed.includes(g));
    this.lastColumn = Math.max(countyColumn, ...followed);
  }

  /**
   * Follows the place of the rows; true when it changed (a new block starts). The one place that asks a
   * record whether cells are the same as the previous record's.
   */
  moved(rec: RecordView): boolean {
    // The scanner found the place cells to hold the previous record's bytes, and that record was the last one
    // asked about: the same place, with nothing to compare (the trackers compare bytes next time they are asked).
    const seq = this.seq;
    this.seq = rec.seq;
    if (rec.sameLead > this.lastColumn && seq > 0 && seq === rec.seq - 1) return false;
    if (rec !== this.view) {
      this.view = rec;
      this.countyCells = this.countyColumn >= 0 ? rec.lastCells(this.countyKey) : null;
      this.precinctCells = this.precincts !== null ? rec.lastCells(this.precincts) : null;
    }
    let moved = false;
    if (this.countyCells !== null && !this.countyCells.same()) {
      this.county = rec.memo(this.countyKey, this.makeCounty);
      moved = true;
    }
    if (this.precinctCells !== null && !this.precinctCells.same()) moved = true;
    if (moved) this.block++;
    return moved;
  }

  /** A new place (`perPlace` only): whether it is a TOTAL pseudo-place, and whether all its cells are empty. */
  settle(rec: RecordView, geo: { empty(rec: RecordView): boolean } | null): void {
    this.totalPlace = this.totalRow(rec);
    this.emptyPlace = geo !== null && geo.empty(rec);
  }

  /** A geography cell holds `TOTAL` / `Total Votes`: a pseudo-row carrying the sum of the real ones. */
  totalRow(rec: RecordView): boolean {
    const geo = this.geoColumns;
    for (let i = 0; i < geo.length; i++) {
      const g = geo[i] as number;
      const len = rec.length(g);
      // Only short values starting with t/T can be "TOTAL" / "Total Votes": decode nothing on the common path.
      if (len >= 5 && len <= 13 && (rec.first(g) | 0x20) === 0x74 && isGeographyTotal(rec.text(g))) return true;
    }
    return false;
  }

  /** Made once per distinct county cell, and looked up only when the cell changes from the row before. */
  private readonly makeCounty = (rec: RecordView): County => this.checks.county(excelText(rec.text(this.countyColumn).trim()));
}
