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
}

/** The output as one string, or in pieces for formats written race by race (json, ndjson). */
export type Rendered = string | Iterable<string>;

type Renderer = (election: Election, options: RenderOptions) => Rendered | Promise<Rendered>;

/** The table renderer is loaded on demand: chalk and string-width cost start-up time that JSON runs never need. */
export async function rendererFor(format: Format): Promise<Renderer> {
  return format === 'table' ? (await import('./table.js')).renderTable : renderers[format];
}

const renderers: Record<Exclude<Format, 'table'>, Renderer> = {
  json: renderJson,
  ndjson: renderNdjson,
  csv: renderCsv,
  markdown: renderMarkdown,
};
