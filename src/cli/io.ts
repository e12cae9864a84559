/** The one IO port of the CLI: every command, the watch loop and the progress line write through it. */

/** Somewhere text goes: process.stdout / process.stderr, or a string buffer in tests. */
export interface Sink {
  write(text: string): unknown;
  isTTY?: boolean;
  /**
   * After a write returned false (a pipe whose reader is slower): resolves when the sink takes more. Without
   * the wait, a large output piped to a slow reader was queued whole in memory.
   */
  drained?(): Promise<void>;
}

export interface Io {
  stdout: Sink & { columns?: number };
  stderr: Sink;
  stdin: AsyncIterable<Buffer | string> & { isTTY?: boolean };
  env: Record<string, string | undefined>;
  /** Aborted on Ctrl-C: ends --watch. */
  signal?: AbortSignal;
}
