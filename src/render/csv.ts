/** `--format csv`: one row per race × candidate with the outcome columns; RFC 4180, guarded against formulas. */
import type { Election } from '../count/election.js';
import { toDocument } from './document.js';
import { sanitizeForTerminal } from './sanitize.js';

const HEADER = ['race', 'office', 'district', 'primary_party', 'rank', 'candidate', 'party', 'votes', 'share', 'total_votes', 'status', 'advances', 'winner', 'runoff', 'votes_short', 'ballot', 'ballot_source'];

/**
 * A text cell a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, TAB, CR, NUL first) gets a leading `'`
 * (OWASP, CWE-1236). Only text cells: numbers are written by us and never start that way except as negatives.
 */
function text(value: string, terminal: boolean): string {
  const guarded = /^[=+\-@\t\r\0]/.test(value) ? `'${value}` : value;
  // Exact when piped to a file or a program; on a terminal, a name must not drive the terminal.
  return quote(terminal ? sanitizeForTerminal(guarded) : guarded);
}

function quote(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function renderCsv(election: Election, options: { terminal: boolean } = { terminal: false }): string {
  const t = (value: string): string => text(value, options.terminal);
  const rows = [HEADER.join(',')];
  // Which ballot was assumed, on every row, so a row read alone still says it (the reason is in --json).
  const ballot = election.primary.partyPrimary ? 'party-primary' : 'all-party';
  for (const race of toDocument(election).races) {
    const { outcome } = race;
    const advancing = new Set(outcome.status === 'winner' ? [outcome.winner] : outcome.advancing);
    race.candidates.forEach((c, i) => {
      rows.push([
        t(race.id), t(race.office), t(race.district), t(race.party ?? ''), String(i + 1), t(c.name), t(c.party),
        String(c.votes), c.share === null ? '' : c.share.toFixed(6), String(race.totalVotes), outcome.status,
        advancing.has(c.name) ? 'yes' : 'no', t(outcome.winner ?? ''), t(outcome.runoff.join(' vs ')),
        outcome.votesShort === null ? '' : String(outcome.votesShort),
        ballot, election.primary.source,
      ].join(','));
    });
  }
  // RFC 4180 lines end in CRLF; on a terminal, plain LF (a CR is a control character there).
  const eol = options.terminal ? '\n' : '\r\n';
  return rows.join(eol) + eol;
}
