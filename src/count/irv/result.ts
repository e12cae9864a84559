/** The JSON shape of an instant-runoff count. Vote counts are whole ballots: single-winner IRV never splits one. */

/** Why ballots stopped counting, in RCTab's report names. */
export interface InactiveCounts {
  overvotes: number;
  skippedRankings: number;
  repeatedRankings: number;
  exhaustedChoices: number;
}

export interface IrvRound {
  round: number;
  /** Votes of every continuing candidate this round, zeros included. */
  tally: Record<string, number>;
  threshold: number;
  /** Eliminated at the end of this round (several under batch elimination), by name. */
  eliminated: string[];
  elected: string[];
  /** Where the ballots of this round's eliminated candidates went in the next round (`exhausted` included). */
  transfers: Record<string, Record<string, number>>;
  /** Ballots no longer counting, cumulative, by the reason they stopped. */
  inactive: InactiveCounts;
}

export interface IrvOutcome {
  status: 'winner';
  winner: string;
  /** The round in which the winner was elected. */
  round: number;
  votes: number;
  threshold: number;
  /** Continuing ballots in that round. */
  continuing: number;
}

export interface CondorcetSummary {
  /** The candidate who beats every other head to head, or null. */
  winner: string | null;
  /** pairwise[a][b]: ballots ranking a above b. */
  pairwise: Record<string, Record<string, number>>;
  /** With no Condorcet winner: the smallest set of candidates who each beat everyone outside it (Smith set). */
  smithSet: string[];
  /** Whether instant runoff elected the Condorcet winner (null when there is none). */
  irvAgrees: boolean | null;
}

export interface FirstChoiceSummary {
  tally: Record<string, number>;
  /** Ballots with a first choice counted in round 1. */
  total: number;
  /** The candidate with a majority of first choices, or null. */
  majority: string | null;
  /** The two leaders a two-round (top-two runoff) rule would send to a second round; [] when someone has a majority. */
  topTwo: string[];
}

export interface IrvResult {
  method: 'instant-runoff';
  /** Every ballot read, those that ranked nobody included. */
  ballots: number;
  /** Ballots that ranked nobody: not in any round (RCTab's undervotes). */
  undervotes: number;
  rounds: IrvRound[];
  outcome: IrvOutcome;
  condorcet: CondorcetSummary;
  firstChoices: FirstChoiceSummary;
}
