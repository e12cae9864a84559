/** Who is last, who is first, and RCTab's batch elimination (everyone who could not catch up even together). */
import { appendAll, maxOf, minOf } from '../../model/extent.js';

/** Candidates with the fewest votes (several on a tie). */
export function lowest(candidates: readonly number[], votes: (c: number) => number): number[] {
  const min = minOf(candidates.map(votes));
  return candidates.filter((c) => votes(c) === min);
}

/** Candidates with the most votes (several on a tie). */
export function highest(candidates: readonly number[], votes: (c: number) => number): number[] {
  const max = maxOf(candidates.map(votes));
  return candidates.filter((c) => votes(c) === max);
}

export interface UntilTwo {
  eliminatedBefore: number;
  numCandidates: number;
}

/**
 * Walk the distinct tallies from the bottom, keeping a running total: whenever the total of everyone seen so
 * far is below the next tally, they can no longer overtake anyone and all go at once. With
 * continueUntilTwoCandidatesRemain the last batch is given back if it would leave only the winner.
 */
export function batchEliminate(candidates: readonly number[], votes: (c: number) => number, untilTwo: UntilTwo | null): number[] {
  const levels = [...new Set(candidates.map(votes))].sort((a, b) => a - b);
  let running = 0;
  const seen: number[] = [];
  let eliminations: number[] = [];
  let previous: number[] = [];
  for (const level of levels) {
    if (running < level && seen.length > eliminations.length) {
      previous = eliminations;
      eliminations = [...seen];
    }
    const atLevel = candidates.filter((c) => votes(c) === level);
    running += level * atLevel.length;
    appendAll(seen, atLevel);
  }
  if (untilTwo && eliminations.length + untilTwo.eliminatedBefore === untilTwo.numCandidates - 1) return previous;
  return eliminations;
}
