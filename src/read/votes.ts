/** Vote cells → whole numbers. Accept only what cannot be misread; empty is missing, never 0. */

declare const cellVotes: unique symbol;

/**
 * What a vote cell holds: a count, MISSING or BAD. Still a plain number at run time (no object per cell on the
 * hot path), but opaque to the compiler: no arithmetic or comparison compiles until `isCount` has said it is a
 * count, so an empty or unreadable cell can never be added into a total by mistake.
 */
export type CellVotes = { readonly [cellVotes]: true };

/** A CellVotes that `isCount` has checked: a whole number ≥ 0, usable as a number. */
export type CellCount = CellVotes & number;

/** The cell is empty (or only spaces): missing, which is not 0. */
export const MISSING = -1 as unknown as CellVotes;
/** The cell holds something that is not a whole number of votes (`describeBadVotes` says why). */
export const BAD = -2 as unknown as CellVotes;

export function isCount(v: CellVotes): v is CellCount {
  return (v as unknown as number) >= 0;
}

/** A whole number ≥ 0 (checked by the caller) as CellVotes: for readers with their own fast path for digits. */
export function countOf(n: number): CellVotes {
  return n as unknown as CellVotes;
}

const PLAIN = /^\d+$/;
const GROUPED = /^\d{1,3}(,\d{3})+$/;
const FLOAT_ZERO = /^(\d+)\.0+$/;
/** `12.000`, `1.000`: European thousands (twelve thousand) or a float (twelve)? Neither is guessed. */
const DOT_GROUP = /^\d{1,3}\.\d{3}$/;

/** A count, MISSING for an empty cell, or BAD (then `describeBadVotes` says why). */
export function parseVotes(raw: string): CellVotes {
  const s = raw.trim();
  if (s === '') return MISSING;
  let digits: string;
  if (PLAIN.test(s)) digits = s;
  else if (GROUPED.test(s)) digits = s.replaceAll(',', '');
  else {
    if (DOT_GROUP.test(s)) return BAD;
    const m = FLOAT_ZERO.exec(s);
    if (!m?.[1]) return BAD;
    digits = m[1];
  }
  const n = Number(digits);
  return Number.isSafeInteger(n) ? countOf(n) : BAD;
}

export function describeBadVotes(raw: string): { message: string; hint: string } {
  const s = raw.trim();
  const shown = JSON.stringify(s.length > 40 ? `${s.slice(0, 40)}…` : s);
  // dialect.ts marks a NUL byte between digits with U+001A: which number was meant is unknowable.
  if (s.includes('\u001a')) {
    return { message: `votes ${JSON.stringify(s.replaceAll('\u001a', '<NUL>'))} has a NUL byte between its digits`, hint: 'the file holds binary debris in this cell: export it again, or pass --skip-bad-rows to skip such rows with a warning' };
  }
  if (/^\d{1,3}([.\u0020\u00a0\u202f]\d{3})+$/.test(s)) {
    return { message: `votes ${shown} is ambiguous: thousands separator or decimal point?`, hint: 'runoff accepts plain digits or commas as thousands separators (1234 or 1,234)' };
  }
  // `-5`, `−5`, `(5)` are negative; a lone dash (`-`, `—`: "none" or "not reported") is no number at all.
  if (/^([-\u2212]\s*\d|\(\s*\d)/.test(s)) return { message: `votes ${shown} is negative`, hint: 'vote counts cannot be negative; check the row' };
  if (/^[-\u2212\u2012-\u2015]+$/.test(s)) return { message: `votes ${shown} is not a number`, hint: 'write 0 for no votes, or leave the cell empty when nothing was reported; or pass --skip-bad-rows to skip such rows with a warning' };
  if (/^\d+\.\d+$/.test(s)) return { message: `votes ${shown} is not a whole number`, hint: 'vote counts are whole numbers' };
  // Commas that are not clean groups of three (`1,23`, `,100`, `1,,000`, `1,000,`): a typo, not a size problem.
  if (/^[\d,]+$/.test(s) && /\d/.test(s) && !GROUPED.test(s) && s.includes(',')) {
    return { message: `votes ${shown} has a malformed thousands separator`, hint: 'commas must separate groups of three digits (1,234 or 1,234,567); check the row' };
  }
  if (/^\d+$/.test(s.replaceAll(',', ''))) return { message: `votes ${shown} is too large to count exactly`, hint: 'counts above 9,007,199,254,740,991 are not supported' };
  return { message: `votes ${shown} is not a whole number`, hint: 'check the row, or pass --skip-bad-rows to skip such rows with a warning' };
}
