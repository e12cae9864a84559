/** Inputs that are not regular files: FIFOs, process substitution, /dev/stdin; and a symbolic-link loop. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, fixture, spawn } from '../support/run.js';
import { firstInput, parseDoc } from '../support/doc.js';

const dir = mkdtempSync(join(tmpdir(), 'runoff-io-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const GA = fixture('ga-06-2017-06-20-runoff-total-rows.csv');
const hasBash = spawnSync('bash', ['-c', 'true']).status === 0;

function bash(script: string): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync('bash', ['-c', script], { encoding: 'utf8', env: { PATH: process.env.PATH ?? '', RUNOFF: `"${process.execPath}" "${BIN}"` } });
  // Only runoff's own lines: a shell start-up file may print its own complaints.
  return { code: r.status, stdout: r.stdout, stderr: r.stderr.split('\n').filter((l) => l.startsWith('runoff') || l.startsWith('  ')).join('\n') };
}

describe.skipIf(!hasBash)('a pipe is read once and never "changed while it was being read"', () => {
  const plain = spawn(['--json', GA]);
  it.each([
    ['process substitution', `eval "$RUNOFF --strict --json <(cat '${GA}')"`],
    ['a named FIFO', `mkfifo '${dir}/fifo' && (cat '${GA}' > '${dir}/fifo' &) && eval "$RUNOFF --strict --json '${dir}/fifo'"`],
    ['/dev/stdin', `eval "$RUNOFF --strict --json /dev/stdin" < '${GA}'`],
    ['gzip through process substitution', `eval "$RUNOFF --strict --json <(gzip -c '${GA}')"`],
  ])('%s: --strict accepts a good count (exit 0, no warning)', (_name, script) => {
    const r = bash(script);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const doc = parseDoc(r.stdout);
    expect(doc.warnings).toEqual([]);
    // The same races and totals as the regular file, and the same hash of the same bytes.
    expect(doc.races).toEqual(parseDoc(plain.stdout).races);
    expect(firstInput(doc).sha256).toBe(firstInput(parseDoc(plain.stdout)).sha256);
  });
});

describe('a symbolic-link loop', () => {
  it('is an input error (exit 3) with a hint', () => {
    symlinkSync(join(dir, 'b.csv'), join(dir, 'a.csv'));
    symlinkSync(join(dir, 'a.csv'), join(dir, 'b.csv'));
    const r = spawn([join(dir, 'a.csv')]);
    expect(r.code).toBe(3);
    expect(r.stderr).toMatch(/^runoff: cannot read .*a\.csv: too many symbolic links .*\(ELOOP\)\n  hint: follow the link with `readlink -f`/);
  });
});
