/** The Rule type (when the leader wins outright, who advances otherwise) and the exact integer arithmetic every threshold test goes through. */
import { percentLabel, type Fraction } from './fraction.js';

export { percentLabel, type Fraction } from './fraction.js';

/** The leader must have `share` of the votes in a region in enough regions (Kenya's counties, Nigeria's states). */
export interface Regional {
  share: Fraction;
  atLeast?: boolean;
  /** At least this many regions, or at least this fraction of the regions in the results. */
  regions: number | Fraction;
}

/** One way to win outright. Every part present must hold: share AND lead AND registered floor AND regional spread. */
export interface Condition {
  /** The leader's share of the denominator must be more than this (or at least this, with `atLeast`). */
  share: Fraction;
  atLeast?: boolean;
  /** …and the leader's lead over the runner-up, in points of the same denominator. */
  lead?: { share: Fraction; atLeast?: boolean };
  /** …and the leader's votes must be at least this share of registered voters. */
  registeredShare?: Fraction;
  /** …and the leader must reach a share of the votes in enough regions. */
  regional?: Regional;
}

/**
 * What kind of ballot a preset describes: every party's candidates on one ballot (Louisiana, jungle specials,
 * top-two and top-four primaries, nonpartisan races, presidential first rounds) or one ballot per party (party
 * primaries). It decides whether a race is split by party when no flag says.
 */
export type BallotKind = 'all-party' | 'party-primary';

/** valid: candidate votes incl. write-ins; valid+blank: plus blank ballots; cast: plus blank and invalid ballots. */
export type Denominator = 'valid' | 'valid+blank' | 'cast';

export interface Rule {
  id: string;
  /** The label: jurisdiction and contest, e.g. "Georgia — primaries, general and special elections". */
  name: string;
  /** Statute or official page the preset was built from. */
  source: string;
  /** The leader wins outright if ANY condition holds. */
  wins: Condition[];
  denominator: Denominator;
  /** Top k advance, or everyone above a registered-voter floor (at least `min`). */
  advance: number | { registeredShare: Fraction; min: number };
  /** A tie at the cut line: report it, or all tied candidates advance (Louisiana). */
  ties: 'report' | 'all-advance';
  /** Top k always advance, even with a majority (California, Washington, Alaska). */
  noShortcut?: boolean;
  /** The runoff happens only if the runner-up asks for it (North Carolina). */
  onRequest?: boolean;
  /** With fewer named candidates than this the rule does not apply and the leader wins (South Dakota: 3). */
  minCandidates?: number;
  /** What the data cannot say: tie-breaks by age or lot, withdrawals, parts not verified against a source. */
  note?: string;
  /** false when no primary source was checked: `runoff rules` marks the preset UNVERIFIED. */
  verified?: boolean;
  /** The ballot the preset is for; absent when it covers both (Georgia: primaries and general elections). */
  ballot?: BallotKind;
  /** Flags applied on top of the preset, e.g. `["--threshold 40"]`. */
  overrides?: string[];
}

const big = BigInt;

/** votes/total compared with share: `votes·den > num·total` (or ≥), in BigInt so no product can round. */
export function clears(votes: number, total: number, share: Fraction, atLeast = false): boolean {
  const lhs = big(votes) * big(share.den);
  const rhs = big(share.num) * big(total);
  return atLeast ? lhs >= rhs : lhs > rhs;
}

/** The fewest votes that clear `share` of `total`: floor(num·total/den)+1 for "more than", ceil for "at least". */
export function votesToClear(total: number, share: Fraction, atLeast = false): number {
  const product = big(share.num) * big(total);
  const den = big(share.den);
  const needed = atLeast ? (product + den - 1n) / den : product / den + 1n;
  return Number(needed);
}

/** Plurality's condition: any share, and more votes than the runner-up. */
export function isPluralityCondition(c: Condition): boolean {
  return c.share.num === 0 && c.atLeast === true && c.lead !== undefined && c.lead.share.num === 0 && !c.lead.atLeast;
}

/** A condition that is only a share of the denominator: no lead, no floor, no regions. */
export function isPlainShare(c: Condition): boolean {
  return !c.lead && !c.registeredShare && !c.regional;
}

/** "> 50 %" or "≥ 40 % and a lead of > 10 points"; plurality's is "the most votes". */
export function describeCondition(c: Condition): string {
  if (isPluralityCondition(c) && !c.registeredShare && !c.regional) return 'the most votes';
  const parts: string[] = [];
  if (isPluralityCondition(c)) parts.push('the most votes');
  else {
    if (c.share.num > 0 || !c.atLeast) parts.push(`${c.atLeast ? '≥' : '>'} ${percentLabel(c.share)} %`);
    if (c.lead) parts.push(`a lead of ${c.lead.atLeast ? '≥' : '>'} ${percentLabel(c.lead.share)} points`);
  }
  if (c.registeredShare) parts.push(`≥ ${percentLabel(c.registeredShare)} % of registered voters`);
  if (c.regional) parts.push(describeRegional(c.regional));
  return parts.join(' and ');
}

export function describeRegional(r: Regional): string {
  const where = typeof r.regions === 'number' ? `at least ${r.regions} regions` : `at least ${percentLabel(r.regions)} % of the regions`;
  return `${r.atLeast ? '≥' : '>'} ${percentLabel(r.share)} % in ${where}`;
}

const OF: Record<Denominator, string> = {
  valid: 'of votes counted',
  'valid+blank': 'of votes counted, blank included',
  cast: 'of all ballots cast',
};

/** The one-line summary for table headers: "majority (> 50 % of votes counted)". */
export function describeRule(rule: Rule): string {
  if (rule.wins.length === 0 || rule.noShortcut) return `${rule.id} (top ${describeAdvance(rule)} advance)`;
  const conditions = rule.wins.map(describeCondition).join(', or ');
  if (rule.wins.every((c) => isPluralityCondition(c) && !c.registeredShare && !c.regional)) return `${rule.id} (${conditions} wins)`;
  if (rule.wins.every(isPlainShare)) return `${rule.id} (${conditions} ${OF[rule.denominator]})`;
  // With a lead, a floor or regions, "of votes counted" after the last part would read as part of it.
  return `${rule.id} (${OF[rule.denominator]}: ${conditions})`;
}

export function describeAdvance(rule: Rule): string {
  return typeof rule.advance === 'number'
    ? String(rule.advance)
    : `everyone with ≥ ${percentLabel(rule.advance.registeredShare)} % of registered voters`;
}

/** Rules with a registered-voter floor cannot be applied without the number of registered voters. */
export function ruleNeedsRegistered(rule: Rule): boolean {
  return typeof rule.advance !== 'number' || rule.wins.some((c) => c.registeredShare !== undefined);
}

/** Rules with a regional-spread condition need per-region sums: construct the Tally with trackRegions=true. */
export function ruleNeedsRegions(rule: Rule): boolean {
  return rule.wins.some((c) => c.regional !== undefined);
}
