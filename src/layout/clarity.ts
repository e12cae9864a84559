/**
 * Clarity ENR `summary.csv` (formats.md §1 F): one row per contest × choice, no geography. The contest name
 * carries the seat count, `… (Vote For 2)`: it is taken off the office and passed on as `seats`, so a
 * multi-seat contest is reported as not applicable instead of as a runoff. `over votes`, `under votes`,
 * `registered voters`, `ballots cast`, `percent of votes` and `num * total/rptg` are per-contest columns,
 * never candidates and never summed.
 */
import { cleanName } from './classify.js';
import type { Layout, LayoutContext } from './layout.js';
import { classifyLong, longLayout } from './long.js';

const VOTE_FOR = /\s*\(\s*vote\s+for\s+(?:not\s+more\s+than\s+)?(\d+)\s*\)\s*$/i;

/** `Representative … District 8 (Vote For 1)` → the office without the marker, and 1. */
export function seatsFromContest(contest: string): { office: string; seats: number | null } {
  const name = cleanName(contest);
  const m = VOTE_FOR.exec(name);
  return m ? { office: name.slice(0, m.index), seats: Number(m[1]) } : { office: name, seats: null };
}

export function detectClarity(headers: readonly string[], ctx: LayoutContext): Layout | null {
  const col = (name: string): number => headers.indexOf(name);
  const [contest, choice, votes] = [col('contest_name'), col('choice_name'), col('total_votes')];
  if (contest === -1 || choice === -1 || votes === -1) return null;
  return longLayout(headers, {
    name: 'clarity-summary',
    keyColumns: [choice, contest, -1, col('party_name'), -1],
    voteColumns: [votes],
    classify: ([candidate = '', office = '', district = '', party = '', stage = '']) => {
      const { office: title, seats } = seatsFromContest(office);
      return classifyLong([candidate, title, district, party, stage], ctx, seats);
    },
  });
}
