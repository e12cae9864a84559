/** The versioned JSON document of design.md §4, built from an Election. `schema.ts` is its zod twin. */
import type { Election } from '../pipeline.js';
import { describeAdvance, type Condition, type Fraction, type Rule } from '../rules/rule.js';
import type { InputSummary, Outcome, PrimaryMode, Warning } from '../types.js';
import { shareNumber } from './numbers.js';

export const SCHEMA_VERSION = 1;

export interface ConditionDoc {
  share: string;
  strict: boolean;
  lead?: { share: string; strict: boolean };
  registeredShare?: string;
}

export interface RaceDoc {
  id: string;
  office: string;
  district: string;
  party: string | null;
  totalVotes: number;
  denominator: number;
  candidates: { name: string; party: string; votes: number; share: number | null }[];
  outcome: Outcome;
}

export interface ElectionDoc {
  schemaVersion: number;
  rule: { id: string; name: string; source: string; wins: ConditionDoc[]; denominator: string; advance: number | string };
  partyPrimary: PrimaryMode;
  inputs: InputSummary[];
  races: RaceDoc[];
  warnings: Warning[];
}

const frac = (f: Fraction): string => `${f.num}/${f.den}`;

function conditionDoc(c: Condition): ConditionDoc {
  return {
    share: frac(c.share),
    strict: !c.atLeast,
    ...(c.lead ? { lead: { share: frac(c.lead.share), strict: !c.lead.atLeast } } : {}),
    ...(c.registeredShare ? { registeredShare: frac(c.registeredShare) } : {}),
  };
}

function ruleDoc(rule: Rule): ElectionDoc['rule'] {
  return {
    id: rule.id,
    name: rule.name,
    source: rule.source,
    wins: rule.wins.map(conditionDoc),
    denominator: rule.denominator,
    advance: typeof rule.advance === 'number' ? rule.advance : describeAdvance(rule),
  };
}

export function toDocument(election: Election): ElectionDoc {
  return {
    schemaVersion: SCHEMA_VERSION,
    rule: ruleDoc(election.rule),
    partyPrimary: election.primary,
    inputs: election.inputs,
    races: election.races.map(({ race, decision }) => ({
      id: race.key,
      office: race.office,
      district: race.district,
      party: race.party,
      totalVotes: decision.total,
      denominator: decision.total,
      candidates: decision.candidates.map((c) => ({ name: c.name, party: c.party, votes: c.votes, share: shareNumber(c.votes, decision.total) })),
      outcome: decision.outcome,
    })),
    warnings: election.warnings,
  };
}
