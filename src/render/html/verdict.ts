/** The verdict and the status counts in words, for the page, the table of contents and the standalone SVG. */
import type { OutcomeDoc as RuleOutcome } from '../schema.js';
import type { Status } from '../../model/types.js';
import { verdictHeadline, verdictLabel } from '../verdict.js';
import { thousands } from '../../model/thousands.js';

export function label(o: RuleOutcome): string {
  return o.status === 'runoff' && o.onRequest ? 'RUNOFF (ON REQUEST)' : verdictLabel(o);
}

/** "RUNOFF Jon Ossoff vs Karen Handel — nobody cleared 50 %; Jon Ossoff was 3,612 votes short" (unescaped). */
export function verdictText(o: RuleOutcome): string {
  const headline = verdictHeadline(o);
  return `${label(o)}  ${headline ? `${headline} — ` : ''}${o.explanation}`;
}

const WORDS: Record<Status, [string, string]> = {
  winner: ['won outright', 'won outright'],
  runoff: ['runoff', 'runoffs'],
  tie: ['tie', 'ties'],
  no_votes: ['with no votes', 'with no votes'],
  not_applicable: ['not applicable', 'not applicable'],
};

/** "849 races: 812 won outright, 31 runoffs, 6 ties" — statuses in a fixed order, zeros left out. */
export function summaryLine(statuses: readonly Status[]): string {
  const n = statuses.length;
  const parts = (Object.keys(WORDS) as Status[]).flatMap((s) => {
    const k = statuses.filter((x) => x === s).length;
    const [one, many] = WORDS[s];
    return k === 0 ? [] : [`${thousands(k)} ${k === 1 ? one : many}`];
  });
  return `${thousands(n)} race${n === 1 ? '' : 's'}${parts.length ? `: ${parts.join(', ')}` : ''}`;
}
