/**
 * The bundle's entry: wires main() to the real process — its streams, a closed pipe, a failed write and Ctrl-C.
 * The only place that calls process.exit, and only where nothing more can reach the reader.
 */
import { ExitCode } from '../model/errors.js';
import { main } from './main.js';

export async function run(argv: string[]): Promise<number> {
  let failedWrite = false;
  // `runoff … | head` closes the pipe early: that is the reader's choice, not an error. Any other failed write
  // (a full disk, an I/O error) is: the output is incomplete, so say so and exit 3.
  process.stdout.on('error', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : ExitCode.Ok);
    failedWrite = true;
    process.exitCode = ExitCode.Input;
    process.stderr.write(`runoff: cannot write the output: ${err.code ?? err.message}\n  hint: check free space on the output's disk, or write somewhere else\n`);
  });
  // stderr has nowhere to report its own failures; an error there must not change the exit code either.
  process.stderr.on('error', () => undefined);

  // Ctrl-C exits 130 (128 + SIGINT). The result is written once, after the count: interrupted before that,
  // stop at once and nothing is printed. Interrupted while it is being written, let the write finish — a cut
  // JSON document is worse than a complete one — and exit 130 after it. A second Ctrl-C kills as usual.
  let writing = false;
  let interrupted = false;
  const stop = new AbortController(); // ends --watch, which keeps writing until then
  process.once('SIGINT', () => {
    interrupted = true;
    stop.abort();
    // A progress line may be on the screen: clear it, so the prompt comes back on a clean line.
    if (process.stderr.isTTY) process.stderr.write('\r\u001b[2K');
    process.exitCode = ExitCode.Interrupted;
    if (!writing) process.exit(ExitCode.Interrupted);
  });

  const code = await main(argv, {
    stdout: {
      write: (text: string) => {
        writing = true;
        // After a failed write the output is incomplete and the exit is 3: writing on would only fail again.
        return failedWrite || process.stdout.write(text);
      },
      // Settles on an error or a close too, so a failed pipe never leaves the writer waiting.
      drained: () =>
        new Promise<void>((resolve) => {
          const done = (): void => {
            process.stdout.off('drain', done).off('error', done).off('close', done);
            resolve();
          };
          process.stdout.once('drain', done).once('error', done).once('close', done);
        }),
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
  if (interrupted) return ExitCode.Interrupted;
  // A write to a file fails asynchronously: wait for the stream to flush, so that its error is seen here.
  await new Promise<void>((resolve) => (process.stdout.writableNeedDrain ? process.stdout.once('drain', resolve) : setImmediate(resolve)));
  return failedWrite ? ExitCode.Input : code;
}
