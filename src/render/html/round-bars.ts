/**
 * A ranked (instant-runoff) race as the two-round chart reads, once per round: a group of horizontal bars for
 * each round, from the first choices down to the round that elected the winner. Every group is drawn on one
 * vote scale, so a bar that grows from round to round grows on the page; each has the votes needed to win that
 * round as a dashed line (the continuing ballots shrink, and the line moves with them). Candidates eliminated
 * in a round are greyed and say OUT; the winner's bars are the accent colour, and ▶ ELECTED marks the round
 * that elected them. Colour is never the only signal: the words and the marker say the same.
 */
import { formatShare, formatVotes } from '../numbers.js';
import { CHART_CSS, CHART_DARK_CSS, type BarChartOptions } from './bars.js';
import { clip, esc } from './escape.js';
import { roundsDescription } from './rounds.js';
import { px, textWidth } from './scale.js';
import { wrapWords } from '../fit.js';
import type { ChartRace, RoundDoc } from './types.js';
import { maxOf } from '../../model/extent.js';

const W = 720;
const LABEL = 210;
/** The bar area at the axis maximum, narrowed when the longest bars' labels would run off the picture. */
const BAR = 370;
const ROW = 20;
const GROUP_HEAD = 22;
const GAP = 12;
const AXIS = 22;
const NAME_CHARS = 30;
/** More rounds than this: the first and the last ones are drawn, the rounds between named in a line. */
export const MAX_GROUPS = 6;
/** Shares are of the round's continuing ballots, against a majority of them: never shown as 50 % when not. */
const HALF = [{ num: 1, den: 2 }];

type State = 'won' | 'out' | 'none';

/** Whole-vote tick spacing: 1, 2 or 5 times a power of ten, about five ticks across. */
export function voteStep(max: number): number {
  const raw = Math.max(1, max / 5);
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
}

/** A round's candidates, most votes first; ties keep the order the count lists them in. */
function rowsOf(r: RoundDoc): [string, number][] {
  return Object.entries(r.tally).sort((a, b) => b[1] - a[1]);
}

function inactiveOf(r: RoundDoc): number | null {
  const i = r.inactive;
  return i ? i.overvotes + i.skippedRankings + i.repeatedRankings + i.exhaustedChoices : null;
}

/**
 * The rounds drawn: all of them up to MAX_GROUPS; past that the first round (the first choices) and the last
 * MAX_GROUPS - 1 (the decisive ones), with the rounds between named in one line of who went out, in order.
 */
export function drawnRounds(rounds: readonly RoundDoc[]): { first: RoundDoc[]; skipped: RoundDoc[]; last: RoundDoc[] } {
  if (rounds.length <= MAX_GROUPS) return { first: [...rounds], skipped: [], last: [] };
  return { first: rounds.slice(0, 1), skipped: rounds.slice(1, rounds.length - MAX_GROUPS + 1), last: rounds.slice(rounds.length - MAX_GROUPS + 1) };
}

/** "Rounds 2 to 9, not drawn: out in turn Rathband, Jed; Marshall, David A.; …", wrapped to the picture's width. */
function skippedLines(skipped: readonly RoundDoc[]): string[] {
  const [from, to] = [skipped[0], skipped[skipped.length - 1]];
  if (from === undefined || to === undefined) return [];
  const out = skipped.map((r) => r.eliminated.join(' and ')).filter((names) => names !== '');
  const span = from === to ? `Round ${from.round}` : `Rounds ${from.round} to ${to.round}`;
  const text = `${span}, not drawn: ${out.length > 0 ? `out in turn ${out.join('; ')}` : 'nobody went out'}`.replace(/\.?$/, '.');
  return wrapWords(text, W - 16, (t) => textWidth(t, 12));
}

