/** The Rule type of design.md §3 and the exact integer arithmetic every threshold test goes through. */

/** An exact share: `num/den` of the denominator. Never a float. */
export interface Fraction {
  num: number;
  den: number;
}

export interface Condition {
  /** The leader's share of the denominator must be more than this (or at least this, with `atLeast`). */
  share: Fraction;
  atLeast?: boolean;
  /** …and the leader's lead over the runner-up, in points of the same denominator. */
  lead?: { share: Fraction; atLeast?: boolean };
  /** …and the leader's votes must be at least this share of registered voters. */
  registeredShare?: Fraction;
}

export type Denominator = 'valid' | 'valid+blank' | 'cast';

export interface Rule {
  id: string;
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

/** `40`, `12.5` — the share as a percentage, for labels only (never for comparisons). */
export function percentLabel(share: Fraction): string {
  const pct = (share.num * 100) / share.den;
  return Number.isInteger(pct) ? String(pct) : String(Number(pct.toFixed(4)));
}

/** "> 50 %" or "≥ 40 %, and a lead of > 10 points". */
export function describeCondition(c: Condition): string {
  const parts = [`${c.atLeast ? '≥' : '>'} ${percentLabel(c.share)} %`];
  if (c.lead) parts.push(`a lead of ${c.lead.atLeast ? '≥' : '>'} ${percentLabel(c.lead.share)} points`);
  if (c.registeredShare) parts.push(`≥ ${percentLabel(c.registeredShare)} % of registered voters`);
  return parts.join(' and ');
}

export function describeRule(rule: Rule): string {
  if (rule.wins.length === 0) return `${rule.id} (top ${describeAdvance(rule)} advance)`;
  return `${rule.id} (${rule.wins.map(describeCondition).join(', or ')} of votes counted)`;
}

export function describeAdvance(rule: Rule): string {
  return typeof rule.advance === 'number'
    ? String(rule.advance)
    : `everyone with ≥ ${percentLabel(rule.advance.registeredShare)} % of registered voters`;
}
