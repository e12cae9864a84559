/** The versioned JSON document (schemaVersion 1), built from an Election. `schema.ts` is its zod twin. */
import type { RuleOutcome } from '../count/decide.js';
import type { Election } from '../pipeline.js';
import { fractionText as frac } from '../count/rules/fraction.js';
import { describeAdvance, type Condition, type Rule } from '../count/rules/rule.js';
import type { InputSummary, PrimaryMode, Warning } from '../model/types.js';
import { shareNumber } from './numbers.js';
import { breakdown } from './breakdown.js';
import type { Outlook } from '../count/outlook.js';
import type { CandidateTally, RaceTally } from '../model/types.js';

function breakdownDoc(column: string, race: RaceTally, ranked: CandidateTally[]): NonNullable<RaceDoc['breakdown']> {
  return {
    column,
    areas: breakdown(race, ranked).map((a) => ({
      area: a.area,
      totalVotes: a.totalVotes,
      leader: a.leader,
      votes: ranked.map((c, i) => ({ name: c.name, votes: a.votes[i] ?? 0 })),
    })),
  };
}

export const SCHEMA_VERSION = 1;

export interface ConditionDoc {
  share: string;
  strict: boolean;
  lead?: { share: string; strict: boolean };
  registeredShare?: string;
  /** Regions: a count, or a share ("2/3") of the regions in the results. */
  regional?: { share: string; strict: boolean; regions: number | string };
}

export interface RuleDoc {
  id: string;
  name: string;
  source: string;
  wins: ConditionDoc[];
  denominator: string;
  advance: number | string;
  /** France: everyone with this share of registered voters advances, at least `min`. */
  advanceFloor?: { registeredShare: string; min: number };
  ties: 'report' | 'all-advance';
  noShortcut: boolean;
  onRequest: boolean;
  minCandidates?: number;
  verified: boolean;
  note?: string;
  overrides?: string[];
}

export interface RaceDoc {
  id: string;
  office: string;
  district: string;
  party: string | null;
  /** Valid candidate votes, write-in aggregates included. */
  totalVotes: number;
  /** What shares are of under the rule: totalVotes, plus blank (valid+blank), plus invalid (cast). */
  denominator: number;
  blankVotes: number;
  invalidVotes: number;
  registeredVoters: number | null;
  /** Seats the contest fills, when the file says (MEDSL magnitude, Clarity "(Vote For N)") or --seats; else null. */
  seats: number | null;
  /** Precincts (or areas) reporting, when the file says (Clarity `num … rptg` / `num … total`). */
  reporting?: { counted: number; total: number; unit: string };
  /** With --outstanding: what the votes still to count can change. */
  outlook?: Outlook;
  /** With --by: each area's votes per candidate (candidates in the race's order). */
  breakdown?: { column: string; areas: { area: string; totalVotes: number; leader: string | null; votes: { name: string; votes: number }[] }[] };
  candidates: { name: string; party: string; votes: number; share: number | null }[];
  outcome: RuleOutcome;
}

export interface ElectionDoc {
  schemaVersion: number;
  rule: RuleDoc;
  partyPrimary: PrimaryMode;
  inputs: InputSummary[];
  races: RaceDoc[];
  warnings: Warning[];
}

function conditionDoc(c: Condition): ConditionDoc {
  return {
    share: frac(c.share),
    strict: !c.atLeast,
    ...(c.lead ? { lead: { share: frac(c.lead.share), strict: !c.lead.atLeast } } : {}),
    ...(c.registeredShare ? { registeredShare: frac(c.registeredShare) } : {}),
    ...(c.regional
      ? { regional: { share: frac(c.regional.share), strict: !c.regional.atLeast, regions: typeof c.regional.regions === 'number' ? c.regional.regions : frac(c.regional.regions) } }
      : {}),
  };
}

/** The rule as data: echoed at the top of every document and listed by `runoff rules --json`. */
export function ruleDoc(rule: Rule): RuleDoc {
  return {
    id: rule.id,
    name: rule.name,
    source: rule.source,
    wins: rule.wins.map(conditionDoc),
    denominator: rule.denominator,
    advance: typeof rule.advance === 'number' ? rule.advance : describeAdvance(rule),
    ...(typeof rule.advance === 'number' ? {} : { advanceFloor: { registeredShare: frac(rule.advance.registeredShare), min: rule.advance.min } }),
    ties: rule.ties,
    noShortcut: rule.noShortcut === true,
    onRequest: rule.onRequest === true,
    ...(rule.minCandidates === undefined ? {} : { minCandidates: rule.minCandidates }),
    verified: rule.verified ?? true,
    ...(rule.note === undefined ? {} : { note: rule.note }),
    ...(rule.overrides === undefined ? {} : { overrides: rule.overrides }),
  };
}

export function toDocument(election: Election): ElectionDoc {
  return {
    schemaVersion: SCHEMA_VERSION,
    rule: ruleDoc(election.rule),
    partyPrimary: election.primary,
    inputs: election.inputs,
    races: election.races.map(({ race, decision, outlook }) => ({
      id: race.key,
      office: race.office,
      district: race.district,
      party: race.party,
      totalVotes: decision.total,
      denominator: decision.denominator,
      blankVotes: decision.blank,
      invalidVotes: decision.invalid,
      registeredVoters: decision.registered,
      seats: election.seats ?? race.seats ?? null,
      ...(race.reporting ? { reporting: race.reporting } : {}),
      // Shares are of the rule's denominator, so they can be read against its thresholds.
      candidates: decision.candidates.map((c) => ({ name: c.name, party: c.party, votes: c.votes, share: shareNumber(c.votes, decision.denominator) })),
      outcome: decision.outcome,
      ...(outlook ? { outlook } : {}),
      ...(election.by && race.regions ? { breakdown: breakdownDoc(election.by, race, decision.candidates) } : {}),
    })),
    warnings: election.warnings,
  };
}
