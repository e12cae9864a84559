/** Shares for people, computed in integers: never shown on the wrong side of a threshold. */

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
export function formatShare(votes: number, total: number, thresholds: readonly { num: number; den: number }[] = []): string {
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

