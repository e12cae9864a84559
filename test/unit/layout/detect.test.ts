/** Header → layout family, and the pure helpers each family uses. */
import { describe, expect, it } from 'vitest';
import { seatsFromContest } from '../../../src/layout/families/clarity.js';
import { detectLayout } from '../../../src/layout/detect.js';
import { stateDistrict } from '../../../src/layout/families/medsl.js';
import { parseNames } from '../../../src/layout/families/wide-names.js';

const ctx = { file: 'x.csv', partyPrimary: null };
const detect = (header: string, c: Parameters<typeof detectLayout>[1] = ctx) => detectLayout(header.split(','), c, 1);

describe('layout families are told apart by their header', () => {
  it.each([
    ['county,precinct,office,district,candidate,party,votes', 'openelections'],
    ['county,precinct,office,district,party,candidate,election_day_votes,advanced_votes', 'openelections+vote-types'],
    ['candidate,votes', 'minimal'],
    ['precinct,office,party_detailed,party_simplified,mode,votes,county_name,county_fips,jurisdiction_name,jurisdiction_fips,candidate,district,magnitude,dataverse,year,stage,state,special,writein,state_po', 'medsl-precinct'],
    ['year,state,state_po,state_fips,state_cen,state_ic,office,district,stage,special,candidate,party,writein,mode,candidatevotes,totalvotes,unofficial,version', 'medsl-constituency'],
    ['contest,candidate_id,candidate_name,political_party,precinct_id,precinct_name,vote_type,vote_count,county,election_date,election_type', 'civicfs'],
    ['line number,contest name,choice name,party name,total votes,percent of votes,registered voters,ballots cast,num Area total,num Area rptg,over votes,under votes', 'clarity-summary'],
    ['Contest Title,Choice Name,Precinct Count,Active Voters*,Total Ballots,Total Votes,Total Undervotes,Total Overvotes', 'clerk-summary'],
    ['Precinct \nCode,Precinct \nNumber,Contest \nTitle,Choice \nName,Active \nVoters,Total \nBallots,Total \nVotes,Total \nUndervotes,Total \nOvervotes', 'clerk-statement'],
    ['UNIQUE_ID,COUNTYFP,county,precinct,R22USSDWAR,R22USSRWAL', 'wide-vest'],
  ])('%s → %s', (header, name) => expect(detect(header).name).toBe(name));

  it('never uses MEDSL totalvotes or Clarity / clerk per-contest columns as votes', () => {
    const medsl = detect('year,state,state_po,office,district,stage,special,candidate,party,writein,mode,candidatevotes,totalvotes');
    expect(medsl.parts).toEqual([{ voteColumns: [11] }]);
    const clarity = detect('line number,contest name,choice name,party name,total votes,percent of votes,registered voters,ballots cast,num Area total,num Area rptg,over votes,under votes');
    expect(clarity.parts).toEqual([{ voteColumns: [4] }]);
    const clerk = detect('Contest Title,Choice Name,Precinct Count,Active Voters*,Total Ballots,Total Votes,Total Undervotes,Total Overvotes');
    expect(clerk.parts).toEqual([{ voteColumns: [5] }]);
  });

  it('dedups only files without precinct columns (memory stays bounded on precinct files)', () => {
    expect(detect('county,office,district,party,candidate,votes').dedup).toBe(true);
    expect(detect('county,precinct,office,district,party,candidate,votes').dedup).toBe(false);
    expect(detect('Contest Title,Choice Name,Precinct Count,Total Votes').dedup).toBe(true);
    expect(detect('UNIQUE_ID,COUNTYFP,county,precinct,R22USSDWAR').dedup).toBe(false);
  });

  it('says what it looked for, wide codes included, when nothing matches', () => {
    expect(() => detect('name,count')).toThrow(/unrecognised header: found "name", "count"/);
  });
});

