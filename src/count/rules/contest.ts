/** Contests the runoff rules are not for (multi-seat, Yes/No measures), and ballots that are not candidates. */
import type { Rule } from './rule.js';

const YES = new Set(['yes', 'for', 'yesfor', 'foryes', 'si', 'sí', 'oui']);
const NO = new Set(['no', 'against', 'noagainst', 'againstno', 'non']);

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
export function notACandidateRace(names: readonly string[], seats: number | null): string | null {
  if (seats !== null && seats > 1) return `a contest for ${seats} seats: these majority and runoff rules decide one seat, so none is computed`;
  const measure = measureLabel(names);
  return measure ? `a ${measure} measure, not a race between candidates: there is no runoff` : null;
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
