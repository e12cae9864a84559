/** Finding a race: by id, by words in any order, several at once; no match is an error naming the closest races. */
import { describe, expect, it } from 'vitest';
import { filterRaces, matchesQuery } from '../../src/count/race-match.js';
import { firstRace, parseRacesDoc } from '../support/doc.js';
import { DATA, fixture, hasData, json, run } from '../support/run.js';

if (!hasData) console.warn(`notice: ${DATA} is absent; the real-data tests of this file are skipped`);

const TX = fixture('tx-2018-03-06-governor-primary.csv');

describe('--race', () => {
  it('accepts the race id that runoff races and the JSON show', async () => {
    const { doc, code } = await json(['--race', 'governor||democratic', TX]);
    expect(code).toBe(0);
    expect(doc.races.map((r) => [r.id, r.totalVotes])).toEqual([['governor||democratic', 1022558]]);
  });

  it('accepts words in any order, without the · of the title', async () => {
    const { doc } = await json(['--race', 'democratic governor', TX]);
    expect(doc.races).toHaveLength(1);
    expect(firstRace(doc).outcome.runoff).toEqual(['Lupe Valdez', 'Andrew White']);
    const dotted = await json(['--race', 'Governor · Republican', TX]);
    expect(dotted.doc.races.map((r) => r.outcome.winner)).toEqual(['Greg Abbott']);
  });

  it('keeps the races matching any of several queries (the filter takes a list)', () => {
    const races = [{ id: 'governor||democratic', title: 'Governor · Democratic primary' }, { id: 'governor||republican', title: 'Governor · Republican primary' }, { id: 'comptroller||democratic', title: 'Comptroller · Democratic primary' }];
    expect(filterRaces(races, ['republican governor', 'comptroller'], (r) => r).map((r) => r.id)).toEqual(['governor||republican', 'comptroller||democratic']);
    expect(matchesQuery(races[0]!, 'GOVERNOR||DEMOCRATIC')).toBe(true);
    expect(matchesQuery(races[0]!, 'governor senate')).toBe(false);
  });

  it('no match: exit 1, nothing on stdout, the closest race names on stderr', async () => {
    const r = await run(['--race', 'govenor republcan', TX]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      'runoff: no race matches --race "govenor republcan"\n' +
      '  hint: the closest races are "Governor · Republican primary", "Governor · Democratic primary"; `runoff races FILE` lists them all\n',
    );
    const asJson = await run(['--json', '--race', 'senate', TX]);
    expect(asJson.code).toBe(1);
    expect(asJson.stdout).toBe('');
  });
});

describe('runoff races', () => {
  it('says 1 row, not 1 rows; drops the party column when no candidate has one; aligns the rest', async () => {
    const r = await run(['races', fixture('exact-half.csv')]);
    expect(r.code).toBe(0);
    expect(r.stdout).not.toMatch(/\b1 rows\b|\b1 votes\b/);
    const lines = r.stdout.split('\n').filter((l) => l.startsWith('  '));
    // Every candidate line ends at the same column: the vote counts are right-aligned.
    expect(new Set(lines.map((l) => l.length)).size).toBe(1);
  });

  it.runIf(hasData)('sorts races by office, then district in natural order (CA-2 before CA-10)', async () => {
    const { stdout } = await run(['races', '--json', `${DATA}medsl_2018-11-06_us-house_district_overall.csv`]);
    const ids = parseRacesDoc(stdout).races.map((r) => r.id);
    const ca = ids.filter((id) => id.startsWith('u.s. representative|ca-'));
    expect(ca.slice(0, 11)).toEqual(['ca-1', 'ca-2', 'ca-3', 'ca-4', 'ca-5', 'ca-6', 'ca-7', 'ca-8', 'ca-9', 'ca-10', 'ca-11'].map((d) => `u.s. representative|${d}|`));
    expect(ca).toHaveLength(53); // California's 53 districts in 2018
  });
});
