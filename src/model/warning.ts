/** Warnings: recoverable oddities, printed on stderr, listed in JSON `warnings[]`, fatal only under --strict. */

/** Every warning code, published as an enum in the JSON Schema: scripts can match on them. */
export const WARNING_CODES = [
  'bad-quote',
  'bad-rows-skipped',
  'ballot-names-disagree',
  'blank-line',
  'duplicate-across-files',
  'duplicate-rows',
  'encoding',
  'file-changed',
  'footer',
  'hidden-characters',
  'merged-names',
  'missing-votes',
  'mixed-primaries',
  'mode-mix',
  'near-duplicate-name',
  'no-data',
  'nul-bytes',
  'one-county-race',
  'outstanding-unmatched',
  'place-total-mismatch',
  'preamble-skipped',
  'repeated-header',
  'reporting-zero',
  'same-name-parties',
  'total-mismatch',
  'unclosed-quote',
  'unnamed-column',
  'vote-types-mismatch',
  'wide-codes-as-names',
] as const;

export type WarningCode = (typeof WARNING_CODES)[number];

export interface Warning {
  code: WarningCode;
  message: string;
  file?: string;
  line?: number;
}
