/**
 * Ranked ballots as the cast-vote-record readers give them, before any rule is applied. Readers (src/read/cvr/)
 * turn every vendor format into these; the instant-runoff tabulator (src/count/irv/) applies the contest's
 * options (labels, aliases, overvote and skipped-rank rules) to them.
 */

/** Where a ballot came from, for error messages and --by precinct. */
export interface BallotOrigin {
  file: string;
  /** 1-based line (CSV, BLT) or row (xlsx) of the record, when the format has one. */
  line?: number;
  /** The record's own id, when the format has one (ES&S "Cast Vote Record", Dominion RecordId, CDF @id). */
  id?: string;
}

/** One mark: what the voter marked at a rank, exactly as the CVR writes it (a name, a code or a label). */
export interface RankMark {
  /** 1-based rank. */
  rank: number;
  /** The raw choices at that rank: one normally; several for an overvote marked as several candidates. */
  choices: string[];
}

/** One cast-vote record for one contest. Ranks with no mark are absent; `marks` is sorted by rank. */
export interface CastVote {
  marks: RankMark[];
  /** How many identical ballots this record stands for (BLT weights); 1 elsewhere. */
  weight: number;
  precinct?: string;
  origin: BallotOrigin;
}

/** The vendor formats the readers understand (RCTab's `provider` names, plus ours). */
export type CvrFormat = 'ess' | 'dominion' | 'cdf' | 'clearBallot' | 'hart' | 'genericCsv' | 'rank-columns' | 'blt';

/** One CVR source: a file or folder plus the settings RCTab's `cvrFileSources[]` entries carry. */
export interface CvrSource {
  path: string;
  format: CvrFormat;
  /** Which contest to read, for formats that hold several (CDF, Dominion, Hart, Clear Ballot). */
  contestId?: string;
  /** ES&S / generic CSV: 1-based column of the first rank and row of the first ballot; id and precinct columns. */
  firstVoteColumnIndex?: number;
  firstVoteRowIndex?: number;
  idColumnIndex?: number;
  precinctColumnIndex?: number;
  /** ES&S: a cell "A|B" with this delimiter is an overvote of A and B. */
  overvoteDelimiter?: string;
  /**
   * ES&S: how many columns from the first rank column are ranks (RCTab's maxRankingsAllowed, the number of
   * declared candidates for "max"); columns past them are not read. Unset: every column from the first rank on.
   */
  maxRankings?: number;
  /**
   * Dominion, Hart: write each choice as the vendor's candidate id, as RCTab does (its aliases and write-in
   * label name ids, e.g. "12"); unset: the candidate's name (Dominion's manifest, Hart's option Name).
   */
  candidateIds?: boolean;
}