describe('wide (RDH / VEST) column codes', () => {
  const wide = (header: string, names: ReturnType<typeof parseNames> | null = null) => detect(header, { ...ctx, names });
  const races = (header: string, names: ReturnType<typeof parseNames> | null = null) =>
    wide(header, names).classify([]).map((c) => (c.kind === 'vote' ? `${c.race.key} ${c.candidate} ${c.party}` : c.reason));

  it('decodes office, district, party and measures; one part per column', () => {
    const header = 'UNIQUE_ID,COUNTYFP,county,precinct,G22USSDWAR,GCON06RMCC,GSL050DAU,GSU18RKEN,G22A01YES,G22A01NO,G22RFANO,P22GOVRKEM,S20USSDWAR';
    expect(wide(header).parts).toHaveLength(9);
    expect(races(header)).toEqual([
      'u.s. senate|| G22USSDWAR Democratic',
      'u.s. house|6| GCON06RMCC Republican',
      'state house|50| GSL050DAU Democratic',
      'state senate|18| GSU18RKEN Republican',
      'constitutional amendment 1|| Yes ',
      'constitutional amendment 1|| No ',
      'referendum a|| No ',
      'governor||republican P22GOVRKEM Republican',
      'u.s. senate (special)|| S20USSDWAR Democratic',
    ]);
  });

  it('does not take ordinary column names for codes', () => {
    expect(wide('UNIQUE_ID,COUNTYFP,county,precinct,R22USSDWAR').parts).toEqual([{ voteColumns: [4] }]);
    expect(() => detect('county,PRECINCT,COUNTYFP,STATE')).toThrow(/unrecognised header/);
  });

  it('takes names from --names, a runoff finding the general election code; warns when codes stand in', () => {
    const names = parseNames('code,name\nG22USSDWAR,Raphael Warnock\n');
    expect(races('county,R22USSDWAR,R22USSRWAL', names)).toEqual(['u.s. senate (runoff)|| Raphael Warnock Democratic', 'u.s. senate (runoff)|| R22USSRWAL Republican']);
    expect(wide('county,R22USSDWAR,R22USSRWAL', names).notes[0]?.message).toMatch(/^1 candidate column has no name in --names \(R22USSRWAL\)/);
    expect(wide('county,R22USSDWAR').notes[0]?.message).toMatch(/^candidates are shown by their column codes \(R22USSDWAR\)/);
  });

  it('reads a code,name CSV and the field list of an RDH README', () => {
    const readme = [
      'Office Codes Used:', 'A## - Constitutional Amendment', 'USS - U.S. Senate', 'CON##  - U.S. Congress', '',
      'Field Name Description', 'UNIQUE_ID  Unique ID for each precinct', "G22ATGDJOR Jennifer 'Jen' Jordan                    ",
      'G22LABDBOD William \'Will\' Boddie, Jr', 'G16PREDCLI',
    ].join('\r\n');
    const t = parseNames(readme);
    expect(Object.fromEntries(t.columns)).toEqual({ G22ATGDJOR: "Jennifer 'Jen' Jordan", G22LABDBOD: "William 'Will' Boddie, Jr" });
    expect(t.offices.get('CON')).toBe('U.S. Congress');
    expect(Object.fromEntries(parseNames('\uFEFFcode,name\r\nG22LABDBOD,"William \'Will\' Boddie, Jr"\r\n').columns)).toEqual({ G22LABDBOD: "William 'Will' Boddie, Jr" });
  });
});

describe('family helpers', () => {
  it('takes the seat count off a Clarity contest name', () => {
    expect(seatsFromContest('Representative to the 119th United States Congress - District 8 (Vote For 1)')).toEqual({ office: 'Representative to the 119th United States Congress - District 8', seats: 1 });
    expect(seatsFromContest('Town of Erie Council Member - District 2 (Vote For 2)').seats).toBe(2);
    expect(seatsFromContest('Amendment G (CONSTITUTIONAL)')).toEqual({ office: 'Amendment G (CONSTITUTIONAL)', seats: null });
  });

  it('puts the state in a MEDSL district; District 0 is at-large', () => {
    expect(stateDistrict('CA', 'District 1')).toBe('CA-1');
    expect(stateDistrict('GA', '006')).toBe('GA-6');
    expect(stateDistrict('AK', 'District 0')).toBe('AK-AL');
    expect(stateDistrict('TX', 'statewide')).toBe('TX');
    expect(stateDistrict('', 'District 4')).toBe('4');
  });

  it('classifies MEDSL statistics, specials, primaries, write-ins and seats', () => {
    const layout = detect('precinct,office,party_detailed,mode,votes,county_name,candidate,district,magnitude,stage,state,special,writein,state_po');
    const c = (candidate: string, { magnitude = '1', stage = 'GEN', special = 'FALSE', writein = 'FALSE', party = 'DEMOCRAT' } = {}) =>
      layout.classify([candidate, 'US HOUSE', '006', party, stage, special, writein, 'GA', magnitude, 'ELECTION DAY'])[0];
    expect(c('REGISTERED VOTERS', { magnitude: '0' })).toMatchObject({ kind: 'exclude', reason: 'statistics' });
    expect(c('LUCY MCBATH')).toMatchObject({ kind: 'vote', race: { key: 'us house|ga-6|', seats: 1 }, ballot: 'candidate' });
    expect(c('LUCY MCBATH', { special: 'TRUE' })).toMatchObject({ race: { office: 'US HOUSE (Special)' } });
    expect(c('LUCY MCBATH', { stage: 'PRI' })).toMatchObject({ race: { key: 'us house|ga-6|democratic' } });
    expect(c('SCATTERED', { writein: 'TRUE' })).toMatchObject({ kind: 'vote', ballot: 'write-in', candidate: 'SCATTERED' });
    expect(c('NA', { party: 'NA' })).toMatchObject({ kind: 'vote', ballot: 'write-in', candidate: 'Write-ins', party: '' });
    expect(c('CITY COUNCIL AT LARGE', { magnitude: '3' })).toMatchObject({ race: { seats: 3 } });
  });
});
