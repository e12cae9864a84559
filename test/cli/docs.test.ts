/** The man page, the README and the help stay in step with the options the program really has. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildProgram } from '../../src/cli/program.js';
import { parseRulesDoc } from '../support/doc.js';
import { ROOT, run } from '../support/run.js';

const program = buildProgram({ stdout: { write: () => undefined }, stderr: { write: () => undefined } }, '0.0.0', () => undefined);
const longs = program.options.filter((o) => o.long && !o.hidden && o.long !== '--version' && o.long !== '--help').map((o) => o.long as string);
const man = readFileSync(`${ROOT}man/runoff.1`, 'utf8').replaceAll('\\-', '-');
const readme = readFileSync(`${ROOT}README.md`, 'utf8');

describe('documentation', () => {
  it.each(longs)('the man page and README describe %s', (flag) => {
    expect(man).toContain(flag);
    expect(readme).toContain(flag);
  });

  it('documents every subcommand', () => {
    for (const c of program.commands.map((c) => c.name())) {
      expect(man).toContain(`runoff ${c}`);
      expect(readme).toContain(`runoff ${c}`);
    }
  });

  it('leads the help with examples, before the options', async () => {
    const { stdout, code } = await run(['--help']);
    expect(code).toBe(0);
    expect(stdout.indexOf('Examples:')).toBeGreaterThan(0);
    expect(stdout.indexOf('Examples:')).toBeLessThan(stdout.indexOf('Options:'));
  });

  it('prints completion scripts for bash, zsh and fish that offer every option', async () => {
    for (const shell of ['bash', 'zsh', 'fish']) {
      const { stdout, code } = await run(['completion', shell]);
      expect(code).toBe(0);
      for (const flag of longs) expect(stdout).toContain(shell === 'fish' ? `-l ${flag.slice(2)}` : flag);
      expect(stdout).toContain('us-ga');
    }
    expect((await run(['completion', 'tcsh'])).code).toBe(2);
  });
});

describe('runoff rules', () => {
  it('lists at least 35 presets with a source each, as a table and with --json', async () => {
    const table = await run(['rules']);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('us-ga');
    const { stdout, code } = await run(['rules', '--json']);
    expect(code).toBe(0);
    const doc = parseRulesDoc(stdout);
    expect(doc.rules.length).toBeGreaterThanOrEqual(35);
    for (const rule of doc.rules) expect(rule.source.length).toBeGreaterThan(10);
    // The README documents every preset, the instant-runoff ones with whether they are verified.
    for (const rule of doc.rules) expect(readme).toContain(`\`${rule.id}\``);
    for (const p of doc.irvRules) expect(readme).toMatch(new RegExp(`^\\| \`${p.id}\` \\|.*\\| ${p.verified ? 'yes' : 'no'}[^|]* \\|$`, 'm'));
  });
});
