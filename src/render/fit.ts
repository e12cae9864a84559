/**
 * Fitting text to a narrow terminal: words wrap at spaces (never mid-word, and a `·` separator stays with the
 * word before it), and a cell too wide for its column is cut with `…`. Widths are terminal columns, measured by
 * the caller's function (string-width for non-ASCII text).
 */
export type Measure = (text: string) => number;

/**
 * Greedy word wrap to `width` columns. A single word longer than a line stays whole on its own line (a name
 * cut in the middle would read as another name).
 */
export function wrapWords(text: string, width: number, measure: Measure): string[] {
  let glue = false;
  const words = text.split(' ').reduce<string[]>((out, w) => {
    // "A · B": the dot ends the line before a break, it never starts one; "> 45 %" keeps its sign with the number.
    if (((w === '·' || w === '—') && out.length > 0) || glue) out[out.length - 1] += ` ${w}`;
    else if (w !== '') out.push(w);
    glue = /^[<>≤≥]$/.test(w) && out.length > 0;
    return out;
  }, []);
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (line === '' || measure(line) + 1 + measure(word) <= width) line = line === '' ? word : `${line} ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** The text cut to `width` columns, ending in `…` when it was longer. */
export function truncate(text: string, width: number, measure: Measure): string {
  if (measure(text) <= width) return text;
  const chars = [...text];
  while (chars.length > 0 && measure(chars.join('') + '…') > width) chars.pop();
  return chars.join('').trimEnd() + '…';
}
