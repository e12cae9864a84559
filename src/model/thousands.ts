/**
 * 1234567 → "1,234,567". Not toLocaleString: its first call loads ICU data, about 10 ms of every start.
 * Whole numbers only, which is all a vote count is.
 */
export function thousands(n: number): string {
  const digits = String(Math.abs(Math.trunc(n)));
  let out = '';
  for (let i = 0; i < digits.length; i++) {
    if (i > 0 && (digits.length - i) % 3 === 0) out += ',';
    out += digits[i];
  }
  return n < 0 ? `-${out}` : out;
}
