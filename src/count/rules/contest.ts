/** Contests the runoff rules are not for (multi-seat, Yes/No measures), and ballots that are not candidates. */
import type { Rule } from './rule.js';
import { thousands } from '../../model/thousands.js';

// Letters only: `IN FAVOR` → `infavor`, `Sí` → `sí`. Spanish, Portuguese, French and Italian ballots too.
const YES = new Set(['yes', 'for', 'yesfor', 'foryes', 'infavor', 'infavour', 'si', 'sí', 'sim', 'oui', 'pour', 'afavor', 'enfavor', 'favorable', 'approve', 'approved']);
const NO = new Set(['no', 'against', 'noagainst', 'againstno', 'non', 'não', 'nao', 'contre', 'contra', 'encontra', 'reject', 'rejected']);

const letters = (name: string): string => name.toLowerCase().replace(/[^\p{L}]/gu, '');

/** "Yes/No" when the only named choices are Yes and No (or For and Against, Yes/For and No/Against). */
export function measureLabel(names: readonly string[]): string | null {
  const [x, y, more] = names;
  if (x === undefined || y === undefined || more !== undefined) return null;
  if (YES.has(letters(x)) && NO.has(letters(y))) return `${x}/${y}`;
  if (NO.has(letters(x)) && YES.has(letters(y))) return `${y}/${x}`;
  return null;
}

/** Why no winner or runoff is computed for this contest, or null when it is a single-seat candidate race. */
export function notACandidateRace(names: readonly string[], seats: number | null, votes?: { total: number; ballotsCast: number | null; seatsGiven: boolean }): string | null {
  if (seats !== null && seats > 1) return `a contest for ${seats} seats: these majority and runoff rules decide one seat, so none is computed`;
  // More candidate votes than ballots: voters marked several choices. --seats 1 says otherwise and is obeyed.
  if (votes && !votes.seatsGiven && votes.ballotsCast !== null && votes.ballotsCast > 0 && votes.total > votes.ballotsCast) {
    return `a vote-for-N contest: ${thousands(votes.total)} candidate votes on ${thousands(votes.ballotsCast)} ballots cast (the file's own figure), so voters could choose more than one; these majority and runoff rules decide one seat, so none is computed (--seats 1 overrides)`;
  }
  const measure = measureLabel(names);
  return measure ? `${/^[aeiou]/i.test(measure) ? 'an' : 'a'} ${measure} measure, not a race between candidates: there is no runoff` : null;
}

/** Blank and invalid ballots as rows to show under the candidates, and whether the rule counts them. */
export interface BallotRow {
  label: 'Blank ballots' | 'Invalid ballots';
  votes: number;
  /** Part of the denominator under this rule. */
  counted: boolean;
}

export function ballotRows(counts: { blank: number; invalid: number }, rule: Rule): BallotRow[] {
  const rows: BallotRow[] = [];
  if (counts.blank > 0) rows.push({ label: 'Blank ballots', votes: counts.blank, counted: rule.denominator !== 'valid' });
  if (counts.invalid > 0) rows.push({ label: 'Invalid ballots', votes: counts.invalid, counted: rule.denominator === 'cast' });
  return rows;
}
