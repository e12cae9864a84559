/** Every output format, exhaustive by construction: adding a Format without a renderer does not compile. */
import type { Election } from '../count/election.js';
import { renderCsv } from './csv.js';
import { renderJson } from './json.js';
import { renderMarkdown } from './markdown.js';
import { renderNdjson } from './ndjson.js';
import type { Format } from './formats.js';

export { FORMATS, type Format } from './formats.js';

/** How the output will be seen: colour and bars for the table; `terminal` makes CSV safe to show raw. */
export interface RenderOptions {
  color: boolean;
  bars: boolean;
  width: number;
  terminal: boolean;
  /** `--out-dir`: where `--format svg` writes one file per race. */
  outDir?: string;
}

/** The output as one string, or in pieces for formats written race by race (json, ndjson). */
export type Rendered = string | Iterable<string>;

type Renderer = (election: Election, options: RenderOptions) => Rendered | Promise<Rendered>;

/**
 * The table, HTML and SVG renderers are loaded on demand: chalk and string-width, and the pictures' code,
 * cost start-up time that JSON runs never need.
 */
export async function rendererFor(format: Format): Promise<Renderer> {
  switch (format) {
    case 'table':
      return (await import('./table.js')).renderTable;
    case 'html':
      return (await import('./html/page.js')).renderHtml;
    case 'svg':
      return (await import('./html/svg.js')).renderSvg;
    default:
      return renderers[format];
  }
}

const renderers: Record<Exclude<Format, 'table' | 'html' | 'svg'>, Renderer> = {
  json: renderJson,
  ndjson: renderNdjson,
  csv: renderCsv,
  markdown: renderMarkdown,
};
