/**
 * Instant-runoff presets (`--rule <id>` on cast-vote records): the tabulation options of the main ranked-choice
 * places, each with the law it rests on. A preset is a set of IrvOptions fields laid over the defaults; every
 * field can still be changed by its own flag.
 *
 * `verified` means every option below was read in the cited text (the section numbers in `source`, the page in
 * `url`); test/unit/count/irv/presets.test.ts pins those options, section by section. A preset whose text could
 * not be read in full stays unverified, and its note says which parts were checked and which were not.
 */
import type { IrvOptions } from '../../model/irv-options.js';

export type IrvPresetOptions = Partial<Omit<IrvOptions, 'candidates' | 'randomSeed' | 'stopAfterRound'>>;

export interface IrvPreset {
  id: string;
  name: string;
  source: string;
  /** Where the cited text was read, for a verified preset. */
  url?: string;
  verified: boolean;
  options: IrvPresetOptions;
  note?: string;
}

// Every place below: an overvote ends the ballot unless the preset says otherwise; a candidate ranked again is
// passed over (no text read makes a repeated ranking end the ballot); write-ins nobody declared count as one group.
const US_BASE: IrvPresetOptions = { overvoteRule: 'exhaustImmediately', exhaustOnDuplicateCandidate: false, undeclaredWriteIns: true };

// The laws below decide ties by lot or by the election law: the count stops at a tie that matters (--seed draws it).
const BY_LOT = 'A tie that matters stops the count: officials decide it; --seed draws it at random instead.';

