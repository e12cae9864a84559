/** The terminal table: one block per race, then a verdict line. The only module that uses chalk. */
import { ballotLine, inputsLabel, sourcesLine } from './ballot.js';
import type { ChalkInstance } from 'chalk';
import { raceTitle, type Election, type RaceResult } from '../count/election.js';
import type { Rule } from '../count/rules/rule.js';
import { ballotRows, type Decision, type RuleOutcome } from '../count/decide.js';
import type { CandidateTally } from '../model/types.js';
import { breakdown, breakdownGrid, type AreaRow } from './breakdown.js';
import { formatShare, formatVotes } from './numbers.js';
import { sanitizeForTerminal as safe } from './sanitize.js';
import { truncate, wrapWords } from './fit.js';
import { isUncontested, ruleHeadline, summaryKind, summaryLine, type SummaryKind, verdictExplanation, verdictHeadline, verdictLabel } from './verdict.js';
import { appendAll } from '../model/extent.js';

/** The table's part of RenderOptions (render/index.ts). */
export interface TableOptions {
  color: boolean;
  /** Bars and the threshold marker: only on a terminal (not with --plain or a pipe). */
  bars: boolean;
  width: number;
  /** On a terminal, long lines wrap at words and names are cut with … to fit `width`; piped output is never cut. */
  terminal?: boolean;
}

/** Without colour nothing is styled: every chalk style is the identity. */
const PLAIN = new Proxy((text: string) => text, { get: () => PLAIN }) as unknown as ChalkInstance;

/**
 * Text one column wide per UTF-16 unit: printable ASCII, Latin-1 to the spacing modifier letters (U+00A0 to
 * U+02FF, the accented letters of most Latin scripts: Núñez, Łukasz, Şahin) but the soft hyphen, which is not
 * shown, and Latin Extended Additional (U+1E00 to U+1EFF, the precomposed letters of Vietnamese: Nguyễn).
 * None of these joins the character before it, so no cluster spans two of them. Any other text is measured by
 * string-width (the test checks each of these characters against it).
 */
export const NARROW = /^[\x20-\x7e\xa0-\xac\xae-\u02ff\u1e00-\u1eff]*$/;

const narrowWidth = (text: string): number => text.length;

/** How the table looks: its styles (chalk, or the identity without colour) and how wide a text is on screen. */
interface Look {
  style: ChalkInstance;
  measure: (text: string) => number;
}

/**
 * chalk and string-width are loaded only when needed — colour on, or text beyond the Latin letters (NARROW) —
 * since loading them costs more start-up time than the rest of a small run (string-width alone 45–60 ms, and
 * 30–50 µs a call).
 */
export async function renderTable(election: Election, options: TableOptions): Promise<Iterable<string>> {
  const c = options.color ? new (await import('chalk')).Chalk({ level: 1 }) : PLAIN;
  let stringWidth = narrowWidth;
  if (!allNarrow(election)) {
    const wide = (await import('string-width')).default;
    stringWidth = (text) => (NARROW.test(text) ? text.length : wide(text));
  }
  const look: Look = { style: c, measure: stringWidth };
  const ranked = election.ranked?.length ? await rankedBlocks(election, options, look) : [];
  return tableText(election, ranked, options, look);
}

/** The races' blocks, a blank line apart, then the footer: made race by race as they are written. */
function* tableText(election: Election, ranked: readonly string[], options: TableOptions, look: Look): Generator<string> {
  let first = true;
  // Each race's decision is worked out once, here (it is not kept: count-election.ts); the footer's summary
  // line counts how the races ended as they are written.
  const kinds: SummaryKind[] = [];
  for (const r of election.races) {
    const decision = r.decision;
    kinds.push(summaryKind(decision));
    yield (first ? '' : '\n') + renderRace(r, decision, election.rule, election.by, options, look);
    first = false;
  }
  for (const block of ranked) {
    yield (first ? '' : '\n') + block;
    first = false;
  }
  if (first) yield 'No races matched.\n';
  yield footer(election, kinds, look, options);
}

/** Ranked races (ranked-table.ts), their long lines wrapped on a terminal like the rest. */
async function rankedBlocks(election: Election, options: TableOptions, look: Look): Promise<string[]> {
  const { style: c, measure: stringWidth } = look;
  const { renderRankedRace } = await import('./ranked-table.js');
  const fit = options.terminal === true;
  return (election.ranked ?? []).map((race) => {
    const text = renderRankedRace(race, { width: options.width, terminal: fit, stringWidth }, c);
    if (!fit) return text;
    return text.split('\n').flatMap((l) => (stringWidth(l) > options.width ? wrapWords(l, options.width - 2, stringWidth).map((x, i) => (i === 0 ? x : `  ${x}`)) : [l])).join('\n');
  });
}