/** One bar group per round. `options.verdict` makes it a standalone picture, with the title and verdict drawn in. */
export function roundBars(race: ChartRace, options: BarChartOptions): string {
  const rounds = race.rounds ?? [];
  const { first, skipped, last } = drawnRounds(rounds);
  const note = skippedLines(skipped);
  const winner = race.outcome.status === 'winner' ? race.outcome.winner : null;
  const standalone = options.verdict !== undefined;
  // a standalone picture carries its verdict in full: on two lines when one is not enough
  const verdict = standalone ? wrapWords(options.verdict ?? '', W - 16, (t) => textWidth(t, 13)).slice(0, 2) : [];
  const top = (standalone ? 30 + verdict.length * 16 : 0) + 6;
  const groupHeight = (r: RoundDoc): number => GROUP_HEAD + rowsOf(r).length * ROW + GAP;
  const noteHeight = note.length === 0 ? 0 : note.length * 16 + GAP;
  const height = top + [...first, ...last].reduce((h, r) => h + groupHeight(r), 0) + noteHeight + AXIS;
  // One scale for every round, drawn or not, so that the picture does not change its scale with the cut.
  const highest = maxOf(rounds.flatMap((r) => [r.threshold, ...Object.values(r.tally)]), 1);
  const step = voteStep(highest);
  const max = Math.ceil(highest / step) * step;
  const bar = barArea([...first, ...last], max);
  const x = (votes: number): number => (votes / max) * bar;
  const out: string[] = [
    `<svg${standalone ? ' xmlns="http://www.w3.org/2000/svg"' : ''} class="chart bars round-bars" viewBox="0 0 ${W} ${height}" width="${W}" height="${height}" role="img" aria-labelledby="${options.id}-t ${options.id}-d">`,
    `<title id="${options.id}-t">${esc(options.title)}: votes per candidate in each of ${rounds.length} rounds of the instant runoff</title>`,
    `<desc id="${options.id}-d">${esc(`${roundsDescription(rounds)} ${race.outcome.explanation}.`)}</desc>`,
  ];
  if (standalone) {
    out.push(`<style>${STANDALONE_CSS}</style>`, `<rect class="bg" width="${W}" height="${height}"/>`);
    out.push(`<text class="h1" x="8" y="20">${esc(clip(options.title, 80))}</text>`);
    verdict.forEach((line, i) => out.push(`<text class="h2" x="8" y="${38 + i * 16}">${esc(i === 1 ? clip(line, 95) : line)}</text>`));
  }
  const ticks: number[] = [];
  for (let t = 0; t <= max; t += step) ticks.push(t);
  // Grid lines behind each group (not across the note), so that every round is read against the same ticks.
  const grid = (y1: number, y2: number): string => ticks.map((t) => `<line class="grid" x1="${px(LABEL + x(t))}" y1="${y1}" x2="${px(LABEL + x(t))}" y2="${y2}"/>`).join('');
  let y = top;
  const group = (r: RoundDoc): void => {
    out.push(grid(y, y + groupHeight(r)), roundGroup(r, y, x, winner));
    y += groupHeight(r);
  };
  first.forEach(group);
  note.forEach((line, i) => out.push(`<text class="skipped" x="8" y="${y + 13 + i * 16}">${esc(line)}</text>`));
  y += noteHeight;
  last.forEach(group);
  for (const t of ticks) out.push(`<text class="tick" x="${px(LABEL + x(t))}" y="${y + 15}">${formatVotes(t)}</text>`);
  out.push('</svg>');
  return out.filter((s) => s !== '').join('');
}

/** The value and the word after a bar: "91,266 · 51.48 %" and ELECTED, OUT or nothing. */
function labelsOf(r: RoundDoc, name: string, votes: number, continuing: number): { value: string; tag: string } {
  const tag = r.elected.includes(name) ? 'ELECTED' : r.eliminated.includes(name) ? 'OUT' : '';
  return { value: `${formatVotes(votes)} · ${formatShare(votes, continuing, HALF)}`, tag };
}

