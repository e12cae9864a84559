/**
 * The instant-runoff presets against their law. A verified preset has every option pinned here, each with the
 * section it was read in; small hand-counted elections then show the clauses that make the places differ.
 */
import { describe, expect, it } from 'vitest';
import { findIrvPreset, IRV_PRESETS, type IrvPreset } from '../../../../src/count/irv/presets.js';
import { irvDefaults, tabulateIrv, type IrvResult } from '../../../../src/count/irv/index.js';
import type { CastVote } from '../../../../src/model/ballots.js';
import { DataError } from '../../../../src/model/errors.js';

const preset = (id: string): IrvPreset => {
  const p = findIrvPreset(id);
  if (!p) throw new Error(`no preset ${id}`);
  return p;
};

/** `n` identical ballots; each rank is a name, several names (an overvote) or null (a skipped rank). */
function ballots(n: number, ...ranks: (string | string[] | null)[]): CastVote[] {
  const marks = ranks.flatMap((r, i) => (r === null ? [] : [{ rank: i + 1, choices: [r].flat() }]));
  return Array.from({ length: n }, () => ({ marks, weight: 1, origin: { file: 'hand.csv' } }));
}

const count = (id: string, votes: CastVote[], names = ['A', 'B', 'C', 'D']): Promise<IrvResult> =>
  tabulateIrv(votes, { ...irvDefaults(names.map((name) => ({ name }))), ...preset(id).options });

