/** The same input twice, and two inputs that overlap: never a doubled total. */
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { codes, firstRace } from '../../support/doc.js';
import { fixture, json, run } from '../../support/run.js';

const ms = fixture('ms-01-2015-05-12-blank-total-rows.csv');
const text = readFileSync(ms, 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'runoff-same-'));

describe('the same input twice', () => {
  it('one name twice is an error naming it, exit 1', async () => {
    const r = await run([ms, ms]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('this input was given twice');
    expect(r.stdout).toBe('');
  });

  it('a symlink and an identical copy are the same input: an error naming both', async () => {
    const link = join(dir, 'link.csv');
    symlinkSync(ms, link);
    const copy = join(dir, 'copy.csv');
    writeFileSync(copy, text);
    for (const other of [link, copy]) {
      const r = await run([ms, other]);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`${other}: the same content`);
      expect(r.stderr).toContain(`as ${ms}`);
    }
  });
});

describe('two different inputs that repeat a place × race × candidate', () => {
  const lines = text.trimEnd().split('\n');
  it('one vote changed (a re-download): an error naming both files and lines', async () => {
    const changed = join(dir, 'changed.csv');
    writeFileSync(changed, [...lines.slice(0, 2).map((l) => l.replace(',75,', ',76,'))].join('\n') + '\n');
    const r = await run([ms, changed]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('"Boyce Adams"');
    expect(r.stderr).toContain(`75 votes in ${ms}:2 and 76 here`);
  });

  it('an overlap with equal votes: counted once, with a warning', async () => {
    const part = join(dir, 'part.csv');
    writeFileSync(part, lines.slice(0, 3).join('\n') + '\n');
    const { code, doc } = await json([ms, part]);
    expect(code).toBe(0);
    expect(firstRace(doc).totalVotes).toBe(4903);
    expect(codes(doc)).toContain('duplicate-across-files');
    expect((await run(['--strict', ms, part])).code).toBe(1);
  });
});