function allNarrow(election: Election): boolean {
  const texts = election.inputs.map((i) => i.name);
  for (const r of election.ranked ?? []) texts.push(r.office, ...Object.keys(r.result.rounds[0]?.tally ?? {}), '✓');
  // The race's own candidates, not its decision's (the same names, ranked): no race is decided for this.
  for (const { race } of election.races) {
    appendAll(texts, [race.office, race.district, race.party ?? '', ...(race.regions?.keys() ?? [])]);
    for (const cand of race.candidates.values()) texts.push(cand.name, cand.party);
  }
  return texts.every((t) => NARROW.test(t));
}

function renderRace({ race, outlook }: RaceResult, decision: Decision, rule: Rule, by: string | null, options: TableOptions, look: Look): string {
  const { style: c, measure: stringWidth } = look;
  const { candidates, total, denominator, outcome } = decision;
  const thresholds = rule.wins.map((w) => w.share);
  const n = candidates.length;
  const counted = denominator === total ? '' : rule.denominator === 'cast' ? ', all ballots counted' : ', blank ballots counted';
  const reporting = race.reporting ? [`${formatVotes(race.reporting.counted)} of ${formatVotes(race.reporting.total)} ${safe(race.reporting.unit)} reporting`] : [];
  const header = [safe(raceTitle(race)), `${n} candidate${n === 1 ? '' : 's'}`, `${formatVotes(denominator)} votes${counted}`, ...reporting, `rule: ${ruleHeadline(rule)}`];
  // Shares are of the rule's denominator, so that they compare with its threshold.
  const rows = candidates.map((cand, i) => [String(i + 1), safe(cand.name), safe(cand.party), formatVotes(cand.votes), formatShare(cand.votes, denominator, thresholds)]);
  const ballots = ballotRows(decision, rule).map((b) => ['', b.label, '', formatVotes(b.votes), b.counted ? formatShare(b.votes, denominator) : '(not counted)']);
  const head = ['#', 'Candidate', 'Party', 'Votes', 'Share'];
  const widths = head.map((h, col) => widest(h, [...rows, ...ballots], col, stringWidth));
  const fit = options.terminal === true;
  if (fit) shrinkNames([...rows, ...ballots], widths, options.width, stringWidth);
  const rightAligned = new Set([0, 3, 4]);
  const line = (cells: string[]): string =>
    cells.map((cell, col) => pad(cell, widths[col] ?? 0, rightAligned.has(col), stringWidth)).join('  ');

  const tableWidth = widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1);
  const barWidth = options.bars ? Math.min(40, options.width - tableWidth - 4) : 0;
  // Continuation lines are indented by `indent`, so the whole block stays within the width.
  const wrap = (text: string, indent = 0): string[] =>
    fit ? wrapWords(text, options.width - indent, stringWidth).map((l, i) => (i === 0 ? l : ' '.repeat(indent) + l)) : [text];
  const out = [...wrap(header.join(' · ')).map((l) => c.bold(l)), c.dim(line(head))];
  candidates.forEach((cand, i) => {
    const bar = barWidth >= 10 ? '  ' + drawBar(cand.votes, denominator, thresholds[0]?.num ?? 0, thresholds[0]?.den ?? 1, barWidth, c) : '';
    out.push(line(rows[i] ?? []) + bar);
  });
  for (const b of ballots) out.push(c.dim(line(b)));
  out.push(verdict(outcome, isUncontested(decision), look, wrap));
  if (outlook) out.push(labelled(c.cyan.bold('OUTLOOK'), 'OUTLOOK', safe(outlook.sentence), wrap, stringWidth));
  if (race.regions && by) appendAll(out, ['', ...renderBreakdown(breakdown(race, candidates), candidates, by, look)]);
  return out.join('\n') + '\n';
}

/** The breakdown grid (breakdown.ts), padded: numbers right-aligned, area and leader left. */
function renderBreakdown(rows: AreaRow[], candidates: readonly CandidateTally[], by: string, look: Look): string[] {
  const { style: c, measure: stringWidth } = look;
  const grid = breakdownGrid(rows, candidates, by);
  const head = grid.head.map(safe);
  const body = grid.body.map((r) => r.map(safe));
  const widths = head.map((h, col) => widest(h, body, col, stringWidth));
  const last = head.length - 1;
  const line = (cells: string[]): string => cells.map((cell, col) => pad(cell, widths[col] ?? 0, col > 0 && col < last, stringWidth)).join('  ');
  return [c.dim(line(head).trimEnd()), ...body.map((r) => line(r).trimEnd())];
}

