/**
 * The zod schema of the JSON document: the source of truth for `runoff schema` and for the document's types
 * (document.ts imports them type-only, so zod is loaded only when a schema is printed or checked).
 */
import { z } from 'zod';
import { EXCLUSION_REASONS, STATUSES, WARNING_CODES } from '../model/types.js';

const fraction = z.string().regex(/^\d+\/\d+$/).describe('an exact share, "num/den"');
const condition = z.object({
  share: fraction,
  strict: z.boolean().describe('true: more than the share; false: at least'),
  lead: z.object({ share: fraction, strict: z.boolean() }).optional().describe('lead over the runner-up, in points of the same denominator'),
  registeredShare: fraction.optional().describe('and votes of at least this share of registered voters'),
  regional: z.object({
    share: fraction,
    strict: z.boolean(),
    regions: z.union([z.number().int(), fraction]).describe('a count of regions, or a share of the regions in the results'),
  }).optional().describe('and this share of the votes in enough regions'),
});

const part = z.object({
  description: z.string(),
  held: z.boolean().nullable().describe('null: cannot be checked with the data given'),
  margin: z.number().int().nullable().describe('above (≥ 0) or below (< 0) the fewest that clear the part'),
  unit: z.enum(['votes', 'regions']),
  unknown: z.string().optional().describe('why it cannot be checked'),
});

const exclusion = z.enum(EXCLUSION_REASONS);

export const ruleSchema = z.object({
  id: z.string(),
  name: z.string(),
  source: z.string(),
  wins: z.array(condition),
  denominator: z.enum(['valid', 'valid+blank', 'cast']),
  advance: z.union([z.number().int(), z.string()]),
  advanceFloor: z.object({ registeredShare: fraction, min: z.number().int() }).optional(),
  ties: z.enum(['report', 'all-advance']),
  noShortcut: z.boolean(),
  onRequest: z.boolean(),
  minCandidates: z.number().int().optional(),
  verified: z.boolean().describe('false: not verified against a stored source'),
  note: z.string().optional(),
  overrides: z.array(z.string()).optional(),
  ballot: z.enum(['all-party', 'party-primary']).optional().describe('the ballot the preset is for; absent when it covers both'),
});

const outcomeDetail = {
  runoff: z.array(z.string()).describe('who advances, in order'),
  tied: z.array(z.string()),
  leader: z.string().nullable(),
  votesShort: z.number().int().nullable().describe('votes the leader needed, with the total unchanged, to clear the first winning condition'),
  explanation: z.string(),
  ruleApplied: z.string().describe('the rule applied to this race: plurality when a preset needs more candidates'),
  conditions: z.array(z.object({
    description: z.string(),
    held: z.boolean().nullable(),
    margin: z.number().int().nullable().describe('votes: the tightest of its vote parts'),
    parts: z.array(part),
  })).describe('each winning condition of the rule, tested on the leader'),
  advancing: z.array(z.string()).describe('everyone who goes on; under a tie, those already sure to'),
  tie: z.object({
    at: z.enum(['first', 'cut-line']),
    votes: z.number().int(),
    candidates: z.array(z.string()),
    places: z.number().int(),
    resolution: z.enum(['reported', 'all-advance']),
  }).nullable(),
  onRequest: z.boolean().describe('the runoff happens only if the runner-up requests it'),
};

/** A winner always comes with the winner's name; every other status with null. */
export const outcomeSchema = z.discriminatedUnion('status', [
  z.object({ status: z.literal('winner'), winner: z.string(), ...outcomeDetail }),
  z.object({ status: z.enum(STATUSES.filter((s): s is Exclude<typeof s, 'winner'> => s !== 'winner')), winner: z.null(), ...outcomeDetail }),
]);

const twoRoundRaceFields = {
  id: z.string().describe('office|district|party, normalised'),
  office: z.string(),
  district: z.string(),
  party: z.string().nullable().describe('the party of a party primary; null for an all-party race'),
  totalVotes: z.number().int(),
  denominator: z.number().int(),
  blankVotes: z.number().int(),
  invalidVotes: z.number().int(),
  registeredVoters: z.number().int().nullable(),
  seats: z.number().int().nullable().describe('seats the contest fills, when known; more than one makes it not_applicable'),
  candidates: z.array(z.object({ name: z.string(), party: z.string(), votes: z.number().int(), share: z.number().nullable() })),
  outcome: outcomeSchema,
  reporting: z.object({ counted: z.number().int(), total: z.number().int(), unit: z.string() }).optional().describe('precincts (or areas) reporting, when the file says'),
  outlook: z.object({
    outstanding: z.number().int(),
    finalDenominator: z.number().int(),
    leader: z.object({
      name: z.string(),
      status: z.enum(['clinched', 'needs', 'cannot']),
      votesNeeded: z.number().int().nullable().describe('the fewest outstanding votes that guarantee the win (worst case: the rest all go to the strongest rival)'),
      votesNeededAtBest: z.number().int().nullable().describe('the fewest with which the win is still possible (best case: the rest split among the others)'),
    }).nullable(),
    contenders: z.array(z.object({ name: z.string(), votesNeeded: z.number().int(), votesNeededAtBest: z.number().int() })),
    cut: z.object({ locked: z.boolean(), holder: z.string(), challengers: z.array(z.object({ name: z.string(), marginNeeded: z.number().int(), canPass: z.boolean().describe('false: the gap can only be closed to a tie') })) }).nullable(),
    partial: z.boolean(),
    sentence: z.string(),
  }).optional().describe('with --outstanding: what the votes still to count can change, for any split of them'),
  breakdown: z.object({
    column: z.string(),
    areas: z.array(z.object({
      area: z.string(),
      totalVotes: z.number().int(),
      leader: z.string().nullable(),
      votes: z.array(z.object({ name: z.string(), votes: z.number().int() })),
    })),
  }).optional().describe('with --by: votes per area and candidate'),
};

