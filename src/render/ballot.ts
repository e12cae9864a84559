/** The lines a result ends with in every text format: where the numbers came from, and the party-primary decision. */
import type { InputSummary, PrimaryMode } from '../model/types.js';
import { formatVotes } from './numbers.js';

/** The party-primary decision in one line: which mode, where it came from and why. */
export function ballotLine(mode: PrimaryMode): string {
  const what = mode.partyPrimary ? 'party primaries, split by party' : 'all parties on one ballot';
  return `${what} (${mode.source}: ${mode.reason})`;
}

/**
 * The inputs in one line: the file (or how many), the layout found (it decides which columns are counted;
 * --layout overrides it), the rows read and counted, and the rows left out per reason. Not escaped: each
 * format escapes it as it escapes everything else.
 */
export function sourcesLine(inputs: readonly InputSummary[]): string {
  const rows = inputs.reduce((n, i) => n + i.rows, 0);
  const used = inputs.reduce((n, i) => n + i.rowsUsed, 0);
  const left = new Map<string, number>();
  for (const input of inputs) {
    for (const [reason, count] of Object.entries(input.rowsExcluded)) left.set(reason, (left.get(reason) ?? 0) + (count ?? 0));
  }
  const leftOut = [...left].map(([reason, count]) => `${formatVotes(count)} ${reason}`).join(', ');
  const files = inputsLabel(inputs);
  const layouts = [...new Set(inputs.map((i) => i.layout))].join(', ');
  return `${files} · layout ${layouts} · ${formatVotes(rows)} rows, ${formatVotes(used)} counted${leftOut ? ` · left out: ${leftOut}` : ''}`;
}

/** The file's name, or how many files: how a footer names its inputs. Not escaped, as `sourcesLine`. */
export function inputsLabel(inputs: readonly InputSummary[]): string {
  return inputs.length === 1 ? (inputs[0]?.name ?? '') : `${inputs.length} files`;
}
