/** The verdict of a race in words: shared by the table and Markdown renderers. */
import type { Decision } from '../count/decide.js';
import { describeRule, type Rule } from '../count/rules/rule.js';
import { thousands } from '../model/thousands.js';
import type { Outcome, Status } from '../model/types.js';

const LABELS: Record<Outcome['status'], string> = {
  winner: 'WINNER',
  runoff: 'RUNOFF',
  tie: 'TIE',
  no_votes: 'NO VOTES',
  not_applicable: 'NOT APPLICABLE',
};

/**
 * One candidate and every vote theirs: nothing to decide. JSON keeps `not_applicable` (the contract); people
 * read UNCONTESTED with the candidate's name.
 */
export function isUncontested(decision: Pick<Decision, 'candidates' | 'total' | 'outcome'>): boolean {
  const [only, ...more] = decision.candidates;
  return decision.outcome.status === 'not_applicable' && only !== undefined && more.length === 0 && !only.writeIn && only.votes === decision.total;
}

export function verdictLabel(o: Outcome, uncontested = false): string {
  return uncontested ? 'UNCONTESTED' : LABELS[o.status];
}

/** Who: the winner, the runoff pairing ("A vs B"), everyone tied, or the only candidate. */
export function verdictHeadline(o: Outcome, uncontested = false): string {
  switch (o.status) {
    case 'winner':
      return o.winner;
    case 'runoff':
      return o.runoff.join(' vs ');
    case 'tie':
      return o.tied.join(', ');
    case 'not_applicable':
      return uncontested ? o.leader ?? '' : '';
    case 'no_votes':
      return '';
    default: {
      const never: never = o;
      return never;
    }
  }
}

/** The words after the headline: for an uncontested race the name is already said. */
export function verdictExplanation(o: Outcome, uncontested = false): string {
  return uncontested ? 'the only candidate' : o.explanation;
}

/**
 * "majority (> 50 % of votes counted)"; once --threshold, --advance or --denominator changed the rule, the
 * flags instead of the preset's id ("--threshold 40 (> 40 % of votes counted)"), since the preset no longer
 * applies as published. A named preset keeps its id: "us-nc with --advance 3 (…)".
 */
export function ruleHeadline(rule: Rule): string {
  const text = describeRule(rule);
  if (!rule.overrides?.length || !text.startsWith(rule.id)) return text;
  const flags = rule.overrides.join(' ');
  return rule.id === 'majority' ? `${flags}${text.slice(rule.id.length)}` : `${rule.id} with ${flags}${text.slice(rule.id.length)}`;
}

/** How a race ended, for the summary line: its status, or `uncontested`. */
export type SummaryKind = Status | 'uncontested';

export function summaryKind(decision: Pick<Decision, 'candidates' | 'total' | 'outcome'>): SummaryKind {
  return isUncontested(decision) ? 'uncontested' : decision.outcome.status;
}

/**
 * "849 races: 812 won outright, 31 runoffs, 6 ties": the end of a long listing, from each race's kind, taken
 * as the race was written (a decision is worked out each time it is asked for: count-election.ts). The page
 * (html/page.ts) passes the statuses of its document, which has no `uncontested`.
 */
export function summaryLine(kinds: readonly SummaryKind[]): string {
  const counts = new Map<SummaryKind, number>();
  for (const k of kinds) counts.set(k, (counts.get(k) ?? 0) + 1);
  const order: [SummaryKind, string, string][] = [
    ['winner', 'won outright', 'won outright'], ['runoff', 'runoff', 'runoffs'], ['tie', 'tie', 'ties'],
    ['uncontested', 'uncontested', 'uncontested'], ['no_votes', 'with no votes', 'with no votes'], ['not_applicable', 'not applicable', 'not applicable'],
  ];
  const parts = order.filter(([k]) => counts.has(k)).map(([k, one, many]) => {
    const n = counts.get(k) ?? 0;
    return `${thousands(n)} ${n === 1 ? one : many}`;
  });
  const n = kinds.length;
  return `${thousands(n)} race${n === 1 ? '' : 's'}${parts.length ? `: ${parts.join(', ')}` : ''}`;
}
