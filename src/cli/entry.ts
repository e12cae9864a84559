/** The bundle's entry: wires main() to the real process — its streams, a closed pipe and Ctrl-C. */
import { ExitCode } from '../model/errors.js';
import { main } from './main.js';

export async function run(argv: string[]): Promise<number> {
  // `runoff … | head` closes the pipe early: that is the reader's choice, not an error (and no stack trace).
  const onPipeError = (err: NodeJS.ErrnoException): void => {
    if (err.code === 'EPIPE') process.exit(ExitCode.Ok);
  };
  process.stdout.on('error', onPipeError);
  process.stderr.on('error', onPipeError);

  // Ctrl-C exits 130 (128 + SIGINT). The result is written once, after the count: interrupted before that,
  // stop at once and nothing is printed. Interrupted while it is being written, let the write finish — a cut
  // JSON document is worse than a complete one — and exit 130 after it. A second Ctrl-C kills as usual.
  let writing = false;
  let interrupted = false;
  const stop = new AbortController(); // ends --watch, which keeps writing until then
  process.once('SIGINT', () => {
    interrupted = true;
    stop.abort();
    process.exitCode = ExitCode.Interrupted;
    if (!writing) process.exit(ExitCode.Interrupted);
  });

  const code = await main(argv, {
    stdout: {
      write: (text: string) => {
        writing = true;
        return process.stdout.write(text);
      },
      get isTTY() {
        return process.stdout.isTTY;
      },
      get columns() {
        return process.stdout.columns;
      },
    },
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    signal: stop.signal,
  });
  return interrupted ? ExitCode.Interrupted : code;
}
