/** main(argv, io) → exit code. Runs the pipeline; the only place errors become exit codes. */
import { CommanderError } from 'commander';
import { buildProgram, type Parsed, type RawOptions } from './program.js';
import { ExitCode, formatError, RunoffError } from '../model/errors.js';
import { sanitizeForTerminal, sanitizeLines } from '../render/sanitize.js';

declare const __RUNOFF_VERSION__: string | undefined;
const VERSION = typeof __RUNOFF_VERSION__ === 'string' ? __RUNOFF_VERSION__ : '0.0.0-dev';

export interface Io {
  stdout: { write(text: string): unknown; isTTY?: boolean; columns?: number };
  stderr: { write(text: string): unknown; isTTY?: boolean };
  stdin: AsyncIterable<Buffer | string> & { isTTY?: boolean };
  env: Record<string, string | undefined>;
  /** Aborted on Ctrl-C: ends --watch. */
  signal?: AbortSignal;
}

export async function main(argv: string[], io: Io): Promise<number> {
  let debug = argv.includes('--debug');
  try {
    let parsed: Parsed | null = null;
    const program = buildProgram({ writeOut: (t) => io.stdout.write(t), writeErr: (t) => io.stderr.write(sanitizeLines(t)) }, VERSION, (p) => (parsed = p));
    try {
      await program.parseAsync(argv, { from: 'user' });
    } catch (err) {
      if (err instanceof CommanderError) {
        // --help and --version end here with exit code 0; everything else commander rejects is a usage error.
        return err.exitCode === 0 ? ExitCode.Ok : ExitCode.Usage;
      }
      throw err;
    }
    const p = parsed as Parsed | null;
    if (!p) return ExitCode.Usage;
    if (p.command === 'completion') {
      const [{ completionScript }, { presets }] = await Promise.all([import('./commands/completion.js'), import('../count/rules/presets.js')]);
      io.stdout.write(completionScript(p.shell, p.program, presets.map((r) => r.id)));
      return ExitCode.Ok;
    }
    if (p.command === 'rules') {
      const { renderRules } = await import('../render/rules.js');
      io.stdout.write(renderRules(p.json ? 'json' : 'table', { width: io.stdout.columns ?? 100 }));
      return ExitCode.Ok;
    }
    if (p.command === 'schema') {
      io.stdout.write((await import('../render/schema.js')).jsonSchema());
      return ExitCode.Ok;
    }
    debug = p.options.debug ?? false;
    if (p.files.length === 0 && io.stdin.isTTY) {
      io.stderr.write(program.helpInformation());
      io.stderr.write('\nrunoff: no input: give a CSV file, or pipe one into standard input\n');
      return ExitCode.Usage;
    }
    // Loaded only for a count: --version, --help and the other commands start faster without it.
    const { count } = await import('./commands/count.js');
    return await count(p.files, p.options, io);
  } catch (err) {
    if (err instanceof RunoffError) {
      io.stderr.write(formatError(err, sanitizeForTerminal));
      return err.exitCode;
    }
    io.stderr.write(`runoff: internal error: ${sanitizeForTerminal(err instanceof Error ? err.message : String(err))}\n`);
    io.stderr.write(debug && err instanceof Error && err.stack ? `${sanitizeLines(err.stack)}\n` : '  hint: this is a bug in runoff; run again with --debug for details\n');
    return ExitCode.Internal;
  }
}

