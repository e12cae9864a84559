/**
 * `--format csv`: one row per race × candidate with the outcome columns; RFC 4180, guarded against formulas.
 * With --by, an `area` column: the race-wide rows have it empty, then one row per race × area × candidate
 * (votes, share and total of that area). With --outstanding, the outlook as columns.
 */
import type { Election } from '../count/election.js';
import type { Outlook } from '../count/outlook.js';
import { toDocument } from './document.js';
import type { RaceDoc } from './schema.js';
import { shareNumber } from './numbers.js';
import { sanitizeForTerminal } from './sanitize.js';
import { rankedCsvRows } from './ranked-csv.js';

const HEADER = ['race', 'office', 'district', 'primary_party', 'rank', 'candidate', 'party', 'votes', 'share', 'total_votes', 'status', 'advances', 'winner', 'runoff', 'votes_short', 'ballot', 'ballot_source'];
const AREA = ['area', 'leads_area'];
/** Only when ranked races are present: the round of the row and what happened to the candidate in it. */
const ROUND = ['round', 'round_status'];
const OUTLOOK = ['outstanding', 'votes_needed_to_win', 'runoff_locked', 'outlook'];

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

/** The fewest outstanding votes this candidate needs to win outright: 0 when clinched, empty when out of reach. */
function votesNeeded(outlook: Outlook, name: string): string {
  if (outlook.leader?.name === name) return outlook.leader.votesNeeded === null ? '' : String(outlook.leader.votesNeeded);
  const c = outlook.contenders.find((x) => x.name === name);
  return c ? String(c.votesNeeded) : '';
}

export function renderCsv(election: Election, options: { terminal: boolean } = { terminal: false }): string {
  const t = (value: string): string => text(value, options.terminal);
  // Which ballot was assumed, on every row, so a row read alone still says it (the reason is in --json).
  const ballot = election.primary.partyPrimary ? 'party-primary' : 'all-party';
  const doc = toDocument({ ...election, ranked: [] });
  const byArea = doc.races.some((r) => r.breakdown);
  const outlooks = doc.races.some((r) => r.outlook);
  const ranked = election.ranked ?? [];
  const rows = [[...HEADER, ...(byArea ? AREA : []), ...(outlooks ? OUTLOOK : []), ...(ranked.length > 0 ? ROUND : [])].join(',')];
  const roundBlank = ranked.length > 0 ? ['', ''] : [];
  const outlookCells = (race: RaceDoc, name: string): string[] => {
    if (!outlooks) return [];
    const o = race.outlook;
    if (!o) return ['', '', '', ''];
    return [String(o.outstanding), votesNeeded(o, name), o.cut === null ? '' : o.cut.locked ? 'yes' : 'no', t(o.sentence)];
  };
  for (const race of doc.races) {
    const { outcome } = race;
    const advancing = new Set(outcome.status === 'winner' ? [outcome.winner] : outcome.advancing);
    // The columns every row of the race shares, around the per-candidate and per-area ones.
    const raceCells = [t(race.id), t(race.office), t(race.district), t(race.party ?? '')];
    const outcomeCells = (name: string): string[] => [
      outcome.status, advancing.has(name) ? 'yes' : 'no', t(outcome.winner ?? ''), t(outcome.runoff.join(' vs ')),
      outcome.votesShort === null ? '' : String(outcome.votesShort), ballot, election.primary.source,
    ];
    race.candidates.forEach((c, i) => {
      rows.push([
        ...raceCells, String(i + 1), t(c.name), t(c.party), String(c.votes), c.share === null ? '' : c.share.toFixed(6),
        String(race.totalVotes), ...outcomeCells(c.name), ...(byArea ? ['', ''] : []), ...outlookCells(race, c.name), ...roundBlank,
      ].join(','));
    });
    for (const area of race.breakdown?.areas ?? []) {
      area.votes.forEach((v, i) => {
        const c = race.candidates[i];
        const share = shareNumber(v.votes, area.totalVotes);
        rows.push([
          ...raceCells, String(i + 1), t(v.name), t(c?.party ?? ''), String(v.votes), share === null ? '' : share.toFixed(6),
          String(area.totalVotes), ...outcomeCells(v.name), t(area.area), area.leader === v.name ? 'yes' : 'no', ...outlookCells(race, v.name), ...roundBlank,
        ].join(','));
      });
    }
  }
  const pad = [...(byArea ? ['', ''] : []), ...(outlooks ? ['', '', '', ''] : [])];
  for (const race of ranked) rows.push(...rankedCsvRows(race, t).map((cells) => [...cells.slice(0, HEADER.length), ...pad, ...cells.slice(HEADER.length)].join(',')));
  // RFC 4180 lines end in CRLF; on a terminal, plain LF (a CR is a control character there).
  const eol = options.terminal ? '\n' : '\r\n';
  return rows.join(eol) + eol;
}
