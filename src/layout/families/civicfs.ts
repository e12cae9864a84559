/**
 * civicfs / Georgia SoS-derived precinct files: one row per precinct × candidate ×
 * `vote_type`, summed; `vote_count` is a float string (`613.0`), and an empty one is missing — whole
 * counties are empty upstream, and that is "no data", never "0 votes". The party suffix in
 * `Donald J. Trump (Rep)` is part of the exact name (merging variants is `--merge-names`' job).
 */
import type { Layout, LayoutContext } from '../layout.js';
import { classifyLong, longLayout } from './long.js';

export function detectCivicfs(headers: readonly string[], ctx: LayoutContext): Layout | null {
  const col = (name: string): number => headers.indexOf(name);
  const [contest, candidate, votes, voteType] = [col('contest'), col('candidate_name'), col('vote_count'), col('vote_type')];
  if (contest === -1 || candidate === -1 || votes === -1 || voteType === -1) return null;
  const party = col('political_party');
  // `election_type` (General, Primary, Runoff) plays the part of a stage column.
  const stage = col('election_type');
  return longLayout(headers, {
    name: 'civicfs',
    keyColumns: { candidate, office: contest, district: -1, party, stage, more: {} },
    voteColumns: [votes],
    classify: (values) => classifyLong(values, ctx),
  });
}
