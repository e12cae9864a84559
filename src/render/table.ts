/** The terminal table: one block per race, then a verdict line. The only module that uses chalk. */
import { Chalk, type ChalkInstance } from 'chalk';
import stringWidth from 'string-width';
import { raceTitle, type Election, type RaceResult } from '../pipeline.js';
import { describeRule, type Rule } from '../rules/rule.js';
import type { Outcome } from '../types.js';
import { formatShare, formatVotes } from './numbers.js';
import { sanitizeForTerminal as safe } from './sanitize.js';

export interface TableOptions {
  color: boolean;
  /** Bars and the threshold marker: only on a terminal (not with --plain or a pipe). */
  bars: boolean;
  width: number;
}

const LABELS: Record<Outcome['status'], string> = {
  winner: 'WINNER',
  runoff: 'RUNOFF',
  tie: 'TIE',
  no_votes: 'NO VOTES',
  not_applicable: 'NOT APPLICABLE',
};

export function renderTable(election: Election, options: TableOptions): string {
  const c = new Chalk({ level: options.color ? 1 : 0 });
  const blocks = election.races.map((r) => renderRace(r, election.rule, options, c));
  if (blocks.length === 0) blocks.push('No races matched.\n');
  return blocks.join('\n') + footer(election, c);
}

function renderRace({ race, decision }: RaceResult, rule: Rule, options: TableOptions, c: ChalkInstance): string {
  const { candidates, total, outcome } = decision;
  const thresholds = rule.wins.map((w) => w.share);
  const n = candidates.length;
  const header = [safe(raceTitle(race)), `${n} candidate${n === 1 ? '' : 's'}`, `${formatVotes(total)} votes`, `rule: ${describeRule(rule)}`];
  const rows = candidates.map((cand, i) => [String(i + 1), safe(cand.name), safe(cand.party), formatVotes(cand.votes), formatShare(cand.votes, total, thresholds)]);
  const head = ['#', 'Candidate', 'Party', 'Votes', 'Share'];
  const widths = head.map((h, col) => Math.max(stringWidth(h), ...rows.map((r) => stringWidth(r[col] ?? ''))));
  const rightAligned = new Set([0, 3, 4]);
  const line = (cells: string[]): string =>
    cells.map((cell, col) => pad(cell, widths[col] ?? 0, rightAligned.has(col))).join('  ');

  const tableWidth = widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1);
  const barWidth = options.bars ? Math.min(40, options.width - tableWidth - 4) : 0;
  const out = [c.bold(header.join(' · ')), c.dim(line(head))];
  candidates.forEach((cand, i) => {
    const bar = barWidth >= 10 ? '  ' + drawBar(cand.votes, total, thresholds[0]?.num ?? 0, thresholds[0]?.den ?? 1, barWidth, c) : '';
    out.push(line(rows[i] ?? []) + bar);
  });
  out.push(verdict(outcome, c));
  return out.join('\n') + '\n';
}

function pad(text: string, width: number, right: boolean): string {
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

function verdict(o: Outcome, c: ChalkInstance): string {
  const headline = o.status === 'winner' ? o.winner ?? ''
    : o.status === 'runoff' ? o.runoff.join(' vs ')
    : o.status === 'tie' ? o.tied.join(', ')
    : '';
  const colour = o.status === 'winner' ? c.green.bold : o.status === 'runoff' ? c.yellow.bold : c.magenta.bold;
  return `${colour(LABELS[o.status])}  ${headline ? `${safe(headline)} — ` : ''}${safe(o.explanation)}`;
}

function footer(election: Election, c: ChalkInstance): string {
  const rows = election.inputs.reduce((n, i) => n + i.rows, 0);
  const used = election.inputs.reduce((n, i) => n + i.rowsUsed, 0);
  const left = new Map<string, number>();
  for (const input of election.inputs) {
    for (const [reason, count] of Object.entries(input.rowsExcluded)) left.set(reason, (left.get(reason) ?? 0) + (count ?? 0));
  }
  const leftOut = [...left].map(([reason, count]) => `${formatVotes(count)} ${reason}`).join(', ');
  const files = election.inputs.length === 1 ? safe(election.inputs[0]?.name ?? '') : `${election.inputs.length} files`;
  const primary = election.primary.partyPrimary ? ` · party primary (${election.primary.source})` : '';
  return '\n' + c.dim(`${files} · ${formatVotes(rows)} rows, ${formatVotes(used)} counted${leftOut ? ` · left out: ${leftOut}` : ''}${primary}`) + '\n';
}
