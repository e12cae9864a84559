/**
 * A ranked-choice race as the instant-runoff side of the document will carry it, for the pictures' tests:
 * the 2022 Alaska at-large U.S. House special general election (16 August 2022), the first count under
 * Alaska's ranked-choice law. Round tallies are the certified ones (first round Peltola 74,817, Palin 58,339,
 * Begich 52,536, write-ins 2,974; final round Peltola 91,266, Palin 86,026); each transfer is the difference
 * between two rounds. The split of inactive ballots by reason is not modelled here: all of them are put
 * under `exhaustedChoices`, and the rule block is written for the test (SYNTHETIC, not a preset).
 */
import type { ChartDoc, ChartRace, RoundDoc } from '../../src/render/html/types.js';

const zero = { overvotes: 0, skippedRankings: 0, repeatedRankings: 0 };

export const ALASKA_ROUNDS: RoundDoc[] = [
  {
    round: 1,
    tally: { 'Mary Peltola': 74817, 'Sarah Palin': 58339, 'Nick Begich': 52536, 'Write-in': 2974 },
    threshold: 94334,
    eliminated: ['Write-in'],
    elected: [],
    transfers: { 'Write-in': { 'Nick Begich': 1274, 'Sarah Palin': 634, 'Mary Peltola': 982, exhausted: 84 } },
    inactive: { ...zero, exhaustedChoices: 0 },
  },
  {
    round: 2,
    tally: { 'Mary Peltola': 75799, 'Sarah Palin': 58973, 'Nick Begich': 53810 },
    threshold: 94292,
    eliminated: ['Nick Begich'],
    elected: [],
    transfers: { 'Nick Begich': { 'Sarah Palin': 27053, 'Mary Peltola': 15467, exhausted: 11290 } },
    inactive: { ...zero, exhaustedChoices: 84 },
  },
  {
    round: 3,
    tally: { 'Mary Peltola': 91266, 'Sarah Palin': 86026 },
    threshold: 88647,
    eliminated: [],
    elected: ['Mary Peltola'],
    transfers: {},
    inactive: { ...zero, exhaustedChoices: 11374 },
  },
];

const first = ALASKA_ROUNDS[0]?.tally ?? {};
const total = Object.values(first).reduce((a, b) => a + b, 0);

export const ALASKA_RACE: ChartRace = {
  id: 'u.s. house|at-large special|',
  office: 'U.S. House',
  district: 'Alaska at-large special',
  party: null,
  totalVotes: total,
  denominator: total,
  blankVotes: 0,
  invalidVotes: 0,
  registeredVoters: null,
  seats: 1,
  candidates: Object.entries(first).map(([name, votes]) => ({ name, party: name === 'Mary Peltola' ? 'Dem' : name === 'Write-in' ? '' : 'Rep', votes, share: Math.round((votes / total) * 1e6) / 1e6 })),
  outcome: {
    status: 'winner',
    winner: 'Mary Peltola',
    runoff: [],
    tied: [],
    leader: 'Mary Peltola',
    votesShort: null,
    explanation: '91,266 of 177,292 continuing votes in round 3 clears > 50 %',
    ruleApplied: 'instant-runoff',
    conditions: [],
    advancing: [],
    tie: null,
    onRequest: false,
  },
  method: 'instant-runoff',
  rounds: ALASKA_ROUNDS,
};

export const ALASKA_DOC: ChartDoc = {
  schemaVersion: 2,
  rule: {
    id: 'instant-runoff',
    name: 'Instant runoff (SYNTHETIC rule block for tests): more than half of the continuing votes, else the last is eliminated',
    source: 'written for the test',
    wins: [{ share: '1/2', strict: true }],
    denominator: 'valid',
    advance: 1,
    ties: 'report',
    noShortcut: false,
    onRequest: false,
    verified: false,
  },
  partyPrimary: { partyPrimary: false, source: 'default', reason: 'a ranked-choice contest: one race' },
  inputs: [{ name: 'ak-2022-08-16-special-rcv.json', sha256: '0'.repeat(64), encoding: 'utf-8', delimiter: ',', layout: 'ranked', rows: 0, rowsUsed: 0, rowsExcluded: {} }],
  races: [ALASKA_RACE],
  warnings: [],
};
