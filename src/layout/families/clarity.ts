/**
 * Clarity ENR `summary.csv`: one row per contest × choice, no geography. The contest name
 * carries the seat count, `… (Vote For 2)`: classifyLong takes it off the office and passes it on as `seats`,
 * so a multi-seat contest is reported as not applicable instead of as a runoff. `over votes`, `under votes`,
 * `registered voters`, `ballots cast`, `percent of votes` and `num * total/rptg` are per-contest columns,
 * never candidates and never summed.
 */
import type { Layout, LayoutContext, Reporting } from '../layout.js';
import { classifyLong, longLayout } from './long.js';

// Kept here too: the contest name's `(Vote For N)` is a Clarity habit first (classifyLong reads it for every layout).
export { seatsFromContest } from '../classify.js';

export function detectClarity(headers: readonly string[], ctx: LayoutContext): Layout | null {
  const col = (name: string): number => headers.indexOf(name);
  const [contest, choice, votes] = [col('contest_name'), col('choice_name'), col('total_votes')];
  if (contest === -1 || choice === -1 || votes === -1) return null;
  return longLayout(headers, {
    name: 'clarity-summary',
    keyColumns: { candidate: choice, office: contest, district: -1, party: col('party_name'), stage: -1, more: {} },
    voteColumns: [votes],
    reporting: reportingColumns(headers),
    classify: (values) => classifyLong(values, ctx),
  });
}

/** `num Precinct rptg` / `num Precinct total` (or Area, County): how much of each contest has reported. */
function reportingColumns(headers: readonly string[]): Reporting | null {
  const counted = headers.findIndex((h) => /^num_.+_rptg$/.test(h));
  if (counted === -1) return null;
  const unit = (headers[counted] ?? '').slice(4, -5);
  const total = headers.indexOf(`num_${unit}_total`);
  if (total === -1) return null;
  return { counted, total, unit: unit === 'area' ? 'areas' : `${unit}s` };
}
