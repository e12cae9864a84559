/**
 * The terminal table of a ranked race: candidates × rounds, inactive ballots by reason on their own rows, the
 * threshold, the transfers of each round in words, the verdict, then the first-choice (two-round) and head-to-head
 * (Condorcet) readings. Too many rounds for the width: the first round and the last ones, and how many are hidden.
 */
import type { ChalkInstance } from 'chalk';
import type { RankedRace } from '../count/election.js';
import type { InactiveCounts, IrvRound } from '../count/irv/result.js';
import { formatVotes } from './numbers.js';
import { sanitizeForTerminal as safe } from './sanitize.js';

export interface RankedTableOptions {
  width: number;
  /** On a terminal, hide middle rounds to fit the width; piped output shows every round. */
  terminal: boolean;
  stringWidth: (text: string) => number;
}

export const INACTIVE: readonly [keyof InactiveCounts, string][] = [
  ['overvotes', 'Overvotes'],
  ['skippedRankings', 'Skipped rankings'],
  ['repeatedRankings', 'Repeated rankings'],
  ['exhaustedChoices', 'Exhausted choices'],
];

/** A share to one decimal, rounded half-up in integers: "57.2 %". */
export function oneDecimal(votes: number, total: number): string {
  if (total === 0) return '–';
  const tenths = (2n * BigInt(votes) * 1000n + BigInt(total)) / (2n * BigInt(total));
  return `${tenths / 10n}.${tenths % 10n} %`;
}

export function renderRankedRace(race: RankedRace, options: RankedTableOptions, c: ChalkInstance): string {
  const { result } = race;
  const w = options.stringWidth;
  const names = Object.keys(result.rounds[0]?.tally ?? {});
  const nameWidth = Math.max(9, ...names.map((n) => w(safe(n))), ...INACTIVE.map(([, label]) => label.length));
  const shown = visibleRounds(result.rounds, nameWidth, options);
  const cellOf = (round: IrvRound, name: string): string => {
    const votes = round.tally[name];
    if (votes === undefined) return '';
    const mark = round.elected.includes(name) ? ' ✓' : round.eliminated.includes(name) ? ' ✗' : '  ';
    return formatVotes(votes) + mark;
  };
  const rows: string[][] = [
    ['Candidate', ...shown.map((r) => (r === null ? '…' : `Round ${r.round}`))],
    ...names.map((n) => [safe(n), ...shown.map((r) => (r === null ? '' : cellOf(r, n)))]),
    ...INACTIVE.map(([key, label]) => [label, ...shown.map((r) => (r === null ? '' : `${formatVotes(r.inactive[key])}  `))]),
    ['Threshold', ...shown.map((r) => (r === null ? '' : `${formatVotes(r.threshold)}  `))],
  ];
  const widths = (rows[0] as string[]).map((_, col) => Math.max(...rows.map((r) => w(r[col] ?? ''))));
  const line = (cells: string[]): string =>
    cells.map((cell, col) => (col === 0 ? cell + ' '.repeat((widths[0] ?? 0) - w(cell)) : ' '.repeat((widths[col] ?? 0) - w(cell)) + cell)).join('  ').trimEnd();
  const o = result.outcome;
  const header = `${safe(race.office)} · instant runoff · ${formatVotes(result.ballots)} ballots · ${result.rounds.length} round${result.rounds.length === 1 ? '' : 's'}`;
  const out = [c.bold(header), c.dim(line(rows[0] as string[]))];
  rows.slice(1, names.length + 1).forEach((r) => out.push(line(r)));
  rows.slice(names.length + 1).forEach((r) => out.push(c.dim(line(r))));
  const hidden = result.rounds.length - shown.filter((r) => r !== null).length;
  if (hidden > 0) out.push(c.dim(`(${hidden} middle round${hidden === 1 ? '' : 's'} hidden to fit ${options.width} columns; --format markdown or a wider terminal shows them all)`));
  out.push('', ...transferLines(result.rounds));
  out.push('', `${c.green.bold('WINNER')} ${safe(o.winner)} — ${formatVotes(o.votes)} of ${formatVotes(o.continuing)} continuing ballots (${oneDecimal(o.votes, o.continuing)}) in round ${o.round}`);
  out.push(...readings(race));
  if (race.precincts) {
    const width = Math.max(8, ...race.precincts.map((p) => w(safe(p.area))));
    out.push('', c.dim(`${'Precinct'.padEnd(width)}  First choices`));
    for (const p of race.precincts) {
      const area = safe(p.area);
      out.push(`${area}${' '.repeat(width - w(area))}  ${Object.entries(p.firstChoices).map(([n, v]) => `${safe(n)} ${formatVotes(v)}`).join(', ')}`);
    }
  }
  return out.join('\n') + '\n';
}

/** Every round when it fits; otherwise round 1, a "…" column, and as many last rounds as fit. */
function visibleRounds(rounds: IrvRound[], nameWidth: number, options: RankedTableOptions): (IrvRound | null)[] {
  const cell = Math.max(9, ...rounds.map((r) => Math.max(...Object.values(r.tally), r.threshold)).map((v) => formatVotes(v).length + 2)) + 2;
  const fits = Math.floor((options.width - nameWidth) / cell);
  if (!options.terminal || rounds.length <= fits) return rounds;
  const last = Math.max(1, fits - 2);
  return [rounds[0] as IrvRound, null, ...rounds.slice(rounds.length - last)];
}

/** "Round 1: Write-in eliminated; its 2,974 ballots → Nick Begich 1,274, Mary Peltola 982, exhausted 84". */
export function transferLines(rounds: IrvRound[]): string[] {
  return rounds.flatMap((r) => {
    if (r.eliminated.length === 0) return [];
    const moves = Object.entries(r.transfers).map(([from, to]) => {
      const parts = Object.entries(to).sort((a, b) => b[1] - a[1]).map(([name, n]) => `${safe(name)} ${formatVotes(n)}`);
      return `${safe(from)} → ${parts.length > 0 ? parts.join(', ') : 'nobody'}`;
    });
    return [`Round ${r.round}: ${r.eliminated.map(safe).join(', ')} eliminated${moves.length > 0 ? `; ${moves.join('; ')}` : ''}`];
  });
}

/** The same ballots read two other ways: first choices under a top-two runoff rule, and head to head. */
export function readings(race: RankedRace): string[] {
  const { firstChoices: f, condorcet: k, outcome } = race.result;
  const two = f.majority !== null
    ? `${safe(f.majority)} has a majority of first choices: no runoff under a two-round rule`
    : `no majority; a two-round rule would send ${f.topTwo.map(safe).join(' and ')} to a runoff`;
  const head = k.winner !== null
    ? `Condorcet winner: ${safe(k.winner)} beats every other candidate head to head${k.irvAgrees ? '; instant runoff elected them' : `; instant runoff elected ${safe(outcome.winner)} instead`}`
    : `no Condorcet winner: a cycle among ${k.smithSet.map(safe).join(', ')}`;
  const stop = (text: string): string => (text.endsWith('.') ? text : `${text}.`);
  return [`First choices: ${stop(two)}`, `Head to head: ${stop(head)}`];
}
