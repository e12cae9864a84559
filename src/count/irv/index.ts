/**
 * Single-winner instant runoff over cast-vote records: group identical ballots, run the rounds as RCTab does,
 * and add the first-choice and head-to-head (Condorcet) readings of the same ballots.
 */
import type { CastVote } from '../../model/ballots.js';
import { condorcet } from './condorcet.js';
import type { BallotLabels, IrvOptions } from '../../model/irv-options.js';
import { BallotPool } from './pool.js';
import type { FirstChoiceSummary, IrvResult, IrvRound } from './result.js';
import { runRounds } from './rounds.js';

export { BallotPool } from './pool.js';
export * from '../../model/irv-options.js';
export type * from './result.js';

/** Read every ballot of one source (with that source's labels), then count. */
export async function tabulateIrv(
  votes: AsyncIterable<CastVote> | Iterable<CastVote>,
  options: IrvOptions,
  labels: BallotLabels = {},
): Promise<IrvResult> {
  const pool = new BallotPool(options);
  for await (const vote of votes) pool.add(vote, labels);
  return tabulatePool(pool);
}

/** Count ballots already gathered in a pool (several sources can be added to one pool first). */
export function tabulatePool(pool: BallotPool): IrvResult {
  const { rounds, winner, winnerRound, continuing, undervotes } = runRounds(pool, pool.options);
  const name = pool.names[winner] as string;
  const won = rounds[winnerRound - 1] as IrvRound;
  return {
    method: 'instant-runoff',
    ballots: pool.ballots,
    undervotes,
    rounds,
    outcome: {
      status: 'winner',
      winner: name,
      round: winnerRound,
      votes: won.tally[name] ?? 0,
      threshold: won.threshold,
      continuing: continuing[winnerRound - 1] ?? 0,
    },
    condorcet: condorcet(pool, name),
    firstChoices: firstChoices(rounds[0] as IrvRound),
  };
}

/** Round 1 read as a two-round system would: a majority wins, otherwise the top two go on. */
function firstChoices(first: IrvRound): FirstChoiceSummary {
  const tally = first.tally;
  const total = Object.values(tally).reduce((a, b) => a + b, 0);
  // the tally is already in order (votes descending, then name); undeclared write-ins are nobody to send on
  const people = Object.keys(tally).filter((c) => c !== 'Undeclared Write-ins');
  const leader = people[0];
  const majority = leader !== undefined && (tally[leader] ?? 0) * 2 > total ? leader : null;
  return { tally, total, majority, topTwo: majority === null ? people.slice(0, 2) : [] };
}
