/**
 * The contract every layout family fulfils, so that both parsers (csv-parse and the byte scanner) share it.
 *
 * A record contributes to one or more (race, candidate) pairs, its *parts*. A long layout (one row per
 * candidate) has one part whose votes are one total column or the sum of vote-type columns; a wide layout
 * (one column per candidate) has one part per candidate column. Classification is per distinct key — the
 * values of `keyColumns` — and is cached by the reader, so no string is built per row on the hot path.
 */
import type { BallotKind, ExclusionReason, RaceId, Warning } from '../model/types.js';
import type { NameTable } from './families/wide-names.js';

/** The layout families, in the order detection tries them; `--layout` names one to read the header with alone. */
export const LAYOUT_FAMILIES = ['medsl', 'civicfs', 'clarity', 'clerk', 'long', 'wide'] as const;
export type LayoutFamily = (typeof LAYOUT_FAMILIES)[number];

export type Classified =
  | { kind: 'vote'; race: RaceId; candidate: string; party: string; ballot: BallotKind }
  /**
   * `race`: the race an excluded total row belongs to, so its votes can be checked against the candidates'.
   * `ballotsCast`: a `Ballots Cast` / `Total Ballots` choice row, whose votes are the race's ballots.
   */
  | { kind: 'exclude'; reason: ExclusionReason; race?: RaceId; ballotsCast?: boolean };

/** Run-wide choices a layout needs. `partyPrimary` null means: decide from the data (stage column). */
export interface LayoutContext {
  file: string;
  partyPrimary: boolean | null;
  /** Names for wide column codes and office codes (`--names`). */
  names?: NameTable | null;
  /** `--layout`: the one family to read the header with (detect.ts); null or absent to detect it. */
  family?: LayoutFamily | null;
}

/** Columns that should add up to the total column; names as written in the header, for the warning. */
export interface TypeCheck {
  columns: number[];
  names: string[];
  total: string;
}

/** The columns of a file that says how many of a contest's precincts (or areas) have reported. */
export interface Reporting {
  counted: number;
  total: number;
  /** What is counted: `precincts`, `counties`, `areas`. */
  unit: string;
}

/**
 * The columns that name a record's race and candidate, by role; -1 for a role the file has no column for.
 * `classify` gets their values in this order: candidate, office, district, party, stage, then `more`.
 */
export interface KeyColumns {
  candidate: number;
  office: number;
  district: number;
  party: number;
  stage: number;
  /** Family-specific key columns, in order (MEDSL `special`, `writein`, `state`, `magnitude`, `mode`; a vote type). */
  more: Readonly<Record<string, number>>;
}

/** For layouts whose records name no race or candidate in cells (wide files: the header does). */
export const NO_KEY_COLUMNS: KeyColumns = { candidate: -1, office: -1, district: -1, party: -1, stage: -1, more: {} };

/** The key columns in the order `classify` takes their values (five or more, so never one column alone). */
export function keyColumnList(k: KeyColumns): number[] {
  return [k.candidate, k.office, k.district, k.party, k.stage, ...Object.values(k.more)];
}

/** The columns of a record's place: its county and precinct columns (`Ballots Cast` rows are per place; a split needs a change of place). */
export function placeColumns(layout: Layout): number[] {
  return [layout.countyColumn, ...layout.precinctColumns].filter((c) => c >= 0);
}

/** One (race, candidate) pair a record contributes to. */
export interface Part {
  /** Columns summed into the part's votes: one total column, or vote-type columns. */
  voteColumns: number[];
}

export interface Layout {
  /** Shown in `inputs[].layout`: `openelections`, `medsl-precinct`, `clarity-summary`, `wide-vest` … */
  name: string;
  headerLength: number;
  /** Columns whose values decide race, candidate and exclusion; `classify` gets them in `keyColumnList` order. */
  keyColumns: KeyColumns;
  /** Geography columns: a `TOTAL` value there makes the row a pseudo-row. */
  geoColumns: number[];
  /** The county-like column (-1: none), for the per-county checks: no data, one-county races, total rows. */
  countyColumn: number;
  /** Drop exact duplicate records: only for files without precinct geography, so memory stays bounded. */
  dedup: boolean;
  /** Precinct-level columns (precinct, precinct_id, ward …); with the county column, a row's place. */
  precinctColumns: number[];
  /** Columns with an empty header cell: never read; a warning if one holds data. */
  unnamedColumns: number[];
  /** Vote-type columns beside the counted total column (TX `early_voting,election_day,votes`): checked to add up. */
  typeCheck: TypeCheck | null;
  /** Precincts reporting and in all, per contest (Clarity `num Precinct rptg` / `num Precinct total`). */
  reporting?: Reporting | null;
  /** A per-contest ballots-cast column (`Total Ballots`, `Ballots Cast`), when the file has one; else -1 or absent. */
  ballotsColumn?: number;
  parts: Part[];
  /** `classify` keeps state across keys (MEDSL's mode check): the file must be read in one pass, never split. */
  ordered?: boolean;
  /** One Classified per part, in order. Pure and deterministic in its inputs: callers cache it by key. */
  classify(keyValues: readonly string[]): readonly Classified[];
  /** Warnings about the layout (a wide file read without --names); read when the file is done, so a layout
   *  may add to it while classifying. */
  notes: Warning[];
}
