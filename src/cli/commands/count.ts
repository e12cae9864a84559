/** `runoff [files]` and `runoff races [files]`: a typed request → inputs → election → output text. */
import { DataError, ExitCode, UsageError } from '../../model/errors.js';
import { readSideFile } from '../side-file.js';
import { openInputs, openStdinInput } from '../../read/archive.js';
import type { InputSummary, Warning } from '../../model/types.js';
import { parseNames, type NameTable } from '../../layout/families/wide-names.js';
import { countElection, type Election, type ElectionOptions } from '../../pipeline/count-election.js';
import type { Source } from '../../read/open.js';
import { rendererFor, type Rendered } from '../../render/index.js';
import { sanitizeForTerminal } from '../../render/sanitize.js';
import type { Io } from '../io.js';
import type { CountRequest } from '../options.js';
import { Progress } from '../progress.js';
import type { CvrFormat } from '../../model/ballots.js';
import type { RankedRace } from '../../count/election.js';
import { countRankedFile, countRctab, rankedFormatOf, rankedView, selectRanked } from '../../pipeline/ranked-count.js';

export async function count(request: CountRequest, io: Io): Promise<number> {
  const options: ElectionOptions = { ...request.election };
  if (request.outstandingFile) options.outstandingByRace = await (await import('../outstanding-file.js')).readOutstandingFile(request.outstandingFile);
  if (request.namesFile) options.names = await readNames(request.namesFile);
  if (!request.watch) {
    const { election, warnings } = await countOnce(request, options, io);
    const out = await render(request, election, io); // a format's usage error comes alone, before any warning
    io.stderr.write(warnings);
    await writeOut(out, io);
    return ExitCode.Ok;
  }
  const { watch } = await import('../watch.js');
  // A redrawn terminal table shows its warnings above it; anywhere else they go to stderr, as in a single run.
  const inPlace = request.format === 'table' && io.stdout.isTTY === true;
  await watch(request.files, async () => {
    const { election, warnings } = await countOnce(request, options, io);
    if (election.warnings.some((w) => w.code === 'file-changed')) {
      throw new DataError('the file changed while it was being read', { file: election.inputs[0]?.name ?? '' }, 'it is read again at the next change');
    }
    const out = await render(request, election, io);
    const text = typeof out === 'string' ? out : [...out].join('');
    if (inPlace) return warnings + text;
    io.stderr.write(warnings);
    return text;
  }, io, { inPlace });
  return ExitCode.Interrupted;
}

/** One count of the inputs, and its warnings as text; under --strict, a warning refuses the result. */
async function countOnce(request: CountRequest, options: ElectionOptions, io: Io): Promise<{ election: Election; warnings: string }> {
  const sources: Source[] = [];
  let election: Election;
  // Progress only where a person watches: stderr on a terminal, and not --quiet.
  const progress = io.stderr.isTTY && !request.quiet ? new Progress(io.stderr) : null;
  const { results, ranked } = await splitInputs(request);
  // ranked contests first: --race may name one of them while the results files hold none it matches
  const counted = await countRanked(ranked, request);
  try {
    for (const name of results) sources.push(...(name === '-' ? [openStdinInput(io.stdin)] : await openInputs(name)));
    const withResults = sources.length > 0 || counted.races.length === 0;
    const otherRaces = counted.races.map(rankedView);
    election = withResults
      ? await countElection(sources, { ...options, otherRaces, ...(progress ? { onProgress: progress.update } : {}), ...splitTrace(io) })
      : rankedOnly(options);
    if (counted.races.length > 0) {
      election.ranked = selectRanked(counted.races, options.raceFilter, options.statusFilter, withResults);
      election.inputs.push(...counted.inputs);
    }
  } finally {
    progress?.clear();
    await Promise.all(sources.map((s) => s.close()));
  }
  const warnings = !request.quiet || request.strict ? warningsText(election.warnings) : '';
  if (request.strict && election.warnings.length > 0) {
    // --strict: doubtful data is refused, not printed; the warnings say why.
    io.stderr.write(warnings);
    const n = election.warnings.length;
    throw new DataError(`${n} warning${n === 1 ? '' : 's'} and --strict: refusing the result`, undefined, 'the warnings above say what is doubtful; without --strict they are printed beside the result');
  }
  return { election, warnings };
}

