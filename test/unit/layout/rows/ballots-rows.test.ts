/** `Ballots Cast` / `Total Ballots` choice rows feed the vote-for-N check like a ballots-cast column; both views. */
import { describe, expect, it } from 'vitest';
import { readWith, VIEWS } from './views.js';

describe.each(VIEWS)('ballots-cast rows, over %s', (view) => {
  const ballotsOf = async (csv: string) => {
    const { tally, votes, excluded } = await readWith(view, csv);
    return { ballots: [...tally.races.values()].map((r) => [r.key, r.ballotsCast ?? null]), votes, excluded };
  };

  it('sums the rows of each county, ignores a statewide row beside them, and never counts them as votes', async () => {
    // Boulder 2025 council race (official figures), split over two made-up places to test the sum.
    const { ballots, votes, excluded } = await ballotsOf(`
county,office,district,party,candidate,votes
Boulder,Council,,,Matt Benjamin,20000
Boulder,Council,,,Ballots Cast,34000
Weld,Council,,,Matt Benjamin,276
Weld,Council,,,Ballots Cast,109
,Council,,,Ballots Cast,34109`);
    expect(ballots).toEqual([['council||', 34109]]);
    expect(votes).toEqual({ 'council||': { 'Matt Benjamin': 20276 } });
    expect(excluded).toEqual({ turnout: 3 });
  });

  it('a row per vote type is summed; Total Ballots is never a candidate; a row with no place alone is used', async () => {
    const types = await ballotsOf(`
county,office,district,party,candidate,vote_type,votes
Boulder,Mayor,,,A,Early,10
Boulder,Mayor,,,Ballots Cast,Early,30
Boulder,Mayor,,,A,Election Day,5
Boulder,Mayor,,,Ballots Cast,Election Day,12`);
    expect(types.ballots).toEqual([['mayor||', 42]]);
    const alone = await ballotsOf(`
county,office,district,party,candidate,votes
,Mayor,,,Susie Hidalgo-Fahring,12444
,Mayor,,,Total Ballots,33920`);
    expect(alone.ballots).toEqual([['mayor||', 33920]]);
    expect(alone.votes).toEqual({ 'mayor||': { 'Susie Hidalgo-Fahring': 12444 } });
  });
});
