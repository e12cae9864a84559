/** Hostile inputs, election semantics (#47–#56 of the corpus), and --strict. */
import { describe, expect, it } from 'vitest';
import { run } from '../support/run.js';
import { dataError, jsonOf, runBoth, warningsOf } from './support.js';
import { at, firstInput, firstRace, parseDoc } from '../support/doc.js';

const COUNTY = 'county,office,district,party,candidate,votes';

describe('election semantics', () => {
  it('#47 exact duplicate row (county-level file): dropped, with a warning "N duplicate …"', async () => {
    const input = `${COUNTY}\nLeon,Governor,,,A,30\nLeon,Governor,,,B,10\nLeon,Governor,,,A,30\nDade,Governor,,,A,5\n`;
    const r = await runBoth(['--json'], input);
    expect(r.code).toBe(0);
    const doc = parseDoc(r.stdout);
    expect(firstRace(doc).candidates.map((c) => [c.name, c.votes])).toEqual([['A', 35], ['B', 10]]);
    expect(warningsOf(r)).toEqual(['<stdin>: 1 exact duplicate record dropped: line 4 (same as 2)']);
    expect(firstInput(doc).rowsExcluded).toEqual({ duplicate: 1 });
  });

  it('#47 … and an error under --strict', async () => {
    const input = `${COUNTY}\nLeon,Governor,,,A,30\nLeon,Governor,,,B,10\nLeon,Governor,,,A,30\n`;
    const r = await run(['--strict', '--json', '-'], { stdin: input });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe('runoff: warning: <stdin>: 1 exact duplicate record dropped: line 4 (same as 2)\nrunoff: 1 warning and --strict: refusing the result\n  hint: the warnings above say what is doubtful; without --strict they are printed beside the result\n');
  });

  it('#48 same key (place, race, candidate) with different votes: an error naming both lines, never summed', async () => {
    const e = dataError(await runBoth([], `${COUNTY}\nLeon,Governor,,,A,30\nLeon,Governor,,,B,10\nLeon,Governor,,,A,31\n`));
    expect(e).toMatchObject({ line: 4, message: '"A" in Governor (Leon) has 30 votes on line 2 and 31 on line 4: the same candidate, race and place twice, with different votes' });
    // Precinct files: within the precinct's run of rows.
    const p = dataError(await runBoth([], 'county,precinct,office,candidate,votes\nLeon,P1,Governor,A,30\nLeon,P1,Governor,B,10\nLeon,P1,Governor,A,31\nLeon,P2,Governor,A,1\n'));
    expect(p).toMatchObject({ line: 4, message: '"A" in Governor (Leon, P1) has 30 votes on line 2 and 31 on line 4: the same candidate, race and place twice, with different votes' });
    // Another county, another vote type, another party line: not the same key.
    const ok = await runBoth(['--json'], `${COUNTY},mode\nLeon,Governor,,,A,30,ABSENTEE\nLeon,Governor,,,A,31,ELECTION DAY\nDade,Governor,,,A,5,ABSENTEE\nLeon,Governor,,DEM,A,2,ABSENTEE\n`);
    expect(at(firstRace(parseDoc(ok.stdout)).candidates, 0, 'candidate').votes).toBe(68);
  });

  it('#47/#48 in a precinct file: the same key and votes twice in the precinct\'s rows is dropped as a duplicate', async () => {
    const r = await runBoth(['--json'], 'county,precinct,office,candidate,votes\nLeon,P1,Governor,A,30\nLeon,P1,Governor,B,10\nLeon,P1,Governor,A,30\n');
    expect(warningsOf(r)).toEqual(['<stdin>: 1 duplicate row (same place, race, candidate and votes) dropped: line 4 (same as 2)']);
    expect(firstRace(parseDoc(r.stdout)).totalVotes).toBe(40);
  });

  it('#49 pseudo-rows TOTAL, Total Votes, Over Votes and a blank candidate: excluded and counted per reason', async () => {
    const input = [
      'county,precinct,office,candidate,votes',
      'Leon,1,Governor,A,30', 'Leon,1,Governor,B,10',
      'Leon,TOTAL,Governor,A,30', 'Leon,1,Governor,Total Votes,40', 'Leon,1,Governor,Over Votes,2', 'Leon,1,Governor,,40',
    ].join('\n') + '\n';
    const r = await runBoth(['--json'], input);
    const doc = parseDoc(r.stdout);
    expect(firstRace(doc).totalVotes).toBe(40);
    expect(firstInput(doc)).toMatchObject({ rows: 6, rowsUsed: 2, rowsExcluded: { 'total-row': 1, 'candidate-total': 1, 'over-under-votes': 1, 'blank-candidate': 1 } });
    const t = await run(['-'], { stdin: input });
    expect(t.stdout).toMatch(/6 rows, 2 counted · left out: .*1 total-row/);
  });

  it('#50 vote-type columns that do not sum to votes: a warning with the count and the lines; votes is counted', async () => {
    const input = 'county,office,candidate,early_voting,election_day,votes\nLeon,Governor,A,1,1,3\nLeon,Governor,B,1,0,1\nLeon,Governor,C,,2,2\n';
    const r = await runBoth(['--json'], input);
    expect(firstRace(parseDoc(r.stdout)).totalVotes).toBe(6);
    expect(warningsOf(r)).toEqual(['<stdin>:2: 1 row where early_voting + election_day does not add up to votes: line 2; votes is counted']);
    // Without a total column the vote types are the votes: nothing to check.
    expect((await runBoth([], 'county,office,candidate,early_voting,election_day\nLeon,Governor,A,1,1\n')).stderr).toBe('');
  });

  it('#51 exactly 50.00 % is not a majority; 50.004 % is shown as 50.004 %, not 50.00 %', async () => {
    const half = await jsonOf('candidate,votes\nA,500\nB,499\nC,1\n');
    expect(firstRace(half.doc).outcome).toMatchObject({ status: 'runoff', runoff: ['A', 'B'], votesShort: 1 });
    const just = await jsonOf('candidate,votes\nA,501\nB,499\nC,1\n');
    expect(firstRace(just.doc).outcome).toMatchObject({ status: 'winner', winner: 'A' });
    const t = await run(['-'], { stdin: 'candidate,votes\nA,50004\nB,49996\n' });
    expect(t.stdout).toContain('50.004 %');
    expect(t.stdout).not.toContain('50.00 %');
    const under = await run(['-'], { stdin: 'candidate,votes\nA,49996\nB,49994\nC,10\n' });
    expect(under.stdout).toMatch(/RUNOFF/);
  });

  it('#52 tie for first, or for second at the cut line: status tie, everyone tied listed, in a documented order', async () => {
    const first = await jsonOf('candidate,votes\nC,5\nA,5\nB,5\nD,1\n');
    expect(firstRace(first.doc).outcome).toMatchObject({ status: 'tie', tied: ['A', 'B', 'C'] });
    const second = await jsonOf('candidate,votes\nA,10\nC,6\nB,6\nD,2\n');
    expect(firstRace(second.doc).outcome).toMatchObject({ status: 'tie', tied: ['B', 'C'] });
    // Same facts in another row order: the same document.
    const again = await jsonOf('candidate,votes\nD,2\nB,6\nA,10\nC,6\n');
    expect(again.doc.races).toEqual(second.doc.races);
  });

  it('#53 a race with zero votes: status no_votes, shares null (never NaN)', async () => {
    const r = await run(['--json', '-'], { stdin: 'candidate,votes\nA,0\nB,0\n' });
    expect(r.stdout).not.toMatch(/NaN|Infinity/);
    const doc = parseDoc(r.stdout);
    expect(firstRace(doc).outcome.status).toBe('no_votes');
    expect(firstRace(doc).candidates.map((c) => c.share)).toEqual([null, null]);
    const t = await run(['-'], { stdin: 'candidate,votes\nA,0\nB,0\n' });
    expect(t.stdout).not.toMatch(/NaN/);
  });

  it('#54 single candidate, only write-ins, or a Yes/No measure: a clear status, not a bogus runoff', async () => {
    const single = await jsonOf('candidate,votes\nA,5\n');
    expect(firstRace(single.doc).outcome).toMatchObject({ status: 'not_applicable', explanation: expect.stringMatching(/uncontested/) });
    const writeIns = await jsonOf('candidate,votes\nWrite-ins,5\n');
    expect(firstRace(writeIns.doc).outcome).toMatchObject({ status: 'not_applicable', explanation: expect.stringMatching(/write-in/) });
    const measure = await jsonOf('candidate,votes\nYes,5\nNo,3\n');
    expect(firstRace(measure.doc).outcome).toMatchObject({ status: 'not_applicable', explanation: expect.stringMatching(/Yes\/No measure/) });
  });

  it('#55 a "Vote For 2" contest in any layout: seats 2, status not_applicable, office without the marker', async () => {
    const r = await runBoth(['--json'], 'office,candidate,votes\nCity Council (Vote For 2),A,5\nCity Council (Vote For 2),B,3\nCity Council (Vote For 2),C,2\n');
    const race = firstRace(parseDoc(r.stdout));
    expect(race).toMatchObject({ office: 'City Council', seats: 2 });
    expect(race.outcome.status).toBe('not_applicable');
    // "(Vote For 1)" is one seat: decided as usual.
    const one = await jsonOf('county,office,candidate,votes\nLeon,Mayor (Vote For 1),A,5\nLeon,Mayor (Vote For 1),B,3\n');
    expect(firstRace(one.doc)).toMatchObject({ office: 'Mayor', outcome: { status: 'winner', winner: 'A' } });
  });

  it('#56 the same office in two districts, or in both party primaries: separate races', async () => {
    const districts = await jsonOf(`${COUNTY}\nLeon,State Senate,1,DEM,A,5\nLeon,State Senate,1,REP,B,3\nLeon,State Senate,2,DEM,C,3\nLeon,State Senate,2,REP,D,4\n`);
    expect(districts.doc.races.map((r) => [r.district, r.outcome.winner])).toEqual([['1', 'A'], ['2', 'D']]);
    const primaries = await jsonOf(`${COUNTY}\nLeon,Governor,,DEM,A,5\nLeon,Governor,,REP,B,3\nLeon,Governor,,DEM,C,1\nLeon,Governor,,REP,D,4\n`, ['--party-primary']);
    expect(primaries.doc.races.map((r) => [r.party, r.totalVotes])).toEqual([['Democratic', 6], ['Republican', 7]]);
  });
});

describe('--strict: every warning becomes an error', () => {
  const sloppy = 'candidate,votes\nA,10\n\nB,\nC,4\n';

  it('prints the warnings, then refuses: exit 1 and nothing on stdout', async () => {
    for (const format of [['--json'], []]) {
      const r = await run(['--strict', ...format, '-'], { stdin: sloppy });
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe(
        'runoff: warning: <stdin>:4: 1 row with an empty vote cell left out (missing, not zero): line 4\n' +
          'runoff: warning: <stdin>: 1 blank line skipped\n' +
          'runoff: 2 warnings and --strict: refusing the result\n  hint: the warnings above say what is doubtful; without --strict they are printed beside the result\n',
      );
    }
  });

  it('still prints the reason with --quiet', async () => {
    const r = await run(['--strict', '--quiet', '-'], { stdin: sloppy });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/2 warnings and --strict: refusing the result\n  hint: [^\n]+\n$/);
  });

  it('changes nothing for clean data', async () => {
    const r = await run(['--strict', '--json', '-'], { stdin: 'candidate,votes\nA,10\nB,4\n' });
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(firstRace(parseDoc(r.stdout)).outcome.winner).toBe('A');
  });
});
