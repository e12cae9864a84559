/**
 * Instant-runoff presets (`--irv-rule`): the tabulation options of the main ranked-choice places, each with the
 * law or official page it rests on. Each preset is a set of IrvOptions fields laid over the defaults; every field
 * can still be changed by its own flag. A preset whose options were not checked line by line against its source is
 * marked unverified, and `runoff rules` says so.
 */
import type { IrvOptions } from '../../model/irv-options.js';

export type IrvPresetOptions = Partial<Omit<IrvOptions, 'candidates' | 'randomSeed' | 'stopAfterRound'>>;

export interface IrvPreset {
  id: string;
  name: string;
  source: string;
  verified: boolean;
  options: IrvPresetOptions;
  note?: string;
}

// Shared by every US place below: an overvote ends the ballot, a repeated name is passed over.
const US_BASE: IrvPresetOptions = { overvoteRule: 'exhaustImmediately', exhaustOnDuplicateCandidate: false, undeclaredWriteIns: true };

export const IRV_PRESETS: readonly IrvPreset[] = [
  {
    id: 'us-me-rcv',
    name: 'Maine: ranked-choice primaries and federal general elections',
    source: '21-A M.R.S. § 723-A; Secretary of State rules 29-250 C.M.R. ch. 535',
    verified: false,
    // two skipped rankings in a row exhaust the ballot; batch elimination of the mathematically defeated
    options: { ...US_BASE, maxSkippedRanksAllowed: 1, batchElimination: true, tiebreakMode: 'stopCountingAndAsk' },
    note: 'Ties are decided by lot: a tie that matters stops the count; --seed draws it at random instead.',
  },
  {
    id: 'us-ak-rcv',
    name: 'Alaska: ranked-choice general elections',
    source: 'Alaska Stat. § 15.15.350 (as amended by Ballot Measure 2, 2020)',
    verified: false,
    options: { ...US_BASE, maxSkippedRanksAllowed: 1, batchElimination: false, tiebreakMode: 'stopCountingAndAsk' },
  },
  {
    id: 'nyc-rcv',
    name: 'New York City: ranked-choice primaries and specials',
    source: 'New York City Charter § 1057-g',
    verified: false,
    options: { ...US_BASE, maxRankingsAllowed: 5, maxSkippedRanksAllowed: 'unlimited', batchElimination: true, continueUntilTwoCandidatesRemain: true, tiebreakMode: 'stopCountingAndAsk' },
  },
  {
    id: 'sf-rcv',
    name: 'San Francisco: ranked-choice municipal elections',
    source: 'San Francisco Charter § 13.102',
    verified: false,
    options: { ...US_BASE, maxRankingsAllowed: 10, maxSkippedRanksAllowed: 'unlimited', batchElimination: true, tiebreakMode: 'stopCountingAndAsk' },
  },
  {
    id: 'minneapolis-rcv',
    name: 'Minneapolis: ranked-choice municipal elections',
    source: 'Minneapolis Code of Ordinances, Title 8.5, ch. 167',
    verified: false,
    options: { ...US_BASE, maxRankingsAllowed: 3, maxSkippedRanksAllowed: 'unlimited', batchElimination: true, tiebreakMode: 'stopCountingAndAsk' },
  },
  {
    id: 'portland-me-rcv',
    name: 'Portland, Maine: ranked-choice mayoral and council elections',
    source: 'City of Portland Code of Ordinances ch. 9, ranked-choice voting rules',
    verified: false,
    options: { ...US_BASE, maxSkippedRanksAllowed: 1, batchElimination: false, tiebreakMode: 'stopCountingAndAsk' },
  },
];

export function findIrvPreset(id: string): IrvPreset | undefined {
  return IRV_PRESETS.find((p) => p.id === id);
}

/** The options of a preset in words, for `runoff rules`. */
export function describeIrvPreset(p: IrvPreset): string {
  const o = p.options;
  const words = [
    o.overvoteRule === undefined ? null : `overvote: ${o.overvoteRule}`,
    o.maxSkippedRanksAllowed === undefined ? null : `skipped ranks allowed: ${o.maxSkippedRanksAllowed}`,
    o.maxRankingsAllowed === undefined ? null : `rankings: ${o.maxRankingsAllowed}`,
    o.batchElimination ? 'batch elimination' : null,
    o.continueUntilTwoCandidatesRemain ? 'continues until two remain' : null,
    o.tiebreakMode === undefined ? null : `ties: ${o.tiebreakMode}`,
  ];
  return `Instant runoff; ${words.filter((w) => w !== null).join('; ')}.`;
}
