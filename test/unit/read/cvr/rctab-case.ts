/**
 * Test support for the CVR readers: load an RCTab regression case (its contest configuration and expected
 * round-by-round report) and count round one from what a reader gives, with just enough of RCTab's rules
 * (labels, aliases, excluded candidates, overvotes, skipped ranks) to find each ballot's first valid choice.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import { dirname, join } from 'node:path';
import type { CastVote, CvrFormat, CvrSource } from '../../../../src/model/ballots.js';
import { readCvr } from '../../../../src/read/cvr/index.js';
import { DATA } from '../../../support/run.js';

export const RCTAB = join(DATA, 'rctab');

interface RawSource {
  filePath: string;
  provider: string;
  contestId?: string;
  firstVoteColumnIndex?: string | number;
  firstVoteRowIndex?: string | number;
  idColumnIndex?: string | number;
  precinctColumnIndex?: string | number;
  overvoteDelimiter?: string;
  overvoteLabel?: string;
  skippedRankLabel?: string;
  undeclaredWriteInLabel?: string;
  treatBlankAsUndeclaredWriteIn?: boolean;
}

interface RawConfig {
  cvrFileSources: RawSource[];
  candidates: { name: string; excluded?: boolean; aliases?: string[]; code?: string }[];
  rules: { overvoteRule: string; maxSkippedRanksAllowed: string; maxRankingsAllowed: string };
}

export interface RoundOne {
  ballots: number;
  tally: Map<string, number>;
  overvotes: number;
  skippedRankings: number;
  /** Ballots with no valid choice at all (RCTab's summary "undervotes"). */
  undervotes: number;
}

export interface RctabCase {
  dir: string;
  config: RawConfig;
  sources: CvrSource[];
  expected: { round1: Record<string, string>; totalBallots: number; undervotes: number; overvotes: number; skipped: number };
}

const UWI = 'Undeclared Write-ins';

function num(v: string | number | undefined): number | undefined {
  return v === undefined || v === '' ? undefined : Number(v);
}

export function loadCase(name: string, withReport = true): RctabCase {
  const dir = join(RCTAB, name);
  const config = JSON.parse(readFileSync(join(dir, `${name}_config.json`), 'utf8')) as RawConfig;
  const noReport = { results: [{ round: 1, tally: {}, inactiveBallots: {} }], summary: { totalNumBallots: '0', undervotes: 0 } };
  const report = (withReport ? JSON.parse(readFileSync(join(dir, `${name}_expected_detailed_report.json`), 'utf8')) : noReport) as {
    results: { round: number; tally: Record<string, string>; inactiveBallots: Record<string, string> }[];
    summary: { totalNumBallots: string; undervotes: number | string };
  };
  const maxRankings = config.rules.maxRankingsAllowed === 'max' ? config.candidates.length : Number(config.rules.maxRankingsAllowed);
  const sources = config.cvrFileSources.map((s): CvrSource => {
    const source: CvrSource = { path: join(dirname(join(dir, 'x')), s.filePath), format: s.provider as CvrFormat, maxRankings };
    const set = (key: 'firstVoteColumnIndex' | 'firstVoteRowIndex' | 'idColumnIndex' | 'precinctColumnIndex') => {
      const v = num(s[key]);
      if (v !== undefined) source[key] = v;
    };
    set('firstVoteColumnIndex');
    set('firstVoteRowIndex');
    set('idColumnIndex');
    set('precinctColumnIndex');
    if (s.overvoteDelimiter) source.overvoteDelimiter = s.overvoteDelimiter;
    if (s.contestId) source.contestId = s.contestId;
    return source;
  });
  const r1 = report.results[0]!;
  return {
    dir,
    config,
    sources,
    expected: {
      round1: r1.tally,
      totalBallots: Number(report.summary.totalNumBallots),
      undervotes: Number(report.summary.undervotes),
      overvotes: Number(r1.inactiveBallots['overvotes'] ?? 0),
      skipped: Number(r1.inactiveBallots['skippedRankings'] ?? 0),
    },
  };
}

export async function readAll(source: CvrSource): Promise<CastVote[]> {
  const out: CastVote[] = [];
  for await (const vote of readCvr(source)) out.push(vote);
  return out;
}

