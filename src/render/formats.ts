/** The output formats, on their own so that the command line can list them without loading any renderer. */
export const FORMATS = ['table', 'json', 'ndjson', 'csv', 'markdown', 'html', 'svg'] as const;
export type Format = (typeof FORMATS)[number];
