import type { BallotOrigin } from '../../model/ballots.js';

/** Something a reader passed over without failing (a Dominion record with no current version): counted, never silent. */
export interface CvrWarning {
  message: string;
  at: BallotOrigin;
}

export interface CvrReadOptions {
  onWarning?: (warning: CvrWarning) => void;
}