/** Round one as RCTab counts it: each ballot's first valid choice, or the reason it has none. */
export function roundOne(c: RctabCase, votes: CastVote[]): RoundOne {
  const src = c.config.cvrFileSources[0]!;
  const names = new Map<string, string>();
  for (const cand of c.config.candidates) {
    if (cand.excluded) continue;
    names.set(cand.name, cand.name);
    if (cand.code) names.set(cand.code, cand.name);
    for (const alias of cand.aliases ?? []) names.set(alias, cand.name);
  }
  if (src.undeclaredWriteInLabel) names.set(src.undeclaredWriteInLabel, UWI);
  names.set(UWI_MARK, UWI);
  const excluded = new Set(c.config.candidates.filter((x) => x.excluded).map((x) => x.name));
  const maxSkip = c.config.rules.maxSkippedRanksAllowed === 'unlimited' ? Infinity : Number(c.config.rules.maxSkippedRanksAllowed);
  const result: RoundOne = { ballots: 0, tally: new Map(), overvotes: 0, skippedRankings: 0, undervotes: 0 };
  for (const vote of votes) {
    result.ballots += vote.weight;
    let lastRank = 0;
    let outcome: string | 'overvote' | 'skipped' | 'none' = 'none';
    for (const mark of withBlanks(vote, src.treatBlankAsUndeclaredWriteIn ? c.sources[0]?.maxRankings : undefined)) {
      const choices = mark.choices.filter((x) => x !== src.skippedRankLabel);
      if (choices.length === 0) continue;
      if (mark.rank - lastRank - 1 > maxSkip) {
        outcome = 'skipped';
        break;
      }
      lastRank = mark.rank;
      const isOver = choices.length > 1 || choices[0] === src.overvoteLabel;
      if (isOver) {
        if (c.config.rules.overvoteRule === 'alwaysSkipToNextRank') continue;
        const continuing = new Set(choices.map((x) => names.get(x)).filter((x) => x !== undefined));
        if (c.config.rules.overvoteRule === 'exhaustIfMultipleContinuing' && continuing.size === 1) {
          outcome = [...continuing][0]!;
          break;
        }
        outcome = 'overvote';
        break;
      }
      const name = names.get(choices[0]!);
      if (name === undefined) {
        if (excluded.has(choices[0]!)) continue;
        throw new Error(`unknown candidate ${choices[0]} in ${vote.origin.file}:${vote.origin.line}`);
      }
      outcome = name;
      break;
    }
    if (outcome === 'overvote') result.overvotes += vote.weight;
    else if (outcome === 'skipped') result.skippedRankings += vote.weight;
    else if (outcome === 'none') result.undervotes += vote.weight;
    else result.tally.set(outcome, (result.tally.get(outcome) ?? 0) + vote.weight);
  }
  return result;
}

/** RCTab's treatBlankAsUndeclaredWriteIn: every rank left blank up to the last rank holds a write-in. */
function withBlanks(vote: CastVote, maxRankings: number | undefined): CastVote['marks'] {
  if (maxRankings === undefined) return vote.marks;
  const byRank = new Map(vote.marks.map((m) => [m.rank, m]));
  return Array.from({ length: maxRankings }, (_, i) => byRank.get(i + 1) ?? { rank: i + 1, choices: [UWI_MARK] });
}
const UWI_MARK = '\u0000uwi';

/** The expected round-one tally without zero rows, for comparing with a Map. */
export function expectedTally(c: RctabCase): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [name, votes] of Object.entries(c.expected.round1)) if (Number(votes) !== 0) out[name] = Number(votes);
  return out;
}

/**
 * A case's sources read with `read`, counted to round one and checked against RCTab's report on what every
 * reader must match: the ballots, the round-one tally and the overvotes. The caller checks the rest.
 */
export async function expectRoundOne(name: string, read: (source: CvrSource) => Promise<CastVote[]> = readAll): Promise<{ c: RctabCase; votes: CastVote[]; r1: RoundOne }> {
  const c = loadCase(name);
  const votes = (await Promise.all(c.sources.map(read))).flat();
  const r1 = roundOne(c, votes);
  expect(r1.ballots).toBe(c.expected.totalBallots);
  expect(Object.fromEntries(r1.tally)).toEqual(expectedTally(c));
  expect(r1.overvotes).toBe(c.expected.overvotes);
  return { c, votes, r1 };
}
