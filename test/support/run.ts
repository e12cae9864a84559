/** Run the CLI in-process with memory streams, or spawn the built binary. */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { main } from '../../src/cli/main.js';
import { parseDoc, type ElectionDoc } from './doc.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = `${ROOT}bin/runoff.js`;
export const DATA = fileURLToPath(new URL('../../../shared/data/', import.meta.url));
export const hasData = existsSync(DATA);

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  stdin?: string | Buffer | Buffer[];
  stdinIsTTY?: boolean;
  env?: Record<string, string | undefined>;
  isTTY?: boolean;
  columns?: number;
}

/** main() with memory streams: fast, and exactly what the binary runs. */
export async function run(argv: string[], options: RunOptions = {}): Promise<RunResult> {
  let stdout = '';
  let stderr = '';
  const input = options.stdin === undefined ? [] : Array.isArray(options.stdin) ? options.stdin : [Buffer.from(options.stdin)];
  const stdin = Object.assign(
    (async function* () {
      for (const chunk of input) yield chunk;
    })(),
    { isTTY: options.stdinIsTTY ?? false },
  );
  const code = await main(argv, {
    stdout: { write: (t: string) => (stdout += t), isTTY: options.isTTY ?? false, ...(options.columns ? { columns: options.columns } : {}) },
    stderr: { write: (t: string) => (stderr += t) },
    stdin,
    env: options.env ?? {},
  });
  return { code, stdout, stderr };
}

/** The built binary, as a user runs it (needs `npm run build`). */
export function spawn(argv: string[], options: { input?: string; env?: Record<string, string> } = {}): RunResult {
  const r = spawnSync(process.execPath, [BIN, ...argv], {
    cwd: ROOT,
    input: options.input ?? '',
    env: { PATH: process.env.PATH ?? '', ...options.env },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

export function fixture(name: string): string {
  return `${ROOT}fixtures/${name}`;
}

export interface JsonRun {
  code: number;
  stderr: string;
  /** The parsed, schema-checked document; reading it fails with the exit code and stderr when nothing was printed. */
  readonly doc: ElectionDoc;
}

/** A run's result with its stdout read as the `--json` document, parsed only when a test reads `doc`. */
export function jsonRun(r: RunResult): JsonRun {
  let doc: ElectionDoc | undefined;
  return {
    code: r.code,
    stderr: r.stderr,
    get doc(): ElectionDoc {
      if (r.stdout === '') throw new Error(`no JSON document on stdout (exit ${r.code}): ${r.stderr.trim()}`);
      return (doc ??= parseDoc(r.stdout));
    },
  };
}

/** A --json run: exit code, stderr and the typed document. */
export async function json(argv: string[], options: RunOptions = {}): Promise<JsonRun> {
  return jsonRun(await run(['--json', ...argv], options));
}

/** candidate name → votes for one race of a JSON document. */
export function votesOf(race: { candidates: { name: string; votes: number }[] }): Record<string, number> {
  return Object.fromEntries(race.candidates.map((c) => [c.name, c.votes]));
}

/** Split bytes at the given cut points (taken modulo the length): the same input arriving in random chunks. */
export function chunked(bytes: Uint8Array, cuts: number[]): Buffer[] {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const points = [...new Set(cuts.map((c) => c % (b.length + 1)))].sort((x, y) => x - y);
  const out: Buffer[] = [];
  let from = 0;
  for (const p of [...points, b.length]) {
    if (p > from) out.push(b.subarray(from, p));
    from = Math.max(from, p);
  }
  return out;
}
