/** The verdict in words, for the page, the table of contents and the standalone SVG. */
import type { OutcomeDoc as RuleOutcome } from '../schema.js';
import { verdictHeadline, verdictLabel } from '../verdict.js';

export function label(o: RuleOutcome): string {
  return o.status === 'runoff' && o.onRequest ? 'RUNOFF (ON REQUEST)' : verdictLabel(o);
}

/** "RUNOFF Jon Ossoff vs Karen Handel — nobody cleared 50 %; Jon Ossoff was 3,612 votes short" (unescaped). */
export function verdictText(o: RuleOutcome): string {
  const headline = verdictHeadline(o);
  return `${label(o)}  ${headline ? `${headline} — ` : ''}${o.explanation}`;
}
