/** `--format csv`: one row per race × candidate with the outcome columns; RFC 4180, guarded against formulas. */
import type { Election } from '../pipeline.js';
import { toDocument } from './document.js';

const HEADER = ['race', 'office', 'district', 'primary_party', 'rank', 'candidate', 'party', 'votes', 'share', 'total_votes', 'status', 'advances', 'winner', 'runoff', 'votes_short'];

/**
 * A text cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, TAB, CR, NUL first) gets a leading `'`
 * (OWASP, CWE-1236). Only text cells: numbers are written by us and never start that way except as negatives.
 */
function text(value: string): string {
  const guarded = /^[=+\-@\t\r\0]/.test(value) ? `'${value}` : value;
  return quote(guarded);
}

function quote(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function renderCsv(election: Election): string {
  const rows = [HEADER.join(',')];
  for (const race of toDocument(election).races) {
    const { outcome } = race;
    const advancing = new Set(outcome.status === 'winner' ? [outcome.winner] : outcome.advancing);
    race.candidates.forEach((c, i) => {
      rows.push([
        text(race.id), text(race.office), text(race.district), text(race.party ?? ''), String(i + 1), text(c.name), text(c.party),
        String(c.votes), c.share === null ? '' : c.share.toFixed(6), String(race.totalVotes), outcome.status,
        advancing.has(c.name) ? 'yes' : 'no', text(outcome.winner ?? ''), text(outcome.runoff.join(' vs ')),
        outcome.votesShort === null ? '' : String(outcome.votesShort),
      ].join(','));
    });
  }
  return rows.join('\r\n') + '\r\n';
}
