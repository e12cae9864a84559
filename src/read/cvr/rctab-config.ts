/**
 * RCTab contest configurations (`*_config.json`): read strictly (an option we do not know is an error, never
 * silently ignored), map every single-winner rule onto IrvOptions, resolve each CVR source relative to the
 * config's folder, and count. Multi-winner and sequential modes are RCTab's alone and are refused by name.
 */
import { readFile, stat } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import type { CvrFormat, CvrSource } from '../../model/ballots.js';
import { DataError, InputError } from '../../model/errors.js';
import type { BallotLabels, IrvOptions, TiebreakMode } from '../../model/irv-options.js';

/** RCTab writes numbers both as JSON numbers and as strings; "" means "not set". */
const numberish = z.union([z.number(), z.string()]).optional();
const text = z.string().optional();
const flag = z.boolean().optional();

const sourceSchema = z.strictObject({
  filePath: z.string().min(1),
  provider: z.enum(['ess', 'dominion', 'cdf', 'clearBallot', 'hart', 'genericCsv']),
  contestId: text,
  firstVoteColumnIndex: numberish,
  firstVoteRowIndex: numberish,
  idColumnIndex: numberish,
  batchColumnIndex: numberish,
  precinctColumnIndex: numberish,
  overvoteDelimiter: text,
  overvoteLabel: text,
  undervoteLabel: text,
  skippedRankLabel: text,
  undeclaredWriteInLabel: text,
  treatBlankAsUndeclaredWriteIn: flag,
});

const configSchema = z.strictObject({
  tabulatorVersion: z.string(),
  outputSettings: z.strictObject({
    contestName: z.string(),
    outputDirectory: text,
    contestDate: text,
    contestJurisdiction: text,
    contestOffice: text,
    tabulateByPrecinct: flag,
    tabulateByBatch: flag,
    generateCdfJson: flag,
  }),
  cvrFileSources: z.array(sourceSchema).min(1),
  candidates: z.array(
    z.strictObject({ name: z.string().min(1), code: text, aliases: z.array(z.string()).optional(), excluded: flag }),
  ),
  rules: z.strictObject({
    tiebreakMode: z.enum(['random', 'stopCountingAndAsk', 'previousRoundCountsThenRandom', 'previousRoundCountsThenAsk', 'useCandidateOrder', 'generatePermutation']),
    overvoteRule: z.enum(['alwaysSkipToNextRank', 'exhaustImmediately', 'exhaustIfMultipleContinuing']),
    winnerElectionMode: z.string(),
    numberOfWinners: numberish,
    randomSeed: numberish,
    multiSeatBottomsUpPercentageThreshold: numberish,
    decimalPlacesForVoteArithmetic: numberish,
    minimumVoteThreshold: numberish,
    maxSkippedRanksAllowed: numberish,
    maxRankingsAllowed: numberish,
    nonIntegerWinningThreshold: flag,
    hareQuota: flag,
    doesFirstRoundDetermineThreshold: flag,
    batchElimination: flag,
    continueUntilTwoCandidatesRemain: flag,
    stopTabulationEarlyAfterRound: numberish,
    exhaustOnDuplicateCandidate: flag,
    treatBlankAsUndeclaredWriteIn: flag,
    rulesDescription: text,
  }),
});

export type RctabConfig = z.infer<typeof configSchema>;

/** A config read and mapped: the count's options plus each source with its own labels. */
export interface RctabContest {
  name: string;
  options: IrvOptions;
  sources: { source: CvrSource; labels: BallotLabels }[];
}

export async function loadRctabConfig(configPath: string): Promise<RctabContest> {
  let raw: string;
  try {
    raw = await readFile(configPath, 'utf8');
  } catch (error) {
    throw new InputError(`cannot read the RCTab config (${(error as NodeJS.ErrnoException).code ?? 'error'})`, { file: configPath }, 'check the path given to --rctab');
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new DataError(`the RCTab config is not JSON: ${(error as Error).message}`, { file: configPath }, 'give the contest_config.json that RCTab saves');
  }
  const parsed = configSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') ?? '';
    const message =
      issue?.code === 'unrecognized_keys'
        ? `unknown option ${issue.keys.map((k) => (where ? `${where}.${k}` : k)).join(', ')}`
        : `option ${where || '(top level)'}: ${issue?.message ?? 'invalid'}`;
    throw new DataError(`RCTab config: ${message}`, { file: configPath }, 'the fields are those of RCTab\'s contest config documentation');
  }
  return mapConfig(parsed.data, configPath);
}

