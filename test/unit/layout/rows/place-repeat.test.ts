/**
 * The place of a record the scanner found to start with the previous record's bytes (RecordView.sameLead) is
 * that record's place, but only when the reader looked at that record's place. A row left out before its place
 * is looked at (here an empty row of three cells) breaks the chain, and the next row's place must be compared again.
 */
import { describe, expect, it } from 'vitest';
import { readWith, VIEWS } from './views.js';

describe.each(VIEWS)('a place repeated from a row left out, over %s', (view) => {
  it('is compared again: rows with no place after an empty row are not rows of the place before it', async () => {
    // The `,,Gov,,DEM,X,21` row starts with the empty row's `,,` and X follows Y, so the scanner guesses it.
    // The empty row has too few cells: it is left out before its place is looked at.
    // Taken for P2's place, it would be a second X in P2 with other votes, an error; it is a total row.
    const { votes, excluded } = await readWith(
      view,
      `
county,precinct,office,district,party,candidate,votes
A,P1,Gov,,DEM,X,10
A,P1,Gov,,REP,Y,20
A,P2,Gov,,DEM,X,11
A,P2,Gov,,REP,Y,21
,,
,,Gov,,DEM,X,21
,,Gov,,REP,Y,41
`,
    );
    expect(votes).toEqual({ 'gov||': { X: 21, Y: 41 } });
    expect(excluded).toEqual({ footer: 1, 'total-row': 2 });
  });
});
