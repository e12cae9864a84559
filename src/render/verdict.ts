/** The verdict of a race in words: shared by the table and Markdown renderers. */
import type { Decision } from '../count/decide.js';
import type { RaceResult } from '../count/election.js';
import { describeRule, type Rule } from '../count/rules/rule.js';
import { thousands } from '../model/thousands.js';
import type { Outcome } from '../model/types.js';

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

/**
 * "849 races: 812 won outright, 31 runoffs, 6 ties": the end of a long listing. Any iterable: a generator
 * that decides one race at a time never holds every decision at once.
 */
export function summaryLine(decisions: Iterable<Pick<Decision, 'candidates' | 'total' | 'outcome'>>): string {
  const counts = new Map<string, number>();
  let n = 0;
  const add = (what: string): void => void counts.set(what, (counts.get(what) ?? 0) + 1);
  for (const d of decisions) {
    n++;
    if (isUncontested(d)) add('uncontested');
    else add(d.outcome.status);
  }
  const order: [string, string, string][] = [
    ['winner', 'won outright', 'won outright'], ['runoff', 'runoff', 'runoffs'], ['tie', 'tie', 'ties'],
    ['uncontested', 'uncontested', 'uncontested'], ['no_votes', 'with no votes', 'with no votes'], ['not_applicable', 'not applicable', 'not applicable'],
  ];
  const parts = order.filter(([k]) => counts.has(k)).map(([k, one, many]) => {
    const n = counts.get(k) ?? 0;
    return `${thousands(n)} ${n === 1 ? one : many}`;
  });
  return `${thousands(n)} race${n === 1 ? '' : 's'}: ${parts.join(', ')}`;
}

/** Each race's decision, worked out as it is counted in: a list of them all cost about a kilobyte a race. */
export function* decisionsOf(races: readonly RaceResult[]): Generator<Decision> {
  for (const r of races) yield r.decision;
}
