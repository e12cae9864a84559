/** The zod schema of the JSON document: the source of truth for `runoff schema`. Loaded only when needed. */
import { z } from 'zod';

const fraction = z.string().regex(/^\d+\/\d+$/).describe('an exact share, "num/den"');
const condition = z.object({
  share: fraction,
  strict: z.boolean().describe('true: more than the share; false: at least'),
  lead: z.object({ share: fraction, strict: z.boolean() }).optional().describe('lead over the runner-up, in points of the same denominator'),
  registeredShare: fraction.optional(),
});

const exclusion = z.enum(['total-row', 'candidate-total', 'blank-candidate', 'over-under-votes', 'turnout', 'straight-party', 'statistics', 'missing-votes', 'blank-line', 'footer', 'bad-row']);

export const outcomeSchema = z.object({
  status: z.enum(['winner', 'runoff', 'tie', 'no_votes', 'not_applicable']),
  winner: z.string().nullable(),
  runoff: z.array(z.string()).describe('who advances, in order'),
  tied: z.array(z.string()),
  leader: z.string().nullable(),
  votesShort: z.number().int().nullable().describe('votes the leader needed, with the total unchanged, to clear the first winning condition'),
  explanation: z.string(),
});

export const documentSchema = z.object({
  schemaVersion: z.literal(1),
  rule: z.object({
    id: z.string(),
    name: z.string(),
    source: z.string(),
    wins: z.array(condition),
    denominator: z.enum(['valid', 'valid+blank', 'cast']),
    advance: z.union([z.number().int(), z.string()]),
  }),
  partyPrimary: z.object({ partyPrimary: z.boolean(), source: z.enum(['flag', 'stage-column', 'file-name', 'default']) }),
  inputs: z.array(z.object({
    name: z.string(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    encoding: z.string(),
    layout: z.string(),
    rows: z.number().int(),
    rowsUsed: z.number().int(),
    rowsExcluded: z.partialRecord(exclusion, z.number().int()),
  })),
  races: z.array(z.object({
    id: z.string().describe('office|district|party, normalised'),
    office: z.string(),
    district: z.string(),
    party: z.string().nullable().describe('the party of a party primary; null for an all-party race'),
    totalVotes: z.number().int(),
    denominator: z.number().int(),
    candidates: z.array(z.object({ name: z.string(), party: z.string(), votes: z.number().int(), share: z.number().nullable() })),
    outcome: outcomeSchema,
  })),
  warnings: z.array(z.object({ code: z.string(), message: z.string(), file: z.string().optional(), line: z.number().int().optional() })),
});

export function jsonSchema(): string {
  return JSON.stringify(z.toJSONSchema(documentSchema), null, 2) + '\n';
}