function mapConfig(config: RctabConfig, configPath: string): RctabContest {
  const at = { file: configPath };
  const rules = config.rules;
  const refuse = (what: string): never => {
    throw new DataError(`${what}: runoff counts single-winner instant runoff only`, at, 'count this contest with RCTab itself');
  };
  const seats = toInt(rules.numberOfWinners, 'rules.numberOfWinners', at) ?? 1;
  if (rules.winnerElectionMode !== 'singleWinnerMajority') refuse(`winnerElectionMode "${rules.winnerElectionMode}" is a multi-winner or sequential mode of RCTab`);
  if (seats !== 1) refuse(`numberOfWinners ${seats} asks for a multi-winner (STV) count, which RCTab does`);
  if (rules.nonIntegerWinningThreshold || rules.hareQuota) refuse('nonIntegerWinningThreshold and hareQuota are multi-winner options of RCTab');
  const folder = dirname(resolve(configPath));
  const treatBlankEverywhere = rules.treatBlankAsUndeclaredWriteIn === true;
  const sources = config.cvrFileSources.map((s) => {
    const source: CvrSource = { path: resolve(folder, s.filePath), format: s.provider satisfies CvrFormat };
    const set = <K extends keyof CvrSource>(key: K, value: CvrSource[K] | undefined): void => {
      if (value !== undefined && value !== '') source[key] = value;
    };
    set('contestId', s.contestId);
    set('firstVoteColumnIndex', toInt(s.firstVoteColumnIndex, 'firstVoteColumnIndex', at));
    set('firstVoteRowIndex', toInt(s.firstVoteRowIndex, 'firstVoteRowIndex', at));
    set('idColumnIndex', toInt(s.idColumnIndex, 'idColumnIndex', at));
    set('precinctColumnIndex', toInt(s.precinctColumnIndex, 'precinctColumnIndex', at));
    set('overvoteDelimiter', s.overvoteDelimiter);
    // RCTab's Dominion and Hart configs name candidates by the vendor's ids (aliases "1", a write-in label "12")
    if (s.provider === 'dominion' || s.provider === 'hart') source.candidateIds = true;
    const labels: BallotLabels = { ranksPastMaximum: s.provider === 'ess' ? 'ignore' : 'error' };
    if (s.overvoteLabel) labels.overvoteLabel = s.overvoteLabel;
    const skipped = s.skippedRankLabel || s.undervoteLabel;
    if (skipped) labels.skippedRankLabel = skipped;
    if (s.undeclaredWriteInLabel) labels.undeclaredWriteInLabel = s.undeclaredWriteInLabel;
    if (s.treatBlankAsUndeclaredWriteIn || treatBlankEverywhere) labels.treatBlankAsUndeclaredWriteIn = true;
    return { source, labels };
  });
  const maxSkipped = rules.maxSkippedRanksAllowed === 'unlimited' ? 'unlimited' : toInt(rules.maxSkippedRanksAllowed, 'rules.maxSkippedRanksAllowed', at);
  const maxRankings = rules.maxRankingsAllowed === 'max' ? 'max' : toInt(rules.maxRankingsAllowed, 'rules.maxRankingsAllowed', at);
  if (maxSkipped === undefined) throw new DataError('RCTab config: rules.maxSkippedRanksAllowed is required', at, 'a number, or "unlimited"');
  if (maxRankings === undefined) throw new DataError('RCTab config: rules.maxRankingsAllowed is required', at, 'a number, or "max"');
  const seed = rules.randomSeed === undefined || rules.randomSeed === '' ? undefined : String(rules.randomSeed).trim();
  if (seed !== undefined && !/^-?\d+$/.test(seed)) throw new DataError(`RCTab config: rules.randomSeed "${seed}" is not a whole number`, at, 'randomSeed is a whole number, as RCTab writes it');
  const options: IrvOptions = {
    candidates: config.candidates.map((c) => ({
      name: c.name,
      aliases: [...(c.aliases ?? []), ...(c.code ? [c.code] : [])],
      excluded: c.excluded === true,
    })),
    undeclaredWriteIns: sources.some(({ labels }) => labels.undeclaredWriteInLabel !== undefined || labels.treatBlankAsUndeclaredWriteIn === true),
    overvoteRule: rules.overvoteRule,
    maxSkippedRanksAllowed: maxSkipped,
    maxRankingsAllowed: maxRankings,
    exhaustOnDuplicateCandidate: rules.exhaustOnDuplicateCandidate === true,
    batchElimination: rules.batchElimination === true,
    continueUntilTwoCandidatesRemain: rules.continueUntilTwoCandidatesRemain === true,
    minimumVoteThreshold: toInt(rules.minimumVoteThreshold, 'rules.minimumVoteThreshold', at) ?? 0,
    firstRoundDeterminesThreshold: rules.doesFirstRoundDetermineThreshold === true,
    tiebreakMode: rules.tiebreakMode satisfies TiebreakMode,
  };
  if (seed !== undefined) options.randomSeed = BigInt(seed);
  const stop = toInt(rules.stopTabulationEarlyAfterRound, 'rules.stopTabulationEarlyAfterRound', at);
  if (stop !== undefined) options.stopAfterRound = stop;
  // readers that lay ranks out in columns (ES&S) read only as many as the contest allows, as RCTab does
  const columns = maxRankings === 'max' ? options.candidates.length : maxRankings;
  for (const { source } of sources) source.maxRankings = columns;
  return { name: config.outputSettings.contestName, options, sources };
}

function toInt(value: string | number | undefined, field: string, at: { file: string }): number | undefined {
  if (value === undefined || value === '') return undefined;
  const n = typeof value === 'number' ? value : /^\s*-?\d+\s*$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n)) throw new DataError(`RCTab config: ${field} "${value}" is not a whole number`, at, 'RCTab writes these fields as whole numbers');
  return n;
}

/** Read an RCTab config and all its CVR sources, and count exactly as RCTab would. */