describe('verified presets pin the options their law states', () => {
  it('nyc-rcv: NYC Charter § 1057-g', () => {
    expect(preset('nyc-rcv').options).toEqual({
      // (a) "exhausted ballot": a ballot that assigns equal rank to two or more candidates, once it reaches that rank
      overvoteRule: 'exhaustImmediately',
      // (a), (e)(2): skipped and repeated rankings are not named; a ballot counts for its highest ranked continuing candidate
      maxSkippedRanksAllowed: 'unlimited',
      exhaustOnDuplicateCandidate: false,
      // (d)(1): the ballot permits a voter to rank five candidates, write-ins included
      maxRankingsAllowed: 5,
      undeclaredWriteIns: true,
      // (e)(2)(b): batch elimination at the same time as the last-place candidate's
      batchElimination: true,
      // (e)(2)(a): a round with two continuing candidates elects the one with the most votes
      continueUntilTwoCandidatesRemain: true,
      // (e)(3): ties resolved in accordance with the election law, by officials
      tiebreakMode: 'stopCountingAndAsk',
    });
  });

  it('sf-rcv: San Francisco Charter § 13.102', () => {
    expect(preset('sf-rcv').options).toEqual({
      // (a): equal rank to two or more candidates: exhausted when such multiple rankings are reached
      overvoteRule: 'exhaustImmediately',
      // (a): a skipped rank transfers the vote to the voter's next ranked choice
      maxSkippedRanksAllowed: 'unlimited',
      // (d): votes go to the next-ranked continuing candidate, so a repeated (eliminated) one is passed over
      exhaustOnDuplicateCandidate: false,
      // (b): the ballot must not interfere with a write-in vote; no fixed number of rankings (at least three)
      undeclaredWriteIns: true,
      // (e): candidates whose votes together are below the next candidate's are eliminated simultaneously
      batchElimination: true,
      // (f): ties resolved in accordance with state law, by officials
      tiebreakMode: 'stopCountingAndAsk',
    });
  });

  it('oakland-rcv: Oakland City Charter § 1105', () => {
    expect(preset('oakland-rcv').options).toEqual({
      // (h): a ballot reaching a ranking with more than one candidate is immediately an overvote
      overvoteRule: 'exhaustImmediately',
      // (g): a ranking with no candidate indicated: the ballot advances to the next ranking
      maxSkippedRanksAllowed: 'unlimited',
      // (d): ballots advance to the next-ranked continuing candidate
      exhaustOnDuplicateCandidate: false,
      // (c): the ballot must not interfere with ranking a write-in; (k)(1) rankings: no fewer than three
      undeclaredWriteIns: true,
      // (f): everyone with fewer votes than a candidate who has more than all of them together goes at once
      batchElimination: true,
      // (e): a tie for the smallest number of votes is decided by lot
      tiebreakMode: 'stopCountingAndAsk',
    });
  });

  it('minneapolis-rcv: Minneapolis Code §§ 167.20, 167.30, 167.50, 167.60', () => {
    expect(preset('minneapolis-rcv').options).toEqual({
      // § 167.60(c)(2): a skipped ranking, an overvote or a repeat candidate ranking is passed over
      overvoteRule: 'alwaysSkipToNextRank',
      maxSkippedRanksAllowed: 'unlimited',
      exhaustOnDuplicateCandidate: false,
      // § 167.50(c): votes for undeclared write-in candidates are recorded as a group
      undeclaredWriteIns: true,
      // § 167.60(c)(1)(b): all candidates for whom it is mathematically impossible to be elected, defeated at once
      batchElimination: true,
      // § 167.20 "threshold": from the total votes counted in the first round
      firstRoundDeterminesThreshold: true,
      // § 167.60(c)(1)(c)-(d): ties decided by lot
      tiebreakMode: 'stopCountingAndAsk',
    });
  });

  it('each verified preset names its sections and the page they were read on; each unverified one says what is missing', () => {
    for (const p of IRV_PRESETS) {
      if (p.verified) {
        expect(p.source).toMatch(/§/);
        expect(p.url).toMatch(/^https:\/\//);
      } else {
        expect(p.note).toMatch(/not (checked|read)/i);
      }
    }
    expect(IRV_PRESETS.filter((p) => p.verified).map((p) => p.id)).toEqual(['nyc-rcv', 'sf-rcv', 'oakland-rcv', 'minneapolis-rcv']);
  });
});

describe('the clauses that make the places differ, on hand-counted ballots', () => {
  // 3 A; 2 B > C; 2 overvotes A+B > C; 1 C
  const overvoted = [...ballots(3, 'A'), ...ballots(2, 'B', 'C'), ...ballots(2, ['A', 'B'], 'C'), ...ballots(1, 'C')];

  it('Minneapolis passes an overvote over (§ 167.60(c)(2)): C wins; New York exhausts it (§ 1057-g(a)): A wins', async () => {
    // Minneapolis: A 3, B 2, C 1 + 2 overvotes passed to C = 3; threshold 8/2 + 1 = 5; B out, B → C: C 5
    const minneapolis = await count('minneapolis-rcv', overvoted, ['A', 'B', 'C']);
    expect(minneapolis.rounds[0]?.tally).toMatchObject({ A: 3, B: 2, C: 3 });
    expect(minneapolis.rounds[0]?.inactive.overvotes).toBe(0);
    expect(minneapolis.outcome).toMatchObject({ winner: 'C', round: 2, votes: 5, threshold: 5 });
    // New York: the 2 overvotes are inactive; A 3, B 2, C 1; C out (C's ballot exhausts), then A 3 of 5
    const nyc = await count('nyc-rcv', overvoted, ['A', 'B', 'C']);
    expect(nyc.rounds[0]?.tally).toMatchObject({ A: 3, B: 2, C: 1 });
    expect(nyc.rounds[0]?.inactive.overvotes).toBe(2);
    expect(nyc.outcome).toMatchObject({ winner: 'A', round: 2, votes: 3 });
  });

  it('San Francisco passes over any number of skipped ranks (§ 13.102(a)); two in a row end the ballot by default', async () => {
    // 5 A; 4 B; 1 C; 2 C, -, -, B. C and the write-ins (0) are below B together (3 < 4): out at once (§ 13.102(e))
    const votes = [...ballots(5, 'A'), ...ballots(4, 'B'), ...ballots(1, 'C'), ...ballots(2, 'C', null, null, 'B')];
    const sf = await count('sf-rcv', votes);
    expect(sf.rounds[0]?.eliminated).toEqual(['C', 'D', 'Undeclared Write-ins']);
    // the 2 ballots skip two ranks and reach B: B 6 of 11
    expect(sf.outcome).toMatchObject({ winner: 'B', round: 2, votes: 6, continuing: 11 });
    const strict = await tabulateIrv(votes, { ...irvDefaults(['A', 'B', 'C', 'D'].map((name) => ({ name }))), batchElimination: true });
    expect(strict.rounds[1]?.inactive.skippedRankings).toBe(2);
    expect(strict.outcome).toMatchObject({ winner: 'A', votes: 5, continuing: 9 });
  });

  it('Minneapolis keeps the first-round threshold (§ 167.20); San Francisco takes a majority of continuing ballots', async () => {
    // 4 A; 3 B; 2 C (no second choice): threshold 9/2 + 1 = 5; C out and exhausted; A 4 of 7
    const votes = [...ballots(4, 'A'), ...ballots(3, 'B'), ...ballots(2, 'C')];
    const minneapolis = await count('minneapolis-rcv', votes, ['A', 'B', 'C']);
    expect(minneapolis.rounds.map((r) => r.threshold)).toEqual([5, 5]);
    expect(minneapolis.outcome).toMatchObject({ winner: 'A', round: 2, votes: 4 });
    const sf = await count('sf-rcv', votes, ['A', 'B', 'C']);
    expect(sf.rounds.map((r) => r.threshold)).toEqual([5, 4]);
    expect(sf.outcome).toMatchObject({ winner: 'A', round: 2, votes: 4 });
  });

  it('New York goes on until two candidates remain (§ 1057-g(e)(2)); San Francisco stops at a majority', async () => {
    // 6 A; 3 B; 2 C; 1 D > A. D out, D → A: A 7 of 12, a majority in round 2 with A, B and C left
    const votes = [...ballots(6, 'A'), ...ballots(3, 'B'), ...ballots(2, 'C'), ...ballots(1, 'D', 'A')];
    const sf = await count('sf-rcv', votes);
    expect(sf.rounds).toHaveLength(2);
    // as RCTab shows it: round 2 elects A and eliminates nobody, round 3 eliminates C, round 4 has A and B left
    // (the Charter eliminates C in round 2 and ends with round 3: one round fewer, the same winner)
    const nyc = await count('nyc-rcv', votes);
    expect(nyc.rounds.map((r) => r.eliminated)).toEqual([['D', 'Undeclared Write-ins'], [], ['C'], []]);
    expect(nyc.rounds[3]?.tally).toEqual({ A: 7, B: 3 });
    expect(nyc.outcome).toMatchObject({ winner: 'A', round: 2, votes: 7 });
  });

  it('New York allows five rankings (§ 1057-g(d)(1)): a mark at rank 6 is an error, not a vote', async () => {
    const votes = ballots(1, 'A', null, null, null, null, 'B');
    await expect(count('nyc-rcv', votes)).rejects.toThrow(DataError);
  });
});
