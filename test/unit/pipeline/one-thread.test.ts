/** Which large files skip the scan worker: those whose layout keeps a digest of every row (no precinct column), and precinct files the split takes. */
import { describe, expect, it } from 'vitest';
import { headerIn } from '../../../src/pipeline/head.js';
import { guessesBest, keepsDigests } from '../../../src/pipeline/one-thread.js';
import { planSplit, SPLIT_THRESHOLD } from '../../../src/pipeline/split.js';

const ctx = { file: 'f.csv', partyPrimary: null };
const keeps = async (text: string): Promise<boolean> => keepsDigests(await headerIn(Buffer.from(text), ctx));

describe('keepsDigests', () => {
  it('is true for a file without a precinct column, also below a title and blank lines', async () => {
    const rows = 'FL,U.S. Representative,District 7,Stephanie Murphy,democrat,FALSE,total,183113,634796\n';
    expect(await keeps(`state_po,office,district,candidate,party,writein,mode,candidatevotes,totalvotes\n${rows}`)).toBe(true);
    expect(await keeps(`"U.S. House 2018, by district"\n\nstate_po,office,district,candidate,party,writein,mode,candidatevotes,totalvotes\n${rows}`)).toBe(true);
    expect(await keeps('county,office,candidate,votes\nCobb,Governor,Ann,5\n')).toBe(true);
  });

  it('is false for a precinct-level file, which keeps no digests', async () => {
    expect(await keeps('county,precinct,office,district,party,candidate,votes\nAppling,1B,Governor,,REP,Ann,5\n')).toBe(false);
  });

  it('is false (keep the worker) when no header is found in the first bytes, or the scan fails there', async () => {
    expect(await keeps('# Test fixtures\n')).toBe(false);
    expect(await keeps('state,office,cand')).toBe(false);
    expect(await keeps('state,office,candidate,votes\n"never closed')).toBe(true); // the header came first
    expect(await keeps('"never closed,office,candidate,votes\n')).toBe(false);
  });

  it('guessesBest: a precinct file the split could take, not one it cannot (MEDSL vote modes, wide)', async () => {
    const best = async (text: string): Promise<boolean> => guessesBest(await headerIn(Buffer.from(text), ctx));
    expect(await best('county,precinct,office,district,party,candidate,votes\nAppling,1B,Governor,,REP,Ann,5\n')).toBe(true);
    expect(await best('precinct,office,party_detailed,mode,votes,county_name,candidate,district,magnitude,stage,state,special,writein,state_po\n02J,US HOUSE,DEMOCRAT,ABSENTEE,0,FULTON,LUCY MCBATH,006,1,GEN,GEORGIA,FALSE,FALSE,GA\n')).toBe(false);
    expect(await best('UNIQUE_ID,COUNTYFP,county,precinct,G22USSDWAR,G22USSRWAL\n1,001,Appling,1B,5,6\n')).toBe(false);
    expect(await best('county,office,candidate,votes\nCobb,Governor,Ann,5\n')).toBe(false);
    expect(await best('# Test fixtures\n')).toBe(false);
  });

  it('planSplit: a precinct file under SPLIT_THRESHOLD is not split (unless forced), one over it is asked where', async () => {
    const header = await headerIn(Buffer.from('county,precinct,office,district,party,candidate,votes\nAppling,1B,Governor,,REP,Ann,5\n'), ctx);
    expect(SPLIT_THRESHOLD).toBe(192 * 1024 * 1024);
    // Under the threshold the answer comes before the file is opened: this path does not exist.
    expect(await planSplit('/nonexistent/results.csv', SPLIT_THRESHOLD - 1, header, 0)).toBeNull();
    await expect(planSplit('/nonexistent/results.csv', SPLIT_THRESHOLD - 1, header, 0, true)).rejects.toThrow(/ENOENT/);
    await expect(planSplit('/nonexistent/results.csv', SPLIT_THRESHOLD, header, 0)).rejects.toThrow(/ENOENT/);
  });
});
