/**
 * Random small elections: the grouped count equals a plain ballot-by-ballot count written here from the rules
 * (no grouping, no shared code), and under every option votes are conserved: each round's tally plus its
 * inactive ballots plus the ballots that ranked nobody is every ballot.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import type { CastVote } from '../../src/model/ballots.js';
import { irvDefaults, tabulateIrv, type IrvOptions, type OvervoteRule } from '../../src/count/irv/index.js';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readRankColumns } from '../../src/read/cvr/rank-columns.js';
import { runs } from '../support/runs.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const NAMES = ['Ada', 'Bo', 'Cy', 'Di', 'Ed'];

/** A ballot: per rank (1-based, possibly skipped) one or more candidate indices, or -1 for an "overvote" label. */
type Ballot = { rank: number; ids: number[] }[];

const ballotArb = (n: number): fc.Arbitrary<Ballot> =>
  fc
    .array(
      fc.record({
        gap: fc.nat({ max: 2 }),
        ids: fc.oneof(
          { weight: 8, arbitrary: fc.nat({ max: n - 1 }).map((c) => [c]) },
          { weight: 1, arbitrary: fc.uniqueArray(fc.nat({ max: n - 1 }), { minLength: 2, maxLength: 2 }) },
          { weight: 1, arbitrary: fc.constant(-1).map((c) => [c]) },
        ),
      }),
      { maxLength: n + 1 },
    )
    .map((marks) => {
      let rank = 0;
      return marks.map(({ gap, ids }) => ({ rank: (rank += gap === 2 ? 3 : 1), ids }));
    });

const toVote = (ballot: Ballot, line: number): CastVote => ({
  marks: ballot.map(({ rank, ids }) => ({ rank, choices: ids.map((c) => (c < 0 ? 'overvote' : (NAMES[c] as string))) })),
  weight: 1,
  origin: { file: 'prop', line },
});

/** The rules, one ballot at a time: regular elimination, ties to the candidate latest in the list. */
function reference(ballots: Ballot[], n: number, o: { rule: OvervoteRule; maxSkip: number; dup: boolean }) {
  const out = new Set<number>();
  const rounds: { tally: number[]; inactive: number }[] = [];
  const current: (number | null)[] = ballots.map(() => null);
  const dead: boolean[] = ballots.map(() => false);
  for (;;) {
    const tally = Array.from({ length: n }, () => 0);
    let inactive = 0;
    ballots.forEach((b, i) => {
      if (dead[i]) return void (b.length > 0 && inactive++);
      const cur = current[i];
      if (cur != null && !out.has(cur)) return void tally[cur]!++;
      let last = 0;
      const seen = new Set<number>();
      for (const [k, { rank, ids }] of b.entries()) {
        const final = k === b.length - 1;
        if (rank - last > o.maxSkip + 1) return void ((dead[i] = true), inactive++);
        last = rank;
        if (o.dup && ids.some((c) => seen.has(c) || (seen.add(c), false))) return void ((dead[i] = true), inactive++);
        const live = ids.filter((c) => c >= 0 && !out.has(c));
        const over = ids.length > 1 || ids[0] === -1;
        const exhaust = over && (o.rule === 'exhaustImmediately' || (o.rule === 'exhaustIfMultipleContinuing' && (ids[0] === -1 || live.length > 1)));
        const skip = over && !exhaust && (o.rule === 'alwaysSkipToNextRank' || ids[0] === -1);
        if (exhaust) return void ((dead[i] = true), inactive++);
        if (!skip && live.length > 0) return void ((current[i] = live[0]!), tally[live[0]!]!++);
        if (final) return void ((dead[i] = true), inactive++);
      }
      if (b.length === 0) dead[i] = true;
    });
    rounds.push({ tally, inactive });
    const alive = tally.map((_, c) => c).filter((c) => !out.has(c));
    const total = alive.reduce((s, c) => s + tally[c]!, 0);
    const top = alive.find((c) => tally[c]! >= Math.floor(total / 2) + 1);
    if (top !== undefined || alive.length === 1) return { rounds, winner: top ?? alive[0]! };
    if (alive.length === 2) return { rounds, winner: tally[alive[0]!]! >= tally[alive[1]!]! ? alive[0]! : alive[1]! };
    const min = Math.min(...alive.map((c) => tally[c]!));
    out.add(Math.max(...alive.filter((c) => tally[c] === min)));
  }
}

const optionsArb = fc.record({
  rule: fc.constantFrom<OvervoteRule>('exhaustImmediately', 'alwaysSkipToNextRank', 'exhaustIfMultipleContinuing'),
  maxSkip: fc.constantFrom(0, 1, 4),
  dup: fc.boolean(),
});

describe('instant runoff, grouped vs ballot by ballot', () => {
  test.prop([fc.integer({ min: 2, max: 5 }).chain((n) => fc.tuple(fc.constant(n), fc.array(ballotArb(n), { minLength: 1, maxLength: 40 }))), optionsArb], { numRuns: RUNS })(
    'same rounds, same winner',
    async ([n, ballots], o) => {
      // explicit overvote labels cannot be read under exhaustIfMultipleContinuing: RCTab refuses that pairing
      if (o.rule === 'exhaustIfMultipleContinuing') ballots = ballots.map((b) => b.filter((m) => m.ids[0] !== -1));
      const options: IrvOptions = {
        ...irvDefaults(NAMES.slice(0, n).map((name) => ({ name }))),
        overvoteRule: o.rule,
        maxSkippedRanksAllowed: o.maxSkip,
        maxRankingsAllowed: 20,
        exhaustOnDuplicateCandidate: o.dup,
      };
      const result = await tabulateIrv(ballots.map(toVote), options, { overvoteLabel: 'overvote' });
      const expected = reference(ballots, n, o);
      expect(result.rounds.map((r) => r.round)).toHaveLength(expected.rounds.length);
      result.rounds.forEach((r, i) => {
        const e = expected.rounds[i]!;
        for (const [name, votes] of Object.entries(r.tally)) expect(votes).toBe(e.tally[NAMES.indexOf(name)]);
        const inactive = r.inactive.overvotes + r.inactive.skippedRankings + r.inactive.repeatedRankings + r.inactive.exhaustedChoices;
        expect(inactive).toBe(e.inactive);
      });
      expect(result.outcome.winner).toBe(NAMES[expected.winner]);
    },
  );
});

