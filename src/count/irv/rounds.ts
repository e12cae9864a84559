/**
 * The round loop of single-winner instant runoff, as RCTab runs it: count, set the threshold, look for a winner,
 * otherwise eliminate (undeclared write-ins first, then everyone under the minimum vote threshold, then a batch
 * of candidates who cannot catch up, else the last-placed one, breaking a tie if needed), until someone wins
 * (or, with continueUntilTwoCandidatesRemain, until two are left).
 */
import { DataError } from '../../model/errors.js';
import type { IrvOptions } from '../../model/irv-options.js';
import type { BallotGroup, BallotPool } from './pool.js';
import type { IrvRound } from './result.js';
import { Tiebreaker } from './tiebreak.js';
import { countRound, Status, type RoundCount } from './walk.js';
import { batchEliminate, lowest, highest } from './eliminate.js';

export interface RoundsResult {
  rounds: IrvRound[];
  winner: number;
  winnerRound: number;
  /** Active ballots per round, to report the winner's share. */
  continuing: number[];
  undervotes: number;
}

export function runRounds(pool: BallotPool, options: IrvOptions): RoundsResult {
  const groups: BallotGroup[] = [...pool.groups.values()];
  const n = pool.names.length;
  const state = { recipient: new Int32Array(groups.length).fill(-1), status: new Uint8Array(groups.length) };
  const eliminatedIn = new Int32Array(n);
  let winner = -1;
  let winnerRound = 0;
  const uwi = pool.uwi;
  const declared = pool.excluded.filter((x, i) => !x && i !== uwi).length;
  const numCandidates = declared + (uwi >= 0 ? 1 : 0);
  const untilTwo = options.continueUntilTwoCandidatesRemain;
  const continuing = (c: number): boolean =>
    !pool.excluded[c] && eliminatedIn[c] === 0 && (c !== winner || untilTwo);
  const rules = {
    overvoteRule: options.overvoteRule,
    maxSkipped: options.maxSkippedRanksAllowed === 'unlimited' ? Infinity : options.maxSkippedRanksAllowed,
    exhaustOnDuplicate: options.exhaustOnDuplicateCandidate,
  };
  const tiebreaker = new Tiebreaker(options, pool.names, pool.excluded);
  const history: Map<string, number>[] = [];
  const rounds: IrvRound[] = [];
  const active: number[] = [];
  const stopAfter = options.stopAfterRound ?? Infinity;
  const minimum = options.minimumVoteThreshold;
  let eliminatedCount = 0;
  let round = 0;
  let undervotes = 0;

  const keepGoing = (): boolean => {
    if (round >= stopAfter) return false;
    if (untilTwo) return eliminatedCount + (winner >= 0 ? 1 : 0) + 1 < numCandidates || (round > 0 && eliminatedIn.includes(round));
    return winner < 0;
  };

  while (keepGoing()) {
    round++;
    const inRound: number[] = [];
    for (let c = 0; c < n; c++) if (continuing(c)) inRound.push(c);
    const count = countRound(pool, groups, state, continuing, rules);
    if (round === 1) undervotes = count.inactive[Status.NoRankings] as number;
    const votes = (c: number): number => count.tally[c] as number;
    const total = inRound.reduce((sum, c) => sum + votes(c), 0);
    active.push(total);
    let threshold = Math.floor(total / 2) + 1;
    if (minimum > threshold) threshold = minimum;
    // the threshold stays put once set by round 1 (firstRoundDeterminesThreshold) or once someone has won
    // (the extra rounds of continueUntilTwoCandidatesRemain): RCTab's reports show it unchanged
    if (round > 1 && (options.firstRoundDeterminesThreshold || winner >= 0)) threshold = (rounds[round - 2] as IrvRound).threshold;
    history.push(new Map(inRound.map((c) => [pool.names[c] as string, votes(c)])));
    if (round > 1) attachTransfers(rounds[round - 2] as IrvRound, count, pool.names);
    const record = newRound(round, inRound, votes, threshold, count, pool.names);
    rounds.push(record);
    const context = { history, round };
    const breakTie = (tied: number[], winning: boolean): number => {
      if (tied.length === 1) return tied[0] as number;
      const name = tiebreaker.select(tied.map((c) => pool.names[c] as string), winning, options.tiebreakMode, context);
      return pool.names.indexOf(name);
    };

    // nobody wins while undeclared write-ins still hold votes: they are not a person
    let elected: number[] = [];
    const uwiLive = uwi >= 0 && inRound.includes(uwi) && votes(uwi) !== 0;
    if (!uwiLive && winner < 0) {
      if (inRound.length === 1) elected = inRound;
      else if (options.firstRoundDeterminesThreshold && inRound.length === 2) elected = highest(inRound, votes);
      else elected = inRound.filter((c) => c !== uwi && votes(c) >= threshold);
      const tiedLeaders = elected.length > 1 && options.firstRoundDeterminesThreshold;
      const stalemate = elected.length === 0 && inRound.length === 2 && inRound.every((c) => votes(c) >= minimum);
      if (tiedLeaders || stalemate) elected = [breakTie(highest(inRound, votes), true)];
    }
    if (elected.length > 0) {
      winner = elected[0] as number;
      winnerRound = round;
      record.elected = [pool.names[winner] as string];
    } else if (winner < 0 || (untilTwo && eliminatedCount < numCandidates - 2)) {
      let out: number[] = uwi >= 0 && inRound.includes(uwi) && votes(uwi) > 0 ? [uwi] : [];
      if (out.length === 0 && minimum > 0) {
        out = inRound.filter((c) => votes(c) < minimum);
        // RCTab stops when every declared candidate is under it; so do we when nobody at all would be left
        if (out.length === declared || out.length === inRound.length) {
          throw new DataError(`round ${round}: every candidate is below the minimum vote threshold of ${minimum}`, undefined, 'lower minimumVoteThreshold');
        }
      }
      if (out.length === 0 && options.batchElimination) {
        const batch = batchEliminate(inRound, votes, untilTwo ? { eliminatedBefore: eliminatedCount, numCandidates } : null);
        if (batch.length > 1) out = batch;
      }
      if (out.length === 0) out = [breakTie(lowest(inRound, votes), false)];
      for (const c of out) eliminatedIn[c] = round;
      eliminatedCount += out.length;
      record.eliminated = out.map((c) => pool.names[c] as string).sort(byCodeUnit);
    }
  }
  if (winner < 0) throw new DataError(`no winner after round ${round}`, undefined, 'stopTabulationEarlyAfterRound ended the count');
  return { rounds, winner, winnerRound, continuing: active, undervotes };
}

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

