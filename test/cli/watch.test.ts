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
    let err = '';
    const stop = new AbortController();
    const running = main(['--watch', file], {
      stdout: { write: (t: string) => (out += t), isTTY: false },
      stderr: { write: (t: string) => (err += t) },
      stdin: (async function* () {})(),
      env: {},
      signal: stop.signal,
    });
    await until(() => out.includes('RUNOFF  A vs B'));

    writeFileSync(file, 'candidate,votes\nA,700\nB,300\nC,200\n');
    await until(() => out.includes('WINNER  A — 700 of 1,200 votes'));

    // Half-written: the quote is still open. The 1,200-vote result stays the last one shown.
    writeFileSync(file, 'candidate,votes\nA,700\n"B,3');
    // Piped, the status lines go to stderr: stdout holds only counts.
    await until(() => err.includes('kept the last good count'));
    expect(err).toContain('a quoted field is never closed');
    expect(out.slice(out.lastIndexOf('WINNER'))).not.toContain('RUNOFF');
    expect(out).not.toContain('──');

    writeFileSync(file, 'candidate,votes\nA,700\nB,900\n');
    await until(() => out.includes('WINNER  B — 900 of 1,600 votes'));

    stop.abort();
    expect(await running).toBe(130);
  }, 20_000);

  it('--format ndjson: every line of stdout is JSON; a missing file is said once, with no claim of a count kept', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'runoff-watch-'));
    const file = join(dir, 'later.csv');
    let out = '';
    let err = '';
    const stop = new AbortController();
    const running = main(['--watch', '--format', 'ndjson', file], {
      stdout: { write: (t: string) => (out += t), isTTY: false },
      stderr: { write: (t: string) => (err += t) },
      stdin: (async function* () {})(),
      env: {},
      signal: stop.signal,
    });
    await until(() => err.includes('no count yet'));
    expect(err).toContain('no such file');
    expect(err).not.toContain('kept the last good count');
    writeFileSync(file, 'candidate,votes\nA,500\nB,300\nC,200\n');
    await until(() => out.includes('"status":"runoff"'));
    writeFileSync(file, 'candidate,votes\nA,700\nB,300\nC,200\n');
    await until(() => out.includes('"status":"winner"'));
    stop.abort();
    expect(await running).toBe(130);
    expect(err.match(/no count yet/g)).toHaveLength(1);
    for (const line of out.trimEnd().split('\n')) expect(() => JSON.parse(line)).not.toThrow();
  }, 20_000);

  it('refuses standard input', async () => {
    let err = '';
    const code = await main(['--watch', '-'], { stdout: { write: () => true }, stderr: { write: (t: string) => (err += t) }, stdin: (async function* () {})(), env: {} });
    expect(code).toBe(2);
    expect(err).toContain('--watch needs files');
  });
});
