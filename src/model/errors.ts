/** One closed error hierarchy; main() is the only place these become exit codes. */
export const ExitCode = { Ok: 0, Data: 1, Usage: 2, Input: 3, Internal: 70, Interrupted: 130 } as const;
export type ExitCode = (typeof ExitCode)[keyof typeof ExitCode];

/** Where in the input something happened: file name as given (or `<stdin>`) and 1-based line. */
export interface SourceRef {
  file: string;
  line?: number;
}

export abstract class RunoffError extends Error {
  abstract readonly exitCode: ExitCode;
  constructor(
    message: string,
    readonly at?: SourceRef,
    readonly hint?: string,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/** A bad flag, an unknown preset, a missing argument. */
export class UsageError extends RunoffError {
  readonly exitCode = ExitCode.Usage;
}
/** The input cannot be read at all: ENOENT, EACCES, EISDIR. */
export class InputError extends RunoffError {
  readonly exitCode = ExitCode.Input;
}
/** The input was read but its content is wrong: no layout, a bad number, a broken quote. */
export class DataError extends RunoffError {
  readonly exitCode = ExitCode.Data;
}

export function formatSourceRef(at: SourceRef | undefined): string {
  if (!at) return '';
  return at.line === undefined ? `${at.file}: ` : `${at.file}:${at.line}: `;
}

/**
 * `runoff: results.csv:14: votes "12a" is not a whole number` plus an indented hint line. `escape` is applied
 * to each part (file name, message, hint) so that a line break inside one cannot start a line of its own.
 */
export function formatError(err: RunoffError, escape: (text: string) => string = (t) => t): string {
  const lines = [`runoff: ${escape(formatSourceRef(err.at) + err.message)}`];
  if (err.hint) lines.push(`  hint: ${escape(err.hint)}`);
  return lines.join('\n') + '\n';
}
