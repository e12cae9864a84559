/**
 * `--format svg`: the report's bar chart of one race as a standalone SVG, for articles and slides. Several
 * races need `--out-dir`, which gets one file per race (named by number and title, never by a raw name, so no
 * name can reach outside the folder) and prints the paths written.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Election } from '../../count/election.js';
import { InputError, UsageError } from '../../model/errors.js';
import { toDocument } from '../document.js';
import { barChart } from './bars.js';
import { roundBars } from './round-bars.js';
import { raceTitleOf, type ChartDoc, type ChartRace } from './types.js';
import { verdictText } from './verdict.js';

/** A ranked race is drawn round by round (round-bars.ts); a two-round race as one bar chart. */
export function raceSvg(race: ChartRace, doc: ChartDoc, index: number): string {
  const options = { id: `race-${index + 1}`, title: raceTitleOf(race), verdict: verdictText(race.outcome) };
  const chart = race.rounds && race.rounds.length > 0 ? roundBars(race, options) : barChart(race, doc.rule.wins, options);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${chart}\n`;
}

/** "007-u-s-house-district-6.svg": ASCII only, numbered so that names are unique and sort in file order. */
export function svgFileName(race: ChartRace, index: number, count: number): string {
  const slug = raceTitleOf(race)
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  const number = String(index + 1).padStart(String(count).length, '0');
  return `${number}-${slug || 'race'}.svg`;
}

export async function renderSvg(election: Election, options: { outDir?: string }): Promise<string> {
  const doc = toDocument(election);
  const n = doc.races.length;
  if (n === 0) throw new UsageError('no race matched: there is nothing to draw', undefined, '`runoff races FILE` lists the races in a file');
  if (options.outDir === undefined) {
    const race = doc.races[0];
    if (n > 1 || race === undefined) {
      throw new UsageError(`--format svg draws one race, and ${n} races matched`, undefined, 'choose one with --race TEXT, or write one file per race with --out-dir DIR');
    }
    return raceSvg(race, doc, 0);
  }
  const dir = options.outDir;
  try {
    await mkdir(dir, { recursive: true });
    const written: string[] = [];
    for (const [i, race] of doc.races.entries()) {
      const path = join(dir, svgFileName(race, i, n));
      await writeFile(path, raceSvg(race, doc, i));
      written.push(path);
    }
    return written.join('\n') + '\n';
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code ?? '';
    throw new InputError(`cannot write to --out-dir ${dir}: ${(err as Error).message}`, undefined, code === 'EACCES' ? 'choose a folder you can write to' : undefined, { cause: err });
  }
}
