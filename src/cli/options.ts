/**
 * Raw option values → a typed request, checked once at the boundary (the low → high args split of ripgrep).
 * Pure: no IO. Every usage error about flag values is raised here or in resolveRule.
 */
import { UsageError } from '../model/errors.js';
import { wholeNumberOption } from '../model/whole-number.js';
import { STATUS_FILTERS, type ElectionOptions, type StatusFilter } from '../pipeline/count-election.js';
import { normalizeEncoding } from '../read/decode.js';
import { resolveRule } from '../count/rules/resolve.js';
import { ruleNeedsRegions } from '../count/rules/rule.js';
import { HASHED_FORMATS, type Format } from '../render/formats.js';
import type { RawOptions } from './program.js';
import type { RankedOptions } from '../pipeline/ranked-count.js';
import { isIrvRule, rankedFlagsGiven, rankedOptions } from './ranked-options.js';

export type Colour = 'always' | 'never' | 'auto';

export interface CountRequest {
  /** The inputs; `-` is standard input (also when no file is given). */
  files: string[];
  /** `runoff races`: list the races found instead of deciding them. */
  listRaces: boolean;
  format: Format;
  /** Everything the count itself needs, except what side files add (names, outstanding per race). */
  election: ElectionOptions;
  /** --out-dir: where --format svg writes one file per race. */
  outDir: string | null;
  /** --names and --outstanding-file: read by the command before the count. */
  namesFile: string | null;
  outstandingFile: string | null;
  watch: boolean;
  strict: boolean;
  quiet: boolean;
  colour: Colour;
  /** No colour and no bars, even on a terminal. */
  plain: boolean;
  /** How cast-vote-record files are tabulated (instant runoff). */
  ranked: RankedOptions;
  /** --rctab: an RCTab contest config to tabulate. */
  rctab: string | null;
}

export function toRequest(command: 'count' | 'races', files: string[], raw: RawOptions): CountRequest {
  if (raw.partyPrimary && raw.allParty) throw new UsageError('--party-primary and --all-party cannot be used together', undefined, 'give one: --party-primary splits each race by party, --all-party keeps one race across parties');
  if (raw.json && raw.format !== undefined && raw.format !== 'json') {
    throw new UsageError(`--json and --format ${raw.format} ask for two output formats`, undefined, 'give one of them');
  }
  const format = raw.json ? 'json' : ((raw.format ?? 'table') as Format);
  if (raw.outDir !== undefined && format !== 'svg') throw new UsageError('--out-dir is for --format svg', undefined, 'add --format svg, or leave out --out-dir');
  if (raw.rctab !== undefined && rankedFlagsGiven(raw).length > 0) {
    throw new UsageError(`--rctab takes every tabulation option from the config: ${rankedFlagsGiven(raw).join(', ')} cannot be added`, undefined, 'change the config, or count the CVR file itself with the flags');
  }
  if (files.length === 0 && raw.rctab === undefined) refuseSwallowedInput(raw);
  const inputs = files.length === 0 ? (raw.rctab === undefined ? ['-'] : []) : files;
  if (inputs.filter((f) => f === '-').length > 1) throw new UsageError('standard input (-) can be given only once', undefined, 'name the other inputs as files');
  if (raw.watch && inputs.includes('-')) throw new UsageError('--watch needs files: standard input cannot be read again', undefined, 'save the input to a file and watch that file');
  // an instant-runoff preset (`--rule nyc-rcv`) is for ranked ballots; results files keep the default rule
  const { rule, registered, seats } = resolveRule(isIrvRule(raw.rule) ? { ...raw, rule: undefined } : raw);
  return {
    files: inputs,
    listRaces: command === 'races',
    format,
    outDir: raw.outDir ?? null,
    election: {
      rule,
      registered,
      seats,
      needsRegions: ruleNeedsRegions(rule),
      partyPrimary: raw.partyPrimary ? true : raw.allParty ? false : null,
      outstanding: raw.outstanding === undefined ? null : wholeNumberOption('--outstanding', raw.outstanding, 0),
      raceFilter: raw.race === undefined ? null : [raw.race].flat(),
      contestedOnly: raw.contested ?? false,
      statusFilter: statusFilter(raw.status),
      by: raw.by ?? null,
      skipBadRows: raw.skipBadRows ?? false,
      encoding: raw.encoding === undefined ? null : normalizeEncoding(raw.encoding),
      delimiter: delimiterOf(raw.delimiter),
      layout: raw.layout ?? null,
      mergeNames: raw.mergeNames ?? false,
      parser: raw.parser ?? 'auto',
      hash: HASHED_FORMATS.has(format),
    },
    namesFile: raw.names ?? null,
    outstandingFile: raw.outstandingFile ?? null,
    watch: raw.watch ?? false,
    strict: raw.strict ?? false,
    quiet: raw.quiet ?? false,
    colour: raw.plain || raw.color === false ? 'never' : raw.color === true ? 'always' : 'auto',
    plain: raw.plain ?? false,
    ranked: rankedOptions(raw),
    rctab: raw.rctab ?? null,
  };
}

/** Options whose value is a name, a number or a word, never a file. */
const WORD_VALUES = ['race', 'by', 'rule', 'threshold', 'advance', 'denominator', 'registered', 'seats', 'outstanding', 'encoding', 'delimiter', 'status'] as const;

/**
 * `runoff --by results.csv`: the option took the input file as its value and no file is left, so the run would
 * wait on standard input. A value that looks like a data file, with no input given, is a usage error instead.
 */
function refuseSwallowedInput(raw: RawOptions): void {
  for (const name of WORD_VALUES) {
    for (const value of [raw[name]].flat()) {
      if (typeof value === 'string' && /\.(csv|tsv|txt|gz|zip|xlsx|json)$/i.test(value)) {
        const flag = `--${name}`;
        throw new UsageError(`${flag} took ${JSON.stringify(value)} as its value, and no input file is left`, undefined, `give ${flag} its value before the file: e.g. runoff ${flag} ${name === 'by' ? 'county' : '…'} ${value}`);
      }
    }
  }
}

/** --status runoff|winner|tie, given once or more, or comma-separated: only races with one of those outcomes. */
function statusFilter(given: string | string[] | undefined): StatusFilter[] | null {
  if (given === undefined) return null;
  const wanted = [given].flat().flatMap((g) => g.split(',')).map((g) => g.trim().toLowerCase());
  for (const w of wanted) {
    if (!(STATUS_FILTERS as readonly string[]).includes(w)) {
      throw new UsageError(`--status must be one of ${STATUS_FILTERS.join(', ')}, got ${JSON.stringify(w)}`, undefined, 'for example --status runoff, or --status runoff,tie');
    }
  }
  return wanted as StatusFilter[];
}

/** No --delimiter: null, and each input's header record decides (comma, semicolon, tab or pipe). */
function delimiterOf(text: string | undefined): string | null {
  if (text === undefined) return null;
  const delimiter = text === '\\t' || text === 'tab' ? '\t' : text;
  if (/^[\r\n]+$/.test(delimiter)) {
    throw new UsageError(`--delimiter ${JSON.stringify(text)} is a line ending, not a field delimiter`, undefined, 'records end at line breaks; give the character between fields: , ; tab or |');
  }
  if ([...delimiter].length !== 1 || delimiter === '"' || /[\r\n]/.test(delimiter)) {
    throw new UsageError(`--delimiter must be one character, got ${JSON.stringify(text)}`, undefined, 'for example --delimiter ";" or --delimiter tab');
  }
  return delimiter;
}
