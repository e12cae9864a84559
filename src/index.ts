/**
 * The library: what the CLI itself uses, for scripts that want the count without spawning a process.
 *
 * @example
 * import { count, toDocument } from 'runoff';
 * const election = await count(['cobb.csv', 'dekalb.csv'], { rule: 'us-ga' });
 * const doc = toDocument(election); // the object `runoff --json` prints
 * for (const race of doc.races) console.log(race.office, race.outcome.status);
 */
import { UsageError } from './model/errors.js';
import { countElection, type ElectionOptions } from './pipeline/count-election.js';
import { normalizeEncoding } from './read/decode.js';
import { openFile, openStream, type Source } from './read/open.js';
import { resolveRule } from './count/rules/resolve.js';
import { ruleNeedsRegions } from './count/rules/rule.js';
import type { Election } from './count/election.js';

export { toDocument, SCHEMA_VERSION } from './render/document.js';
export { presets as rules } from './count/rules/presets.js';
export type { Election, RaceResult } from './count/election.js';
export type { ElectionDoc, RaceDoc, RankedRaceDoc, RoundDoc, RuleDoc, OutcomeDoc, InputDoc, WarningDoc } from './render/schema.js';
export type { RankedRace } from './count/election.js';
export { IRV_PRESETS as irvRules } from './count/irv/presets.js';
export type { Rule, Condition, Denominator } from './count/rules/rule.js';
export type { Warning, WarningCode, Status, Outcome, RaceKey } from './model/types.js';
export { RunoffError, DataError, InputError, UsageError, ExitCode } from './model/errors.js';

/** A path, the bytes of a file, or a stream of them; give a name to the last two for messages and `inputs[]`. */
export type Input = string | Uint8Array | AsyncIterable<Uint8Array | string> | { name: string; data: Uint8Array | AsyncIterable<Uint8Array | string> };

/** The options of the command line, typed. Every field is optional; the defaults are the CLI's. */
export interface CountOptions {
  /** A preset id (`runoff rules`): `majority` (the default), `us-ga`, `fr-legislative` … */
  rule?: string;
  /** Win outright with more than this share, as the CLI takes it: `40`, `40%`, `12.5`. */
  threshold?: string;
  atLeast?: boolean;
  advance?: number;
  denominator?: 'valid' | 'valid+blank' | 'cast';
  registered?: number;
  seats?: number;
  /** true: each party is its own race; false: one race across parties; absent: decided from the data. */
  partyPrimary?: boolean;
  /** Only races matching these words (any order) or this id; a list matches any of them. */
  race?: string | string[];
  /** Leave out uncontested races. */
  contested?: boolean;
  /** Only races with these outcomes. */
  status?: Array<'runoff' | 'winner' | 'tie'>;
  /** Break each race down by the values of this column. */
  by?: string;
  /** Votes not yet counted in every race: adds each race's outlook. */
  outstanding?: number;
  skipBadRows?: boolean;
  encoding?: string;
  delimiter?: string;
  mergeNames?: boolean;
}

/** Count one election from its inputs (several inputs are added together, as on the command line). */
export async function count(inputs: readonly Input[], options: CountOptions = {}): Promise<Election> {
  if (inputs.length === 0) throw new UsageError('count() needs at least one input', undefined, 'pass a path, a Buffer or a stream, e.g. count([\'results.csv\'])');
  const sources: Source[] = [];
  try {
    for (const [i, input] of inputs.entries()) sources.push(await sourceOf(input, i));
    return await countElection(sources, electionOptions(options));
  } finally {
    await Promise.all(sources.map((s) => s.close()));
  }
}

function electionOptions(o: CountOptions): ElectionOptions {
  const { rule, registered, seats } = resolveRule({
    rule: o.rule,
    threshold: o.threshold,
    atLeast: o.atLeast,
    advance: o.advance === undefined ? undefined : String(o.advance),
    denominator: o.denominator,
    registered: o.registered === undefined ? undefined : String(o.registered),
    seats: o.seats === undefined ? undefined : String(o.seats),
  });
  return {
    rule,
    registered,
    seats,
    needsRegions: ruleNeedsRegions(rule),
    partyPrimary: o.partyPrimary ?? null,
    outstanding: o.outstanding ?? null,
    raceFilter: o.race === undefined ? null : [o.race].flat(),
    contestedOnly: o.contested ?? false,
    statusFilter: o.status ?? null,
    by: o.by ?? null,
    skipBadRows: o.skipBadRows ?? false,
    encoding: o.encoding === undefined ? null : normalizeEncoding(o.encoding),
    delimiter: o.delimiter ?? null,
    mergeNames: o.mergeNames ?? false,
  };
}

async function sourceOf(input: Input, i: number): Promise<Source> {
  if (typeof input === 'string') return openFile(input);
  if (input instanceof Uint8Array) return openStream(`<input ${i + 1}>`, once(input));
  if ('name' in input && 'data' in input) return openStream(input.name, input.data instanceof Uint8Array ? once(input.data) : input.data);
  return openStream(`<input ${i + 1}>`, input);
}

async function* once(bytes: Uint8Array): AsyncGenerator<Buffer> {
  yield Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
