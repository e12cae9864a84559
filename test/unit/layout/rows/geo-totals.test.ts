/** Rows with every geography cell empty (GA 2014 statewide total rows): held, then left out or counted; both views. */
import { describe, expect, it } from 'vitest';
import { readWith, VIEWS } from './views.js';

describe.each(VIEWS)('rows without a place, over %s', (view) => {
  // GA 2014 Republican primary, U.S. Senate: statewide certified totals and Bulloch County's (fixtures/README.md).
  const ga2014 = (perdueTotal: number): string => `
county,office,district,party,candidate,votes
,U.S. Senate,,Republican,David Perdue,${perdueTotal}
Bulloch,U.S. Senate,,Republican,David Perdue,536
Other counties,U.S. Senate,,Republican,David Perdue,184930
,U.S. Senate,,Republican,Jack Kingston,156157
Bulloch,U.S. Senate,,Republican,Jack Kingston,3325
Other counties,U.S. Senate,,Republican,Jack Kingston,152832`;

  it('leaves out a total row equal to the sum of its county rows, under total-row, with no warning', async () => {
    const { votes, excluded, warnings, reader } = await readWith(view, ga2014(185466));
    expect(votes).toEqual({ 'u.s. senate||': { 'David Perdue': 185466, 'Jack Kingston': 156157 } });
    expect(excluded).toEqual({ 'total-row': 2 });
    expect(warnings).toEqual([]);
    expect([reader.rows, reader.rowsUsed]).toEqual([6, 4]);
  });

  it('warns about a total row that is not that sum, naming both figures, and still does not add it', async () => {
    const { votes, excluded, warnings } = await readWith(view, ga2014(185446));
    expect(votes['u.s. senate||']).toEqual({ 'David Perdue': 185466, 'Jack Kingston': 156157 });
    expect(excluded).toEqual({ 'total-row': 2 });
    expect(warnings).toEqual([
      {
        code: 'place-total-mismatch',
        file: 'f.csv',
        line: 2,
        message: 'the row with no place for "David Perdue" in U.S. Senate says 185,446 votes, but its 2 rows with a place add up to 185,466; those rows are counted, the total row is not added',
      },
    ]);
  });

  it('counts a race whose rows all lack a place (no geography for that race), beside one that has places', async () => {
    const { votes, excluded, reader } = await readWith(view, `
county,office,district,party,candidate,votes
,Governor,,Republican,Nathan Deal,430170
,Governor,,Republican,David Pennington,99548
,Governor,,Republican,John Barge,66500
Bulloch,U.S. Senate,,Republican,David Perdue,536
,U.S. Senate,,Republican,David Perdue,536`);
    expect(votes).toEqual({
      'governor||': { 'Nathan Deal': 430170, 'David Pennington': 99548, 'John Barge': 66500 },
      'u.s. senate||': { 'David Perdue': 536 },
    });
    expect(excluded).toEqual({ 'total-row': 1 });
    expect([reader.rows, reader.rowsUsed]).toEqual([5, 4]);
  });

  it('a precinct file: an empty precinct with a county is a place, not a total row', async () => {
    const { votes, excluded } = await readWith(view, `
county,precinct,office,district,party,candidate,votes
Bulloch,,U.S. Senate,,Republican,David Perdue,500
Bulloch,P2,U.S. Senate,,Republican,David Perdue,36
,,U.S. Senate,,Republican,David Perdue,536`);
    expect(votes['u.s. senate||']).toEqual({ 'David Perdue': 536 });
    expect(excluded).toEqual({ 'total-row': 1 });
  });

  it('a candidate with only a total row in a race with places: its row is left out, and the warning says 0', async () => {
    const { votes, warnings } = await readWith(view, `
county,office,district,party,candidate,votes
Bulloch,U.S. Senate,,Republican,David Perdue,536
,U.S. Senate,,Republican,Art Gardner,5711`);
    expect(votes['u.s. senate||']).toEqual({ 'David Perdue': 536 });
    expect(warnings.map((w) => w.message)).toEqual([
      'the row with no place for "Art Gardner" in U.S. Senate says 5,711 votes, but its 0 rows with a place add up to 0; those rows are counted, the total row is not added',
    ]);
  });
});
