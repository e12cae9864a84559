/**
 * Helpers for the hostile-input corpus (test/hostile: 61 numbered inputs, each with what a trusted tool does): run an input through both parsers, read the error
 * line apart, and feed stdin from a generator so a test can see how much of a huge stream was read.
 */
import { expect } from 'vitest';
import { main } from '../../src/cli/main.js';
import { jsonRun, run, type JsonRun, type RunResult } from '../support/run.js';

/** The CSV text of rows of cells, quoted where needed, with one line ending. */
export function csv(rows: readonly (readonly string[])[], eol = '\n'): string {
  return rows.map((cells) => cells.map((c) => (/[",\r\n]/.test(c) || c !== c.trim() ? `"${c.replaceAll('"', '""')}"` : c)).join(',')).join(eol) + eol;
}

/**
 * Runs an input with the byte scanner and with csv-parse, asserts that a user sees exactly the same from
 * both, and returns that. Every structural rule must hold whichever parser a file happens to take.
 */
export async function runBoth(argv: string[], input: string | Buffer | Buffer[]): Promise<RunResult> {
  const stdin = typeof input === 'string' ? [Buffer.from(input)] : Array.isArray(input) ? input : [input];
  const fast = await run(['--parser', 'fast', ...argv, '-'], { stdin });
  const slow = await run(['--parser', 'csv-parse', ...argv, '-'], { stdin });
  expect(fast).toEqual(slow);
  return fast;
}

/** `--json -` on an input: the parsed document (null when nothing was printed), exit code and stderr. */
export async function jsonOf(input: string | Buffer | Buffer[], argv: string[] = []): Promise<JsonRun> {
  const stdin = typeof input === 'string' ? [Buffer.from(input)] : Array.isArray(input) ? input : [input];
  return jsonRun(await run(['--json', ...argv, '-'], { stdin }));
}

export interface ParsedError {
  file: string;
  line: number | null;
  message: string;
  hint: string | null;
}

/** `runoff: <stdin>:14: message` + `  hint: …` → its parts; fails the test on anything else (a stack trace). */
export function errorOf(r: RunResult): ParsedError {
  const m = /^runoff: ([^:\n]+?)(?::(\d+))?: (.*)\n(?: {2}hint: (.*)\n)?$/.exec(r.stderr);
  expect(m, `one error line (and a hint) on stderr, got ${JSON.stringify(r.stderr)}`).not.toBeNull();
  const [, file = '', line, message = '', hint] = m as RegExpExecArray;
  return { file, line: line === undefined ? null : Number(line), message, hint: hint ?? null };
}

/** Asserts a data error (exit 1, nothing on stdout) and returns it. */
export function dataError(r: RunResult): ParsedError {
  expect(r.code, r.stderr).toBe(1);
  expect(r.stdout).toBe('');
  return errorOf(r);
}

/** The warnings printed on stderr, one per line, without the `runoff: warning: ` prefix. */
export function warningsOf(r: RunResult): string[] {
  return r.stderr
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => {
      expect(l).toMatch(/^runoff: warning: /);
      return l.replace(/^runoff: warning: /, '');
    });
}

/** No stack trace and no Node warning ever reaches the user. */
export function expectCleanStderr(stderr: string): void {
  expect(stderr).not.toMatch(/^\s+at /m);
  expect(stderr).not.toMatch(/\(node:\d+\)|internal error/);
}

export interface StreamRun extends RunResult {
  /** Bytes the program pulled from stdin before it finished. */
  consumed: number;
  ms: number;
}

/** main() with stdin pulled from a generator: shows how early a run stops reading a huge stream. */
export async function runStream(argv: string[], chunks: () => Iterable<Buffer> | AsyncIterable<Buffer>): Promise<StreamRun> {
  let consumed = 0;
  let stdout = '';
  let stderr = '';
  const stdin = Object.assign(
    (async function* () {
      for await (const chunk of chunks()) {
        consumed += chunk.length;
        yield chunk;
      }
    })(),
    { isTTY: false },
  );
  const started = performance.now();
  const code = await main(argv, {
    stdout: { write: (t: string) => (stdout += t), isTTY: false },
    stderr: { write: (t: string) => (stderr += t) },
    stdin,
    env: {},
  });
  return { code, stdout, stderr, consumed, ms: performance.now() - started };
}

/** `n` chunks of ~1 MiB of valid long-layout rows, for streams far larger than any record limit. */
export function* manyRows(n: number, chunkRows = 40_000): Generator<Buffer> {
  for (let c = 0; c < n; c++) {
    let s = '';
    for (let i = 0; i < chunkRows; i++) s += `Fulton,${c * chunkRows + i},Governor,Ann Smith,${i % 97}\n`;
    yield Buffer.from(s);
  }
}
