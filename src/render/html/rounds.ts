/**
 * A ranked (instant-runoff) race as a flow: one column of bars per round, a row per candidate, the votes each
 * eliminated candidate passed on drawn as bands into the next round, and the part of a bar that arrived by
 * transfer drawn lighter. Eliminated and elected candidates are told by an outline and a word, not colour.
 */
import { formatVotes } from '../numbers.js';
import { clip, esc } from './escape.js';
import { px } from './scale.js';
import type { ChartRace, RoundDoc } from './types.js';
import { maxOf } from '../../model/extent.js';

const LABEL = 170;
const COL = 210;
const BAR = 110;
const ROW = 36;
const TOP = 44;
const INACTIVE = 'Inactive ballots';

function inactiveOf(r: RoundDoc): number | null {
  const i = r.inactive;
  return i ? i.overvotes + i.skippedRankings + i.repeatedRankings + i.exhaustedChoices : null;
}

/** Rows: candidates by the last round they are in (the winner first), then by their votes in that round. */
export function flowRows(rounds: readonly RoundDoc[]): string[] {
  const last = new Map<string, { round: number; votes: number }>();
  rounds.forEach((r, i) => {
    for (const [name, votes] of Object.entries(r.tally)) last.set(name, { round: i, votes });
  });
  return [...last].sort(([a, x], [b, y]) => y.round - x.round || y.votes - x.votes || (a < b ? -1 : a > b ? 1 : 0)).map(([name]) => name);
}

/** Votes each row received after round `i` (into round i + 1); non-candidate targets go to the inactive row. */
function received(rounds: readonly RoundDoc[], i: number, rows: readonly string[]): Map<string, number> {
  const got = new Map<string, number>();
  for (const to of Object.values(rounds[i]?.transfers ?? {})) {
    for (const [name, n] of Object.entries(to)) {
      const row = rows.includes(name) ? name : INACTIVE;
      got.set(row, (got.get(row) ?? 0) + n);
    }
  }
  return got;
}

export function roundsChart(race: ChartRace, id: string, title: string): string {
  const rounds = race.rounds ?? [];
  const names = flowRows(rounds);
  const withInactive = rounds.some((r) => r.inactive !== undefined);
  const rows = withInactive ? [...names, INACTIVE] : names;
  const votesAt = (r: RoundDoc, row: string): number | null => (row === INACTIVE ? inactiveOf(r) : r.tally[row] ?? null);
  const max = maxOf(rounds.flatMap((r) => [r.threshold, ...rows.map((row) => votesAt(r, row) ?? 0)]), 1);
  const width = LABEL + rounds.length * COL;
  const height = TOP + rows.length * ROW + 6;
  const x = (v: number): number => (v / max) * BAR;
  const y = (row: string): number => TOP + rows.indexOf(row) * ROW;
  const out = [
    `<svg class="chart rounds" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-labelledby="${id}-t ${id}-d">`,
    `<title id="${id}-t">${esc(title)}: ${rounds.length} rounds of counting</title>`,
    `<desc id="${id}-d">${esc(roundsDescription(rounds))}</desc>`,
  ];
  rows.forEach((row) => out.push(`<text class="name${row === INACTIVE ? ' inactive' : ''}" x="${LABEL - 8}" y="${y(row) + 15}">${esc(clip(row, 24))}<title>${esc(row)}</title></text>`));
  rounds.forEach((r, i) => {
    const x0 = LABEL + i * COL;
    const got = i > 0 ? received(rounds, i - 1, rows) : new Map<string, number>();
    out.push(`<text class="rhead" x="${x0}" y="14">Round ${r.round}</text>`, `<text class="sub" x="${x0}" y="30">to win: ${formatVotes(r.threshold)}</text>`);
    for (const row of rows) {
      const v = votesAt(r, row);
      if (v === null) continue;
      const state = r.elected.includes(row) ? 'elected' : r.eliminated.includes(row) ? 'out' : row === INACTIVE ? 'inactive' : '';
      const extra = Math.min(got.get(row) ?? 0, v);
      const word = state === 'elected' ? ' · ELECTED' : state === 'out' ? ' · OUT' : '';
      const label = `${formatVotes(v)}${extra > 0 ? ` (+${formatVotes(extra)})` : ''}${word}`;
      out.push(
        `<g class="cell ${state}">`,
        `<rect class="bar" x="${x0}" y="${y(row) + 4}" width="${px(x(v))}" height="14" data-votes="${v}"/>`,
        extra > 0 ? `<rect class="gain" x="${px(x0 + x(v - extra))}" y="${y(row) + 4}" width="${px(x(extra))}" height="14"/>` : '',
        `<text class="val" x="${x0}" y="${y(row) + 31}">${label}</text>`,
        '</g>',
      );
    }
    out.push(`<line class="threshold" x1="${px(x0 + x(r.threshold))}" y1="${TOP - 6}" x2="${px(x0 + x(r.threshold))}" y2="${height - 6}"/>`);
    // Bands from each eliminated bar to the rows its votes went to, as wide as the votes moved.
    const next = LABEL + (i + 1) * COL;
    for (const [from, to] of Object.entries(r.transfers)) {
      if (!rows.includes(from)) continue;
      const x1 = x0 + x(votesAt(r, from) ?? 0);
      for (const [name, n] of Object.entries(to)) {
        const target = rows.includes(name) ? name : INACTIVE;
        if (!rows.includes(target) || n <= 0) continue;
        const w = Math.max(1, x(n) * 0.6);
        const y1 = y(from) + 11;
        const y2 = y(target) + 11;
        const mid = (x1 + next) / 2;
        out.push(`<path class="flow" d="M${px(x1)} ${y1}C${px(mid)} ${y1} ${px(mid)} ${y2} ${px(next)} ${y2}" stroke-width="${px(w)}"><title>${esc(from)} → ${esc(target)}: ${formatVotes(n)}</title></path>`);
      }
    }
  });
  out.push('</svg>');
  return out.filter((s) => s !== '').join('');
}

