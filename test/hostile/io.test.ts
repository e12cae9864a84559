/**
 * Hostile inputs, I/O (#57–#61 of the corpus): unreadable inputs, stdin, closed pipes, big outputs, big inputs, Ctrl-C.
 * The pipe and signal tests spawn the built binary (`node scripts/build.mjs`), as a user runs it.
 */
import { spawn } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, run } from '../support/run.js';
import { fullDepthOnly } from '../support/runs.js';
import { dataError, expectCleanStderr, manyRows, runStream } from './support.js';
import { at, firstInput, firstRace, parseDoc } from '../support/doc.js';

interface Spawned {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  peakRssKiB: number;
}

/** The binary with piped stdio; `drive` writes stdin and may read or close stdout as it likes. */
function spawnBinary(argv: string[], drive: (child: ReturnType<typeof spawn>) => void | Promise<void>, nodeFlags: string[] = []): Promise<Spawned> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeFlags, BIN, ...argv], { cwd: ROOT, env: { PATH: process.env.PATH ?? '' }, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let peakRssKiB = 0;
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.stdin.on('error', () => undefined); // the child may stop reading early: that is allowed
    const rss = setInterval(() => {
      try {
        const kb = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0);
        peakRssKiB = Math.max(peakRssKiB, kb);
      } catch {
        // not Linux, or already gone
      }
    }, 20);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearInterval(rss);
      resolve({ code, signal, stdout, stderr, peakRssKiB });
    });
    Promise.resolve(drive(child)).catch(reject);
  });
}

/** Writes chunks to the child's stdin with backpressure; stops quietly when the child closes it. */
async function feed(child: ReturnType<typeof spawn>, chunks: Iterable<Buffer>, end = true): Promise<void> {
  const stdin = child.stdin;
  if (!stdin) return;
  for (const chunk of chunks) {
    if (stdin.destroyed || child.exitCode !== null) return;
    if (!stdin.write(chunk)) {
      await new Promise<void>((resolve) => {
        const done = (): void => {
          stdin.off('drain', done);
          stdin.off('close', done);
          resolve();
        };
        stdin.on('drain', done);
        stdin.on('close', done);
      });
    }
  }
  if (end && !stdin.destroyed) stdin.end();
}

/** A file with `races` races of three candidates: big output from a small command. */
function manyRacesFile(races: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'runoff-io-'));
  let s = 'county,office,district,candidate,votes\n';
  for (let i = 0; i < races; i++) {
    s += `Leon,State House,${i + 1},Ann Smith,${100 + (i % 7)}\nLeon,State House,${i + 1},Robert Jones,90\nLeon,State House,${i + 1},Carla Diaz,${i % 50}\n`;
  }
  const path = join(dir, 'many.csv');
  writeFileSync(path, s);
  return path;
}

const isRoot = process.getuid?.() === 0;

