/**
 * `--by`: the race per area. Up to SMALL_MULTIPLES areas get a small bar chart each, in a grid, all on one
 * scale (share of the area's votes); past that a grid of charts is unreadable, so a table that can be sorted
 * by any column — with a small inline script; without it the table reads the same, unsorted.
 */
import { formatVotes } from '../numbers.js';
import type { RaceDoc } from '../schema.js';
import { clip, esc } from './escape.js';
import { px } from './scale.js';

export const SMALL_MULTIPLES = 60;
/** Candidates with a bar (or column) of their own; the rest are summed as "Others". */
const SHOWN = 4;

type Breakdown = NonNullable<RaceDoc['breakdown']>;
type Area = Breakdown['areas'][number];

const W = 220;
const LABEL = 96;
const BAR = 80;
const ROW = 17;

/** The area's bars: the race's top candidates, then everyone else together. */
function columnsOf(area: Area, shown: number): { name: string; votes: number }[] {
  const top = area.votes.slice(0, shown);
  const rest = area.votes.slice(shown).reduce((sum, v) => sum + v.votes, 0);
  return area.votes.length > shown ? [...top, { name: 'Others', votes: rest }] : top;
}

function smallChart(area: Area, id: string, majority: number | null): string {
  const bars = columnsOf(area, SHOWN);
  const height = 22 + bars.length * ROW + 4;
  const share = (v: number): number => (area.totalVotes === 0 ? 0 : v / area.totalVotes);
  const leader = area.leader === null ? (area.totalVotes === 0 ? 'no votes' : 'tie') : `leader ${area.leader}`;
  const out = [
    `<svg class="chart small" viewBox="0 0 ${W} ${height}" width="${W}" height="${height}" role="img" aria-labelledby="${id}-t">`,
    `<title id="${id}-t">${esc(area.area)}: ${formatVotes(area.totalVotes)} votes, ${esc(leader)}. ${bars.map((b) => `${esc(b.name)} ${formatVotes(b.votes)}`).join(', ')}</title>`,
    `<text class="h2" x="2" y="14">${esc(clip(area.area, 20))}</text>`,
    `<text class="tot" x="${W - 2}" y="14">${formatVotes(area.totalVotes)}</text>`,
  ];
  bars.forEach((b, i) => {
    const y = 22 + i * ROW;
    const lead = b.name === area.leader ? 'won' : 'none';
    const pct = area.totalVotes === 0 ? '–' : `${Math.round(share(b.votes) * 100)}%`;
    out.push(
      `<g class="row ${lead}">`,
      `<text class="name" x="${LABEL - 4}" y="${y + 11}">${esc(clip(b.name, 13))}</text>`,
      `<rect class="bar" x="${LABEL}" y="${y + 2}" width="${px(share(b.votes) * BAR)}" height="11" data-votes="${b.votes}"/>`,
      `<text class="val" x="${px(LABEL + share(b.votes) * BAR + 3)}" y="${y + 11}">${pct}${lead === 'won' ? ' ◀' : ''}</text>`,
      '</g>',
    );
  });
  if (majority !== null) {
    const mx = px(LABEL + majority * BAR);
    out.push(`<line class="threshold" x1="${mx}" y1="20" x2="${mx}" y2="${height - 2}"/>`);
  }
  out.push('</svg>');
  return out.join('');
}

/** A grid of small charts, or a sortable table for many areas. `majority`: the first threshold, as a share. */
export function breakdownBlock(b: Breakdown, id: string, majority: number | null): string {
  const heading = `<h3>By ${esc(b.column)} (${formatVotes(b.areas.length)})</h3>`;
  if (b.areas.length <= SMALL_MULTIPLES) {
    const charts = b.areas.map((a, i) => `<figure>${smallChart(a, `${id}-a${i + 1}`, majority)}</figure>`);
    const note = majority === null ? '' : ' The dashed line is the winning threshold, for reference.';
    return `${heading}<p class="note">Share of each ${esc(b.column)}'s votes; the leader's bar is filled and marked ◀.${note}</p><div class="grid">${charts.join('')}</div>`;
  }
  return `${heading}${areaTable(b)}`;
}

function areaTable(b: Breakdown): string {
  const first = b.areas[0];
  const names = first ? columnsOf(first, SHOWN).map((c) => c.name) : [];
  const th = (label: string, numeric: boolean): string => `<th scope="col"${numeric ? ' class="n"' : ''}><button type="button">${label}</button></th>`;
  const head = [th(esc(b.column), false), ...names.map((n) => th(esc(n), true)), th('Total', true), th('Leader', false)].join('');
  const rows = b.areas.map((a) => {
    const cells = columnsOf(a, SHOWN).map((c) => `<td class="n" data-v="${c.votes}">${formatVotes(c.votes)}</td>`);
    const leader = a.leader === null ? (a.totalVotes === 0 ? '–' : 'tie') : esc(a.leader);
    return `<tr><th scope="row">${esc(a.area)}</th>${cells.join('')}<td class="n" data-v="${a.totalVotes}">${formatVotes(a.totalVotes)}</td><td>${leader}</td></tr>`;
  });
  return `<p class="note">Click a column heading to sort.</p><div class="scroll"><table class="sortable"><thead><tr>${head}</tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
}

/**
 * Sorting for `table.sortable`: numbers by their `data-v`, text by locale. The page's content security policy
 * lets exactly this script run (by its hash) and nothing else.
 */
export const SORT_SCRIPT = `document.querySelectorAll('table.sortable').forEach(function(t){var hs=t.tHead.rows[0].cells;Array.prototype.forEach.call(hs,function(h,i){var b=h.querySelector('button');if(!b)return;b.addEventListener('click',function(){var asc=h.getAttribute('aria-sort')!=='ascending';Array.prototype.forEach.call(hs,function(o){o.removeAttribute('aria-sort')});h.setAttribute('aria-sort',asc?'ascending':'descending');var body=t.tBodies[0];var rs=Array.prototype.slice.call(body.rows);rs.sort(function(x,y){var a=x.cells[i],c=y.cells[i];var d=a.dataset.v!==undefined?Number(a.dataset.v)-Number(c.dataset.v):a.textContent.localeCompare(c.textContent);return asc?d:-d});rs.forEach(function(r){body.appendChild(r)})})})});`;
