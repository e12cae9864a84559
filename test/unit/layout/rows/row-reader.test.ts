/** RowReader over the generalised contract: several parts per record, per-county checks, duplicates, footers; over both record views. */
import { describe, expect, it } from 'vitest';
import { readWith, VIEWS } from './views.js';

describe.each(VIEWS)('RowReader over %s', (view) => {
  const read = (csv: string, options: { skipBadRows?: boolean } = {}) => readWith(view, csv, options);

  describe('a record with several parts (wide layout)', async () => {
    it('adds each candidate column to its own race', async () => {
      const { votes, reader } = await read(`
  UNIQUE_ID,COUNTYFP,county,precinct,G22USSDWAR,G22USSRWAL,GCON06DCHR,GCON06RMCC
  1,001,Appling,A,10,20,0,0
  2,001,Appling,B,5,1,3,4`);
      expect(votes).toEqual({ 'u.s. senate||': { G22USSDWAR: 15, G22USSRWAL: 21 }, 'u.s. house|6|': { GCON06DCHR: 3, GCON06RMCC: 4 } });
      expect([reader.rows, reader.rowsUsed]).toEqual([2, 2]);
    });

    it('leaves out an empty cell of one column (missing, per cell) and keeps the others of the row', async () => {
      const { votes, excluded, warnings } = await read(`
  county,precinct,G22USSDWAR,G22USSRWAL
  Appling,A,10,
  Appling,B,5,1`);
      expect(votes['u.s. senate||']).toEqual({ G22USSDWAR: 15, G22USSRWAL: 1 });
      expect(excluded).toEqual({ 'missing-votes': 1 });
      expect(warnings.map((w) => w.code)).toContain('missing-votes');
    });

    it('stops at an unreadable cell, or skips just that cell with --skip-bad-rows', async () => {
      const csv = 'county,precinct,G22USSDWAR,G22USSRWAL\nAppling,A,10,x\n';
      await expect(read(csv)).rejects.toThrow(/votes "x" is not a whole number/);
      expect((await read(csv, { skipBadRows: true })).votes['u.s. senate||']).toEqual({ G22USSDWAR: 10 });
    });
  });

  describe('checks across rows', async () => {
    it('warns when a county total row disagrees with its candidates (MS 2015 Choctaw)', async () => {
      const { warnings, excluded } = await read(`
  county,office,district,party,candidate,votes
  Choctaw,U.S. House,1,Republican,Trent Kelly,1000
  Choctaw,U.S. House,1,Democrat,Walter Zinn,370
  Choctaw,U.S. House,1,,,1295
  Clay,U.S. House,1,Republican,Trent Kelly,10
  Clay,U.S. House,1,,,10`);
      expect(excluded).toEqual({ 'blank-candidate': 2 });
      expect(warnings.filter((w) => w.code === 'total-mismatch')).toEqual([
        { code: 'total-mismatch', file: 'f.csv', line: 4, message: 'Choctaw: the total row says 1,295 votes for U.S. House District 1, but its candidate rows add up to 1,370; the candidate rows are counted' },
      ]);
    });

    it('says "no data" for a county whose vote cells are all empty', async () => {
      const { warnings, votes } = await read(`
  contest,candidate_name,political_party,precinct_name,vote_type,vote_count,county
  President,A (Rep),Rep,P1,Election Day,613.0,Candler County
  President,B (Dem),Dem,P1,Election Day,12.0,Candler County
  President,A (Rep),Rep,E1,Election Day,,Echols County
  President,B (Dem),Dem,E1,Election Day,,Echols County`);
      expect(votes).toEqual({ 'president||': { 'A (Rep)': 613, 'B (Dem)': 12 } });
      expect(warnings.find((w) => w.code === 'no-data')?.message).toBe('Echols County: no data — every vote cell of its 2 rows is empty; left out, not counted as 0 votes');
    });

    it('warns about a race found in one county when the same office spans the file (MS 2018 Oktibbeha)', async () => {
      const counties = ['Adams', 'Alcorn', 'Amite', 'Attala'];
      const rows = counties.map((c) => `${c},P,U.S. Senate,,Wicker,10`);
      const { warnings } = await read(['county,precinct,office,district,candidate,votes', ...rows, 'Attala,P,U.S. Senate,3,Guest,4', 'Attala,Q,U.S. Senate,3,Guest,5'].join('\n'));
      expect(warnings.filter((w) => w.code === 'one-county-race').map((w) => [w.line, w.message])).toEqual([
        [6, "U.S. Senate District 3 has rows only in Attala (2 rows), while another U.S. Senate race spans 4 of the file's 4 counties: mislabelled rows?"],
      ]);
      // A district race inside one county is normal when no race of that office spans the file.
      const house = await read(['county,precinct,office,district,candidate,votes', ...counties.map((c, i) => `${c},P,State House,${i},X${i},10`)].join('\n'));
      expect(house.warnings.filter((w) => w.code === 'one-county-race')).toEqual([]);
    });

    it('drops exact duplicate records of a file without precinct columns, naming the lines', async () => {
      const { votes, excluded, warnings } = await read(`
  state_po,office,district,candidate,party,writein,mode,candidatevotes,totalvotes
  FL,U.S. Representative,District 7,Stephanie Murphy,democrat,FALSE,total,183113,634796
  FL,U.S. Representative,District 7,Mike Miller,republican,FALSE,total,134285,634796
  FL,U.S. Representative,District 7,Stephanie Murphy,democrat,FALSE,total,183113,634796`);
      expect(votes['u.s. representative|fl-7|']).toEqual({ 'Stephanie Murphy': 183113, 'Mike Miller': 134285 });
      expect(excluded).toEqual({ duplicate: 1 });
      expect(warnings.find((w) => w.code === 'duplicate-rows')?.message).toBe('1 exact duplicate record dropped: line 4 (same as 2)');
    });

    it('names the first line of the original across blank lines, a copy, a total row and a record over two lines', async () => {
      const murphy = 'FL,U.S. Representative,District 7,Stephanie Murphy,democrat,FALSE,total,183113,634796';
      const miller = 'FL,U.S. Representative,District 7,Mike Miller,republican,FALSE,total,134285,634796';
      const writeIn = 'FL,U.S. Representative,District 7,"Write-in\nvotes",,TRUE,total,0,634796';
      const total = 'FL,U.S. Representative,District 7,Total,,FALSE,total,317398,634796';
      // lines: 1 header, 2 Murphy, 3 blank, 4 Murphy again, 5 total, 6–7 write-in, 8 Miller, 9–10 write-in, 11 Miller, 12 Murphy
      const { votes, excluded, warnings } = await read(
        ['state_po,office,district,candidate,party,writein,mode,candidatevotes,totalvotes', murphy, '', murphy, total, writeIn, miller, writeIn, miller, murphy].join('\n'),
      );
      expect(votes['u.s. representative|fl-7|']).toEqual({ 'Stephanie Murphy': 183113, 'Mike Miller': 134285, 'Write-in\nvotes': 0 });
      expect(excluded).toEqual({ duplicate: 4, 'blank-line': 1, 'candidate-total': 1 });
      expect(warnings.find((w) => w.code === 'duplicate-rows')?.message).toBe(
        '4 exact duplicate records dropped: lines 4 (same as 2), 9 (same as 6), 11 (same as 8), 12 (same as 2)',
      );
    });

    it('finds a duplicate by the text of its cells: quoted or not the same, escaped quotes and shifted commas told apart', async () => {
      const { votes, excluded, warnings } = await read(
        'state,office,party,candidate,votes\nST,Gov,,"Smith, John",5\nST,Gov,,Smith,5\nST,Gov,,"Smith, John",5\nST,"Gov",,"Bob ""B"" Gray",7\nST,Gov,,"Bob ""B"" Gray",7\nST,Gov,,Bob ""B"" Gray,7\n',
      );
      expect(votes['gov||']).toEqual({ 'Smith, John': 5, Smith: 5, 'Bob "B" Gray': 7, 'Bob ""B"" Gray': 7 });
      expect(excluded).toEqual({ duplicate: 2 });
      expect(warnings.find((w) => w.code === 'duplicate-rows')?.message).toBe('2 exact duplicate records dropped: lines 4 (same as 2), 6 (same as 5)');
    });

    it('sums MEDSL vote modes, leaves out magnitude-0 statistics, and warns when TOTAL sits beside per-mode rows', async () => {
      const { votes, excluded, warnings } = await read(`
  precinct,office,party_detailed,mode,votes,county_name,candidate,district,magnitude,stage,state,special,writein,state_po
  02J,US HOUSE,DEMOCRAT,ELECTION DAY,10,FULTON,LUCY MCBATH,006,1,GEN,GEORGIA,FALSE,FALSE,GA
  02J,US HOUSE,DEMOCRAT,ABSENTEE BY MAIL,5,FULTON,LUCY MCBATH,006,1,GEN,GEORGIA,FALSE,FALSE,GA
  02J,US HOUSE,,ELECTION DAY,99,FULTON,REGISTERED VOTERS,006,0,GEN,GEORGIA,FALSE,FALSE,GA
  02J,US HOUSE,DEMOCRAT,TOTAL,15,FULTON,LUCY MCBATH,006,1,GEN,GEORGIA,FALSE,FALSE,GA`);
      expect(votes).toEqual({ 'us house|ga-6|': { 'LUCY MCBATH': 30 } });
      expect(excluded).toEqual({ statistics: 1 });
      expect(warnings.find((w) => w.code === 'mode-mix')?.message).toMatch(/mode TOTAL rows beside per-mode rows/);
    });

    it('drops a repeated key of a precinct file within the precinct\'s run of rows; no set of records is built', async () => {
      const { votes, excluded, warnings } = await read('county,precinct,office,district,candidate,votes\nCobb,P1,Gov,,A,3\nCobb,P1,Gov,,B,1\nCobb,P1,Gov,,A,3\nCobb,P2,Gov,,A,3\n');
      expect(votes['gov||']).toEqual({ A: 6, B: 1 });
      expect(excluded).toEqual({ duplicate: 1 });
      expect(warnings.map((w) => w.message)).toContain('1 duplicate row (same place, race, candidate and votes) dropped: line 4 (same as 2)');
    });

    it('compares a key of a precinct file only within the precinct\'s run of rows (memory stays bounded)', async () => {
      // P1 again after P2: a new run, so nothing is compared with the first P1 rows (the documented limit).
      const { votes } = await read('county,precinct,office,district,candidate,votes\nCobb,P1,Gov,,A,3\nCobb,P2,Gov,,A,5\nCobb,P1,Gov,,A,4\n');
      expect(votes['gov||']).toEqual({ A: 12 });
      // The same precinct name in the next county is another place.
      expect((await read('county,precinct,office,candidate,votes\nCobb,P1,Gov,A,3\nFulton,P1,Gov,A,4\n')).votes['gov||']).toEqual({ A: 7 });
      await expect(read('county,precinct,office,candidate,votes\nCobb,P1,Gov,A,3\nCobb,P1,Gov,B,1\nCobb,P1,Gov,A,4\n')).rejects.toThrow('"A" in Gov (Cobb, P1) has 3 votes on line 2 and 4 on line 4');
    });

    it('reads every precinct column as part of the place (ward,precinct: precincts numbered within each ward)', async () => {
      expect((await read('ward,precinct,office,candidate,votes\n1,1,Mayor,A,3\n1,2,Mayor,A,4\n2,2,Mayor,A,5\n')).votes['mayor||']).toEqual({ A: 12 });
      await expect(read('ward,precinct,office,candidate,votes\n1,1,Mayor,A,3\n1,2,Mayor,A,4\n1,2,Mayor,A,5\n')).rejects.toThrow('"A" in Mayor (1, 2) has 4 votes on line 3 and 5 on line 4');
    });

    it('tells rows apart by a vote-type column (mode, vote_type): not repeats', async () => {
      const { votes, excluded } = await read('county,precinct,office,candidate,vote_type,votes\nCobb,P1,Gov,A,Election Day,3\nCobb,P1,Gov,A,Absentee,3\nCobb,P1,Gov,A,Provisional,1\n');
      expect(votes['gov||']).toEqual({ A: 7 });
      expect(excluded).toEqual({});
    });

    it('sums the rows of a file without any geography column (partial counts, batches)', async () => {
      expect((await read('candidate,votes\nA,3\nA,2\n')).votes['||']).toEqual({ A: 5 });
    });

    it('counts the empty row and the footnote of a county export as footers', async () => {
      const { excluded, votes } = await read(`
  Contest Title,Choice Name,Precinct Count,Active Voters*,Total Ballots,Total Votes,Total Undervotes,Total Overvotes
  City of Longmont Mayor,Susie Hidalgo-Fahring,52,70916,33920,12444,2055,21
  ,,,,,,,
  * Active Voters are total voters in the precinct.,,,,,,,`);
      expect(excluded).toEqual({ footer: 2 });
      expect(votes['city of longmont mayor||']).toEqual({ 'Susie Hidalgo-Fahring': 12444 });
    });
  });
});
