/** The one parser for whole numbers given as option values (--outstanding, --registered, --seats, --advance). */
import { UsageError } from './errors.js';
import { thousands } from './thousands.js';

/** Digits, optionally grouped in threes by `,` or `_` (`1,234`, `1_234`); null for anything else or past 2^53. */
export function parseWholeNumber(text: string): number | null {
  const s = text.trim();
  if (!/^\d+$/.test(s) && !/^\d{1,3}(,\d{3})+$/.test(s) && !/^\d{1,3}(_\d{3})+$/.test(s)) return null;
  const n = Number(s.replace(/[,_]/g, ''));
  return Number.isSafeInteger(n) ? n : null;
}

/** An option's value as a whole number from `min` to `max`, or a usage error that says the range. */
export function wholeNumberOption(flag: string, text: string, min: number, max = Number.MAX_SAFE_INTEGER): number {
  const n = parseWholeNumber(text);
  if (n === null || n < min || n > max) {
    throw new UsageError(`${flag} must be a whole number from ${thousands(min)}${max < 1e6 ? ` to ${thousands(max)}` : ' up'}, got ${JSON.stringify(text)}`, undefined, `for example ${flag} ${min === 0 ? '10000' : String(Math.max(min, 2))}`);
  }
  return n;
}
