/**
 * The contest options of a single-winner instant-runoff count, named and valued as RCTab names them in its
 * contest configuration so that an RCTab config maps onto them one to one.
 */

export type OvervoteRule = 'alwaysSkipToNextRank' | 'exhaustImmediately' | 'exhaustIfMultipleContinuing';

/**
 * How a tie for last place (or, when nobody can reach the threshold, for first) is broken.
 * The two "Ask" modes stop with an error when a tie actually needs an operator: a command line cannot ask.
 */
export type TiebreakMode =
  | 'useCandidateOrder'
  | 'generatePermutation'
  | 'random'
  | 'previousRoundCountsThenRandom'
  | 'stopCountingAndAsk'
  | 'previousRoundCountsThenAsk';

export interface IrvCandidate {
  name: string;
  /** Other spellings or codes the CVR may use for this candidate. */
  aliases?: string[];
  /** Registered but left out of the count: marks for them are passed over like those for an eliminated candidate. */
  excluded?: boolean;
}

/** What special cell values mean in one CVR source (RCTab sets these per source). */
export interface BallotLabels {
  /** A mark equal to this is an overvote. */
  overvoteLabel?: string;
  /** A mark equal to this is no mark at all (ES&S writes "undervote"). */
  skippedRankLabel?: string;
  /** A mark equal to this is a vote for an undeclared write-in. */
  undeclaredWriteInLabel?: string;
  /** Every rank up to the maximum that has no mark counts as an undeclared write-in (Portland ES&S files). */
  treatBlankAsUndeclaredWriteIn?: boolean;
  /** Ranks past maxRankingsAllowed: an error (default), or dropped as RCTab's ES&S reader does. */
  ranksPastMaximum?: 'error' | 'ignore';
}

export interface IrvOptions {
  /** In config order: `useCandidateOrder` breaks ties with it. */
  candidates: IrvCandidate[];
  /** Count undeclared write-ins as one candidate, `Undeclared Write-ins`, always eliminated first. */
  undeclaredWriteIns: boolean;
  overvoteRule: OvervoteRule;
  /** A gap of more than this many ranks exhausts the ballot (Maine: 1); `unlimited` never does. */
  maxSkippedRanksAllowed: number | 'unlimited';
  /** `max`: the number of declared candidates. */
  maxRankingsAllowed: number | 'max';
  exhaustOnDuplicateCandidate: boolean;
  batchElimination: boolean;
  continueUntilTwoCandidatesRemain: boolean;
  /** Candidates below this many first-round votes are all eliminated at once; 0 disables it. */
  minimumVoteThreshold: number;
  firstRoundDeterminesThreshold: boolean;
  tiebreakMode: TiebreakMode;
  /** java.util.Random seed for the random modes and generatePermutation. */
  randomSeed?: bigint;
  /** Stop after this round even without a winner (RCTab's stopTabulationEarlyAfterRound). */
  stopAfterRound?: number;
}

/** Maine-style defaults: exhaust at an overvote, two consecutive skipped ranks exhaust, candidate order breaks ties. */
export function irvDefaults(candidates: IrvCandidate[]): IrvOptions {
  return {
    candidates,
    undeclaredWriteIns: false,
    overvoteRule: 'exhaustImmediately',
    maxSkippedRanksAllowed: 1,
    maxRankingsAllowed: 'max',
    exhaustOnDuplicateCandidate: false,
    batchElimination: false,
    continueUntilTwoCandidatesRemain: false,
    minimumVoteThreshold: 0,
    firstRoundDeterminesThreshold: false,
    tiebreakMode: 'useCandidateOrder',
  };
}

/** The name RCTab gives undeclared write-ins in every report. */
export const UNDECLARED_WRITE_INS = 'Undeclared Write-ins';
/** RCTab's internal label for an overvote mark. */
export const OVERVOTE = 'overvote';
