/**
 * Ranked ballots on the command line: tell a cast-vote-record file from a results file by its content, read the
 * ballots with default labels (or an RCTab config's), tabulate instant runoff, and keep what the document needs:
 * the race, its input summary, and first choices per precinct for --by precinct.
 */
import { createReadStream } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { CastVote, CvrFormat, CvrSource } from '../model/ballots.js';
import { DataError, RunoffError } from '../model/errors.js';
import { irvDefaults, OVERVOTE, type BallotLabels, type IrvCandidate, type IrvOptions } from '../model/irv-options.js';
import type { InputSummary } from '../model/types.js';
import { BallotPool, tabulatePool } from '../count/irv/index.js';
import type { RankedRace } from '../count/election.js';
import type { IrvPresetOptions } from '../count/irv/presets.js';
import { filterRaces, matchesAny, type Matchable } from '../count/race-match.js';
import { detectCvrFormat, readCvr } from '../read/cvr/index.js';
import type { StatusFilter } from './count-election.js';

/** What the command line sets for a ranked count: a preset's fields, then each flag's. */
export interface RankedOptions {
  options: IrvPresetOptions;
  /** --exclude: candidates left out of the count. */
  exclude: string[];
  /** --write-in-label: the cell text of an undeclared write-in. */
  writeInLabel: string | null;
  randomSeed: bigint | null;
  /** --contest: which contest of a multi-contest CVR. */
  contest: string | null;
  /** --by precinct: first choices per precinct. */
  byPrecinct: boolean;
}

/** The cell texts a CVR read without a config uses, as ES&S and the rank-column files write them. */
const DEFAULT_LABELS: BallotLabels = { overvoteLabel: OVERVOTE, skippedRankLabel: 'undervote', undeclaredWriteInLabel: 'UWI' };

/** The CVR format of a path, or null for a results file (which keeps the results path). */
export async function rankedFormatOf(path: string): Promise<CvrFormat | null> {
  if (path === '-' || /\.gz$/i.test(path)) return null;
  const info = await stat(path).catch(() => null);
  if (info === null) return null; // the results path reports the missing file (and a folder that is not a CVR)
  // A pipe, a FIFO or /dev/stdin can be read once only: looking at its content would eat it. Results path.
  if (!info.isFile() && !info.isDirectory()) return null;
  let format: CvrFormat;
  try {
    format = await detectCvrFormat(path);
  } catch (error) {
    if (error instanceof RunoffError) return null;
    throw error;
  }
  // A candidate-column CSV is a ballot file only by the shape of its cells, and small vote counts in a results
  // file look alike: those keep the results path, and --rctab (provider genericCsv) reads them as ballots
  if (format === 'genericCsv') return null;
  // A workbook is ballots when its first row is an ES&S cast-vote-record header; any other keeps the results
  // path and its "export the sheet to CSV" hint
  if (format === 'ess') {
    const { essHeaderRow, looksLikeEssHeader } = await import('../read/cvr/ess-header.js');
    const header = await essHeaderRow(path);
    return header !== null && looksLikeEssHeader(header) ? 'ess' : null;
  }
  return format;
}

/** The source of one ballot file; a workbook's rank columns and first ballot row come from its header row. */
async function sourceOf(path: string, format: CvrFormat, contest: string | null): Promise<{ source: CvrSource; check: (vote: CastVote) => void }> {
  const source: CvrSource = { path, format, ...(contest === null ? {} : { contestId: contest }) };
  if (format !== 'ess') return { source, check: () => undefined };
  const { essHeaderRow, essLayout, refuseDelimitedCell } = await import('../read/cvr/ess-header.js');
  const header = await essHeaderRow(path);
  if (header === null) throw new DataError('the workbook has no rows', { file: path }, 'an ES&S cast-vote record has a header row, then one ballot per row');
  return { source: { ...source, ...essLayout(header, path, contest) }, check: refuseDelimitedCell };
}

/** What --race matches in a ranked contest: its id and its title, the contest (file name or RCTab contestName). */
export function rankedView(race: RankedRace): Matchable {
  return { id: race.id, title: race.office };
}

/**
 * --race and --status on ranked contests, as on two-round races: the title as --race reads it, the status as
 * the document's outcome gives it (an instant runoff always ends with a winner, so `--status runoff` or `tie`
 * leaves it out). A query that matches no race is an error, unless `checkedElsewhere`: the results files of
 * the same run were counted with these races as `otherRaces`, and that count has already made the check.
 */
export function selectRanked(races: RankedRace[], raceFilter: readonly string[] | null, statusFilter: readonly StatusFilter[] | null | undefined, checkedElsewhere: boolean): RankedRace[] {
  const queries = raceFilter ?? [];
  const matched = checkedElsewhere
    ? races.filter((race) => queries.length === 0 || matchesAny(rankedView(race), queries))
    : filterRaces(races, queries, rankedView);
  return matched.filter((race) => !statusFilter?.length || statusFilter.some((s) => s === race.result.outcome.status));
}

