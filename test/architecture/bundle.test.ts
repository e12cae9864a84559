/**
 * A count of a results file loads only what it needs: the modules the bundle's count command reaches by static
 * imports hold neither zod (the JSON Schema and the RCTab config, ~450 KB) nor iconv-lite's tables, which are
 * loaded when a run asks for them. Walks the built bundle (dist/), so it needs `npm run build`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/run.js';

const DIST = `${ROOT}dist/`;

/** The files reached from `entry` by static imports only (`import … from "./x.js"`, `import "./x.js"`). */
function staticClosure(entry: string): Set<string> {
  const seen = new Set<string>();
  const walk = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    const text = readFileSync(DIST + file, 'utf8');
    for (const m of text.matchAll(/(?:from\s*|import\s*)"\.\/([^"]+\.js)"/g)) walk(m[1] as string);
  };
  walk(entry);
  return seen;
}

describe('the bundle', () => {
  it('counts results without loading zod or iconv-lite', () => {
    const count = readdirSync(DIST).find((f) => /^count-[A-Z0-9]+\.js$/.test(f));
    expect(count, 'the count command chunk').toBeDefined();
    const loaded = new Set([...staticClosure('runoff.js'), ...staticClosure(count as string)]);
    const heavy = [...loaded].filter((f) => /ZodAny|_codecDataCache/.test(readFileSync(DIST + f, 'utf8')));
    expect(heavy).toEqual([]);
  });
});
