/** The generic-CSV, rank-column and BLT readers and the RCTab config reader: counts worked by hand, and errors. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { irvDefaults, tabulateIrv } from '../../../../src/count/irv/index.js';
import { DataError, InputError } from '../../../../src/model/errors.js';
import { readBltContest } from '../../../../src/read/cvr/blt.js';
import { readGenericCsv } from '../../../../src/read/cvr/generic-csv.js';
import { RANK_COLUMN_LABELS, rankOfHeader, readRankColumns } from '../../../../src/read/cvr/rank-columns.js';
import { runRctab } from '../../../../src/pipeline/ranked.js';
import { DATA, hasData } from '../../../support/run.js';

const dir = mkdtempSync(join(tmpdir(), 'runoff-irv-'));
const file = (name: string, text: string): string => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const candidates = (...names: string[]) => names.map((name) => ({ name }));

describe('rank-column CSV', () => {
  it('names rank columns the usual ways', () => {
    expect(['1st Choice', 'Mayor 2nd choice', 'Rank 3', 'Choice 4', 'Mayor (5)', 'Precinct'].map(rankOfHeader)).toEqual([1, 2, 3, 4, 5, null]);
  });

  it('counts by hand: A 2, B 2, C 1 → C out, its ballot goes to B → B 3 of 5', async () => {
    const path = file('ranks.csv', 'Ballot ID,1st Choice,2nd Choice\n1,A,\n2,A,B\n3,B,\n4,B,A\n5,C,B\n');
    const result = await tabulateIrv(readRankColumns({ path, format: 'rank-columns' }), irvDefaults(candidates('A', 'B', 'C')), RANK_COLUMN_LABELS);
    expect(result.rounds.map((r) => r.tally)).toEqual([{ A: 2, B: 2, C: 1 }, { B: 3, A: 2 }]);
    expect(result.rounds[0]?.transfers).toEqual({ C: { B: 1 } });
    expect(result.outcome.winner).toBe('B');
  });

  it('folds label spellings and exhausts at an overvote', async () => {
    const path = file('labels.csv', 'Rank 1,Rank 2\nOvervote,A\nWrite-in,B\nA,\nB,\n');
    const options = { ...irvDefaults(candidates('A', 'B')), undeclaredWriteIns: true };
    const result = await tabulateIrv(readRankColumns({ path, format: 'rank-columns' }), options, RANK_COLUMN_LABELS);
    expect(result.rounds[0]?.tally).toEqual({ A: 1, B: 1, 'Undeclared Write-ins': 1 });
    expect(result.rounds[0]?.inactive.overvotes).toBe(1);
  });

  it('names the line of an unknown candidate', async () => {
    const path = file('unknown.csv', '1st Choice\nA\nZed\n');
    const error = await tabulateIrv(readRankColumns({ path, format: 'rank-columns' }), irvDefaults(candidates('A')), RANK_COLUMN_LABELS).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).at).toEqual({ file: path, line: 3 });
    expect((error as DataError).message).toContain('"Zed"');
  });
});

describe('RCTab generic CSV', () => {
  it('reads ranks from candidate columns; two candidates at one rank are an overvote', async () => {
    const path = file('generic.csv', 'id,A,B,C\nx,1,2,\ny,1,1,\nz,,1,2\n');
    const votes = [];
    for await (const vote of readGenericCsv({ path, format: 'genericCsv', firstVoteColumnIndex: 2 })) votes.push(vote);
    expect(votes.map((v) => v.marks)).toEqual([
      [{ rank: 1, choices: ['A'] }, { rank: 2, choices: ['B'] }],
      [{ rank: 1, choices: ['A', 'B'] }],
      [{ rank: 1, choices: ['B'] }, { rank: 2, choices: ['C'] }],
    ]);
  });

  it('a cell that is not a rank is an error with its line', async () => {
    const path = file('bad.csv', 'id,A,B\nx,1,two\n');
    const read = async () => {
      for await (const _ of readGenericCsv({ path, format: 'genericCsv', firstVoteColumnIndex: 2 }));
    };
    await expect(read()).rejects.toMatchObject({ at: { file: path, line: 2 } });
  });

  it.skipIf(!hasData)('RCTab max_ranking_enforcement: a rank past the maximum is an error naming the line', async () => {
    const error = await runRctab(`${DATA}rctab/max_ranking_enforcement/max_ranking_enforcement_config.json`).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).message).toContain('past the maximum of 3');
    expect((error as DataError).at?.line).toBe(2);
  });
});

describe('BLT', () => {
  it('reads weights, a=b overvotes, withdrawn candidates and names', async () => {
    const path = file('e.blt', '3 1\n-3\n4 1 2 0\n3 2 0\n2 1=2 3 0\n0\n"Ann"\n"Ben"\n"Cal"\n"Test"\n');
    const contest = await readBltContest(path);
    expect(contest.candidates).toEqual([{ name: 'Ann', excluded: false }, { name: 'Ben', excluded: false }, { name: 'Cal', excluded: true }]);
    expect(contest.votes.map((v) => [v.weight, v.marks])).toEqual([
      [4, [{ rank: 1, choices: ['Ann'] }, { rank: 2, choices: ['Ben'] }]],
      [3, [{ rank: 1, choices: ['Ben'] }]],
      [2, [{ rank: 1, choices: ['Ann', 'Ben'] }, { rank: 2, choices: ['Cal'] }]],
    ]);
    // 9 ballots: the overvoted 2 exhaust, Ann 4 of 7 continuing is a majority (threshold 4)
    const result = await tabulateIrv(contest.votes, irvDefaults(contest.candidates));
    expect(result.rounds[0]?.tally).toEqual({ Ann: 4, Ben: 3 });
    expect(result.outcome).toMatchObject({ winner: 'Ann', round: 1, threshold: 4 });
  });

  it('refuses a multi-seat file at its header line', async () => {
    const path = file('stv.blt', '3 2\n1 1 0\n0\n"A"\n"B"\n"C"\n"T"\n');
    const { readBlt } = await import('../../../../src/read/cvr/blt.js');
    const read = async () => {
      for await (const _ of readBlt({ path, format: 'blt' }));
    };
    await expect(read()).rejects.toThrow(/2 seats/);
  });
});

describe('RCTab config', () => {
  const config = (rules: Record<string, unknown>, sources: unknown[] = [{ filePath: 'generic.csv', provider: 'genericCsv', firstVoteColumnIndex: '2' }]) =>
    file(`c${Math.random().toString(36).slice(2)}_config.json`, JSON.stringify({
      tabulatorVersion: 'TEST',
      outputSettings: { contestName: 'T' },
      cvrFileSources: sources,
      candidates: [{ name: 'A' }, { name: 'B' }, { name: 'C' }],
      rules: { tiebreakMode: 'useCandidateOrder', overvoteRule: 'exhaustImmediately', winnerElectionMode: 'singleWinnerMajority', numberOfWinners: '1', maxSkippedRanksAllowed: '1', maxRankingsAllowed: 'max', ...rules },
    }));

  it('an unknown option is an error naming it', async () => {
    await expect(runRctab(config({ surpriseOption: true }))).rejects.toThrow(/unknown option rules\.surpriseOption/);
  });
  it('multi-winner is refused, naming RCTab', async () => {
    await expect(runRctab(config({ numberOfWinners: '2', winnerElectionMode: 'multiWinnerAllowMultipleWinnersPerRound' }))).rejects.toThrow(/RCTab/);
  });
  it('a missing CVR file is an InputError', async () => {
    const error = await runRctab(config({}, [{ filePath: 'nowhere.csv', provider: 'genericCsv' }])).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InputError);
  });
  it('counts the generic CSV beside it (A 1, B 1, C 0; ballot y is an overvote and exhausts)', async () => {
    const result = await runRctab(config({}));
    expect(result.rounds[0]?.tally).toEqual({ A: 1, B: 1, C: 0 });
    expect(result.rounds[0]?.inactive.overvotes).toBe(1);
  });
});
