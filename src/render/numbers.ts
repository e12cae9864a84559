/** Number formatting for people: thousands separators and shares that never hide which side of a line they are on. */
import type { Fraction } from '../count/rules/rule.js';
import { thousands } from '../model/thousands.js';

export function formatVotes(n: number): string {
  return thousands(n);
}

/** votes/total as a percentage rounded half-up to `decimals` places, computed in integers. */
function percentString(votes: number, total: number, decimals: number): string {
  const scale = 10n ** BigInt(decimals);
  const scaled = (2n * BigInt(votes) * 100n * scale + BigInt(total)) / (2n * BigInt(total));
  const whole = scaled / scale;
  const frac = (scaled % scale).toString().padStart(decimals, '0');
  return decimals === 0 ? `${whole}` : `${whole}.${frac}`;
}

/**
 * Two decimals, or as many more as it takes so that a share just above or below a threshold is not
 * shown as exactly the threshold (50.004 % is "50.004 %", never "50.00 %").
 */
export function formatShare(votes: number, total: number, thresholds: readonly Fraction[] = []): string {
  if (total === 0) return '–';
  let decimals = 2;
  for (; decimals < 12; decimals++) {
    const shown = percentString(votes, total, decimals);
    const misleading = thresholds.some((t) => {
      if (BigInt(votes) * BigInt(t.den) === BigInt(t.num) * BigInt(total)) return false; // exactly on it: fine
      return t.den > 0 && shown === percentString(t.num, t.den, decimals);
    });
    if (!misleading) break;
  }
  return `${percentString(votes, total, decimals)} %`;
}

/** A share for JSON: a plain number with six decimals; null when there are no votes. */
export function shareNumber(votes: number, total: number): number | null {
  return total === 0 ? null : Math.round((votes / total) * 1e6) / 1e6;
}
