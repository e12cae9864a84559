/** Shares for people, computed in integers: never shown on the wrong side of a threshold. */

/** votes/total as a percentage rounded half-up to `decimals` places, computed in integers. */
export function percentString(votes: number, total: number, decimals: number): string {
  const scale = 10 ** decimals;
  const numerator = 200 * votes * scale + total;
  const denominator = 2 * total;
  // Small enough for exact integers in doubles (every real count, at two decimals). Then a double division's
  // floor is exact: below 2^53 its error is under numerator / denominator × 2^-53 < 1 / denominator, nearer
  // than any whole number the true quotient is not.
  if (numerator > Number.MAX_SAFE_INTEGER) return bigPercentString(votes, total, decimals);
  const scaled = Math.floor(numerator / denominator);
  const whole = Math.floor(scaled / scale);
  return decimals === 0 ? `${whole}` : `${whole}.${String(scaled - whole * scale).padStart(decimals, '0')}`;
}

/** percentString in BigInt, for counts too large for exact doubles (and the oracle of its tests). */
export function bigPercentString(votes: number, total: number, decimals: number): string {
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
export function formatShare(votes: number, total: number, thresholds: readonly { num: number; den: number }[] = []): string {
  if (total === 0) return '–';
  let decimals = 2;
  for (; decimals < 12; decimals++) {
    const shown = percentString(votes, total, decimals);
    const misleading = thresholds.some((t) => {
      if (sameRatio(votes, total, t.num, t.den)) return false; // exactly on it: fine
      return t.den > 0 && shown === percentString(t.num, t.den, decimals);
    });
    if (!misleading) break;
  }
  return `${percentString(votes, total, decimals)} %`;
}

/** a/b = c/d, cross-multiplied exactly: in doubles while both products are below 2^53, else in BigInt. */
function sameRatio(a: number, b: number, c: number, d: number): boolean {
  const left = a * d;
  const right = c * b;
  if (left <= Number.MAX_SAFE_INTEGER && right <= Number.MAX_SAFE_INTEGER) return left === right;
  return BigInt(a) * BigInt(d) === BigInt(c) * BigInt(b);
}
