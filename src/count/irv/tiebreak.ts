/** RCTab's tie-breaks, reproduced draw for draw (see java-random.ts for why the order of things matters). */
import { DataError } from '../../model/errors.js';
import { maxOf, minOf } from '../../model/extent.js';
import { javaHashSetOrder, JavaRandom, javaShuffle } from './java-random.js';
import type { IrvOptions } from '../../model/irv-options.js';

export interface TieContext {
  /** Earlier rounds' tallies by name, round 1 first. */
  history: ReadonlyArray<ReadonlyMap<string, number>>;
  round: number;
}

const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

export class Tiebreaker {
  private readonly random: JavaRandom | null;
  /** Earliest wins, latest loses. */
  private readonly permutation: string[];

  constructor(options: IrvOptions, names: readonly string[], excluded: readonly boolean[]) {
    const mode = options.tiebreakMode;
    const needsSeed = mode === 'random' || mode === 'previousRoundCountsThenRandom' || mode === 'generatePermutation';
    if (needsSeed && options.randomSeed === undefined) {
      throw new DataError(`tie-break mode ${mode} needs a random seed`, undefined, 'set randomSeed to a whole number');
    }
    this.random = needsSeed ? new JavaRandom(options.randomSeed ?? 0n) : null;
    this.permutation = names.filter((_, i) => excluded[i] !== true);
    if (mode === 'generatePermutation' && this.random) {
      // RCTab sorts by name, then shuffles once, before the first round
      this.permutation.sort(byCodeUnit);
      javaShuffle(this.permutation, this.random);
    }
  }

  /** Pick the winner (or the loser) among tied candidates. */
  select(tied: readonly string[], selectingWinner: boolean, mode: IrvOptions['tiebreakMode'], context: TieContext): string {
    const sorted = [...tied].sort(byCodeUnit);
    switch (mode) {
      case 'useCandidateOrder':
      case 'generatePermutation': {
        const order = selectingWinner ? this.permutation : [...this.permutation].reverse();
        const found = order.find((name) => sorted.includes(name));
        return found ?? (sorted[selectingWinner ? 0 : sorted.length - 1] as string);
      }
      case 'random':
        return this.draw(sorted);
      case 'stopCountingAndAsk':
        return ask(sorted, context.round);
      case 'previousRoundCountsThenRandom':
      case 'previousRoundCountsThenAsk': {
        let contention = sorted;
        for (let r = context.round - 1; r > 0 && contention.length > 1; r--) {
          const tally = context.history[r - 1] as ReadonlyMap<string, number>;
          // RCTab groups the candidates through a HashSet: the survivors come out in its iteration order
          const ordered = javaHashSetOrder(contention);
          const votes = ordered.map((name) => tally.get(name) ?? 0);
          const target = selectingWinner ? maxOf(votes) : minOf(votes);
          contention = ordered.filter((_, i) => votes[i] === target);
        }
        if (contention.length === 1) return contention[0] as string;
        return mode === 'previousRoundCountsThenRandom' ? this.draw(contention) : ask(contention, context.round);
      }
    }
  }

  private draw(candidates: readonly string[]): string {
    const random = this.random as JavaRandom;
    return candidates[Math.floor(random.nextDouble() * candidates.length)] as string;
  }
}

function ask(tied: readonly string[], round: number): never {
  throw new DataError(
    `round ${round}: a tie between ${tied.join(', ')} must be broken by the election official`,
    undefined,
    'the tie-break mode asks an operator; choose useCandidateOrder, generatePermutation or random with a seed',
  );
}
