/** The output formats, on their own so that the command line can list them without loading any renderer. */
export const FORMATS = ['table', 'json', 'ndjson', 'csv', 'markdown', 'html', 'svg'] as const;
export type Format = (typeof FORMATS)[number];

/**
 * The formats that show each input's SHA-256 (`inputs[].sha256`). With the others, one input is counted without
 * hashing it (a third thread on a large file); several inputs are always hashed, to tell one given twice.
 */
export const HASHED_FORMATS: ReadonlySet<Format> = new Set(['json', 'html']);
