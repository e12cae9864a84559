/** The shell around the count: version, help, one rule, the short usage, and values that swallowed the input. */
import { spawn as spawnChild } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { BIN } from '../support/run.js';
import { fixture, run, spawn } from '../support/run.js';
import { parseRulesDoc } from '../support/doc.js';

describe('the command line itself', () => {
  it('--version prints "runoff X.Y.Z"', () => {
    expect(spawn(['--version']).stdout).toMatch(/^runoff \d+\.\d+\.\d+\n$/);
  });

  it('no arguments on a terminal: five lines of usage and where to find more, not the whole help', async () => {
    const r = await run([], { stdinIsTTY: true });
    expect(r.code).toBe(2);
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe('Usage: runoff [options] [files...]');
    expect(lines).toContain('runoff --help for more');
    expect(lines.length).toBeLessThanOrEqual(6);
  });

  it('runoff help and runoff help COMMAND', async () => {
    const all = await run(['help']);
    expect(all.code).toBe(0);
    expect(all.stdout).toContain('Usage: runoff [options] [command] [files...]');
    const races = await run(['help', 'races']);
    expect(races.stdout).toMatch(/^Usage: runoff races/);
    const none = await run(['help', 'nope']);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/no command "nope"\n  hint: /);
  });

  it('runoff rules ID shows one rule in full; an unknown id suggests', async () => {
    const ga = await run(['rules', 'us-ga']);
    expect(ga.code).toBe(0);
    expect(ga.stdout).toMatch(/^us-ga\s/);
    expect(ga.stdout).toContain('source:');
    expect(ga.stdout).not.toContain('us-nc');
    const json = await run(['rules', 'us-ga', '--json']);
    expect(parseRulesDoc(json.stdout).rules.map((r) => r.id)).toEqual(['us-ga']);
    const typo = await run(['rules', 'us-gaa']);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toMatch(/unknown rule "us-gaa"\n  hint: did you mean us-ga/);
  });

  it('a value that swallowed the only input file is a usage error, not a wait on standard input', async () => {
    const r = await run(['--by', fixture('ga-06-2017-04-18-special-jungle.csv')], { stdin: '' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--by took ".*ga-06-2017-04-18-special-jungle\.csv" as its value, and no input file is left\n  hint: give --by its value before the file/);
    const last = await run([fixture('ga-06-2017-04-18-special-jungle.csv'), '--race']);
    expect(last.code).toBe(2);
    expect(last.stderr).toMatch(/argument missing/);
  });

  it('Ctrl-C while reading standard input: exit 130, and no error about the half-read line', async () => {
    const child = spawnChild(process.execPath, [BIN, '-'], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.stdin.write('candidate,votes\nA,5\n"B,3');
    // Time to start and install its handlers, even on a busy machine.
    await new Promise((r) => setTimeout(r, 1500));
    // As a terminal's Ctrl-C does to `cat | runoff`: the signal, and the input ends with it.
    child.kill('SIGINT');
    child.stdin.end();
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(code).toBe(130);
    expect(stderr).not.toMatch(/quoted field|runoff: /);
  });
});
