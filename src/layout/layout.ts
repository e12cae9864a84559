/** The contract every layout family fulfils, so that both parsers (csv-parse and the byte scanner) share it. */
import type { BallotKind, ExclusionReason, RaceId } from '../types.js';

export type Classified =
  | { kind: 'vote'; race: RaceId; candidate: string; party: string; ballot: BallotKind }
  | { kind: 'exclude'; reason: ExclusionReason };

/** Run-wide choices a layout needs. `partyPrimary` null means: decide from the data (stage column). */
export interface LayoutContext {
  file: string;
  partyPrimary: boolean | null;
}

export interface Layout {
  /** Shown in `inputs[].layout`: `minimal`, `openelections`, `openelections+vote-types`. */
  name: string;
  headerLength: number;
  /** Columns whose values decide race, candidate and exclusion; `classify` gets them in this order. */
  keyColumns: number[];
  /** Geography columns: a `TOTAL` value there makes the row a pseudo-row. */
  geoColumns: number[];
  /** Columns summed into the row's votes (one total column, or the vote-type columns). */
  voteColumns: number[];
  voteColumnNames: string[];
  /** Pure and deterministic in its inputs, so callers cache it by the key values. */
  classify(keyValues: readonly string[]): Classified;
}