export const IRV_PRESETS: readonly IrvPreset[] = [
  {
    id: 'us-me-rcv',
    name: 'Maine: ranked-choice primaries and federal general elections',
    source: '21-A M.R.S. § 723-A(1)(D); Secretary of State rules, 29-250 C.M.R. ch. 535, § 4(2)(A)',
    verified: false,
    // § 723-A(1)(D): an overvote at the highest continuing ranking, or 2 or more sequential skipped rankings, exhaust
    // the ballot; ch. 535 § 4(2)(A): rounds go on while more than 2 candidates remain, batch elimination allowed
    options: { ...US_BASE, maxSkippedRanksAllowed: 1, batchElimination: true, continueUntilTwoCandidatesRemain: true, tiebreakMode: 'stopCountingAndAsk' },
    note:
      'Checked: overvotes and skipped rankings (§ 723-A(1)(D)); rounds until two candidates remain (ch. 535 § 4(2)(A)). ' +
      'Not checked: repeated rankings and ties (ch. 535 § 4(2)(B) was not read), and whether batch elimination ' +
      'outlives the 2023 repeal of the definitions in § 723-A(1)(A) and (G). ' + BY_LOT,
  },
  {
    id: 'us-ak-rcv',
    name: 'Alaska: ranked-choice general elections',
    source: 'Alaska Stat. § 15.15.350(c)-(d) (Ballot Measure 2, 2020); 6 AAC 25.071 (write-ins)',
    verified: false,
    // § 15.15.350(d): one candidate, the fewest votes, is defeated per round until two remain
    options: { ...US_BASE, maxSkippedRanksAllowed: 1, continueUntilTwoCandidatesRemain: true, tiebreakMode: 'stopCountingAndAsk' },
    note:
      'Checked: one candidate defeated per round until two remain (§ 15.15.350(d), and the Division of Elections ' +
      'results glossary). Not checked against the statute: overvotes, skipped and repeated rankings, ties. ' +
      '6 AAC 25.071 defeats all write-ins at once unless together they lead or trail the leader by less than 0.5 % ' +
      'of the two totals combined. ' +
      "RCTab's Alaska Dominion case is the 2020 Democratic Party primary, under party rules, not this statute. " + BY_LOT,
  },
  {
    id: 'nyc-rcv',
    name: 'New York City: ranked-choice primaries and specials',
    source: 'New York City Charter § 1057-g(a), (d)(1), (e)',
    url: 'https://codelibrary.amlegal.com/codes/newyorkcity/latest/NYCcharter/0-0-0-3034',
    verified: true,
    options: { ...US_BASE, maxRankingsAllowed: 5, maxSkippedRanksAllowed: 'unlimited', batchElimination: true, continueUntilTwoCandidatesRemain: true, tiebreakMode: 'stopCountingAndAsk' },
    note:
      'Read in American Legal Publishing\'s edition (supplement S-093). (a): a ballot is exhausted when all its ' +
      'candidates are out or when it reaches a rank given to two or more; skipped and repeated rankings are not ' +
      'named, a ballot counts for its highest ranked continuing candidate. (d)(1): five rankings. (e)(2): rounds ' +
      'until two remain, the last-place candidate and a batch of those who cannot win eliminated together. ' +
      '(e)(3): ties by the election law. Rounds are shown as RCTab shows them: on after a first-round majority ' +
      '((e)(1) stops there), a round that finds the winner eliminates nobody, and a batch that would leave one ' +
      'candidate is cut back, not dropped: the rounds shown differ, never the winner. A batch here needs its ' +
      'votes together below the next candidate; the Charter also batches them when exactly equal. ' + BY_LOT,
  },
  {
    id: 'sf-rcv',
    name: 'San Francisco: ranked-choice municipal elections',
    source: 'San Francisco Charter § 13.102(a)-(f)',
    url: 'https://github.com/FreeAndFair/Tabulator/blob/3dbf4dc/statutes/san_francisco.txt',
    verified: true,
    options: { ...US_BASE, maxSkippedRanksAllowed: 'unlimited', batchElimination: true, tiebreakMode: 'stopCountingAndAsk' },
    note:
      'Read in the section as published in June 2015. (a): equal rank given to two or more exhausts the ballot ' +
      'when reached; a skipped rank passes to the next choice. (b): as many rankings as candidates, or no fewer ' +
      'than three if the equipment cannot, so no maximum is set: give --max-rankings as the ballot had. ' +
      '(c)-(d): a majority of continuing ballots wins. (e): candidates whose votes together are below the next ' +
      'candidate are eliminated at once. (f): ties by state law. ' + BY_LOT,
  },
  {
    id: 'oakland-rcv',
    name: 'Oakland: ranked-choice city elections',
    source: 'Oakland City Charter § 1105(a), (c)-(h), (k)',
    url: 'https://github.com/FreeAndFair/Tabulator/blob/3dbf4dc/statutes/oakland.txt',
    verified: true,
    options: { ...US_BASE, maxSkippedRanksAllowed: 'unlimited', batchElimination: true, tiebreakMode: 'stopCountingAndAsk' },
    note:
      'Read in the section as published in June 2015. (a), (d): a majority of continuing ballots wins. (e): ties ' +
      'for fewest votes by lot. (f): everyone with fewer votes than a candidate who has more than all of them ' +
      'together is eliminated at once. (g): a ranking with no candidate passes to the next. (h): a ranking with ' +
      'more than one candidate ends the ballot. (c), (k)(1): as many rankings as candidates, or no fewer than ' +
      'three set by the City Clerk: give --max-rankings as the ballot had. ' + BY_LOT,
  },
  {
    id: 'minneapolis-rcv',
    name: 'Minneapolis: ranked-choice municipal elections',
    source: 'Minneapolis Code of Ordinances §§ 167.20, 167.30(a), 167.50(c), 167.60',
    url: 'https://github.com/FreeAndFair/Tabulator/blob/3dbf4dc/statutes/Minneapolis.md',
    verified: true,
    // § 167.60(c)(2): a skipped ranking, an overvote or a repeated candidate is passed over, not the end of the ballot
    options: {
      ...US_BASE,
      overvoteRule: 'alwaysSkipToNextRank',
      maxSkippedRanksAllowed: 'unlimited',
      batchElimination: true,
      firstRoundDeterminesThreshold: true,
      tiebreakMode: 'stopCountingAndAsk',
    },
    note:
      'Read in chapter 167 as amended by 2013-Or-055. § 167.20: the threshold is set once, from the first-round ' +
      'votes. § 167.60(c)(1): candidates who cannot win are defeated at once; ties for fewest votes by lot. ' +
      '§ 167.60(c)(2): skipped rankings, overvotes and repeated candidates are passed over. § 167.30(a): at least ' +
      'three rankings, so no maximum is set. § 167.50(c): undeclared write-ins count as one group; the ordinance ' +
      'defeats them with the first batch, here they go alone in round 1: the rounds shown differ, never the ' +
      'winner. ' + BY_LOT,
  },
  {
    id: 'portland-me-rcv',
    name: 'Portland, Maine: ranked-choice mayoral and council elections',
    source: 'City of Portland Charter (ranked choice voting; instant runoff tabulation) and the City Clerk\'s rules',
    verified: false,
    options: { ...US_BASE, maxSkippedRanksAllowed: 1, batchElimination: true, tiebreakMode: 'stopCountingAndAsk' },
    note:
      "The options are RCTab's for the 2015 mayoral election (its regression case with the real ballots): an " +
      'overvote ends the ballot, two skipped rankings in a row end it, a repeated candidate is passed over, batch ' +
      "elimination. The Charter's text and the Clerk's rules were not read in full; the City's 2011 summary of " +
      'its rules passes a skipped ranking to the next one without saying whether two in a row end the ballot. ' + BY_LOT,
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
    o.exhaustOnDuplicateCandidate ? 'a repeated candidate ends the ballot' : null,
    o.batchElimination ? 'batch elimination' : null,
    o.firstRoundDeterminesThreshold ? 'threshold set by round 1' : null,
    o.continueUntilTwoCandidatesRemain ? 'continues until two remain' : null,
    o.tiebreakMode === undefined ? null : `ties: ${o.tiebreakMode}`,
  ];
  return `Instant runoff; ${words.filter((w) => w !== null).join('; ')}.`;
}
