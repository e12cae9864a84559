/** The typed document helpers fail with a message naming what is missing, never a TypeError on undefined. */
import { describe, expect, it } from 'vitest';
import { at, firstRace, outlook, parseDoc, race, ranked, warning } from './doc.js';
import { fixture, json } from './run.js';

describe('typed --json helpers', () => {
  it('read the seed election: one two-round race, found by office or by fields', async () => {
    const { doc } = await json([fixture('ga-06-2017-04-18-special-jungle.csv')]);
    expect(race(doc, 'U.S. House').totalVotes).toBe(192569);
    expect(race(doc, { district: '6', party: null }).id).toBe('u.s. house|6|');
    expect(at(firstRace(doc).candidates, 1, 'candidate').name).toBe('Karen Handel');
  });

  it('name what is missing and what is there', async () => {
    const { doc } = await json([fixture('ga-06-2017-04-18-special-jungle.csv')]);
    expect(() => race(doc, 'Governor')).toThrow('no race with office "Governor" among 1: u.s. house|6|');
    expect(() => at(doc.races, 1, 'race')).toThrow('no race at index 1: there are 1');
    expect(() => warning(doc, 'encoding')).toThrow('no warning encoding (codes: none)');
    expect(() => outlook(firstRace(doc))).toThrow('the outlook of race u.s. house|6| is missing');
    expect(() => ranked(firstRace(doc))).toThrow('race u.s. house|6| is a two-round race, not a ranked one');
  });

  it('a run that printed nothing fails on reading doc, with the exit code and the error', async () => {
    const r = await json(['nope.csv']);
    expect(r.code).toBe(3);
    expect(() => r.doc).toThrow(/^no JSON document on stdout \(exit 3\): runoff: cannot read nope\.csv/);
  });

  it('output that is not the document is refused with the path of the mismatch', () => {
    expect(() => parseDoc('{"schemaVersion":2}')).toThrow(/the --json output does not match its schema:\n {2}rule: /);
  });
});
