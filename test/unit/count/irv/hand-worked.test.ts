/**
 * The hand-worked fixtures of fixtures/irv/: one tiny election per reader and per rule option, each counted by
 * hand round by round in fixtures/irv/README.md. These tests assert exactly those counts through the readers
 * and `tabulateIrv`.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { irvDefaults, tabulateIrv, type IrvOptions, type IrvResult } from '../../../../src/count/irv/index.js';
import { DataError } from '../../../../src/model/errors.js';
import type { BallotLabels } from '../../../../src/model/irv-options.js';
import { readBltContest } from '../../../../src/read/cvr/blt.js';
import { readGenericCsv } from '../../../../src/read/cvr/generic-csv.js';
import { RANK_COLUMN_LABELS, readRankColumns } from '../../../../src/read/cvr/rank-columns.js';

const FIXTURES = join(import.meta.dirname, '../../../../fixtures/irv');
const candidates = (...names: string[]) => names.map((name) => ({ name }));
const ABC = candidates('A', 'B', 'C');

const rankColumns = (file: string, options: IrvOptions, labels: BallotLabels = RANK_COLUMN_LABELS): Promise<IrvResult> =>
  tabulateIrv(readRankColumns({ path: join(FIXTURES, file), format: 'rank-columns' }), options, labels);

async function blt(file: string, change: Partial<IrvOptions> = {}, labels: BallotLabels = {}): Promise<IrvResult> {
  const contest = await readBltContest(join(FIXTURES, file));
  return tabulateIrv(contest.votes, { ...irvDefaults(contest.candidates), ...change }, labels);
}

/** Each round as [tally, threshold, eliminated]. */
const rounds = (r: IrvResult) => r.rounds.map((round) => [round.tally, round.threshold, round.eliminated]);

describe('hand-worked fixtures: the readers', () => {
  it('"1st Choice" columns: C out, C → B, B 4 of 7', async () => {
    const result = await rankColumns('choice-ordinal.csv', irvDefaults(ABC));
    expect(rounds(result)).toEqual([
      [{ A: 3, B: 3, C: 1 }, 4, ['C']],
      [{ B: 4, A: 3 }, 4, []],
    ]);
    expect(result.rounds[0]?.transfers).toEqual({ C: { B: 1 } });
    expect(result.outcome).toMatchObject({ winner: 'B', round: 2, votes: 4 });
  });

  it('"Rank N" columns with label spellings: write-in out first, then C; B 4 of 6', async () => {
    const result = await rankColumns('rank-labels.csv', { ...irvDefaults(ABC), undeclaredWriteIns: true });
    expect(rounds(result)).toEqual([
      [{ A: 2, B: 2, C: 2, 'Undeclared Write-ins': 1 }, 4, ['Undeclared Write-ins']],
      [{ B: 3, A: 2, C: 2 }, 4, ['C']],
      [{ B: 4, A: 2 }, 4, []],
    ]);
    expect(result.rounds.map((r) => r.inactive.overvotes)).toEqual([1, 1, 1]);
    expect(result.rounds[2]?.inactive.exhaustedChoices).toBe(1);
    expect(result.outcome.winner).toBe('B');
  });

  it('"Choice N" columns: one skipped rank is allowed by default, none with maxSkippedRanksAllowed 0', async () => {
    const options = irvDefaults(candidates('A', 'B', 'C', 'D'));
    const one = await rankColumns('choice-skipped.csv', options);
    expect(rounds(one)).toEqual([
      [{ A: 3, B: 3, C: 2, D: 1 }, 5, ['D']],
      [{ A: 4, B: 3, C: 2 }, 5, ['C']],
      [{ B: 5, A: 4 }, 5, []],
    ]);
    const none = await rankColumns('choice-skipped.csv', { ...options, maxSkippedRanksAllowed: 0 });
    expect(rounds(none)[2]).toEqual([{ A: 4, B: 3 }, 4, []]);
    expect(none.rounds[2]?.inactive.skippedRankings).toBe(2);
    expect([one.outcome.winner, none.outcome.winner]).toEqual(['B', 'A']);
  });

  it('"Mayor (N)" columns: a repeated candidate is passed over, or exhausts with exhaustOnDuplicateCandidate', async () => {
    const passed = await rankColumns('mayor-repeated.csv', irvDefaults(ABC));
    expect(rounds(passed)).toEqual([
      [{ A: 3, B: 2, C: 2 }, 4, ['C']],
      [{ A: 5, B: 2 }, 4, []],
    ]);
    const exhausts = await rankColumns('mayor-repeated.csv', { ...irvDefaults(ABC), exhaustOnDuplicateCandidate: true });
    expect(rounds(exhausts)[1]).toEqual([{ A: 4, B: 2 }, 4, []]);
    expect(exhausts.rounds[1]?.inactive.repeatedRankings).toBe(1);
  });

  it('candidate columns (generic CSV): the overvote rule decides the winner', async () => {
    const count = (overvoteRule: IrvOptions['overvoteRule']) =>
      tabulateIrv(readGenericCsv({ path: join(FIXTURES, 'candidate-columns.csv'), format: 'genericCsv', firstVoteColumnIndex: 2 }), { ...irvDefaults(ABC), overvoteRule });
    const exhaust = await count('exhaustImmediately');
    expect(rounds(exhaust)).toEqual([
      [{ A: 3, B: 2, C: 2 }, 4, ['C']],
      [{ A: 4, B: 3 }, 4, []],
    ]);
    expect(exhaust.rounds[0]?.inactive.overvotes).toBe(1);
    const skip = await count('alwaysSkipToNextRank');
    expect(rounds(skip)).toEqual([
      [{ A: 3, C: 3, B: 2 }, 5, ['B']],
      [{ C: 4, A: 3 }, 4, []],
    ]);
    const multiple = await count('exhaustIfMultipleContinuing');
    expect(rounds(multiple)).toEqual(rounds(exhaust));
  });

  it('aliases count for their candidate; an excluded candidate is passed over', async () => {
    const options = irvDefaults([{ name: 'Alice Adams', aliases: ['A. Adams'] }, { name: 'Bob' }, { name: 'Carol' }, { name: 'Dan', excluded: true }]);
    const result = await rankColumns('aliases.csv', options);
    expect(rounds(result)).toEqual([
      [{ 'Alice Adams': 3, Bob: 3, Carol: 1 }, 4, ['Carol']],
      [{ 'Alice Adams': 4, Bob: 3 }, 4, []],
    ]);
    expect(result.rounds[0]?.transfers).toEqual({ Carol: { 'Alice Adams': 1 } });
  });
});

