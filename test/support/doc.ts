/**
 * The `--json` document for tests, typed: parsed, checked against the zod schema that defines its types, and
 * read through accessors that fail with a message naming what is missing (and what is there) instead of a
 * TypeError on `undefined` three properties later.
 */
import type { RacesDoc } from '../../src/render/races.js';
import { z } from 'zod';
import { documentSchema, ruleSchema, type ElectionDoc, type RaceDoc, type RankedRaceDoc, type WarningDoc } from '../../src/render/schema.js';

export type { ElectionDoc, RaceDoc, RankedRaceDoc, RacesDoc, WarningDoc };
/** A race of the document: two-round, or ranked (which carries every two-round field too). */
export type AnyRaceDoc = ElectionDoc['races'][number];
export type CandidateDoc = RaceDoc['candidates'][number];
export type WarningCode = WarningDoc['code'];

/**
 * The document a `--json` run printed. The schema check makes the type a fact rather than a cast; the object
 * returned is the parsed JSON itself (zod's copy would drop unknown keys), so assertions see exactly the output.
 */
export function parseDoc(text: string): ElectionDoc {
  return checked(documentSchema, JSON.parse(text), 'the --json output');
}

/** The JSON value itself once the schema accepts it, or a failure listing the first mismatches. */
function checked<S extends z.ZodType>(schema: S, value: unknown, what: string): z.infer<S> {
  const result = schema.safeParse(value);
  if (!result.success) {
    const issues = result.error.issues.slice(0, 5).map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new Error(`${what} does not match its schema:\n  ${issues.join('\n  ')}`);
  }
  return value as z.infer<S>;
}

/** One line of `--format ndjson`: a race of either kind, with the schema version and the rule id on it. */
export type NdjsonRaceDoc = AnyRaceDoc & { schemaVersion: 2; rule: string };
const ndjsonHead = z.object({ schemaVersion: z.literal(2), rule: z.string() });

export function parseNdjsonLine(line: string): NdjsonRaceDoc {
  const value: unknown = JSON.parse(line);
  checked(ndjsonHead, value, 'the ndjson line');
  checked(documentSchema.shape.races.element, value, 'the ndjson race');
  return value as NdjsonRaceDoc;
}

/** `runoff rules --json`: every preset's rule data with its definition in words. */
const rulesDocSchema = z.object({
  schemaVersion: z.literal(1),
  default: z.string(),
  rules: z.array(ruleSchema.extend({ definition: z.string() })),
  irvRules: z.array(z.object({ id: z.string(), name: z.string(), source: z.string(), url: z.string().optional(), verified: z.boolean(), definition: z.string() })),
});
export type RulesDoc = z.infer<typeof rulesDocSchema>;

export function parseRulesDoc(text: string): RulesDoc {
  return checked(rulesDocSchema, JSON.parse(text), 'the rules --json output');
}

/**
 * What `runoff races --json` printed: a listing, not the count document, and without a zod schema; the check
 * is of its three arrays, enough that a wrong command fails here rather than deep inside an assertion.
 */
export function parseRacesDoc(text: string): RacesDoc {
  const value: unknown = JSON.parse(text);
  const fields = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const missing = ['inputs', 'races', 'warnings'].filter((k) => !Array.isArray(fields[k]));
  if (missing.length > 0) throw new Error(`the races --json output has no ${missing.join(', ')} array`);
  return value as RacesDoc;
}

/** items[index], or a failure that says how many there were. */
export function at<T>(items: readonly T[], index: number, what = 'item'): T {
  const item = items[index];
  if (item === undefined) throw new Error(`no ${what} at index ${index}: there are ${items.length}`);
  return item;
}

/** The first item that matches, or a failure naming what was looked for. */
export function find<T>(items: readonly T[], matches: (item: T) => boolean, what: string): T {
  const item = items.find(matches);
  if (item === undefined) throw new Error(`no ${what} among ${items.length}`);
  return item;
}

/** A value that must be there (a record entry, an optional or nullable block), or a failure naming it. */
export function present<T>(value: T | undefined | null, what: string): T {
  if (value === undefined || value === null) throw new Error(`${what} is missing (${String(value)})`);
  return value;
}

/** Fields a race is looked up by; every one given must match. */
export type RaceWhere = Partial<Pick<RaceDoc, 'id' | 'office' | 'district' | 'party'>>;

function describeWhere(where: RaceWhere): string {
  return Object.entries(where).map(([k, v]) => `${k} ${JSON.stringify(v)}`).join(', ');
}

/**
 * The first race with that office (a string) or those fields, or matching a predicate; a failure lists the
 * ids of the races there are, which is what one needs to see when a title or a normalisation changed.
 */
export function race(doc: ElectionDoc, where: string | RaceWhere | ((r: AnyRaceDoc) => boolean)): AnyRaceDoc {
  const fields: RaceWhere | null = typeof where === 'string' ? { office: where } : typeof where === 'function' ? null : where;
  const matches = fields === null
    ? (where as (r: AnyRaceDoc) => boolean)
    : (r: AnyRaceDoc) => Object.entries(fields).every(([k, v]) => r[k as keyof RaceWhere] === v);
  const found = doc.races.find(matches);
  if (found !== undefined) return found;
  const ids = doc.races.slice(0, 20).map((r) => r.id).join('; ');
  const more = doc.races.length > 20 ? `; … ${doc.races.length - 20} more` : '';
  throw new Error(`no race with ${fields === null ? 'that predicate' : describeWhere(fields)} among ${doc.races.length}: ${ids}${more}`);
}

/** The document's first race (the only one, in most tests). */
export function firstRace(doc: ElectionDoc): AnyRaceDoc {
  return at(doc.races, 0, 'race');
}

/** The document's first input. */
export function firstInput(doc: ElectionDoc): ElectionDoc['inputs'][number] {
  return at(doc.inputs, 0, 'input');
}

/** The outlook block of a race run with --outstanding. */
export function outlook(r: RaceDoc): NonNullable<RaceDoc['outlook']> {
  return present(r.outlook, `the outlook of race ${r.id}`);
}

/** The per-area breakdown of a race run with --by. */
export function breakdown(r: RaceDoc): NonNullable<RaceDoc['breakdown']> {
  return present(r.breakdown, `the breakdown of race ${r.id}`);
}

/** A race counted by instant runoff, or a failure saying it was a two-round one. */
export function ranked(r: AnyRaceDoc): RankedRaceDoc {
  if ('method' in r && r.method === 'instant-runoff') return r;
  throw new Error(`race ${r.id} is a two-round race, not a ranked one`);
}

/** A candidate of a race by name. */
export function candidate(r: RaceDoc, name: string): CandidateDoc {
  return find(r.candidates, (c) => c.name === name, `candidate ${JSON.stringify(name)} in race ${r.id} (${r.candidates.map((c) => c.name).join(', ')})`);
}

/** The warning codes of a document, in order. */
export function codes(doc: ElectionDoc): WarningCode[] {
  return doc.warnings.map((w) => w.code);
}

/** The first warning with that code, or a failure listing the codes there are. */
export function warning(doc: ElectionDoc, code: WarningCode): WarningDoc {
  return find(doc.warnings, (w) => w.code === code, `warning ${code} (codes: ${codes(doc).join(', ') || 'none'})`);
}
