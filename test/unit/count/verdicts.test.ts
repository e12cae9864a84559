/** Verdicts the data contradicts: vote-for-N, measures in other words, plurality outlooks, one name under two parties. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { measureLabel } from '../../../src/count/rules/contest.js';
import { at, codes, firstRace, outlook, race, warning } from '../../support/doc.js';
import { fixture, json, run } from '../../support/run.js';

const dir = mkdtempSync(join(tmpdir(), 'runoff-verdicts-'));
function csv(name: string, body: string): string {
  const path = join(dir, name);
  writeFileSync(path, body);
  return path;
}

describe('vote-for-N from the file\'s own ballots-cast figure', () => {
  it('Boulder 2025 council: 113,888 votes on 34,109 ballots is not_applicable, with the reason', async () => {
    const { code, doc } = await json([fixture('clerk-boulder-2025-council-vote-for-n.csv')]);
    expect(code).toBe(0);
    const council = firstRace(doc);
    expect(council.totalVotes).toBe(113888);
    expect(council.outcome.status).toBe('not_applicable');
    expect(council.outcome.explanation).toContain('113,888 candidate votes on 34,109 ballots cast');
    expect(council.outcome.runoff).toEqual([]);
  });

  it('--seats 1 overrides it; fewer votes than ballots (Longmont Mayor) stays a runoff', async () => {
    const forced = await json(['--seats', '1', fixture('clerk-boulder-2025-council-vote-for-n.csv')]);
    expect(firstRace(forced.doc).outcome.runoff).toEqual(['Matt Benjamin', 'Mark Wallach']);
    const mayor = await json([fixture('clerk-boulder-2025-summary.csv')]);
    expect(race(mayor.doc, 'City of Longmont Mayor').outcome.status).toBe('runoff');
  });
});

describe('ballot measures', () => {
  it.each([['IN FAVOR', 'AGAINST'], ['For', 'Against'], ['Sí', 'No'], ['Oui', 'Non'], ['Sim', 'Não'], ['AGAINST', 'IN FAVOR']])('%s / %s is a measure', (a, b) => {
    expect(measureLabel([a, b])).not.toBeNull();
  });

  it('a file with IN FAVOR / AGAINST is not_applicable, never WINNER IN FAVOR', async () => {
    const r = await run([csv('prop.csv', 'office,candidate,votes\nProposition 1,IN FAVOR,958379\nProposition 1,AGAINST,502748\n')]);
    expect(r.stdout).toContain('NOT APPLICABLE  an IN FAVOR/AGAINST measure');
    expect(r.stdout).not.toContain('WINNER');
  });
});

describe('plurality outlook: best case and worst case', () => {
  const file = (): string => csv('plurality.csv', 'candidate,votes\nA,4000\nB,3000\nC,2500\nD,500\n');
  it('the leader can win with fewer if the rest split; the sentence and JSON say both', async () => {
    const { doc } = await json(['--rule', 'plurality', '--outstanding', '5000', file()]);
    // Worst case: all the rest to B: 4,000 + g > 3,000 + (5,000 − g) ⇒ g ≥ 2,001. Best: spread over B, C, D,
    // the largest is max(3,000, ⌈(6,000 + 5,000) / 3⌉) = 3,667 < 4,000, so A wins with none.
    expect(outlook(firstRace(doc)).leader).toMatchObject({ name: 'A', votesNeeded: 2001, votesNeededAtBest: 0 });
    const b = outlook(firstRace(doc)).contenders.find((c) => c.name === 'B');
    expect(b).toEqual({ name: 'B', votesNeeded: 3001, votesNeededAtBest: 1001 });
    const r = await run(['--rule', 'plurality', '--outstanding', '5000', file()]);
    expect(r.stdout).not.toContain('A wins outright only with at least 2,001');
    expect(r.stdout).toContain('A can win outright with none of the 5,000 outstanding votes if the others split them, and is sure to win with 2,001');
  });

  it('under a majority rule best and worst agree, and the sentence says "only with at least"', async () => {
    const { doc } = await json(['--outstanding', '5000', file()]);
    expect(outlook(firstRace(doc)).leader).toMatchObject({ votesNeeded: 3501, votesNeededAtBest: 3501 });
  });
});

describe('one name under two parties', () => {
  it('outside a fusion layout: summed, with a warning naming the person; --strict refuses', async () => {
    const f = csv('two-parties.csv', 'office,candidate,party,votes\nMayor,Pat Smith,Dem,100\nMayor,Pat Smith,Rep,50\nMayor,Lee Jones,Rep,120\n');
    const { doc } = await json([f]);
    expect(at(firstRace(doc).candidates, 0, 'candidate')).toMatchObject({ name: 'Pat Smith', votes: 150 });
    expect(warning(doc, 'same-name-parties').message).toContain('"Pat Smith" appears under "Dem" and "Rep"');
    expect((await run(['--strict', f])).code).toBe(1);
  });

  it('the MEDSL constituency layout is fusion: Zeldin on four lines, no warning', async () => {
    const { doc } = await json([fixture('medsl-house-2018-fusion-duplicates.csv')]);
    expect(codes(doc)).not.toContain('same-name-parties');
  });
});