describe('hand-worked fixtures: the rules (BLT)', () => {
  it('one at a time: E, D, C out; B wins round 4 with 46 of 89', async () => {
    expect(rounds(await blt('weighted.blt'))).toEqual([
      [{ A: 40, B: 30, C: 16, D: 8, E: 6 }, 51, ['E']],
      [{ A: 43, B: 30, C: 16, D: 11 }, 51, ['D']],
      [{ A: 43, B: 30, C: 24 }, 49, ['C']],
      [{ B: 46, A: 43 }, 45, []],
    ]);
  });

  it('batch elimination: D and E together (6 + 8 < 16), then C', async () => {
    const result = await blt('weighted.blt', { batchElimination: true });
    expect(rounds(result)).toEqual([
      [{ A: 40, B: 30, C: 16, D: 8, E: 6 }, 51, ['D', 'E']],
      [{ A: 43, B: 30, C: 24 }, 49, ['C']],
      [{ B: 46, A: 43 }, 45, []],
    ]);
    expect(result.rounds[2]?.inactive.exhaustedChoices).toBe(11);
  });

  it('minimum vote threshold 10: D and E are under it in round 1', async () => {
    expect(rounds(await blt('weighted.blt', { minimumVoteThreshold: 10 })).map((r) => r[2])).toEqual([['D', 'E'], ['C'], []]);
  });

  it('first round determines the threshold: 51 throughout, and the last two are decided by votes', async () => {
    const result = await blt('weighted.blt', { firstRoundDeterminesThreshold: true });
    expect(result.rounds.map((r) => r.threshold)).toEqual([51, 51, 51, 51]);
    expect(result.outcome).toMatchObject({ winner: 'B', round: 4, votes: 46 });
  });

  it('max rankings 1: a second rank is an error, or is dropped, and then A wins', async () => {
    const error = await blt('weighted.blt', { maxRankingsAllowed: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).message).toContain('rank 2 is past the maximum of 1');
    const firstOnly = await blt('weighted.blt', { maxRankingsAllowed: 1 }, { ranksPastMaximum: 'ignore' });
    expect(rounds(firstOnly)).toEqual([
      [{ A: 40, B: 30, C: 16, D: 8, E: 6 }, 51, ['E']],
      [{ A: 40, B: 30, C: 16, D: 8 }, 48, ['D']],
      [{ A: 40, B: 30, C: 16 }, 44, ['C']],
      [{ A: 40, B: 30 }, 36, []],
    ]);
  });

  it('continue until two: A wins round 1 with 6 of 10; as in RCTab, round 2 repeats it and puts C out', async () => {
    expect(rounds(await blt('majority.blt'))).toEqual([[{ A: 6, B: 2, C: 2 }, 6, []]]);
    const result = await blt('majority.blt', { continueUntilTwoCandidatesRemain: true });
    expect(rounds(result)).toEqual([
      [{ A: 6, B: 2, C: 2 }, 6, []],
      [{ A: 6, B: 2, C: 2 }, 6, ['C']],
      [{ A: 6, B: 4 }, 6, []],
    ]);
    expect(result.outcome).toMatchObject({ winner: 'A', round: 1 });
  });

  it('tie-breaks: candidate order puts out the later one (C), previous round counts the weaker one (B)', async () => {
    const order = await blt('tie.blt');
    expect(rounds(order)).toEqual([
      [{ A: 5, C: 4, B: 3, D: 2 }, 8, ['D']],
      [{ A: 6, B: 4, C: 4 }, 8, ['C']],
      [{ A: 6, B: 4 }, 6, []],
    ]);
    const previous = await blt('tie.blt', { tiebreakMode: 'previousRoundCountsThenRandom', randomSeed: 0n });
    expect(rounds(previous).map((r) => r[2])).toEqual([['D'], ['B'], []]);
    expect(rounds(previous)[2]).toEqual([{ A: 6, C: 4 }, 6, []]);
  });
});
