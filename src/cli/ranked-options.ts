/**
 * The instant-runoff flags → RankedOptions: a preset (`--rule nyc-rcv`) first, then each flag over it. The flag
 * values are spelled for people (`exhaust-immediately`); RCTab's names (`exhaustImmediately`) are what the count and
 * the RCTab config use. Pure; every bad value is a UsageError here.
 */
import { UsageError } from '../model/errors.js';
import type { OvervoteRule, TiebreakMode } from '../model/irv-options.js';
import { OVERVOTES, TIES } from './ranked-choices.js';
import { wholeNumberOption } from '../model/whole-number.js';
import { findIrvPreset, IRV_PRESETS, type IrvPresetOptions } from '../count/irv/presets.js';
import type { RankedOptions } from '../pipeline/ranked-count.js';
import type { RawOptions } from './program.js';


/** Whether --rule names an instant-runoff preset (the two-round rules do not see it then). */
export function isIrvRule(id: string | undefined): boolean {
  return id !== undefined && findIrvPreset(id) !== undefined;
}

export function rankedOptions(raw: RawOptions): RankedOptions {
  const options: IrvPresetOptions = { ...(raw.rule === undefined ? {} : findIrvPreset(raw.rule)?.options) };
  if (raw.overvote !== undefined) options.overvoteRule = OVERVOTES[raw.overvote] as OvervoteRule;
  if (raw.maxSkippedRanks !== undefined) {
    options.maxSkippedRanksAllowed = raw.maxSkippedRanks === 'unlimited' ? 'unlimited' : wholeNumberOption('--max-skipped-ranks', raw.maxSkippedRanks, 0);
  }
  if (raw.maxRankings !== undefined) options.maxRankingsAllowed = wholeNumberOption('--max-rankings', raw.maxRankings, 1);
  if (raw.exhaustOnDuplicate) options.exhaustOnDuplicateCandidate = true;
  if (raw.batchElimination) options.batchElimination = true;
  if (raw.continueUntilTwo) options.continueUntilTwoCandidatesRemain = true;
  if (raw.minimumVotes !== undefined) options.minimumVoteThreshold = wholeNumberOption('--minimum-votes', raw.minimumVotes, 0);
  if (raw.firstRoundThreshold) options.firstRoundDeterminesThreshold = true;
  if (raw.tiebreak !== undefined) options.tiebreakMode = TIES[raw.tiebreak] as TiebreakMode;
  if (raw.seed !== undefined && !/^-?\d{1,19}$/.test(raw.seed)) throw new UsageError(`--seed must be a whole number, got ${JSON.stringify(raw.seed)}`, undefined, 'RCTab seeds are whole numbers, e.g. --seed 9');
  // a preset's "by lot" stops at a tie that matters; a seed turns it into a repeatable random draw
  if (raw.seed !== undefined && raw.tiebreak === undefined && options.tiebreakMode === 'stopCountingAndAsk') options.tiebreakMode = 'random';
  const random = options.tiebreakMode === 'random' || options.tiebreakMode === 'generatePermutation' || options.tiebreakMode === 'previousRoundCountsThenRandom';
  if (raw.seed !== undefined && !random) throw new UsageError('--seed is for a random tie-break', undefined, 'add --tiebreak random or --tiebreak permutation');
  if (raw.seed === undefined && random) throw new UsageError(`--tiebreak ${raw.tiebreak ?? 'random'} needs --seed`, undefined, 'give --seed <whole number> so that the draw can be repeated');
  return {
    options,
    exclude: raw.exclude === undefined ? [] : [raw.exclude].flat(),
    writeInLabel: raw.writeInLabel ?? null,
    randomSeed: raw.seed === undefined ? null : BigInt(raw.seed),
    contest: raw.contest ?? null,
    byPrecinct: raw.by !== undefined && /^precincts?$/i.test(raw.by),
  };
}

/** The flags that only mean something for ranked ballots, as given: refused with --rctab, which sets them all. */
export function rankedFlagsGiven(raw: RawOptions): string[] {
  const given: [unknown, string][] = [
    [raw.overvote, '--overvote'], [raw.maxSkippedRanks, '--max-skipped-ranks'], [raw.maxRankings, '--max-rankings'],
    [raw.exhaustOnDuplicate, '--exhaust-on-duplicate'], [raw.batchElimination, '--batch-elimination'],
    [raw.continueUntilTwo, '--continue-until-two'], [raw.minimumVotes, '--minimum-votes'], [raw.writeInLabel, '--write-in-label'],
    [raw.exclude, '--exclude'], [raw.firstRoundThreshold, '--first-round-threshold'], [raw.tiebreak, '--tiebreak'], [raw.seed, '--seed'], [raw.contest, '--contest'],
    [isIrvRule(raw.rule) ? raw.rule : undefined, '--rule'],
  ];
  return given.filter(([v]) => v !== undefined && v !== false).map(([, flag]) => flag);
}

export const IRV_PRESET_IDS = IRV_PRESETS.map((p) => p.id);
