/**
 * What a record's key (its race and candidate cells) leads to: one PartTarget per part of the layout, made
 * when the key is first seen. Classifying is per distinct key, not per row, so no string is made per row.
 */
import type { Slot } from '../../count/tally.js';
import type { CandidateTally, RaceTally } from '../../model/types.js';
import { DataError } from '../../model/errors.js';
import { thousands } from '../../model/thousands.js';
import type { CountyChecks } from '../checks.js';
import type { Classified, Layout } from '../layout.js';
import type { RaceId } from '../../model/types.js';
import type { RecordView } from '../../read/record-view.js';

/**
 * Distinct (race, candidate) parts a file may have. Real files have thousands; a million means a column that
 * changes on every row is read as a name, and each holds a few hundred bytes of heap: an error with a way
 * out comes before V8 runs out of memory.
 */
export const MAX_KEYS = 1_000_000;

/** What a distinct key leads to, per part; its slot (race, candidate) is found on the first row that adds votes. */
export interface PartTarget extends Slot {
  classified: Classified;
  race: RaceTally | null;
  candidate: CandidateTally | null;
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
  /** Distinct keys so far. */
  get size(): number {
    return this.ids;
  }

  private ids = 0;

  constructor(
    private readonly layout: Layout,
    private readonly keyColumns: readonly number[],
    private readonly checks: CountyChecks,
    private readonly file: string,
  ) {}

  /**
   * For RecordView.memo: an arrow, made once, so no closure is made per row. A one-part layout (one row per
   * candidate, most files) gets its target alone, not in an array of one: that array cost about 100 bytes a key.
   */
  readonly make = (rec: RecordView): KeyTarget => {
    if (this.ids >= MAX_KEYS) {
      throw new DataError(
        `more than ${thousands(MAX_KEYS)} distinct races and candidates: too many to hold in memory`,
        { file: this.file, line: rec.line },
        'a column that changes on every row (an id, a timestamp) may be read as a candidate, office or party name: check the header names, or split the file',
      );
    }
    const targets = this.layout.classify(this.keyColumns.map((c) => (c < 0 ? '' : rec.text(c)))).map(this.target);
    return targets.length === 1 ? (targets[0] as PartTarget) : targets;
  };

  private readonly target = (classified: Classified): PartTarget => {
    const raceIndex = classified.race ? this.checks.raceIndex(classified.race) : -1;
    return {
      classified: raceIndex < 0 ? classified : shareRace(classified, this.checks.race(raceIndex)),
      race: null,
      candidate: null,
      id: this.ids++,
      raceIndex,
      block: -1,
      blockLine: 0,
      blockVotes: 0,
      placedRows: 0,
      placedVotes: 0,
    };
  };
}

/** A key's targets: one for a one-part layout, one per part (candidate column) for a wide one. */
export type KeyTarget = PartTarget | readonly PartTarget[];

/** Target `p` of a key's targets. */
export function targetAt(targets: KeyTarget, p: number): PartTarget {
  return Array.isArray(targets) ? (targets[p] as PartTarget) : (targets as PartTarget);
}

/**
 * Every key of a race points at the race's first RaceId, when they are alike in every field, instead of its
 * own copy (an object and three strings, about 160 bytes a key); a race spelled otherwise keeps its own, for
 * the messages that name it as its row wrote it. The classification is changed in place (a copy would cost
 * another 64 bytes a key): the RaceId it gets is equal in every field, so whoever else holds it sees no change.
 */
function shareRace(classified: Classified, first: RaceId): Classified {
  const race = classified.race;
  if (!race || race === first || race.office !== first.office || race.district !== first.district || race.party !== first.party || (race.seats ?? null) !== (first.seats ?? null)) return classified;
  classified.race = first;
  return classified;
}
