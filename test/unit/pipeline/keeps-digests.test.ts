/** Which large files skip the scan worker: those whose layout keeps a digest of every row (no precinct column). */
import { describe, expect, it } from 'vitest';
import { headerIn } from '../../../src/pipeline/head.js';
import { keepsDigests } from '../../../src/pipeline/keeps-digests.js';

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
});
