/**
 * One race as a horizontal bar chart: a bar per candidate over the share axis, the rule's threshold as a
 * dashed line, and the winner or the runoff pair marked by a shape and a word as well as by colour.
 * The same SVG goes into the HTML report and, standalone, into `--format svg`.
 */
import { formatShare, formatVotes } from '../numbers.js';
import { clip, esc } from './escape.js';
import { markOf, tagOf } from './marks.js';
import { axisMax, px, textWidth, thresholdsOf, type Threshold } from './scale.js';
import type { ChartRace } from './types.js';
import type { ConditionDoc } from '../schema.js';

const W = 720;
const LABEL = 210; // the name column
const BAR = 370; // the bar area at the axis maximum
const ROW = 24;
const TOP = 22; // room for the threshold labels
const AXIS = 22;
const NAME_CHARS = 30;

export interface BarChartOptions {
  /** Unique in the page: the prefix of the title and description ids. */
  id: string;
  /** The race's title: the chart's accessible name. */
  title: string;
  /** For an SVG seen on its own: the title and this verdict line are drawn inside the picture. */
  verdict?: string;
}

/** The chart's text alternative: every candidate's votes and share, and the verdict, in one paragraph. */
export function chartDescription(race: ChartRace, thresholds: readonly Threshold[]): string {
  const shares = thresholds.map((t) => t.share);
  const list = race.candidates.map((c) => `${c.name} ${formatVotes(c.votes)} votes (${formatShare(c.votes, race.denominator, shares)})`);
  const line = thresholds.length > 0 ? ` Threshold: ${thresholds.map((t) => t.label).join(', ')}.` : '';
  return `${list.join('; ')}.${line} ${race.outcome.explanation}.`;
}

export function barChart(race: ChartRace, wins: readonly ConditionDoc[], options: BarChartOptions): string {
  const thresholds = thresholdsOf(wins);
  const shares = thresholds.map((t) => t.share);
  const max = axisMax(race, thresholds);
  const standalone = options.verdict !== undefined;
  const head = standalone ? 46 : 0;
  const top = head + TOP;
  const height = top + race.candidates.length * ROW + AXIS;
  const x = (votes: number): number => (race.denominator === 0 ? 0 : (votes / race.denominator / max) * BAR);
  const out: string[] = [];
  out.push(
    `<svg${standalone ? ' xmlns="http://www.w3.org/2000/svg"' : ''} class="chart bars" viewBox="0 0 ${W} ${height}" width="${W}" height="${height}" role="img" aria-labelledby="${options.id}-t ${options.id}-d">`,
    `<title id="${options.id}-t">${esc(options.title)}: votes per candidate, as shares of ${formatVotes(race.denominator)} votes</title>`,
    `<desc id="${options.id}-d">${esc(chartDescription(race, thresholds))}</desc>`,
  );
  if (standalone) out.push(`<style>${STANDALONE_CSS}</style>`, `<rect class="bg" width="${W}" height="${height}"/>`);
  if (standalone) {
    out.push(`<text class="h1" x="8" y="20">${esc(clip(options.title, 80))}</text>`, `<text class="h2" x="8" y="38">${esc(clip(options.verdict ?? '', 110))}</text>`);
  }
  // Grid and axis first, so bars and lines are drawn over them.
  const step = max <= 0.6 ? 0.1 : 0.2;
  const bottom = top + race.candidates.length * ROW;
  for (let t = 0; t <= max + 1e-9; t += step) {
    const gx = px(LABEL + (t / max) * BAR);
    out.push(`<line class="grid" x1="${gx}" y1="${top - 4}" x2="${gx}" y2="${bottom}"/>`, `<text class="tick" x="${gx}" y="${bottom + 15}">${Math.round(t * 100)} %</text>`);
  }
  race.candidates.forEach((c, i) => {
    const y = top + i * ROW;
    const mark = markOf(c.name, race.outcome);
    const tag = tagOf(mark);
    const w = x(c.votes);
    const value = `${formatVotes(c.votes)} · ${formatShare(c.votes, race.denominator, shares)}`;
    out.push(
      `<g class="row ${mark}"><title>${esc(c.name)}${c.party ? ` (${esc(c.party)})` : ''}: ${esc(value)}${tag ? ` · ${tag}` : ''}</title>`,
      mark === 'none' ? '' : `<path class="marker" d="M4 ${y + 6}l9 6-9 6z"/>`,
      `<text class="name" x="${LABEL - 8}" y="${y + 16}">${esc(clip(c.name, NAME_CHARS))}</text>`,
      `<rect class="bar" x="${LABEL}" y="${y + 4}" width="${px(w)}" height="16" data-votes="${c.votes}"/>`,
      `<text class="val" x="${px(LABEL + w + 6)}" y="${y + 16}">${esc(value)}</text>`,
      tag ? `<text class="tag" x="${px(LABEL + w + 12 + textWidth(value, 12))}" y="${y + 16}">${tag}</text>` : '',
      '</g>',
    );
  });
  for (const t of thresholds) {
    const share = t.share.num / t.share.den;
    const tx = px(LABEL + (share / max) * BAR);
    out.push(`<line class="threshold" x1="${tx}" y1="${top - 6}" x2="${tx}" y2="${bottom}"/>`, `<text class="tlabel" x="${tx}" y="${top - 9}">${esc(t.label)}</text>`);
  }
  if (race.candidates.length === 0) out.push(`<text class="val" x="${LABEL}" y="${top + 16}">No votes</text>`);
  out.push('</svg>');
  return out.filter((s) => s !== '').join('');
}

