/**
 * The README cannot drift: every fenced example — a `$ runoff …` line followed by its output — is run through
 * the built binary (as a shell command, so pipes to grep, tail or jq work) and its standard output compared
 * exactly. Only CRLF line ends (CSV output) are read as LF, and blank lines that end an example's output
 * separate it from the next command. Needs `npm run build`.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../support/run.js';

interface Example {
  command: string;
  expected: string;
  line: number;
}

function examples(markdown: string): Example[] {
  const out: Example[] = [];
  const lines = markdown.split('\n');
  let inFence = false;
  let current: Example | null = null;
  const close = (): void => {
    if (current) out.push({ ...current, expected: current.expected.replace(/\n+$/, '') });
    current = null;
  };
  lines.forEach((line, i) => {
    if (line.startsWith('```')) {
      close();
      inFence = !inFence;
      return;
    }
    if (!inFence) return;
    if (line.startsWith('$ ')) {
      close();
      current = { command: line.slice(2), expected: '', line: i + 1 };
    } else if (current) {
      current.expected += `${line}\n`;
    }
  });
  close();
  return out.filter((e) => /(^|\|\s*|&&\s*)runoff\b/.test(e.command));
}

const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
const all = examples(readme);
const bin = mkdtempSync(join(tmpdir(), 'runoff-readme-'));
writeFileSync(join(bin, 'runoff'), `#!/bin/sh\nexec "${process.execPath}" "${BIN}" "$@"\n`);
chmodSync(join(bin, 'runoff'), 0o755);
const has = (tool: string): boolean => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;

describe('README examples', () => {
  it('has examples to run', () => {
    expect(all.length).toBeGreaterThanOrEqual(8);
  });

  it.each(all.map((e) => [`line ${e.line}: ${e.command}`, e] as const))('%s', (_name, e) => {
    const needs = ['jq'].filter((tool) => new RegExp(`\\|\\s*${tool}\\b`).test(e.command) && !has(tool));
    if (needs.length > 0) {
      console.log(`README example at line ${e.line} skipped: ${needs.join(', ')} is not installed`);
      return;
    }
    const r = spawnSync('bash', ['-o', 'pipefail', '-c', e.command], {
      cwd: ROOT,
      env: { PATH: `${bin}:${process.env.PATH ?? ''}` },
      encoding: 'utf8',
    });
    expect(r.stdout.replace(/\r\n/g, '\n').replace(/\n+$/, '')).toBe(e.expected);
  });
});