/** The widest cell of a column, header included: a loop, as a table can have as many rows as the input. */
function widest(header: string, rows: readonly string[][], col: number, stringWidth: (text: string) => number): number {
  let w = stringWidth(header);
  for (const row of rows) w = Math.max(w, stringWidth(row[col] ?? ''));
  return w;
}

function pad(text: string, width: number, right: boolean, stringWidth: (text: string) => number): string {
  const fill = ' '.repeat(Math.max(0, width - stringWidth(text)));
  return right ? fill + text : text + fill;
}

const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];

/** A bar over 0–100 % with a marker at the threshold. */
function drawBar(votes: number, total: number, num: number, den: number, width: number, c: ChalkInstance): string {
  const eighths = total === 0 ? 0 : Math.round((votes / total) * width * 8);
  const body = '█'.repeat(Math.floor(eighths / 8)) + (EIGHTHS[eighths % 8] ?? '');
  const marker = den === 0 || num === 0 ? -1 : Math.round((num / den) * width);
  const cells = [...body.padEnd(width, ' ')];
  const bar = cells.map((ch, i) => (i === marker && ch === ' ' ? c.dim('│') : ch)).join('');
  return c.cyan(bar.trimEnd());
}

/**
 * Parties, then candidate names, cut with … until the table fits the terminal: a name is never wrapped onto
 * a second row, where it would read as another candidate. Each keeps at least 8 columns.
 */
function shrinkNames(rows: string[][], widths: number[], width: number, stringWidth: (text: string) => number): void {
  const total = (): number => widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1);
  for (const col of [2, 1]) {
    const over = total() - width;
    const current = widths[col] ?? 0;
    if (over <= 0 || current <= 8) continue;
    const target = Math.max(8, current - over);
    widths[col] = target;
    for (const row of rows) row[col] = truncate(row[col] ?? '', target, stringWidth);
  }
}

/** "RUNOFF  text…" with the text wrapped under itself (a hanging indent), the label coloured. */
function labelled(styled: string, label: string, text: string, wrap: (text: string, indent?: number) => string[], stringWidth: (text: string) => number): string {
  return `${styled}  ${wrap(text, stringWidth(label) + 2).join('\n')}`;
}

function verdict(o: RuleOutcome, uncontested: boolean, look: Look, wrap: (text: string, indent?: number) => string[]): string {
  const c = look.style;
  const headline = verdictHeadline(o, uncontested);
  const label = o.status === 'runoff' && o.onRequest ? 'RUNOFF (ON REQUEST)' : verdictLabel(o, uncontested);
  const colour = o.status === 'winner' ? c.green.bold : o.status === 'runoff' ? c.yellow.bold : c.magenta.bold;
  return labelled(colour(label), label, `${headline ? `${safe(headline)} — ` : ''}${safe(verdictExplanation(o, uncontested))}`, wrap, look.measure);
}

function footer(election: Election, kinds: readonly SummaryKind[], look: Look, options: TableOptions): string {
  const { style: c, measure: stringWidth } = look;
  const primary = ` · ${ballotLine(election.primary)}`;
  // Several races: how they ended, in one line a reporter can quote.
  const wrap = (text: string): string[] => (options.terminal === true ? wrapWords(text, options.width, stringWidth) : [text]);
  const summary = election.races.length > 1 ? wrap(summaryLine(kinds)).map((l) => c.bold(l) + '\n').join('') : '';
  // ballot files only (their contests shown or all left out by --race / --status): the footer speaks of ballots
  if (election.races.length === 0 && election.inputs.length > 0 && election.inputs.every((i) => i.layout.startsWith('cvr-'))) {
    const ballots = election.inputs.reduce((n, i) => n + i.rows, 0);
    // Which reader the content was recognised as decides the whole count (ballots, not totals): say it.
    const formats = [...new Set(election.inputs.map((i) => i.layout.replace(/^cvr-/, '')))].join(', ');
    return '\n' + wrap(`${safe(inputsLabel(election.inputs))} · ${formatVotes(ballots)} ballots · read as cast-vote records (${safe(formats)})`).map((l) => c.dim(l)).join('\n') + '\n';
  }
  const sources = wrap(`${safe(sourcesLine(election.inputs))}${primary}`);
  return '\n' + summary + sources.map((l) => c.dim(l)).join('\n') + '\n';
}
