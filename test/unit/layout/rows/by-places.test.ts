/** --by keeps places apart: a precinct is keyed by every geography column above it. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { breakdown, firstRace } from '../../../support/doc.js';
import { json } from '../../../support/run.js';

const dir = mkdtempSync(join(tmpdir(), 'runoff-by-'));
const file = join(dir, 'precincts.csv');
writeFileSync(file, [
  'county,precinct,office,candidate,votes',
  'Cobb,16,Mayor,A,10', 'Cobb,16,Mayor,B,5',
  'Fulton,16,Mayor,A,1', 'Fulton,16,Mayor,B,20',
  'Cobb,Milan,Mayor,A,7', 'Cobb,Milan,Mayor,B,3',
  'Dodge,Milan,Mayor,A,2', 'Dodge,Milan,Mayor,B,9',
].join('\n') + '\n');

describe('--by precinct', () => {
  it('precincts named 16 or Milan in different counties are different areas', async () => {
    const { doc } = await json(['--by', 'precinct', file]);
    const areas = breakdown(firstRace(doc)).areas.map((a) => [a.area, a.totalVotes, a.leader]);
    expect(areas).toEqual(expect.arrayContaining([
      ['Cobb · 16', 15, 'A'], ['Fulton · 16', 21, 'B'], ['Cobb · Milan', 10, 'A'], ['Dodge · Milan', 11, 'B'],
    ]));
    expect(areas).toHaveLength(4);
  });

  it('--by county is keyed by the county alone', async () => {
    const { doc } = await json(['--by', 'county', file]);
    expect(breakdown(firstRace(doc)).areas.map((a) => a.area).sort()).toEqual(['Cobb', 'Dodge', 'Fulton']);
  });
});