/** The chart's look; in the HTML report the page's stylesheet carries the same rules. */
export const CHART_CSS = [
  '.chart{font:12px system-ui,"DejaVu Sans",Arial,sans-serif;max-width:100%;height:auto}',
  '.chart .bg{fill:#fff}',
  '.chart .h1{font-size:16px;font-weight:700;fill:#111}',
  '.chart .h2{font-size:13px;fill:#333}',
  '.chart .name{text-anchor:end;fill:#111}',
  '.chart .val{fill:#333}',
  // A halo in the background colour keeps a label readable where the threshold line crosses it.
  '.chart .val,.chart .tag,.chart .tlabel{paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}',
  '.chart .tick{text-anchor:middle;fill:#666;font-size:11px}',
  '.chart .grid{stroke:#e3e3e3;stroke-width:1}',
  '.chart.small{font-size:11px}',
  '.chart .tot{text-anchor:end;fill:#666;font-size:10px}',
  '.chart .bar{fill:#b9c2cc;stroke:#56606b;stroke-width:.5}',
  '.chart .won .bar,.chart .runoff .bar{fill:#1f5fbf;stroke:#0b2f66}',
  '.chart .tie .bar{fill:#b35c00;stroke:#5a2e00}',
  '.chart .won .name,.chart .runoff .name,.chart .tie .name{font-weight:700}',
  '.chart .marker{fill:#111}',
  '.chart .tag{font-weight:700;font-size:11px;fill:#111;letter-spacing:.04em}',
  '.chart .threshold{stroke:#c00;stroke-width:2;stroke-dasharray:6 3}',
  '.chart .tlabel{text-anchor:middle;font-size:11px;font-weight:700;fill:#c00}',
].join('');

/** Dark mode for the chart on its own: an SVG in an <img> follows the reader's colour scheme too. */
export const CHART_DARK_CSS = [
  '.chart .bg{fill:#15181c}',
  '.chart .h1,.chart .name,.chart .marker,.chart .tag{fill:#eee}',
  '.chart .h2,.chart .val{fill:#cfd3d8}',
  '.chart .val,.chart .tag,.chart .tlabel{stroke:#15181c}',
  '.chart .tick,.chart .tot{fill:#9aa3ad}',
  '.chart .grid{stroke:#333a42}',
  '.chart .bar{fill:#4a525c;stroke:#8a949e}',
  '.chart .won .bar,.chart .runoff .bar{fill:#5b9cff;stroke:#cfe0ff}',
  '.chart .tie .bar{fill:#e08a2e;stroke:#ffd9b0}',
  '.chart .threshold{stroke:#ff6b6b}',
  '.chart .tlabel{fill:#ff6b6b}',
].join('');

const STANDALONE_CSS = `${CHART_CSS}@media (prefers-color-scheme:dark){${CHART_DARK_CSS}}`;
