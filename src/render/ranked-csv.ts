/**
 * CSV rows of a ranked race, in the columns of the two-round rows plus `round` and `round_status`: one row per
 * round × continuing candidate (votes in that round, share of the continuing ballots), then one per reason
 * ballots stopped counting (`round_status` inactive; the candidate cell names the reason).
 */
import type { RankedRace } from '../count/election.js';
import { shareNumber } from './numbers.js';
import { INACTIVE } from './ranked-table.js';

export function rankedCsvRows(race: RankedRace, t: (value: string) => string): string[][] {
  const o = race.result.outcome;
  const rows: string[][] = [];
  for (const round of race.result.rounds) {
    const names = Object.keys(round.tally);
    const continuing = names.reduce((n, name) => n + (round.tally[name] ?? 0), 0);
    const head = [t(race.id), t(race.office), '', ''];
    const tail = (name: string): string[] => ['winner', name === o.winner ? 'yes' : 'no', t(o.winner), '', '', 'ranked', 'instant-runoff'];
    names.forEach((name, i) => {
      const votes = round.tally[name] ?? 0;
      const share = shareNumber(votes, continuing);
      const status = round.elected.includes(name) ? 'elected' : round.eliminated.includes(name) ? 'eliminated' : 'continuing';
      rows.push([...head, String(i + 1), t(name), '', String(votes), share === null ? '' : share.toFixed(6), String(continuing), ...tail(name), String(round.round), status]);
    });
    for (const [key] of INACTIVE) {
      rows.push([...head, '', key, '', String(round.inactive[key]), '', String(continuing), ...tail(''), String(round.round), 'inactive']);
    }
  }
  return rows;
}
