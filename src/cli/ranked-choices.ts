/** The values of --overvote and --tiebreak, spelled for people, and the RCTab names the count uses. */
import type { OvervoteRule, TiebreakMode } from '../model/irv-options.js';

export const OVERVOTES: Record<string, OvervoteRule> = {
  'exhaust-immediately': 'exhaustImmediately',
  'always-skip': 'alwaysSkipToNextRank',
  'exhaust-if-multiple-continuing': 'exhaustIfMultipleContinuing',
};
export const TIES: Record<string, TiebreakMode> = {
  'candidate-order': 'useCandidateOrder',
  random: 'random',
  permutation: 'generatePermutation',
  'previous-round-then-random': 'previousRoundCountsThenRandom',
};

export const OVERVOTE_RULES = Object.keys(OVERVOTES);
export const TIEBREAKS = Object.keys(TIES);
