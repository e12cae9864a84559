/**
 * County-clerk "Summary of Votes" and "Statement of Votes" exports (Boulder County, CO):
 * `Contest Title`, `Choice Name`, `Total Votes`, with precinct columns in the statement. Header fields may hold
 * newlines (`"Total \nVotes"`, normalised away), numbers ≥ 1,000 are quoted with thousands separators, and
 * the file ends with an empty `,,,,,,,` row and a `"* Active Voters are …"` footnote: footers, not
 * blank-candidate rows. `Active Voters`, `Total Ballots`, `Total Undervotes`, `Total Overvotes` are not votes.
 */
import { hasPrecinctColumn } from '../columns.js';
import type { Layout, LayoutContext } from '../layout.js';
import { classifyLong, longLayout } from './long.js';

export function detectClerk(headers: readonly string[], ctx: LayoutContext): Layout | null {
  const col = (name: string): number => headers.indexOf(name);
  const [contest, choice, votes] = [col('contest_title'), col('choice_name'), col('total_votes')];
  if (contest === -1 || choice === -1 || votes === -1) return null;
  return longLayout(headers, {
    name: hasPrecinctColumn(headers) ? 'clerk-statement' : 'clerk-summary',
    keyColumns: { candidate: choice, office: contest, district: -1, party: -1, stage: -1, more: {} },
    voteColumns: [votes],
    classify: (values) => classifyLong(values, ctx),
  });
}
