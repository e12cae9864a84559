/** Exact shares: percentages parsed to reduced integer fractions, so no threshold ever goes through a float. */

/** An exact share: `num/den` of the denominator. Never a float. */
export interface Fraction {
  num: number;
  den: number;
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b];
  return a;
}

/** `num/den` in lowest terms (`0/x` is `0/1`). */
export function fraction(num: number, den: number): Fraction {
  if (!Number.isSafeInteger(num) || !Number.isSafeInteger(den) || num < 0 || den <= 0) {
    throw new RangeError(`not a share: ${num}/${den}`);
  }
  const g = gcd(num, den) || 1;
  return { num: num / g, den: den / g };
}

/** `pct(50)` = 1/2, `pct(12.5)` = 1/8: for presets written as the percentages statutes use. */
export function pct(percent: number): Fraction {
  const parsed = parsePercent(String(percent));
  if (!parsed) throw new RangeError(`not a percentage: ${percent}`);
  return parsed;
}

const PERCENT = /^(\d{1,3})(?:\.(\d{1,6}))?\s*%?$/;

/**
 * `40`, `40%`, `12.5`, `33.333` → the exact fraction of 100 they name, or null when the text is not a plain
 * decimal percentage between 0 and 100. Decimals are read as digits, never through parseFloat:
 * "12.5" is 125/1000 = 1/8.
 */
export function parsePercent(text: string): Fraction | null {
  const m = PERCENT.exec(text.trim());
  if (!m) return null;
  const decimals = m[2] ?? '';
  const scale = 10 ** decimals.length;
  const num = Number(m[1]) * scale + (decimals === '' ? 0 : Number(decimals));
  const share = fraction(num, 100 * scale);
  return share.num > share.den ? null : share;
}

export function sameFraction(a: Fraction, b: Fraction): boolean {
  return BigInt(a.num) * BigInt(b.den) === BigInt(b.num) * BigInt(a.den);
}

/** `40`, `12.5`, `33.3333`: the share as a percentage, for labels only (never for comparisons). */
export function percentLabel(share: Fraction): string {
  const pctValue = (share.num * 100) / share.den;
  return Number.isInteger(pctValue) ? String(pctValue) : String(Number(pctValue.toFixed(4)));
}

/** `"1/2"`: the JSON spelling. */
export function fractionText(f: Fraction): string {
  return `${f.num}/${f.den}`;
}
