/** Number formatting for people: thousands separators and shares that never hide which side of a line they are on. */
import { thousands } from '../model/thousands.js';

export { formatShare } from '../model/share.js';

export function formatVotes(n: number): string {
  return thousands(n);
}

/** A share for JSON: a plain number with six decimals; null when there are no votes. */
export function shareNumber(votes: number, total: number): number | null {
  return total === 0 ? null : Math.round((votes / total) * 1e6) / 1e6;
}
