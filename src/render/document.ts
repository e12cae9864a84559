/** The versioned JSON document, built from an Election. Its types come from the zod schema in schema.ts. */
import type { Election, RaceResult } from '../count/election.js';
import { fractionText as frac } from '../count/rules/fraction.js';
import { describeAdvance, type Condition, type Rule } from '../count/rules/rule.js';
import type { ConditionDoc, ElectionDoc, RaceDoc, RuleDoc } from './schema.js';
import { rankedRaceDoc } from './ranked-doc.js';
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

/** 2: ranked (instant-runoff) races join `races`, with their rounds; two-round races are unchanged. */
export const SCHEMA_VERSION = 2;

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
    ...(rule.ballot === undefined ? {} : { ballot: rule.ballot }),
  };
}

export function toDocument(election: Election): ElectionDoc {
  const races: ElectionDoc['races'] = election.races.map((r) => raceDoc(election, r));
  for (const r of election.ranked ?? []) races.push(rankedRaceDoc(r));
  return { ...documentHead(election), races, warnings: election.warnings };
}

/** The fields before `races`, in the order the document prints them. */
export function documentHead(election: Election): Pick<ElectionDoc, 'schemaVersion' | 'rule' | 'partyPrimary' | 'inputs'> {
  return { schemaVersion: SCHEMA_VERSION, rule: ruleDoc(election.rule), partyPrimary: election.primary, inputs: election.inputs };
}

/** One race of the document: built on demand, so a streamed document holds one race at a time. */
export function raceDoc(election: Election, { race, decision, outlook }: RaceResult): RaceDoc {
  return {
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
  };
}
