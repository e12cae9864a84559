/** Header → Layout. Each layout family has its own module; this tries them in order. */
import { DataError } from '../errors.js';
import { normalizeHeader } from './columns.js';
import type { Layout, LayoutContext } from './layout.js';
import { detectLong, LONG_LOOKED_FOR } from './long.js';

const FAMILIES = [{ detect: detectLong, lookedFor: LONG_LOOKED_FOR }];

export function detectLayout(rawHeader: readonly string[], ctx: LayoutContext, line: number): Layout {
  const headers = rawHeader.map(normalizeHeader);
  const seen = new Map<string, number>();
  headers.forEach((h, i) => {
    const first = seen.get(h);
    if (h !== '' && first !== undefined) {
      throw new DataError(`duplicate column "${rawHeader[i]?.trim()}" (columns ${first + 1} and ${i + 1})`, { file: ctx.file, line }, 'rename or remove one of them');
    }
    seen.set(h, i);
  });
  for (const family of FAMILIES) {
    const layout = family.detect(headers, ctx);
    if (layout) return layout;
  }
  const found = rawHeader.map((h) => JSON.stringify(h.trim())).join(', ');
  throw new DataError(
    `unrecognised header: found ${found}`,
    { file: ctx.file, line },
    `looked for ${FAMILIES.map((f) => f.lookedFor).join('; or ')}`,
  );
}
