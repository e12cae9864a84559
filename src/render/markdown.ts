/** `--format markdown`: a GitHub table per race and its verdict line, for pasting into reports and issues. */
import { ballotLine, sourcesLine } from './ballot.js';
import { raceTitle, type Election } from '../count/election.js';
import { describeRule } from '../count/rules/rule.js';
import { formatShare, formatVotes } from './numbers.js';
import { sanitizeForTerminal } from './sanitize.js';
import type { Outcome } from '../model/types.js';
import { isUncontested, ruleHeadline, summaryKind, summaryLine, type SummaryKind, verdictExplanation, verdictHeadline, verdictLabel } from './verdict.js';
import { breakdown, breakdownGrid } from './breakdown.js';
import { rankedMarkdown } from './ranked-markdown.js';

/** Untrusted text inside a Markdown table: no control characters, no table breaks, no markup. */
function md(value: string): string {
  return sanitizeForTerminal(value).replace(/[\\`*_{}[\]<>|#!~]/g, (ch) => `\\${ch}`);
}

export function renderMarkdown(election: Election): string {
  const thresholds = election.rule.wins.map((w) => w.share);
  const kinds: SummaryKind[] = [];
  const blocks = election.races.map(({ race, decision, outlook }) => {
    const { candidates, total, outcome } = decision;
    kinds.push(summaryKind(decision));
    const lines = [
      `### ${md(raceTitle(race))}`,
      '',
      `${candidates.length} candidates · ${formatVotes(total)} votes · rule: ${md(ruleHeadline(election.rule))}`,
      '',
      '| # | Candidate | Party | Votes | Share |',
      '|--:|:--|:--|--:|--:|',
      ...candidates.map((c, i) => `| ${i + 1} | ${md(c.name)} | ${md(c.party)} | ${formatVotes(c.votes)} | ${formatShare(c.votes, total, thresholds)} |`),
      '',
      verdictLine(outcome, isUncontested(decision)),
      ...(outlook ? ['', `**OUTLOOK** ${md(outlook.sentence)}`] : []),
      ...(election.by && race.regions ? ['', ...breakdownTable(breakdownGrid(breakdown(race, candidates), candidates, election.by))] : []),
    ];
    return lines.join('\n') + '\n';
  });
  for (const r of election.ranked ?? []) blocks.push(rankedMarkdown(r));
  // Where the numbers came from (layout, rows left out) and the ballot decision: what a reader checks first.
  const sources = election.inputs.length > 0 ? `_Source: ${md(sourcesLine(election.inputs))}_\n\n` : '';
  const ballot = `${sources}_Ballot: ${md(ballotLine(election.primary))}_\n`;
  if (election.races.length > 1) blocks.push(`**${md(summaryLine(kinds))}**\n`);
  if (election.races.length === 0 && election.ranked?.length) return blocks.join('\n');
  return blocks.length === 0 ? `No races matched.\n\n${ballot}` : `${blocks.join('\n')}\n${ballot}`;
}

/** --by: the breakdown grid as a GitHub table, numbers right-aligned. */
function breakdownTable({ head, body }: { head: string[]; body: string[][] }): string[] {
  const last = head.length - 1;
  const align = head.map((_, col) => (col > 0 && col < last ? '--:' : ':--'));
  const row = (cells: string[]): string => `| ${cells.map(md).join(' | ')} |`;
  return [row(head), `|${align.join('|')}|`, ...body.map(row)];
}

function verdictLine(outcome: Outcome, uncontested: boolean): string {
  const headline = verdictHeadline(outcome, uncontested);
  return `**${verdictLabel(outcome, uncontested)}** ${md(headline)}${headline ? ' — ' : ''}${md(verdictExplanation(outcome, uncontested))}`;
}
