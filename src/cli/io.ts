/** The one IO port of the CLI: every command, the watch loop and the progress line write through it. */

/** Somewhere text goes: process.stdout / process.stderr, or a string buffer in tests. */
export interface Sink {
  write(text: string): unknown;
  isTTY?: boolean;
}

export interface Io {
  stdout: Sink & { columns?: number };
  stderr: Sink;
  stdin: AsyncIterable<Buffer | string> & { isTTY?: boolean };
  env: Record<string, string | undefined>;
  /** Aborted on Ctrl-C: ends --watch. */
  signal?: AbortSignal;
}
