/** Real published files from the optional data folder (DATA), asserting the exact official totals. */
import { describe, expect, it } from 'vitest';
import { at, firstInput, firstRace, present, race as raceWhere, type ElectionDoc } from '../support/doc.js';
import { DATA, hasData, json, run, votesOf } from '../support/run.js';

if (!hasData) console.warn(`notice: ${DATA} is absent; the real-data tests are skipped`);
const data = (name: string) => `${DATA}${name}`;
const race = (doc: ElectionDoc, office: string, party: string | null = null) => raceWhere(doc, { office, party });

describe.skipIf(!hasData)('real files (official totals)', () => {
  it('GA-6 2017 runoff: three county files are one election; TOTAL rows are not counted twice', async () => {
    const files = ['cobb', 'dekalb', 'fulton'].map((c) => data(`ga_2017-06-20_special-runoff_us-house-6_${c}_precinct.csv`));
    const { code, doc } = await json(files);
    expect(code).toBe(0);
    expect(doc.races).toHaveLength(1);
    expect(votesOf(firstRace(doc))).toEqual({ 'Karen Handel': 134799, 'Jon Ossoff': 125517 });
    expect(firstRace(doc).totalVotes).toBe(260316);
    expect(firstRace(doc).outcome).toMatchObject({ status: 'winner', winner: 'Karen Handel' });
  });

  it('GA-5 2020: vote-type columns summed; runoff Hall vs Franklin', async () => {
    const { doc } = await json([data('ga_2020-09-29_special-jungle_us-house-5_precinct_votetypes.csv')]);
    expect(doc.races).toHaveLength(1);
    expect(votesOf(firstRace(doc))).toEqual({
      'Kwanza Hall': 11104, 'Robert M. Franklin': 9987, 'Able Mable Thomas': 6692, 'Keisha Sean Waites': 4255,
      'Barrington D. Martin II': 1944, 'Chase Oliver': 712, 'Steven Muhammad': 282,
    });
    expect(firstRace(doc).totalVotes).toBe(34976);
    expect(firstRace(doc).outcome.runoff).toEqual(['Kwanza Hall', 'Robert M. Franklin']);
  });

  it('GA 2018 primary: each party is its own race', async () => {
    const { doc } = await json([data('ga_2018-05-22_primary_county_TRIMMED.csv')]);
    expect(doc.partyPrimary.source).toBe('file-name');
    const govR = race(doc, 'Governor', 'Republican');
    expect(govR.totalVotes).toBe(607441);
    expect(votesOf(govR)).toEqual({ "L.S. 'CASEY' CAGLE": 236987, 'BRIAN KEMP': 155189, 'HUNTER HILL': 111464, 'CLAY TIPPINS': 74182, 'MICHAEL WILLIAMS': 29619 });
    expect(govR.outcome.runoff).toEqual(["L.S. 'CASEY' CAGLE", 'BRIAN KEMP']);
    const govD = race(doc, 'Governor', 'Democratic');
    expect(govD.totalVotes).toBe(555089);
    expect(govD.outcome).toMatchObject({ status: 'winner', winner: 'STACEY ABRAMS' });
    expect(votesOf(govD)['STACEY ABRAMS']).toBe(424305);
    const ltR = race(doc, 'Lieutenant Governor', 'Republican');
    expect(ltR.totalVotes).toBe(548431);
    expect(votesOf(ltR)).toMatchObject({ 'DAVID SHAFER': 268221, 'GEOFF DUNCAN': 146163, 'RICK JEFFARES': 134047 });
    expect(ltR.outcome.runoff).toEqual(['DAVID SHAFER', 'GEOFF DUNCAN']);
    const sosD = race(doc, 'Secretary Of State', 'Democratic');
    expect(sosD.outcome.winner).toBe('JOHN BARROW');
    expect(votesOf(sosD)['JOHN BARROW']).toBe(264864);
  });

  it('TX 2018 primary: the malformed line 230 is an error naming it', async () => {
    const r = await run([data('tx_2018-03-06_primary_statewide_both-parties.csv')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/tx_2018-03-06_primary_statewide_both-parties\.csv:230: votes "REP" is not a whole number/);
  });

  it('TX 2018 primary with --skip-bad-rows: Valdez–White runoff, Abbott wins', async () => {
    const { code, doc } = await json(['--skip-bad-rows', data('tx_2018-03-06_primary_statewide_both-parties.csv')]);
    expect(code).toBe(0);
    expect(doc.warnings).toEqual([expect.objectContaining({ code: 'bad-rows-skipped', line: 230 })]);
    const govD = race(doc, 'Governor', 'Democratic');
    expect(govD.totalVotes).toBe(1022558);
    expect(votesOf(govD)).toMatchObject({ 'Lupe Valdez': 438820, 'Andrew White': 280200, 'Tom Wakely': 34834 });
    expect(govD.outcome.runoff).toEqual(['Lupe Valdez', 'Andrew White']);
    const govR = race(doc, 'Governor', 'Republican');
    expect(votesOf(govR)['Greg Abbott']).toBe(1400647);
    expect(govR.outcome.winner).toBe('Greg Abbott');
    const tx6 = raceWhere(doc, { office: 'U. S. Representative', district: '6', party: 'Democratic' });
    expect(tx6.outcome.status).toBe('runoff');
    const noMajority = doc.races.filter((r) => r.outcome.status === 'runoff' || r.outcome.status === 'tie');
    expect(noMajority).toHaveLength(52);
  });

  it('LA 2015 all-party primary: runoff Edwards vs Vitter', async () => {
    const { doc } = await json(['--all-party', data('la_2015-10-24_primary-jungle_county.csv')]);
    expect(doc.partyPrimary).toMatchObject({ partyPrimary: false, source: 'flag' });
    const gov = race(doc, 'Governor');
    expect(gov.totalVotes).toBe(1114336);
    expect(votesOf(gov)).toMatchObject({ 'John Bel Edwards': 444517, 'David Vitter': 256300, 'Scott A. Angelle': 214982, '"Jay" Dardenne': 166656 });
    expect(gov.outcome.runoff).toEqual(['John Bel Edwards', 'David Vitter']);
    const house52 = raceWhere(doc, { office: 'State House', district: '52nd Representative District' });
    expect(house52.outcome).toMatchObject({ status: 'winner', winner: 'Jerome "Zee" Zeringue' });
    expect(present(at(house52.candidates, 0, 'candidate').share, 'the share')).toBeCloseTo(0.5003, 4);
  });

  it('MS-1 2015 first round: blank-candidate total rows are not candidates', async () => {
    const { doc } = await json([data('ms_2015-05-12_special-jungle_us-house-1_county.csv')]);
    expect(doc.races).toHaveLength(1);
    expect(firstRace(doc).totalVotes).toBe(88364);
    expect(firstRace(doc).candidates).toHaveLength(13);
    expect(votesOf(firstRace(doc))).toMatchObject({ 'Walter Howard Zinn, Jr.': 15385, 'Trent Kelly': 14418, 'Mike Tagert': 11231 });
    expect(firstRace(doc).outcome.runoff).toEqual(['Walter Howard Zinn, Jr.', 'Trent Kelly']);
    expect(firstInput(doc).rowsExcluded['blank-candidate']).toBe(22);
  });
});
