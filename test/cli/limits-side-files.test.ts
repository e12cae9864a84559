/** Side files: one race or one name given twice is an error naming both; a side file past 64 MiB is refused. */
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readSideFile } from '../../src/cli/side-file.js';
import { firstRace, outlook } from '../support/doc.js';
import { fixture, json, run } from '../support/run.js';

const dir = mkdtempSync(join(tmpdir(), 'runoff-side-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const GA = fixture('ga-06-2017-06-20-runoff-total-rows.csv');
const WIDE = fixture('wide-rdh-ga-2022-runoff.csv');

function side(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('--outstanding-file', () => {
  it('one race twice, by the same words: an error naming both lines (exit 1)', async () => {
    const path = side('twice.csv', 'race,outstanding\nU.S. House District 6,100\nu.s. house district 6 ,200\n');
    const r = await run(['--outstanding-file', path, GA]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`runoff: ${path}:3: race "u.s. house district 6" is given on lines 2 and 3\n  hint: give each race one line: which number is right?\n`);
  });
  it('one race by its title and by its id: an error naming both lines', async () => {
    const path = side('id-and-title.csv', 'race,outstanding\nU.S. House District 6,100\nu.s. house|6|,200\n');
    const r = await run(['--outstanding-file', path, GA]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/:3: --outstanding-file names U\.S\. House District 6 twice: line 2 \("u\.s\. house district 6"\) and line 3 \("u\.s\. house\|6\|"\)\n  hint: /);
  });
  it('one line per race still works', async () => {
    const path = side('once.csv', 'race,outstanding\nU.S. House District 6,100\n');
    const { code, doc } = await json(['--outstanding-file', path, GA]);
    expect(code).toBe(0);
    expect(outlook(firstRace(doc)).outstanding).toBe(100);
  });
  it.skipIf(!existsSync('/dev/zero'))('/dev/zero (size 0, never ends) is refused at 64 MiB with a hint, exit 3', async () => {
    const r = await run(['--outstanding-file', '/dev/zero', GA]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^runoff: --outstanding-file \/dev\/zero is larger than 64 MiB\n  hint: /);
  });
  it('a missing side file: exit 3 with a hint', async () => {
    const r = await run(['--outstanding-file', join(dir, 'nope.csv'), GA]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/cannot read --outstanding-file .*nope\.csv: no such file \(ENOENT\)\n  hint: check the path given to --outstanding-file\n$/);
  });
});

describe('--names', () => {
  it('two codes of one race mapped to one name: an error naming both codes (not a sum of both columns)', async () => {
    const path = side('names.csv', 'code,name\nR22USSDWAR,Raphael Warnock\nR22USSRWAL,Raphael Warnock\n');
    const r = await run(['--names', path, WIDE]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--names gives R22USSDWAR and R22USSRWAL the same name, "Raphael Warnock", in one race.*\n  hint: give each code its own name/);
  });
  it('the same name for a general-election code and a runoff code (two races) is fine', async () => {
    const path = side('names-ok.csv', 'code,name\nG22USSDWAR,Raphael Warnock\nR22USSDWAR,Raphael Warnock\nR22USSRWAL,Herschel Walker\n');
    const { code, doc } = await json(['--names', path, WIDE]);
    expect(code).toBe(0);
    expect(firstRace(doc).candidates.map((c) => c.name).sort()).toEqual(['Herschel Walker', 'Raphael Warnock']);
  });
  it.skipIf(!existsSync('/dev/zero'))('/dev/zero is refused at 64 MiB, exit 3', async () => {
    const r = await run(['--names', '/dev/zero', WIDE]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^runoff: --names \/dev\/zero is larger than 64 MiB\n  hint: /);
  });
});

describe('readSideFile', () => {
  it('reads up to the cap and refuses one byte more', async () => {
    const path = side('ten.txt', '0123456789');
    expect(await readSideFile(path, '--x', 10)).toBe('0123456789');
    await expect(readSideFile(path, '--x', 9)).rejects.toThrow(/--x .* is larger than/);
  });
});
