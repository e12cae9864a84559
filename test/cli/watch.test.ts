import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';

/** Wait until `check` passes, polling. */
async function until(check: () => boolean, ms = 8000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('--watch', () => {
  it('redraws when the file is rewritten, keeps the last good count through a half-written file, and stops on abort', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'runoff-watch-')), 'results.csv');
    writeFileSync(file, 'candidate,votes\nA,500\nB,300\nC,200\n');
    let out = '';
    const stop = new AbortController();
    const running = main(['--watch', file], {
      stdout: { write: (t: string) => (out += t), isTTY: false },
      stderr: { write: () => true },
      stdin: (async function* () {})(),
      env: {},
      signal: stop.signal,
    });
    await until(() => out.includes('RUNOFF  A vs B'));

    writeFileSync(file, 'candidate,votes\nA,700\nB,300\nC,200\n');
    await until(() => out.includes('WINNER  A — 700 of 1,200 votes'));

    // Half-written: the quote is still open. The 1,200-vote result stays the last one shown.
    writeFileSync(file, 'candidate,votes\nA,700\n"B,3');
    await until(() => out.includes('kept the last good count'));
    const afterBad = out.slice(out.lastIndexOf('WINNER'));
    expect(afterBad).toContain('a quoted field is never closed');
    expect(afterBad).not.toContain('RUNOFF');

    writeFileSync(file, 'candidate,votes\nA,700\nB,900\n');
    await until(() => out.includes('WINNER  B — 900 of 1,600 votes'));

    stop.abort();
    expect(await running).toBe(130);
  }, 20_000);

  it('refuses standard input', async () => {
    let err = '';
    const code = await main(['--watch', '-'], { stdout: { write: () => true }, stderr: { write: (t: string) => (err += t) }, stdin: (async function* () {})(), env: {} });
    expect(code).toBe(2);
    expect(err).toContain('--watch needs files');
  });
});
