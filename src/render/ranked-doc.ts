/**
 * A ranked race in the document: every field a two-round race has, read from the instant-runoff count (the
 * candidates are the first choices, the outcome the IRV winner), plus the rounds and the readings beyond RCTab.
 */
import type { RankedRace } from '../count/election.js';
import { shareNumber } from './numbers.js';
import type { RankedRaceDoc } from './schema.js';

export function rankedRaceDoc({ id, office, result, precincts }: RankedRace): RankedRaceDoc {
  const first = result.firstChoices;
  const { winner, round, votes, threshold, continuing } = result.outcome;
  const overvotes = result.rounds[0]?.inactive.overvotes ?? 0;
  return {
    id,
    office,
    district: '',
    party: null,
    totalVotes: first.total,
    denominator: first.total,
    blankVotes: result.undervotes,
    invalidVotes: overvotes,
    registeredVoters: null,
    seats: 1,
    candidates: Object.entries(first.tally).map(([name, v]) => ({ name, party: '', votes: v, share: shareNumber(v, first.total) })),
    outcome: {
      status: 'winner',
      winner,
      runoff: [],
      tied: [],
      leader: winner,
      votesShort: null,
      explanation: `${winner} was elected in round ${round} of the instant runoff with ${votes} of ${continuing} continuing ballots`,
      ruleApplied: 'instant-runoff',
      conditions: [],
      advancing: [winner],
      tie: null,
      onRequest: false,
    },
    method: 'instant-runoff',
    ballots: result.ballots,
    undervotes: result.undervotes,
    rounds: result.rounds,
    final: { round, votes, threshold, continuing },
    condorcet: result.condorcet,
    firstChoices: first,
    ...(precincts ? { precincts } : {}),
  };
}