const twoRoundRace = z.object(twoRoundRaceFields);

const inactive = z.object({
  overvotes: z.number().int(),
  skippedRankings: z.number().int(),
  repeatedRankings: z.number().int(),
  exhaustedChoices: z.number().int(),
}).describe('ballots no longer counting, cumulative, by the reason they stopped');

const round = z.object({
  round: z.number().int(),
  tally: z.record(z.string(), z.number().int()).describe('votes of every continuing candidate, most first; names as RCTab writes them'),
  threshold: z.number().int().describe('votes needed to be elected in this round'),
  eliminated: z.array(z.string()),
  elected: z.array(z.string()),
  transfers: z.record(z.string(), z.record(z.string(), z.number().int())).describe('from an eliminated candidate to each recipient, or to "exhausted"'),
  inactive,
});

/**
 * A ranked race carries every field of a two-round race (candidates are the first choices, the outcome is the
 * instant-runoff winner) plus its rounds: a reader of version 1 documents still finds what it read.
 */
const rankedRace = twoRoundRace.extend({
  method: z.literal('instant-runoff'),
  ballots: z.number().int().describe('every ballot read, those that ranked nobody included'),
  undervotes: z.number().int().describe('ballots that ranked nobody: in no round'),
  rounds: z.array(round),
  final: z.object({
    round: z.number().int(),
    votes: z.number().int(),
    threshold: z.number().int(),
    continuing: z.number().int().describe('continuing ballots in that round'),
  }).describe('the round the winner was elected in'),
  condorcet: z.object({
    winner: z.string().nullable().describe('who beats every other candidate head to head, or null'),
    pairwise: z.record(z.string(), z.record(z.string(), z.number().int())).describe('pairwise[a][b]: ballots ranking a above b'),
    smithSet: z.array(z.string()).describe('with no Condorcet winner: the smallest set that beats everyone outside it (the cycle)'),
    irvAgrees: z.boolean().nullable().describe('whether instant runoff elected the Condorcet winner'),
  }),
  firstChoices: z.object({
    tally: z.record(z.string(), z.number().int()),
    total: z.number().int(),
    majority: z.string().nullable().describe('a candidate with a majority of first choices'),
    topTwo: z.array(z.string()).describe('who a top-two runoff on first choices would have paired; [] with a majority'),
  }),
  precincts: z.array(z.object({ area: z.string(), firstChoices: z.record(z.string(), z.number().int()) })).optional().describe('with --by precinct: first choices per precinct'),
});

export const documentSchema = z.object({
  schemaVersion: z.literal(2),
  rule: ruleSchema,
  partyPrimary: z.object({
    partyPrimary: z.boolean(),
    source: z.enum(['flag', 'preset', 'file-name', 'stage-column', 'default']).describe('where the decision came from, strongest first'),
    reason: z.string().describe('why, in words: the flag, the preset, the file-name word, the stage column, or the default'),
  }),
  inputs: z.array(z.object({
    name: z.string(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    encoding: z.string(),
    delimiter: z.string().describe('the field delimiter: detected from the header record, or --delimiter'),
    layout: z.string(),
    rows: z.number().int(),
    rowsUsed: z.number().int(),
    rowsExcluded: z.partialRecord(exclusion, z.number().int()),
  })),
  races: z.array(z.union([rankedRace, twoRoundRace])).describe('two-round races, then ranked (instant-runoff) races'),
  warnings: z.array(z.object({ code: z.enum(WARNING_CODES), message: z.string(), file: z.string().optional(), line: z.number().int().optional() })),
}).describe("The document `runoff --json` (or `--format json`) prints. The same model is rendered by every output format: table, json, ndjson (one race a line), csv, markdown, html (a self-contained page with a chart per race) and svg (one chart per race).");


export type ConditionDoc = z.infer<typeof condition>;
export type RuleDoc = z.infer<typeof ruleSchema>;
export type OutcomeDoc = z.infer<typeof outcomeSchema>;
export type ElectionDoc = z.infer<typeof documentSchema>;
/** A two-round race; a ranked race (RankedRaceDoc) has all its fields too. */
export type RaceDoc = z.infer<typeof twoRoundRace>;
export type RankedRaceDoc = z.infer<typeof rankedRace>;
export type RoundDoc = RankedRaceDoc['rounds'][number];
export type InputDoc = ElectionDoc['inputs'][number];
export type WarningDoc = ElectionDoc['warnings'][number];

export function jsonSchema(): string {
  return JSON.stringify(z.toJSONSchema(documentSchema), null, 2) + '\n';
}