describe('instant runoff, votes conserved under every option', () => {
  const everyOption = fc.record({
    base: optionsArb,
    batch: fc.boolean(),
    untilTwo: fc.boolean(),
    minimum: fc.constantFrom(0, 2),
    firstRound: fc.boolean(),
    uwi: fc.boolean(),
    tiebreak: fc.constantFrom('useCandidateOrder' as const, 'random' as const, 'previousRoundCountsThenRandom' as const, 'generatePermutation' as const),
    seed: fc.bigInt({ min: -(2n ** 40n), max: 2n ** 40n }),
  });
  test.prop([fc.array(ballotArb(5), { minLength: 1, maxLength: 60 }), everyOption], { numRuns: RUNS })('tally + inactive + undervotes = ballots', async (ballots, o) => {
    if (o.base.rule === 'exhaustIfMultipleContinuing') ballots = ballots.map((b) => b.filter((m) => m.ids[0] !== -1));
    // with undeclared write-ins on, candidate Ed's marks are written as the write-in label
    const votes = ballots.map(toVote).map((v) => (o.uwi ? { ...v, marks: v.marks.map((m) => ({ ...m, choices: m.choices.map((c) => (c === 'Ed' ? 'UWI' : c)) })) } : v));
    const options: IrvOptions = {
      ...irvDefaults(NAMES.slice(0, o.uwi ? 4 : 5).map((name) => ({ name }))),
      undeclaredWriteIns: o.uwi,
      overvoteRule: o.base.rule,
      maxSkippedRanksAllowed: o.base.maxSkip,
      maxRankingsAllowed: 20,
      exhaustOnDuplicateCandidate: o.base.dup,
      batchElimination: o.batch,
      continueUntilTwoCandidatesRemain: o.untilTwo,
      minimumVoteThreshold: o.minimum,
      firstRoundDeterminesThreshold: o.firstRound,
      tiebreakMode: o.tiebreak,
      randomSeed: o.seed,
    };
    let result;
    try {
      result = await tabulateIrv(votes, options, { overvoteLabel: 'overvote', undeclaredWriteInLabel: 'UWI' });
    } catch (error) {
      // the one refusal RCTab also makes: everyone under the minimum vote threshold
      expect(String(error)).toMatch(/minimum vote threshold/);
      return;
    }
    for (const r of result.rounds) {
      const counted = Object.values(r.tally).reduce((a, b) => a + b, 0);
      const inactive = r.inactive.overvotes + r.inactive.skippedRankings + r.inactive.repeatedRankings + r.inactive.exhaustedChoices;
      expect(counted + inactive + result.undervotes).toBe(ballots.length);
      for (const [from, to] of Object.entries(r.transfers)) {
        expect(r.eliminated).toContain(from);
        expect(Object.values(to).every((x) => x > 0)).toBe(true);
      }
    }
    expect(result.ballots).toBe(ballots.length);
  });
});

describe('rank-column reader: the quote-free fast path and the byte scanner agree', () => {
  const dir = mkdtempSync(join(tmpdir(), 'runoff-prop-ranks-'));
  let n = 0;
  const read = async (text: string) => {
    const path = join(dir, `r${n++}.csv`);
    writeFileSync(path, text);
    const votes: CastVote[] = [];
    for await (const vote of readRankColumns({ path, format: 'rank-columns' })) votes.push(vote);
    return votes.map((v) => [v.marks.map((m) => `${m.rank}:${m.choices.join('|')}`).join(' '), v.weight, v.origin.line]);
  };
  const cell = fc.constantFrom('', ' ', 'Ada', 'Bo', 'Cy', 'Zoë', 'overvote', 'Write-in', 'Skipped');
  const row = fc.array(cell, { minLength: 0, maxLength: 4 });

  test.prop([fc.array(row, { maxLength: 30 }), fc.constantFrom('\n', '\r\n', '\r'), fc.nat({ max: 31 })], { numRuns: runs(2000) })(
    'same ballots, weights and lines whether the file has quotes or not',
    async (rows, eol, quoteAt) => {
      const lines = rows.map((cells, i) => [String(i), ...cells].join(','));
      const plain = await read(['id,Rank 1,Rank 2,Rank 3', ...lines].join(eol) + eol);
      // quoting one cell (or the header) sends the file to the scanner from that record on
      const quoted = [...lines];
      const at = quoteAt % (lines.length + 1);
      const header = at === lines.length ? '"id",Rank 1,Rank 2,Rank 3' : 'id,Rank 1,Rank 2,Rank 3';
      if (at < lines.length) quoted[at] = `"${at}"${(lines[at] as string).slice(String(at).length)}`;
      expect(await read([header, ...quoted].join(eol) + eol)).toEqual(plain);
      // and each distinct row is counted once with the number of rows that cast it
      expect(plain.reduce((sum, v) => sum + (v[1] as number), 0)).toBe(rows.length);
    },
  );
});
