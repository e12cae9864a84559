/**
 * What a record's key (its race and candidate cells) leads to: one PartTarget per part of the layout, made
 * when the key is first seen. Classifying is per distinct key, not per row, so no string is made per row.
 */
import type { Slot } from '../../count/tally.js';
import { DataError } from '../../model/errors.js';
import { thousands } from '../../model/thousands.js';
import type { CountyChecks } from '../checks.js';
import type { Classified, Layout } from '../layout.js';
import type { RecordView } from '../../read/record-view.js';

/**
 * Distinct (race, candidate) parts a file may have. Real files have thousands; a million means a column that
 * changes on every row is read as a name, and each holds a few hundred bytes of heap: an error with a way
 * out comes before V8 runs out of memory.
 */
export const MAX_KEYS = 1_000_000;

/** What a distinct key leads to, per part; the slot is found on the first row that adds votes. */
export interface PartTarget {
  classified: Classified;
  slot: Slot | null;
  /** Index into each county's counts. */
  id: number;
  /** Index of the race in the county checks; -1 for an exclusion without a race. */
  raceIndex: number;
  /** Precinct files: the block where this key was last counted, its line and votes. */
  block: number;
  blockLine: number;
  blockVotes: number;
  /** Rows of this key that have a place, and their votes: what a row without a place is checked against (geo-totals.ts). */
  placedRows: number;
  placedVotes: number;
}

export class KeyTargets {
  private ids = 0;

  constructor(
    private readonly layout: Layout,
    private readonly keyColumns: readonly number[],
    private readonly checks: CountyChecks,
    private readonly file: string,
  ) {}

  /** For RecordView.memo: an arrow, made once, so no closure is made per row. */
  readonly make = (rec: RecordView): PartTarget[] => {
    if (this.ids >= MAX_KEYS) {
      throw new DataError(
        `more than ${thousands(MAX_KEYS)} distinct races and candidates: too many to hold in memory`,
        { file: this.file, line: rec.line },
        'a column that changes on every row (an id, a timestamp) may be read as a candidate, office or party name: check the header names, or split the file',
      );
    }
    return this.layout.classify(this.keyColumns.map((c) => (c < 0 ? '' : rec.text(c)))).map((classified) => ({
      classified,
      slot: null,
      id: this.ids++,
      raceIndex: classified.race ? this.checks.raceIndex(classified.race) : -1,
      block: -1,
      blockLine: 0,
      blockVotes: 0,
      placedRows: 0,
      placedVotes: 0,
    }));
  };
}