/** How far bars may reach so that every bar's value and word end inside the picture (at most BAR). */
function barArea(rounds: readonly RoundDoc[], max: number): number {
  let area = BAR;
  for (const r of rounds) {
    const continuing = Object.values(r.tally).reduce((a, b) => a + b, 0);
    for (const [name, votes] of Object.entries(r.tally)) {
      if (votes === 0) continue;
      const { value, tag } = labelsOf(r, name, votes, continuing);
      const after = 6 + textWidth(value, 12) + (tag ? 6 + textWidth(tag, 13) : 0) + 8;
      area = Math.min(area, ((W - LABEL - after) * max) / votes);
    }
  }
  return Math.max(area, BAR / 2);
}

/** One round: its heading (continuing and inactive ballots), a bar per candidate, the line to win. */
function roundGroup(r: RoundDoc, y0: number, x: (votes: number) => number, winner: string | null): string {
  const rows = rowsOf(r);
  const continuing = rows.reduce((s, [, v]) => s + v, 0);
  const inactive = inactiveOf(r);
  const heading = `Round ${r.round} · ${formatVotes(continuing)} continuing${inactive ? `, ${formatVotes(inactive)} inactive` : ''}`;
  const out = [`<g class="round" data-round="${r.round}">`, `<text class="ghead" x="8" y="${y0 + 15}">${esc(heading)}</text>`];
  rows.forEach(([name, votes], i) => {
    const y = y0 + GROUP_HEAD + i * ROW;
    const state: State = r.eliminated.includes(name) ? 'out' : name === winner ? 'won' : 'none';
    const { value, tag } = labelsOf(r, name, votes, continuing);
    const w = x(votes);
    out.push(
      `<g class="row ${state}"><title>Round ${r.round}: ${esc(name)}: ${esc(value)}${tag ? ` · ${tag}` : ''}</title>`,
      r.elected.includes(name) ? `<path class="marker" d="M4 ${y + 4}l9 6-9 6z"/>` : '',
      `<text class="name" x="${LABEL - 8}" y="${y + 14}">${esc(clip(name, NAME_CHARS))}</text>`,
      `<rect class="bar" x="${LABEL}" y="${y + 3}" width="${px(w)}" height="14" data-votes="${votes}"/>`,
      `<text class="val" x="${px(LABEL + w + 6)}" y="${y + 14}">${esc(value)}</text>`,
      tag ? `<text class="tag" x="${px(LABEL + w + 12 + textWidth(value, 12))}" y="${y + 14}">${tag}</text>` : '',
      '</g>',
    );
  });
  const tx = px(LABEL + x(r.threshold));
  const bottom = y0 + GROUP_HEAD + rows.length * ROW;
  out.push(
    `<line class="threshold" x1="${tx}" y1="${y0 + GROUP_HEAD - 2}" x2="${tx}" y2="${bottom}"/>`,
    `<text class="tlabel" x="${tx}" y="${y0 + 15}">to win: ${formatVotes(r.threshold)}</text>`,
    '</g>',
  );
  return out.filter((s) => s !== '').join('');
}

/** Eliminated bars greyed and outlined with a dash: told apart by the OUT word and the dash as well as the grey. */
export const ROUND_BARS_CSS = [
  '.round-bars .ghead{font-weight:700;font-size:12px;fill:#111}',
  '.round-bars .skipped{font-style:italic;fill:#333}',
  '.round-bars .out .bar{fill:#eceff2;stroke:#8a949e;stroke-dasharray:3 2}',
  '.round-bars .out .name,.round-bars .out .val{fill:#6b737c}',
].join('');

export const ROUND_BARS_DARK_CSS = [
  '.round-bars .ghead{fill:#eee}',
  '.round-bars .skipped{fill:#cfd3d8}',
  '.round-bars .out .bar{fill:#23282e;stroke:#6b737c}',
  '.round-bars .out .name,.round-bars .out .val{fill:#8a929b}',
].join('');

const STANDALONE_CSS = `${CHART_CSS}${ROUND_BARS_CSS}@media (prefers-color-scheme:dark){${CHART_DARK_CSS}${ROUND_BARS_DARK_CSS}}`;
