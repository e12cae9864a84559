/** Hostile inputs, headers (#27–#31 of the corpus). */
import { describe, expect, it } from 'vitest';
import { dataError, jsonOf, runBoth, warningsOf } from './support.js';
import { firstRace, parseDoc } from '../support/doc.js';

describe('headers', () => {
  it('#27 duplicate header names (votes,votes): error "duplicate column", never last-one-wins', async () => {
    const e = dataError(await runBoth([], 'candidate,votes,votes\nA,3,30\n'));
    expect(e).toMatchObject({ line: 1 });
    expect(e.message).toMatch(/^duplicate column "votes"/);
    // Spelled differently but the same after normalisation.
    expect(dataError(await runBoth([], 'candidate,Votes,VOTES \nA,3,30\n')).message).toMatch(/^duplicate column/);
  });

  it('#28 empty header cell / trailing delimiter with nothing under it: read as if absent', async () => {
    const r = await runBoth(['--json'], 'candidate,votes,\nA,3,\nB,1,\n');
    expect(r.code).toBe(0);
    expect(firstRace(parseDoc(r.stdout)).candidates.map((c) => [c.name, c.votes])).toEqual([['A', 3], ['B', 1]]);
  });

  it('#28 empty header cell over data: a warning (once per file), and the column ignored', async () => {
    const r = await runBoth(['--json'], 'candidate,,votes,\nA,x,3,\nB,y,1,\n');
    expect(r.code).toBe(0);
    expect(warningsOf(r)).toEqual(['<stdin>:2: column 2 is unnamed (an empty header cell) but holds data ("x" on line 2); it is ignored']);
    expect(firstRace(parseDoc(r.stdout)).candidates.map((c) => [c.name, c.votes])).toEqual([['A', 3], ['B', 1]]);
    // A trailing delimiter with nothing under it says nothing.
    expect((await runBoth([], 'candidate,votes,\nA,3,\nB,1, \n')).stderr).toBe('');
  });

  it('#29 header with an embedded newline or odd case and spaces ("Total \\nVotes", "VOTES "): normalised and matched', async () => {
    const a = await runBoth(['--json'], '" Candidate ","Total \nVotes"\nA,3\nB,1\n');
    expect(firstRace(parseDoc(a.stdout)).totalVotes).toBe(4);
    const b = await runBoth(['--json'], 'CANDIDATE,VOTES \r\nA,3\r\nB,1\r\n');
    expect(firstRace(parseDoc(b.stdout)).totalVotes).toBe(4);
  });

  it('#30 headers named __proto__, constructor, toString: ordinary columns', async () => {
    const r = await runBoth(['--json'], '__proto__,candidate,constructor,votes,toString\nx,A,y,3,z\nx,B,y,1,z\n');
    expect(r.code).toBe(0);
    const doc = parseDoc(r.stdout);
    expect(firstRace(doc).candidates.map((c) => [c.name, c.votes])).toEqual([['A', 3], ['B', 1]]);
    expect(Object.getPrototypeOf(doc)).toBe(Object.prototype);
    // As the only columns, they are just unknown names.
    const e = dataError(await runBoth([], '__proto__,constructor\nA,3\n'));
    expect(e.message).toBe('unrecognised header: found "__proto__", "constructor"');
  });

  it('#31 required column missing: error listing the headers found and the synonyms tried', async () => {
    const e = dataError(await runBoth([], 'county,name,count\nCobb,A,3\n'));
    expect(e).toMatchObject({ line: 1, message: 'unrecognised header: found "county", "name", "count"' });
    expect(e.hint).toMatch(/looked for candidate \(candidate, .*\) and votes \(votes, total_votes/);
    const noVotes = await jsonOf('candidate,party\nA,DEM\n');
    expect(noVotes.code).toBe(1);
    expect(noVotes.stderr).toMatch(/unrecognised header: found "candidate", "party"/);
  });
});