describe('I/O', () => {
  it('#57 missing file: exit 3 with ENOENT and no stack', async () => {
    const r = await run(['no/such/results.csv']);
    expect(r.code).toBe(3);
    expect(r.stderr).toBe('runoff: cannot read no/such/results.csv: no such file (ENOENT)\n  hint: check the path and the spelling; `-` reads standard input\n');
  });

  it('#57 a directory: exit 3 with EISDIR and no stack', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'runoff-io-'));
    mkdirSync(join(dir, 'results.csv'));
    const r = await run([join(dir, 'results.csv')]);
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(`runoff: cannot read ${join(dir, 'results.csv')}: is a directory, not a file (EISDIR)\n  hint: give the CSV files inside it, e.g. folder/*.csv\n`);
  });

  it.skipIf(isRoot)('#57 no read permission: exit 3 with EACCES and no stack', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'runoff-io-'));
    const path = join(dir, 'secret.csv');
    writeFileSync(path, 'candidate,votes\nA,1\n');
    chmodSync(path, 0o000);
    const r = await run([path]);
    expect(r.code).toBe(3);
    expect(r.stderr).toBe(`runoff: cannot read ${path}: permission denied (EACCES)\n  hint: check the file's permissions\n`);
  });

  it('#57 a read error in the middle of the input (EACCES, EIO): exit 3, no stack', async () => {
    for (const code of ['EACCES', 'EIO']) {
      const r = await runStream(['-'], async function* () {
        yield Buffer.from('candidate,votes\nA,1\n');
        throw Object.assign(new Error(`${code}: i/o trouble, read`), { code });
      });
      expect(r.code).toBe(3);
      expect(r.stderr).toMatch(new RegExp(`^runoff: cannot read <stdin>: [^\\n]*\\(${code}\\)\\n  hint: [^\\n]+\\n$`));
    }
  });

  it('#58 no argument and stdin on a terminal: help, exit 2', async () => {
    const r = await run([], { stdinIsTTY: true });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^Usage: runoff/);
    expect(r.stderr).toMatch(/no input: give a CSV file, or pipe one into standard input\n$/);
  });

  it('#58 `runoff -` with an empty pipe: error "no data" (in-process and the binary)', async () => {
    expect(dataError(await run(['-'], { stdin: [] })).message).toMatch(/input is empty/);
    const r = await spawnBinary(['-'], (child) => void child.stdin?.end());
    expect(r.code).toBe(1);
    expect(r.stderr).toBe('runoff: <stdin>: the input is empty: no header row\n  hint: nothing was read: check the file, or the command that pipes into runoff\n');
  });

  it('#59 `runoff big.csv | head -1`: exit 0 and no EPIPE stack', async () => {
    const path = manyRacesFile(5_000); // a table of ~1.5 MB, far past the 64 KiB pipe buffer
    for (const format of [[], ['--json']]) {
      const r = await spawnBinary([...format, path], (child) => {
        child.stdout?.once('data', () => child.stdout?.destroy()); // the reader takes one chunk and leaves
      });
      expect(r.signal).toBeNull();
      expect(r.code).toBe(0);
      expect(r.stderr).toBe('');
    }
  });

  it('#60 --json output larger than 64 KB through a pipe to a slow reader: complete, valid JSON', async () => {
    const path = manyRacesFile(3_000);
    const r = await spawnBinary(['--json', path], async (child) => {
      child.stdout?.pause();
      await new Promise((resolve) => setTimeout(resolve, 300));
      child.stdout?.resume();
    });
    expect(r.code).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(1 << 20);
    const doc = parseDoc(r.stdout);
    expect(doc.races).toHaveLength(3_000);
    expect(at(doc.races, 2_999, 'race').district).toBe('3000');
  });

  it.skipIf(fullDepthOnly('#61 a 200 MB file on stdin'))('#61 a large file on stdin (~200 MB): bounded memory, streaming, correct totals', async () => {
    const chunks = 128; // × ~1.6 MB
    const r = await spawnBinary(['--json', '-'], async (child) => {
      await feed(child, (function* () {
        yield Buffer.from('county,precinct,office,candidate,votes\n');
        yield* manyRows(chunks);
      })());
    });
    expect(r.code, r.stderr).toBe(0);
    expectCleanStderr(r.stderr);
    const doc = parseDoc(r.stdout);
    const rows = chunks * 40_000;
    expect(firstInput(doc).rows).toBe(rows);
    let expected = 0;
    for (let i = 0; i < 40_000; i++) expected += i % 97;
    expect(firstRace(doc).totalVotes).toBe(expected * chunks);
    if (process.platform === 'linux') expect(r.peakRssKiB).toBeLessThan(160 * 1024);
  }, 60_000);

  it('#61 Ctrl-C (SIGINT) while reading: exit 130 and no partial JSON document', async () => {
    const r = await spawnBinary(['--json', '-'], async (child) => {
      // Wait until the child has drained a few MB (it is running and reading), then interrupt it mid-stream.
      await feed(child, (function* () {
        yield Buffer.from('county,precinct,office,candidate,votes\n');
        yield* manyRows(4);
      })(), false);
      child.kill('SIGINT');
    });
    expect(r.signal).toBeNull();
    expect(r.code).toBe(130);
    expect(r.stdout).toBe('');
    expectCleanStderr(r.stderr);
  });
});
