/**
 * Each completion script run in its own shell, as a user's shell would load it: plain `bash --norc` (no
 * extglob, no bash-completion package), fish's own `complete -C`, and zsh reading the `_arguments` specs.
 * The shells come from Debian packages (.ci/run installs them); a missing one is skipped with a notice.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run, ROOT } from '../support/run.js';

const has = (shell: string): boolean => spawnSync('sh', ['-c', `command -v ${shell}`]).status === 0;
const dir = mkdtempSync(join(tmpdir(), 'runoff-completion-'));

async function script(shell: string): Promise<string> {
  const path = join(dir, `runoff.${shell}`);
  writeFileSync(path, (await run(['completion', shell])).stdout);
  return path;
}

function sh(shell: string, args: string[]): string {
  const r = spawnSync(shell, args, { cwd: `${ROOT}fixtures`, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  return r.stdout;
}

for (const shell of ['bash', 'zsh', 'fish']) {
  if (!has(shell)) console.log(`completion tests for ${shell} skipped: ${shell} is not installed`);
}

describe.runIf(has('bash'))('bash --norc', () => {
  const complete = async (words: string[]): Promise<string[]> => {
    const file = await script('bash');
    const array = words.map((w) => `'${w}'`).join(' ');
    return sh('bash', ['--norc', '-c', `source '${file}'; COMP_WORDS=(${array}); COMP_CWORD=${words.length - 1}; _runoff; printf '%s\\n' "\${COMPREPLY[@]}"`]).split('\n').filter(Boolean).sort();
  };
  it('completes flags, flag values and the completion shells', async () => {
    expect(await complete(['runoff', '--den'])).toEqual(['--denominator']);
    expect(await complete(['runoff', '--format', ''])).toEqual(['csv', 'html', 'json', 'markdown', 'ndjson', 'svg', 'table']);
    expect(await complete(['runoff', '--denominator', ''])).toEqual(['cast', 'valid', 'valid+blank']);
    expect(await complete(['runoff', '--encoding', 'u'])).toEqual(['utf-16be', 'utf-16le', 'utf-8']);
    expect(await complete(['runoff', '--rule', 'us-g'])).toEqual(['us-ga', 'us-ga-nonpartisan']);
    expect(await complete(['runoff', 'completion', ''])).toEqual(['bash', 'fish', 'zsh']);
  });
  it('completes file names without extglob', async () => {
    expect(await complete(['runoff', 'ga-06'])).toEqual(['ga-06-2017-04-18-special-jungle.csv', 'ga-06-2017-06-20-runoff-total-rows.csv']);
  });
});

describe.runIf(has('fish'))('fish', () => {
  it('offers the values of --format, --denominator and completion', async () => {
    const file = await script('fish');
    const values = (line: string): string[] => sh('fish', ['-c', `source '${file}'; complete -C '${line}'`]).split('\n').filter(Boolean).map((l) => l.split('\t')[0] ?? '').sort();
    expect(values('runoff --format ')).toEqual(['csv', 'html', 'json', 'markdown', 'ndjson', 'svg', 'table']);
    expect(values('runoff --denominator ')).toEqual(['cast', 'valid', 'valid+blank']);
    expect(values('runoff completion ')).toEqual(['bash', 'fish', 'zsh']);
  });
});

describe.runIf(has('zsh'))('zsh', () => {
  it('parses, and its descriptions keep their apostrophes', async () => {
    const file = await script('zsh');
    expect(sh('zsh', ['-n', file])).toBe('');
    // Replace _arguments by a printer: what zsh reads from the quoted specs.
    const specs = sh('zsh', ['-c', `_arguments() { printf '%s\\n' "$@"; }; source '${file}'`]);
    expect(specs).toContain("--advance[how many go to the runoff (default\\: the rule's, usually 2)]:advance: ");
    expect(specs).toMatch(/--format\[output format\]:format:\(table json ndjson csv markdown html svg\)/);
  });
});
