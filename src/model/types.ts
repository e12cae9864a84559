/** Domain types shared by every stage of the pipeline (read → layout → tally → decide → render). */
import type { SourceRef } from './errors.js';

export { WARNING_CODES, type Warning, type WarningCode } from './warning.js';
export { raceKey, type RaceKey } from './race-key.js';
import type { RaceKey } from './race-key.js';

/** Why a row was kept out of the candidate totals; counted per reason in `inputs[].rowsExcluded`. */
export const EXCLUSION_REASONS = [
  'total-row', // geography pseudo-row: precinct TOTAL, county "Total Votes"
  'candidate-total', // candidate "Total" / "Total Votes"
  'blank-candidate', // empty candidate name: a county total row
  'over-under-votes',
  'turnout', // pseudo-offices: Voters, Registration, Ballots Cast
  'straight-party',
  'statistics', // MEDSL magnitude 0 rows and similar
  'missing-votes', // empty vote cell: missing, not zero
  'blank-line',
  'footer',
  'duplicate', // an exact copy of an earlier record (files without precinct geography)
  'bad-row', // skipped with --skip-bad-rows
  'repeated-header', // the header again inside the data: files joined with cat
] as const;

export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

/** The identity of a race. `key` is what rows are grouped by; the other fields are for display. */
export interface RaceId {
  key: RaceKey;
  office: string;
  district: string;
  party: string | null;
  /** Seats filled (MEDSL `magnitude`, Clarity `(Vote For N)`); null (or absent) when the file does not say. */
  seats?: number | null;
}

export interface CandidateTally {
  name: string;
  party: string;
  votes: number;
  /** An aggregate of write-ins ("Write-ins", "Scattering"): counted, but never named as advancing. */
  writeIn: boolean;
  /** Rows counted for this candidate (`runoff races`); absent in tallies not built from rows. */
  rows?: number;
}

/** What a vote row counts towards: a candidate, a write-in aggregate, or blank / invalid ballots. */
export type BallotKind = 'candidate' | 'write-in' | 'blank' | 'invalid';

/** A race's candidates by name, first seen first: the part of a Map a tally uses (model/candidates.ts; a Map fits too). */
export interface CandidateMap {
  readonly size: number;
  get(name: string): CandidateTally | undefined;
  has(name: string): boolean;
  /** `name` is `candidate.name`. */
  set(name: string, candidate: CandidateTally): unknown;
  delete(name: string): boolean;
  values(): IterableIterator<CandidateTally>;
}

export interface RaceTally extends RaceId {
  candidates: CandidateMap;
  /** Blank ballots (Blank, Blancs, Votos en blanco…) and invalid ones (Null, Void, Spoiled…): not candidates. */
  blank: number;
  invalid: number;
  /** Votes per region (the first geography column) and candidate, kept only when a rule needs regional spread. */
  regions: Map<string, Map<string, number>> | null;
  /** Precincts (or areas) reporting, when the file says: summed over the input files. */
  reporting?: { counted: number; total: number; unit: string } | null;
  /** Ballots cast in this contest, when the file says (a `Total Ballots` column): more votes than this is vote-for-N. */
  ballotsCast?: number | null;
  rows: number;
  /** The first row of the race, to point warnings at. */
  firstSeen: SourceRef;
}

/** What one input contributed: the audit trail in JSON `inputs[]`. */
export interface InputSummary {
  name: string;
  /** Hex; '' when the output asked for shows none and one input was counted (ElectionOptions.hash). */
  sha256: string;
  encoding: string;
  /** The field delimiter used: `,` unless detected from the header or given with --delimiter. */
  delimiter: string;
  layout: string;
  rows: number;
  rowsUsed: number;
  rowsExcluded: Partial<Record<ExclusionReason, number>>;
}

export const STATUSES = ['winner', 'runoff', 'tie', 'no_votes', 'not_applicable'] as const;
export type Status = (typeof STATUSES)[number];

interface OutcomeCommon {
  runoff: string[];
  tied: string[];
  leader: string | null;
  /** Votes the leader needed (with the total unchanged) to clear the first winning condition. */
  votesShort: number | null;
  explanation: string;
}

/** A winner always carries the winner's name; every other status carries none. */
export type Outcome =
  | (OutcomeCommon & { status: 'winner'; winner: string })
  | (OutcomeCommon & { status: Exclude<Status, 'winner'>; winner: null });

/** Where the party-primary decision came from, strongest first. */
export type PrimarySource = 'flag' | 'preset' | 'file-name' | 'stage-column' | 'default';

/** Whether the race key includes the party, where that was decided, and why in words. */
export type PrimaryMode = { partyPrimary: boolean; source: PrimarySource; reason: string };