/** The flow in words: per round, who was elected or eliminated and where their votes went. */
export function roundsDescription(rounds: readonly RoundDoc[]): string {
  return rounds
    .map((r) => {
      const tally = Object.entries(r.tally).map(([name, v]) => `${name} ${formatVotes(v)}`).join(', ');
      const moves = Object.entries(r.transfers).map(([from, to]) => `${from}'s votes: ${Object.entries(to).map(([n, v]) => `${formatVotes(v)} to ${n}`).join(', ')}`);
      const events = [...r.elected.map((n) => `${n} elected`), ...r.eliminated.map((n) => `${n} eliminated`), ...moves];
      return `Round ${r.round} (${formatVotes(r.threshold)} to win): ${tally}${events.length ? `; ${events.join('; ')}` : ''}.`;
    })
    .join(' ');
}

/** The rounds as a table: the same numbers for screen readers, for copying, and for print. */
export function roundsTable(race: ChartRace): string {
  const rounds = race.rounds ?? [];
  const names = flowRows(rounds);
  const head = rounds.map((r) => `<th class="n" scope="col">Round ${r.round}</th>`).join('');
  const body = names.map((name) => {
    const cells = rounds.map((r) => {
      const v = r.tally[name];
      const note = r.elected.includes(name) ? ' elected' : r.eliminated.includes(name) ? ' eliminated' : '';
      return `<td class="n">${v === undefined ? '–' : formatVotes(v)}${note}</td>`;
    });
    return `<tr><th scope="row">${esc(name)}</th>${cells.join('')}</tr>`;
  });
  const inactive = rounds.some((r) => r.inactive) ? [`<tr><th scope="row">${INACTIVE}</th>${rounds.map((r) => `<td class="n">${formatVotes(inactiveOf(r) ?? 0)}</td>`).join('')}</tr>`] : [];
  const threshold = `<tr><th scope="row">To win</th>${rounds.map((r) => `<td class="n">${formatVotes(r.threshold)}</td>`).join('')}</tr>`;
  return `<div class="scroll"><table><thead><tr><th scope="col">Candidate</th>${head}</tr></thead><tbody>${[...body, ...inactive, threshold].join('')}</tbody></table></div>`;
}

export const FLOW_CSS = [
  '.rounds .rhead{font-weight:700;font-size:13px;fill:#111}',
  '.rounds .name.inactive{font-style:italic}',
  '.rounds .gain{fill:#fff;opacity:.45}',
  '.rounds .out .bar{fill:#fff;stroke:#333;stroke-dasharray:3 2}',
  '.rounds .elected .bar{fill:#1f5fbf;stroke:#000;stroke-width:2}',
  '.rounds .sub{fill:#555;font-size:11px}',
  '.rounds .inactive .bar{fill:#ddd}',
  '.rounds .elected .val,.rounds .out .val{font-weight:700}',
  '.flow{fill:none;stroke:#1f5fbf;opacity:.25}',
].join('');

export const FLOW_DARK_CSS = [
  '.rounds .rhead{fill:#eee}',
  '.rounds .gain{fill:#000;opacity:.35}',
  '.rounds .out .bar{fill:#15181c;stroke:#ccc}',
  '.rounds .elected .bar{fill:#5b9cff;stroke:#fff}',
  '.rounds .sub{fill:#9aa3ad}',
  '.rounds .inactive .bar{fill:#3a3f46}',
  '.flow{stroke:#8ab4ff;opacity:.3}',
].join('');
