/**
 * Files joined with `cat` repeat the header inside the data. Such a record is left out and said, and the count
 * is the one of the files read apart: here the seed fixture (official GA-6 2017 special-election totals) cut in
 * two and joined again, through both parsers.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { firstInput, firstRace, warning } from '../../../support/doc.js';
import { fixture, json, run } from '../../../support/run.js';

const whole = readFileSync(fixture('ga-06-2017-04-18-special-jungle.csv'), 'utf8');
const [header = '', ...rows] = whole.trimEnd().split('\n');
const joined = [header, ...rows.slice(0, 9), header, ...rows.slice(9)].join('\n') + '\n';

describe('a header repeated inside the data', () => {
  it.each(['fast', 'csv-parse'])('is left out with a warning naming its line, and the totals are the whole file’s (%s)', async (parser) => {
    const apart = await json([fixture('ga-06-2017-04-18-special-jungle.csv')]);
    const cat = await json(['--parser', parser, '-'], { stdin: joined });
    expect(cat.code).toBe(0);
    expect(firstRace(cat.doc).totalVotes).toBe(192569);
    expect(firstRace(cat.doc).candidates).toEqual(firstRace(apart.doc).candidates);
    expect(firstInput(cat.doc).rowsExcluded).toEqual({ 'repeated-header': 1 });
    expect(warning(cat.doc, 'repeated-header')).toMatchObject({ line: 11 });
    expect(warning(cat.doc, 'repeated-header').message).toContain('files joined together?');
  });

  it('with a byte order mark before it (the second file saved by Excel) it is still the header', async () => {
    const r = await run(['-'], { stdin: Buffer.concat([Buffer.from(`${header}\n${rows.join('\n')}\n`), Buffer.from(`\uFEFF${header}\n`)]) });
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('the header row again at line 20');
  });

  it('a row that only looks like it (one cell differs) is still data: a bad vote cell stops the count with its line', async () => {
    const r = await run(['-'], { stdin: `${header}\n${rows[0]}\n${header.replace('candidate', 'name')}\n` });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/<stdin>:3: votes "votes" is not a whole number/);
  });
});
