/** main(argv, io) → exit code: the error boundary. The only place errors become exit codes. */
import { CommanderError } from 'commander';
import { buildProgram, type Parsed } from './program.js';
import { ExitCode, formatError, RunoffError } from '../model/errors.js';
import { sanitizeForTerminal, sanitizeLines } from '../render/sanitize.js';
import type { Io } from './io.js';

declare const __RUNOFF_VERSION__: string | undefined;
const VERSION = typeof __RUNOFF_VERSION__ === 'string' ? __RUNOFF_VERSION__ : '0.0.0-dev';

export async function main(argv: string[], io: Io): Promise<number> {
  let debug = argv.includes('--debug');
  try {
    let parsed: Parsed | null = null;
    const errors = { write: (t: string) => io.stderr.write(sanitizeLines(t)) };
    const program = buildProgram({ stdout: io.stdout, stderr: errors }, VERSION, (p) => (parsed = p));
    try {
      await program.parseAsync(argv, { from: 'user' });
    } catch (err) {
      // --help and --version end here with exit code 0; everything else commander rejects is a usage error.
      if (err instanceof CommanderError) return err.exitCode === 0 ? ExitCode.Ok : ExitCode.Usage;
      throw err;
    }
    const p = parsed as Parsed | null;
    if (!p) return ExitCode.Usage;
    return await dispatch(p, io, () => program.helpInformation(), (d) => (debug = d));
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

/** Each command is loaded on demand: --version and --help never load the pipeline. */
async function dispatch(p: Parsed, io: Io, help: () => string, setDebug: (debug: boolean) => void): Promise<number> {
  switch (p.command) {
    case 'completion': {
      const [{ completionScript }, { presets }] = await Promise.all([import('./commands/completion.js'), import('../count/rules/presets.js')]);
      io.stdout.write(completionScript(p.shell, p.program, presets.map((r) => r.id)));
      return ExitCode.Ok;
    }
    case 'rules':
      return (await import('./commands/rules.js')).rules(p.json, io);
    case 'schema':
      return (await import('./commands/schema.js')).schema(io);
    case 'count':
    case 'races': {
      setDebug(p.options.debug ?? false);
      if (p.files.length === 0 && p.options.rctab === undefined && io.stdin.isTTY) {
        io.stderr.write(help());
        io.stderr.write('\nrunoff: no input: give a CSV file, or pipe one into standard input\n');
        return ExitCode.Usage;
      }
      const [{ toRequest }, { count }] = await Promise.all([import('./options.js'), import('./commands/count.js')]);
      return count(toRequest(p.command, p.files, p.options), io);
    }
  }
}