/** One ballot file, tabulated with the command line's options. */
export async function countRankedFile(path: string, format: CvrFormat, ranked: RankedOptions): Promise<{ race: RankedRace; input: InputSummary }> {
  const excluded: IrvCandidate[] = ranked.exclude.map((name) => ({ name, excluded: true }));
  const options: IrvOptions = { ...irvDefaults(excluded), undeclaredWriteIns: true, ...ranked.options };
  if (ranked.randomSeed !== null) options.randomSeed = ranked.randomSeed;
  const labels: BallotLabels = { ...DEFAULT_LABELS, ...(ranked.writeInLabel === null ? {} : { undeclaredWriteInLabel: ranked.writeInLabel }) };
  // no candidate list: names join the count in the order they first appear (that order breaks useCandidateOrder ties)
  const pool = new BallotPool(options, true);
  const precincts = ranked.byPrecinct ? new Map<string, Map<string, number>>() : null;
  const { source, check } = await sourceOf(path, format, ranked.contest);
  try {
    for await (const vote of readCvr(source)) {
      check(vote);
      pool.add(vote, labels);
      if (precincts) notePrecinct(precincts, vote, labels);
    }
  } catch (error) {
    // the readers speak RCTab's config names; on the command line those are flags
    if (error instanceof DataError && error.hint === 'set contestId') throw new DataError(error.message, error.at, 'name it with --contest <id>, or count with --rctab and a config');
    throw error;
  }
  if (pool.ballots === 0) throw new DataError('no ballots in the file', { file: path }, 'a cast-vote-record file has one ballot per row');
  const result = tabulatePool(pool);
  const name = basename(path).replace(/\.[^.]+$/, '');
  return {
    race: { id: name, office: name, file: path, result, ...(precincts ? { precincts: precinctRows(precincts) } : {}) },
    input: await inputSummary(path, format, pool.ballots),
  };
}

/** An RCTab contest config and its CVR sources, tabulated as RCTab would. */
export async function countRctab(configPath: string): Promise<{ race: RankedRace; inputs: InputSummary[] }> {
  // Loaded here, not at the top: its schema needs zod (~450 KB), which a count of results files never does.
  const { loadRctabConfig } = await import('../read/cvr/rctab-config.js');
  const contest = await loadRctabConfig(configPath);
  const pool = new BallotPool(contest.options);
  const inputs: InputSummary[] = [];
  for (const { source, labels } of contest.sources) {
    await stat(source.path).catch(() => {
      throw new DataError(`the CVR source ${source.path} named by the config does not exist`, { file: configPath }, 'filePath is relative to the folder of the config');
    });
    const before = pool.ballots;
    for await (const vote of readCvr(source)) pool.add(vote, labels);
    inputs.push(await inputSummary(source.path, source.format, pool.ballots - before));
  }
  const result = tabulatePool(pool);
  return { race: { id: contest.name, office: contest.name, file: configPath, result }, inputs };
}

/** The first choice of a ballot (its first marked rank) counted in its precinct; overvotes and labels are not. */
function notePrecinct(precincts: Map<string, Map<string, number>>, vote: CastVote, labels: BallotLabels): void {
  const area = vote.precinct ?? '(no precinct)';
  const first = vote.marks.find((m) => m.choices.some((c) => c.trim() !== '' && c.trim() !== labels.skippedRankLabel));
  const choice = first?.choices.length === 1 ? (first.choices[0] as string).trim() : null;
  if (choice === null || choice === labels.overvoteLabel) return;
  const name = choice === labels.undeclaredWriteInLabel ? 'Undeclared Write-ins' : choice;
  let tally = precincts.get(area);
  if (!tally) precincts.set(area, (tally = new Map()));
  tally.set(name, (tally.get(name) ?? 0) + vote.weight);
}

function precinctRows(precincts: Map<string, Map<string, number>>): NonNullable<RankedRace['precincts']> {
  return [...precincts.keys()].sort().map((area) => {
    const tally = precincts.get(area) as Map<string, number>;
    return { area, firstChoices: Object.fromEntries([...tally].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) };
  });
}

async function inputSummary(path: string, format: CvrFormat, ballots: number): Promise<InputSummary> {
  return { name: path, sha256: await sha256Of(path), encoding: 'utf-8', delimiter: ',', layout: `cvr-${format}`, rows: ballots, rowsUsed: ballots, rowsExcluded: {} };
}

/** SHA-256 of a file, or of a folder's files in name order (node:crypto loaded only then: see hash.ts). */
async function sha256Of(path: string): Promise<string> {
  const { createHash } = await import('node:crypto');
  const hash = createHash('sha256');
  const files = (await stat(path)).isDirectory() ? (await readdir(path)).sort().map((n) => join(path, n)) : [path];
  for (const file of files) {
    if (!(await stat(file)).isFile()) continue;
    for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  }
  return hash.digest('hex');
}
