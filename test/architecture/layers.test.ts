/**
 * The shape of src/: no import cycle, each folder imports only folders below it in the flow, no file over 300
 * lines (except the documented scanner loop), and no comment pointing at a document outside the repository.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../support/run.js';

const SRC = join(ROOT, 'src');

/** Top to bottom: a file may import its own layer or any layer below it. */
const LAYERS = ['cli', 'index', 'pipeline', 'render', 'layout', 'count', 'read', 'model'];
/** Files allowed past 300 lines, with the reason in their own comments. */
const LONG_FILES = new Set(['read/fast-scan.ts']);

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : path.endsWith('.ts') ? [path] : [];
  });
}

function layerOf(path: string): string {
  const rel = relative(SRC, path);
  const top = rel.split('/')[0] ?? '';
  return top.replace(/\.ts$/, '');
}

const sources = files(SRC);
const graph = new Map<string, string[]>();
for (const file of sources) {
  const text = readFileSync(file, 'utf8');
  const targets: string[] = [];
  for (const m of text.matchAll(/(?:from\s+|import\s*\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g)) {
    targets.push(normalize(join(dirname(file), (m[1] ?? '').replace(/\.js$/, '.ts'))));
  }
  graph.set(file, targets);
}

describe('src/ layers', () => {
  it('every file belongs to a known layer', () => {
    const unknown = sources.filter((f) => !LAYERS.includes(layerOf(f))).map((f) => relative(SRC, f));
    expect(unknown).toEqual([]);
  });

  it('imports only go down the flow (cli → index → pipeline → render → layout → count → read → model)', () => {
    const upward: string[] = [];
    for (const [file, targets] of graph) {
      for (const target of targets) {
        if (LAYERS.indexOf(layerOf(target)) < LAYERS.indexOf(layerOf(file))) upward.push(`${relative(SRC, file)} → ${relative(SRC, target)}`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('has no import cycle', () => {
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, path: string[]): void => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...path.slice(path.indexOf(file)), file].map((f) => relative(SRC, f)).join(' → '));
        return;
      }
      state.set(file, 'open');
      for (const t of graph.get(file) ?? []) visit(t, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of graph.keys()) visit(file, []);
    expect(cycles).toEqual([]);
  });

  it('no file is over 300 lines, except the scanner loop that says why', () => {
    const long = sources
      .map((f) => ({ f: relative(SRC, f), lines: readFileSync(f, 'utf8').split('\n').length }))
      .filter(({ f, lines }) => lines > 300 && !LONG_FILES.has(f))
      .map(({ f, lines }) => `${f}: ${lines}`);
    expect(long).toEqual([]);
  });

  it('no comment cites a document that is not in the repository (sources, tests, scripts, docs)', () => {
    const outside = /\b(design|formats|reliability|rules|expected|style)\.md\b|\.\.\/shared\b/;
    // The optional real-data folder's location (for the tests, and for the bench that times RCTab's suite), and
    // this file, which holds the pattern.
    const allowed = new Set(['test/support/run.ts', 'scripts/bench-irv.mjs', 'test/architecture/layers.test.ts']);
    const docs = ['README.md', 'fixtures/README.md', ...readdirSync(join(ROOT, 'docs')).map((f) => `docs/${f}`)].map((f) => join(ROOT, f));
    const scripts = readdirSync(join(ROOT, 'scripts')).map((f) => join(ROOT, 'scripts', f));
    const everything = [...sources, ...files(join(ROOT, 'test')), ...scripts, ...docs];
    const citing = everything
      .map((f) => relative(ROOT, f))
      .filter((f) => !allowed.has(f) && outside.test(readFileSync(join(ROOT, f), 'utf8')));
    expect(citing).toEqual([]);
  });
});
