/** The count command: options → inputs → election → output text. main() maps its errors to exit codes. */
import type { RawOptions } from '../program.js';
import { readFile } from 'node:fs/promises';
import { DataError, ExitCode, InputError, UsageError } from '../../model/errors.js';
import { parseNames, type NameTable } from '../../layout/families/wide-names.js';
import type { Io } from '../main.js';
import { countElection, type ElectionOptions } from '../../pipeline.js';
import { normalizeEncoding } from '../../read/decode.js';
import type { Source } from '../../read/open.js';
import { openInputs, openStdinInput } from '../../read/archive.js';
import { resolveRule } from '../../count/rules/resolve.js';
import { ruleNeedsRegions } from '../../count/rules/rule.js';
import { rendererFor, type Format } from '../../render/index.js';
import { sanitizeForTerminal } from '../../render/sanitize.js';
import type { Warning } from '../../model/types.js';
import { Progress } from '../progress.js';
import { parseVotes } from '../../read/votes.js';

export async function count(files: string[], raw: RawOptions, io: Io): Promise<number> {
  const options = electionOptions(raw);
  if (raw.outstandingFile) options.outstandingByRace = await (await import('../../read/outstanding.js')).readOutstandingFile(raw.outstandingFile);
  if (raw.names) options.names = await readNames(raw.names);
  const names = files.length === 0 ? ['-'] : files;
  if (names.filter((f) => f === '-').length > 1) throw new UsageError('standard input (-) can be given only once');
  if (!raw.watch) {
    const result = await countOnce(names, raw, options, io);
    io.stderr.write(result.stderr);
    io.stdout.write(result.stdout);
    return result.code;
  }
  if (names.includes('-')) throw new UsageError('--watch needs files: standard input cannot be read again');
  const { watch } = await import('../watch.js');
  await watch(names, async () => {
    const result = await countOnce(names, raw, options, io);
    if (result.code !== ExitCode.Ok) throw new DataError(result.stderr.trim().split('\n').pop() ?? 'refused');
    return result.stderr + result.stdout;
  }, io);
  return ExitCode.Interrupted;
}

interface CountResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** One count of the inputs: the output and the warnings as text, for a single run or each --watch redraw. */
async function countOnce(names: string[], raw: RawOptions, options: ElectionOptions, io: Io): Promise<CountResult> {
  const format = raw.json ? 'json' : raw.format ?? 'table';
  const sources: Source[] = [];
  let election;
  // Progress only where a person watches: stderr on a terminal, and not --quiet.
  const progress = io.stderr.isTTY && !raw.quiet ? new Progress(io.stderr) : null;
  try {
    for (const name of names) sources.push(...(name === '-' ? [openStdinInput(io.stdin)] : await openInputs(name)));
    election = await countElection(sources, progress ? { ...options, onProgress: progress.update } : options);
  } finally {
    progress?.clear();
    await Promise.all(sources.map((s) => s.close()));
  }
  if (raw.watch && election.warnings.some((w) => w.code === 'file-changed')) {
    throw new DataError('the file changed while it was being read', { file: election.inputs[0]?.name ?? '' });
  }
  const stderr = !raw.quiet || raw.strict ? warningsText(election.warnings) : '';
  if (raw.strict && election.warnings.length > 0) {
    // --strict: doubtful data is refused, not printed; the warnings above say why.
    const n = election.warnings.length;
    return { code: ExitCode.Data, stdout: '', stderr: `${stderr}runoff: ${n} warning${n === 1 ? '' : 's'} and --strict: refusing the result\n` };
  }
  const color = format === 'table' && useColor(raw, io);
  const bars = !raw.plain && io.stdout.isTTY === true;
  const render = raw.listRaces ? (await import('../../render/races.js')).racesRenderer(format) : await rendererFor(format as Format);
  return { code: ExitCode.Ok, stderr, stdout: await render(election, { color, bars, width: io.stdout.columns ?? (Number(io.env.COLUMNS) || 80), terminal: io.stdout.isTTY === true }) };
}

function electionOptions(raw: RawOptions): ElectionOptions {
  if (raw.partyPrimary && raw.allParty) throw new UsageError('--party-primary and --all-party cannot be used together');
  // No --delimiter: each input's header record decides (comma, semicolon, tab or pipe).
  const delimiter = raw.delimiter === undefined ? null : raw.delimiter === '\\t' || raw.delimiter === 'tab' ? '\t' : raw.delimiter;
  if (delimiter !== null && ([...delimiter].length !== 1 || delimiter === '"' || /[\r\n]/.test(delimiter))) {
    throw new UsageError(`--delimiter must be one character, got ${JSON.stringify(raw.delimiter)}`);
  }
  const { rule, registered, seats } = resolveRule(raw);
  return {
    rule,
    registered,
    seats,
    needsRegions: ruleNeedsRegions(rule),
    partyPrimary: raw.partyPrimary ? true : raw.allParty ? false : null,
    outstanding: raw.outstanding === undefined ? null : wholeNumber('--outstanding', raw.outstanding),
    raceFilter: raw.race === undefined ? null : [raw.race].flat(),
    by: raw.by ?? null,
    skipBadRows: raw.skipBadRows ?? false,
    encoding: raw.encoding === undefined ? null : normalizeEncoding(raw.encoding),
    delimiter,
    mergeNames: raw.mergeNames ?? false,
    parser: raw.parser ?? 'auto',
  };
}

/** --names FILE: a code,name CSV or an RDH/VEST README (parsed in layout/wide-names.ts). */
async function readNames(path: string): Promise<NameTable> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    throw new InputError(`cannot read --names ${path}: ${code === 'ENOENT' ? 'no such file' : (err as Error).message}${code ? ` (${code})` : ''}`, undefined, undefined, { cause: err });
  }
  const names = parseNames(text);
  if (names.columns.size === 0) throw new UsageError(`--names ${path}: no "code,name" lines or README field lines found`, undefined, 'e.g. G22USSDWAR,Raphael Warnock');
  return names;
}

function wholeNumber(flag: string, text: string): number {
  const n = parseVotes(text);
  if (n < 0) throw new UsageError(`${flag} must be a whole number of votes, got ${JSON.stringify(text)}`);
  return n;
}

/** --no-color, --color, NO_COLOR, FORCE_COLOR, then "is stdout a terminal" (chalk 5 ignores NO_COLOR). */
function useColor(raw: RawOptions, io: Io): boolean {
  if (raw.plain || raw.color === false) return false;
  if (raw.color === true) return true;
  if (io.env.NO_COLOR) return false;
  if (io.env.FORCE_COLOR !== undefined) return io.env.FORCE_COLOR !== '0' && io.env.FORCE_COLOR !== 'false';
  return io.stdout.isTTY === true;
}

function warningsText(warnings: Warning[]): string {
  return warnings
    .map((w) => {
      const where = w.file ? `${w.file}${w.line ? `:${w.line}` : ''}: ` : '';
      return sanitizeForTerminal(`runoff: warning: ${where}${w.message}`) + '\n';
    })
    .join('');
}
