/**
 * `--format html`: one self-contained page — inline CSS and SVG, no external URL, no script needed to read
 * it — so it opens from a file or an e-mail attachment. Drawn from the `--json` document, never from the
 * tallies directly, so the page says exactly what the document says.
 */
import { createHash } from 'node:crypto';
import type { Election } from '../../count/election.js';
import { toDocument } from '../document.js';
import { formatShare, formatVotes } from '../numbers.js';
import { breakdownBlock, SMALL_MULTIPLES, SORT_SCRIPT } from './areas.js';
import { barChart } from './bars.js';
import { anchor, esc } from './escape.js';
import { roundBars } from './round-bars.js';
import { roundsChart, roundsTable } from './rounds.js';
import { percentText, thresholdsOf } from './scale.js';
import { STYLESHEET } from './style.js';
import { raceTitleOf, type ChartDoc, type ChartRace } from './types.js';
import { label } from './verdict.js';
import { summaryLine, verdictHeadline } from '../verdict.js';

export function renderHtml(election: Election): string {
  return htmlPage(toDocument(election));
}

export function htmlPage(doc: ChartDoc): string {
  const sortable = doc.races.some((r) => (r.breakdown?.areas.length ?? 0) > SMALL_MULTIPLES);
  // Nothing may load or run but this page's own style and, when there is a sortable table, its one script.
  const script = sortable ? `'sha256-${createHash('sha256').update(SORT_SCRIPT).digest('base64')}'` : "'none'";
  const csp = `default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src ${script}`;
  const files = doc.inputs.map((i) => i.name).join(', ');
  const body = [
    '<header>',
    '<h1>Election results</h1>',
    `<p class="meta">${esc(files)} · rule: ${esc(doc.rule.name)}</p>`,
    `<p class="summary">${esc(summaryLine(doc.races.map((r) => r.outcome.status)))}</p>`,
    '</header>',
    doc.races.length > 1 ? toc(doc.races) : '',
    doc.races.length === 0 ? '<p>No races matched.</p>' : '',
    ...doc.races.map((race, i) => raceSection(race, i, doc)),
    warnings(doc),
    footer(doc),
  ];
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width,initial-scale=1">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="generator" content="runoff">',
    `<title>Election results: ${esc(files)}</title>`,
    `<style>\n${STYLESHEET}</style>`,
    '</head>',
    '<body>',
    '<main>',
    ...body.filter((s) => s !== ''),
    '</main>',
    sortable ? `<script>${SORT_SCRIPT}</script>` : '',
    '</body>',
    '</html>',
    '',
  ].filter((s, i, all) => s !== '' || i === all.length - 1).join('\n');
}

function toc(races: readonly ChartRace[]): string {
  const items = races.map((r, i) => {
    const who = verdictHeadline(r.outcome);
    return `<li><a href="#${anchor('race', i)}">${esc(raceTitleOf(r))}</a> — <strong>${esc(label(r.outcome))}</strong>${who ? ` ${esc(who)}` : ''}</li>`;
  });
  return `<nav class="toc" aria-labelledby="toc-h"><h2 id="toc-h">Races</h2><ol>${items.join('')}</ol></nav>`;
}

function raceSection(race: ChartRace, i: number, doc: ChartDoc): string {
  const id = anchor('race', i);
  const title = raceTitleOf(race);
  const thresholds = thresholdsOf(doc.rule.wins);
  const n = race.candidates.length;
  const counted = race.denominator === race.totalVotes ? '' : doc.rule.denominator === 'cast' ? ', all ballots counted' : ', blank ballots counted';
  const seats = race.seats !== null && race.seats > 1 ? ` · ${race.seats} seats` : '';
  const who = verdictHeadline(race.outcome);
  const ranked = race.rounds !== undefined && race.rounds.length > 0;
  const parts = [
    `<section class="race" id="${id}" aria-labelledby="${id}-h">`,
    `<h2 id="${id}-h">${esc(title)}</h2>`,
    `<p class="meta">${n} candidate${n === 1 ? '' : 's'} · ${formatVotes(race.denominator)} votes${counted}${seats}</p>`,
    `<p class="verdict ${race.outcome.status}"><span class="tag">${esc(label(race.outcome))}</span>${who ? `<strong>${esc(who)}</strong> — ` : ''}${esc(race.outcome.explanation)}</p>`,
    race.reporting ? reporting(race.reporting) : '',
    race.outlook ? `<p class="outlook"><span class="tag">OUTLOOK</span>${esc(race.outlook.sentence)}</p>` : '',
    ranked ? roundBarsFigure(race, id, title) : `<figure>${barChart(race, doc.rule.wins, { id: `${id}-c`, title })}`,
    ranked ? '' : `<figcaption>Bars: share of ${formatVotes(race.denominator)} votes${thresholds.length ? `; dashed line: the threshold to win outright (${esc(thresholds.map((t) => t.label).join(', '))})` : ''}; ▶ and a word mark who goes on.</figcaption></figure>`,
    candidateTable(race, thresholds.map((t) => t.share)),
    ranked ? roundsBlock(race, id, title) : '',
    race.breakdown ? breakdownBlock(race.breakdown, id, firstShare(doc)) : '',
    '</section>',
  ];
  return parts.filter((s) => s !== '').join('\n');
}

