/**
 * A tally of a later byte range, merged into the tally of the range before it, is the tally of one pass: the
 * same sums, races and candidates in first-seen order, fused parties and first lines; what one pass would say
 * with a line (a name under two parties, a sum past 2^53) blocks the merge instead.
 */
import { describe, expect, it } from 'vitest';
import { Tally, type TallyRow } from '../../../src/count/tally.js';
import { absorbTally, dumpTally, tallyMergeBlocker } from '../../../src/count/tally-merge.js';
import { raceKey } from '../../../src/model/race-key.js';

const gov = { key: raceKey('Gov', '', null), office: 'Gov', district: '', party: null };
const mayor = { key: raceKey('Mayor', '', null), office: 'Mayor', district: '', party: null };
const vote = (race: typeof gov, candidate: string, party = ''): TallyRow => ({ race, candidate, party, ballot: 'candidate' });

/** Rows [row, votes, line] counted into a tally, as RowReader counts them. */
function count(rows: [TallyRow, number, number][], regions = false): Tally {
  const tally = new Tally(regions);
  for (const [row, votes, line] of rows) {
    const slot = { race: null, candidate: null };
    tally.find(row, 'f.csv', line, slot);
    tally.add(slot, row, votes, `R${votes % 2}`, 'f.csv', line);
  }
  return tally;
}

function shape(tally: Tally): unknown {
  return [...tally.races.values()].map((r) => ({ key: r.key, line: r.firstSeen.line, rows: r.rows, blank: r.blank, candidates: [...r.candidates.values()], regions: r.regions && [...r.regions].map(([k, v]) => [k, [...v]]) }));
}

describe('tally merge', () => {
  it('gives the tally of one pass: sums, first-seen order, parties filled in, first lines moved down', () => {
    const first: [TallyRow, number, number][] = [
      [vote(gov, 'Ann'), 10, 2],
      [vote(gov, 'Bo', ''), 5, 3],
    ];
    // Range lines are its own: line 1 of the range is line 4 of the file.
    const later: [TallyRow, number, number][] = [
      [vote(mayor, 'Cy'), 7, 1],
      [vote(gov, 'Bo', 'DEM'), 4, 2],
      [vote(gov, 'Di'), 1, 3],
      [{ race: gov, candidate: 'Blank', party: '', ballot: 'blank' }, 2, 4],
    ];
    const onePass = count([...first, ...later.map(([r, v, l]): [TallyRow, number, number] => [r, v, l + 3])], true);
    const merged = count(first, true);
    const dump = dumpTally(count(later, true));
    expect(tallyMergeBlocker(merged, dump)).toBeNull();
    absorbTally(merged, dump, 'f.csv', 3);
    expect(shape(merged)).toEqual(shape(onePass));
    expect(merged.races.get(gov.key)?.candidates.get('Bo')).toMatchObject({ votes: 9, party: 'DEM', rows: 2 });
    expect(merged.races.get(mayor.key)?.firstSeen.line).toBe(4);
  });

  it('is refused where one pass would say something with a line', () => {
    const before = count([[vote(gov, 'Ann', 'DEM'), 10, 2]]);
    expect(tallyMergeBlocker(before, dumpTally(count([[vote(gov, 'Ann', 'REP'), 1, 1]])))).toBe('a name under two parties');
    expect(tallyMergeBlocker(before, dumpTally(count([[vote(gov, 'Ann', 'Dem'), 1, 1]])))).toBeNull();
    expect(tallyMergeBlocker(before, dumpTally(count([[vote(gov, 'Ann'), Number.MAX_SAFE_INTEGER - 5, 1]])))).toBe('a sum past 2^53');
    expect(tallyMergeBlocker(before, dumpTally(count([[vote(gov, 'Bo', 'REP'), 1, 1], [vote(gov, 'Bo', 'GRN'), 1, 2]])))).toBe('a name under two parties');
  });
});