function newRound(
  round: number,
  inRound: number[],
  votes: (c: number) => number,
  threshold: number,
  count: RoundCount,
  names: readonly string[],
): IrvRound {
  const order = [...inRound].sort((a, b) => votes(b) - votes(a) || byCodeUnit(names[a] as string, names[b] as string));
  const at = (s: Status): number => count.inactive[s] as number;
  return {
    round,
    tally: Object.fromEntries(order.map((c) => [names[c] as string, votes(c)])),
    threshold,
    eliminated: [],
    elected: [],
    transfers: {},
    inactive: {
      overvotes: at(Status.Overvote),
      skippedRankings: at(Status.SkippedRankings),
      repeatedRankings: at(Status.RepeatedRanking),
      exhaustedChoices: at(Status.Exhausted),
    },
  };
}

/** Moves counted in round r+1 are the transfers of round r's eliminations, as RCTab's report shows them. */
function attachTransfers(previous: IrvRound, count: RoundCount, names: readonly string[]): void {
  for (const [from, row] of count.transfers) {
    const to = Object.fromEntries([...row].map(([c, n]) => [c < 0 ? 'exhausted' : (names[c] as string), n]));
    previous.transfers[names[from] as string] = to;
  }
  for (const name of previous.eliminated) previous.transfers[name] ??= {};
}
