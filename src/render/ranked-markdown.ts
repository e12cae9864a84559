/** `--format markdown` for a ranked race: every round as a column, inactive ballots and the threshold as rows. */
import type { RankedRace } from '../count/election.js';
import { formatVotes } from './numbers.js';
import { INACTIVE, oneDecimal, readings, transferLines } from './ranked-table.js';
import { sanitizeForTerminal } from './sanitize.js';

function md(value: string): string {
  return sanitizeForTerminal(value).replace(/[\\`*_{}[\]<>|#!~]/g, (ch) => `\\${ch}`);
}

export function rankedMarkdown(race: RankedRace): string {
  const { rounds, outcome: o, ballots } = race.result;
  const names = Object.keys(rounds[0]?.tally ?? {});
  const row = (cells: string[]): string => `| ${cells.join(' | ')} |`;
  const cell = (round: (typeof rounds)[number], name: string): string => {
    const votes = round.tally[name];
    if (votes === undefined) return '';
    return `${formatVotes(votes)}${round.elected.includes(name) ? ' ✓' : round.eliminated.includes(name) ? ' ✗' : ''}`;
  };
  const lines = [
    `### ${md(race.office)}`,
    '',
    `instant runoff · ${formatVotes(ballots)} ballots · ${rounds.length} rounds`,
    '',
    row(['Candidate', ...rounds.map((r) => `Round ${r.round}`)]),
    `|:--|${rounds.map(() => '--:').join('|')}|`,
    ...names.map((n) => row([md(n), ...rounds.map((r) => cell(r, n))])),
    ...INACTIVE.map(([key, label]) => row([`_${label}_`, ...rounds.map((r) => formatVotes(r.inactive[key]))])),
    row(['_Threshold_', ...rounds.map((r) => formatVotes(r.threshold))]),
    '',
    ...transferLines(rounds).map((l) => `- ${md(l)}`),
    '',
    `**WINNER** ${md(o.winner)} — ${formatVotes(o.votes)} of ${formatVotes(o.continuing)} continuing ballots (${oneDecimal(o.votes, o.continuing)}) in round ${o.round}`,
    '',
    ...readings(race).map(md),
  ];
  if (race.precincts) {
    lines.push('', row(['Precinct', 'First choices']), '|:--|:--|');
    for (const p of race.precincts) lines.push(row([md(p.area), Object.entries(p.firstChoices).map(([n, v]) => `${md(n)} ${formatVotes(v)}`).join(', ')]));
  }
  return lines.join('\n') + '\n';
}
