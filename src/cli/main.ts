/** main(argv, io) → exit code: the error boundary. The only place errors become exit codes. */
import { CommanderError } from 'commander';
import type { Command } from 'commander';
import { buildProgram, type Parsed } from './program.js';
import { ExitCode, formatError, RunoffError, UsageError } from '../model/errors.js';
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
    return await dispatch(p, io, (topic) => helpOf(program, topic), (d) => (debug = d));
  } catch (err) {
    // Ctrl-C ends `cat | runoff` too, and the cut input may fail to parse before the signal is handled: give
    // the signal a moment to arrive (only for errors in standard input), then say nothing about a half-read line.
    // (A caller that passes no signal, such as the library or a test, has no Ctrl-C to wait for.)
    const fromStdin = io.signal !== undefined && err instanceof RunoffError && err.at?.file === '<stdin>';
    await new Promise((resolve) => (fromStdin ? setTimeout(resolve, 150) : setImmediate(resolve)));
    if (io.signal?.aborted) return ExitCode.Interrupted;
    if (err instanceof RunoffError) {
      io.stderr.write(formatError(err, sanitizeForTerminal));
      return err.exitCode;
    }
    io.stderr.write(`runoff: internal error: ${sanitizeForTerminal(err instanceof Error ? err.message : String(err))}\n`);
    io.stderr.write(debug && err instanceof Error && err.stack ? `${sanitizeLines(err.stack)}\n` : '  hint: this is a bug in runoff; run again with --debug for details\n');
    return ExitCode.Internal;
  }
}

const SHORT_USAGE = `Usage: runoff [options] [files...]
  runoff results.csv                 who won outright, or who goes to the runoff, in every race
  runoff --json results.csv | jq …   the same as a JSON document
  runoff races results.csv           what a file holds: races, candidates, layout
runoff --help for more
`;

/** The help of the program, or of one of its commands; null for a command that does not exist. */
function helpOf(program: Command, topic?: string): string | null {
  if (topic === undefined) return program.helpInformation();
  const command = program.commands.find((c) => c.name() === topic);
  return command ? command.helpInformation() : null;
}

function showHelp(topic: string | undefined, io: Io, help: (topic?: string) => string | null): number {
  const text = help(topic);
  if (text === null) throw new UsageError(`no command ${JSON.stringify(topic)}`, undefined, 'the commands are races, rules, schema, completion and help; runoff --help shows the options');
  io.stdout.write(text);
  return ExitCode.Ok;
}

/** Each command is loaded on demand: --version and --help never load the pipeline. */
async function dispatch(p: Parsed, io: Io, help: (topic?: string) => string | null, setDebug: (debug: boolean) => void): Promise<number> {
  switch (p.command) {
    case 'completion': {
      const [{ completionScript }, { presets }] = await Promise.all([import('./commands/completion.js'), import('../count/rules/presets.js')]);
      io.stdout.write(completionScript(p.shell, p.program, presets.map((r) => r.id)));
      return ExitCode.Ok;
    }
    case 'rules':
      return (await import('./commands/rules.js')).rules(p.id, p.json, io);
    case 'help':
      return showHelp(p.topic, io, help);
    case 'schema':
      return (await import('./commands/schema.js')).schema(io);
    case 'count':
    case 'races': {
      setDebug(p.options.debug ?? false);
      if (p.files.length === 0 && p.options.rctab === undefined && io.stdin.isTTY) {
        // Like rg and gh: a few lines that say what to type, not the whole help.
        io.stderr.write(SHORT_USAGE);
        io.stderr.write('runoff: no input: give a CSV file, or pipe one into standard input\n');
        return ExitCode.Usage;
      }
      const [{ toRequest }, { count }] = await Promise.all([import('./options.js'), import('./commands/count.js')]);
      return count(toRequest(p.command, p.files, p.options), io);
    }
  }
}
