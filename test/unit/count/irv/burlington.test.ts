/**
 * Burlington, Vermont, mayor, 3 March 2009: instant runoff elected Bob Kiss while Andy Montroll beat every other
 * candidate head to head. The fixture holds the real ballots (384 distinct rankings, 8,980 ballots; its
 * provenance and what was checked against the official count are in fixtures/irv/README.md). Counted with
 * Burlington's rules as RCTab options: every candidate who cannot catch up out at once (batch elimination), and
 * a rank naming two continuing candidates exhausts the ballot.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { irvDefaults, tabulateIrv } from '../../../../src/count/irv/index.js';
import { readBltContest } from '../../../../src/read/cvr/blt.js';

const FILE = join(import.meta.dirname, '../../../../fixtures/irv/burlington-2009.blt');

describe('Burlington 2009', () => {
  it('reproduces the official rounds: Kiss 4,313 to Wright 4,061 in round 3', async () => {
    const contest = await readBltContest(FILE);
    const options = { ...irvDefaults(contest.candidates), batchElimination: true, overvoteRule: 'exhaustIfMultipleContinuing' as const };
    const result = await tabulateIrv(contest.votes, options);
    expect(result.ballots).toBe(8980);
    expect(result.rounds.map((r) => [r.tally, r.eliminated])).toEqual([
      [{ 'Kurt Wright': 2951, 'Bob Kiss': 2585, 'Andy Montroll': 2063, 'Dan Smith': 1306, 'Write-In': 36, 'James Simpson': 35 }, ['Dan Smith', 'James Simpson', 'Write-In']],
      [{ 'Kurt Wright': 3294, 'Bob Kiss': 2981, 'Andy Montroll': 2554 }, ['Andy Montroll']],
      [{ 'Bob Kiss': 4313, 'Kurt Wright': 4061 }, []],
    ]);
    // the four ballots whose first rank names two candidates
    expect(result.rounds[0]?.inactive.overvotes).toBe(4);
    expect(result.outcome).toMatchObject({ winner: 'Bob Kiss', round: 3, votes: 4313 });
    expect(result.condorcet.winner).toBe('Andy Montroll');
    expect(result.condorcet.pairwise['Andy Montroll']).toMatchObject({ 'Bob Kiss': 4067, 'Kurt Wright': 4597 });
    expect(result.condorcet.pairwise['Bob Kiss']?.['Andy Montroll']).toBe(3477);
    expect(result.condorcet.irvAgrees).toBe(false);
  });
});
