/** `--format markdown`: a GitHub table per race and its verdict line, for pasting into reports and issues. */
import { ballotLine } from './ballot.js';
import { raceTitle, type Election } from '../count/election.js';
import { describeRule } from '../count/rules/rule.js';
import { formatShare, formatVotes } from './numbers.js';
import { sanitizeForTerminal } from './sanitize.js';
import { verdictLabel, verdictHeadline } from './verdict.js';

/** Untrusted text inside a Markdown table: no control characters, no table breaks, no markup. */
function md(value: string): string {
  return sanitizeForTerminal(value).replace(/[\\`*_{}[\]<>|#!~]/g, (ch) => `\\${ch}`);
}

export function renderMarkdown(election: Election): string {
  const thresholds = election.rule.wins.map((w) => w.share);
  const blocks = election.races.map(({ race, decision }) => {
    const { candidates, total, outcome } = decision;
    const lines = [
      `### ${md(raceTitle(race))}`,
      '',
      `${candidates.length} candidates · ${formatVotes(total)} votes · rule: ${md(describeRule(election.rule))}`,
      '',
      '| # | Candidate | Party | Votes | Share |',
      '|--:|:--|:--|--:|--:|',
      ...candidates.map((c, i) => `| ${i + 1} | ${md(c.name)} | ${md(c.party)} | ${formatVotes(c.votes)} | ${formatShare(c.votes, total, thresholds)} |`),
      '',
      `**${verdictLabel(outcome)}** ${md(verdictHeadline(outcome))}${verdictHeadline(outcome) ? ' — ' : ''}${md(outcome.explanation)}`,
    ];
    return lines.join('\n') + '\n';
  });
  const ballot = `_Ballot: ${md(ballotLine(election.primary))}_\n`;
  return blocks.length === 0 ? `No races matched.\n\n${ballot}` : `${blocks.join('\n')}\n${ballot}`;
}