function firstShare(doc: ChartDoc): number | null {
  const t = thresholdsOf(doc.rule.wins)[0];
  return t ? t.share.num / t.share.den : null;
}

function reporting(r: { counted: number; total: number; unit: string }): string {
  const pct = r.total === 0 ? 0 : Math.min(1, r.counted / r.total);
  const text = `${formatVotes(r.counted)} of ${formatVotes(r.total)} ${esc(r.unit)} reporting${r.total === 0 ? '' : ` (${formatShare(r.counted, r.total)})`}`;
  return `<p class="progress"><span class="track" aria-hidden="true"><span class="done" style="display:block;width:${(pct * 100).toFixed(1)}%"></span></span><span>${text}</span></p>`;
}

function candidateTable(race: ChartRace, shares: Parameters<typeof formatShare>[2]): string {
  const rows = race.candidates.map(
    (c, i) => `<tr><td class="n">${i + 1}</td><th scope="row">${esc(c.name)}</th><td>${esc(c.party)}</td><td class="n">${formatVotes(c.votes)}</td><td class="n">${formatShare(c.votes, race.denominator, shares)}</td></tr>`,
  );
  const extra = [
    race.blankVotes > 0 ? `<tr><td></td><th scope="row">Blank ballots</th><td></td><td class="n">${formatVotes(race.blankVotes)}</td><td></td></tr>` : '',
    race.invalidVotes > 0 ? `<tr><td></td><th scope="row">Invalid ballots</th><td></td><td class="n">${formatVotes(race.invalidVotes)}</td><td></td></tr>` : '',
  ];
  return `<details><summary>The numbers as a table</summary><div class="scroll"><table><thead><tr><th class="n" scope="col">#</th><th scope="col">Candidate</th><th scope="col">Party</th><th class="n" scope="col">Votes</th><th class="n" scope="col">Share</th></tr></thead><tbody>${[...rows, ...extra].join('')}</tbody></table></div></details>`;
}

/** A ranked race's main picture: its rounds as bar groups (the first is the first choices), not the first choices alone. */
function roundBarsFigure(race: ChartRace, id: string, title: string): string {
  return [
    `<figure>${roundBars(race, { id: `${id}-c`, title })}`,
    '<figcaption>One group of bars per round, all on one scale of votes; shares are of the round\'s continuing ballots. Dashed line: votes needed to win that round; greyed, dashed and OUT: eliminated in that round; ▶ ELECTED: the winner, whose bars are coloured in every round.</figcaption></figure>',
  ].join('\n');
}

function roundsBlock(race: ChartRace, id: string, title: string): string {
  const rounds = race.rounds ?? [];
  return [
    `<h3>Rounds of counting (${rounds.length})</h3>`,
    `<figure class="scroll">${roundsChart(race, `${id}-r`, title)}`,
    '<figcaption>Each column is a round; bands carry an eliminated candidate\'s votes to the next round, where the part of a bar that arrived by transfer is lighter. Dashed outline: eliminated (OUT); thick outline: ELECTED; dashed line: votes needed to win.</figcaption></figure>',
    `<details><summary>The rounds as a table</summary>${roundsTable(race)}</details>`,
  ].join('\n');
}

function warnings(doc: ChartDoc): string {
  if (doc.warnings.length === 0) return '';
  const items = doc.warnings.map((w) => `<li>${esc(`${w.file ? `${w.file}${w.line ? `:${w.line}` : ''}: ` : ''}${w.message}`)}</li>`);
  return `<section class="warnings" aria-labelledby="warn-h"><h2 id="warn-h">Warnings (${doc.warnings.length})</h2><ul>${items.join('')}</ul></section>`;
}

function footer(doc: ChartDoc): string {
  const inputs = doc.inputs.map((i) => `${esc(i.name)} (${esc(i.layout)}, sha256 ${esc(i.sha256.slice(0, 12))}…): ${formatVotes(i.rows)} rows, ${formatVotes(i.rowsUsed)} counted`);
  return `<footer><p>${inputs.join('<br>')}</p><p>Rule: ${esc(doc.rule.name)}. Source: ${esc(doc.rule.source)}.</p><p>Made by runoff; every number comes from its --json document (schema ${doc.schemaVersion}).</p></footer>`;
}