/** Cast-vote-record files (told by content) go to the instant runoff; everything else to the results path. */
async function splitInputs(request: CountRequest): Promise<{ results: string[]; ranked: { path: string; format: CvrFormat }[] }> {
  const results: string[] = [];
  const ranked: { path: string; format: CvrFormat }[] = [];
  for (const path of request.files) {
    // --layout names a results layout: every file is read as results, none is looked at as ballots.
    const format = request.election.layout ? null : await rankedFormatOf(path);
    if (format === null) results.push(path);
    else ranked.push({ path, format });
  }
  return { results, ranked };
}

/** An election of ranked contests only: no results file, so the two-round parts are empty. */
function rankedOnly(options: ElectionOptions): Election {
  const primary = { partyPrimary: false, source: 'default' as const, reason: 'ranked ballots: one contest per ballot file' };
  return { rule: options.rule, by: null, seats: null, primary, inputs: [], races: [], ranked: [], warnings: [] };
}

/** Every cast-vote-record file, then the --rctab config, each tabulated (before any --race or --status). */
async function countRanked(files: { path: string; format: CvrFormat }[], request: CountRequest): Promise<{ races: RankedRace[]; inputs: InputSummary[] }> {
  const races: RankedRace[] = [];
  const inputs: InputSummary[] = [];
  for (const { path, format } of files) {
    const { race, input } = await countRankedFile(path, format, request.ranked);
    races.push(race);
    inputs.push(input);
  }
  if (request.rctab !== null) {
    const rctab = await countRctab(request.rctab);
    races.push(rctab.race);
    inputs.push(...rctab.inputs);
  }
  return { races, inputs };
}

async function render(request: CountRequest, election: Election, io: Io): Promise<Rendered> {
  const terminal = io.stdout.isTTY === true;
  const renderer = request.listRaces ? (await import('../../render/races.js')).racesRenderer(request.format) : await rendererFor(request.format);
  return renderer(election, {
    color: request.format === 'table' && useColor(request, io),
    bars: !request.plain && terminal,
    width: io.stdout.columns ?? (Number(io.env.COLUMNS) || 80),
    terminal,
    ...(request.outDir === null ? {} : { outDir: request.outDir }),
  });
}

/**
 * Output written in pieces is gathered into writes of about 64 KB: few system calls, little held at once. A
 * write the sink cannot take at once (a pipe to a slow reader) is waited for, so the output is never queued
 * whole in memory.
 */
async function writeOut(out: Rendered, io: Io): Promise<void> {
  if (typeof out === 'string') {
    io.stdout.write(out);
    return;
  }
  let pending = '';
  for (const chunk of out) {
    pending += chunk;
    if (pending.length >= 65_536) {
      if (io.stdout.write(pending) === false && io.stdout.drained) await io.stdout.drained();
      pending = '';
    }
  }
  if (pending !== '') io.stdout.write(pending);
}

/** --names FILE: a code,name CSV or an RDH/VEST README (parsed in layout/families/wide-names.ts). */
async function readNames(path: string): Promise<NameTable> {
  const names = parseNames(await readSideFile(path, '--names'));
  if (names.columns.size === 0) throw new UsageError(`--names ${path}: no "code,name" lines or README field lines found`, undefined, 'e.g. G22USSDWAR,Raphael Warnock');
  return names;
}

/** --no-color, --color, NO_COLOR, FORCE_COLOR, then "is stdout a terminal" (chalk 5 ignores NO_COLOR). */
function useColor(request: CountRequest, io: Io): boolean {
  if (request.colour !== 'auto') return request.colour === 'always';
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

/** RUNOFF_TRACE_SPLIT=1: one stderr line per file counted on both cores, saying whether the ranges were taken in (for tests and benchmarks). */
function splitTrace(io: Io): { onSplit?: (how: string) => void } {
  return io.env.RUNOFF_TRACE_SPLIT === '1' ? { onSplit: (how) => void io.stderr.write(`runoff: split: ${how}\n`) } : {};
}
