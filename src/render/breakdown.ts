/** --by: each candidate's votes per area (county, precinct …) of a race, with the area's leader. */
import type { CandidateTally, RaceTally } from '../model/types.js';
import { formatVotes } from './numbers.js';
import { maxOf } from '../model/extent.js';

export interface AreaRow {
  area: string;
  totalVotes: number;
  /** Votes per candidate, in the race's ranked order. */
  votes: number[];
  /** null when nobody leads: a tie for first, or no votes. */
  leader: string | null;
}

/** Areas in code-point order of their names, so the same input always gives the same table. */
export function breakdown(race: RaceTally, ranked: readonly CandidateTally[]): AreaRow[] {
  if (!race.regions) return [];
  const areas = [...race.regions.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return areas.map((area) => {
    const inArea = race.regions?.get(area) ?? new Map<string, number>();
    const votes = ranked.map((c) => inArea.get(c.name) ?? 0);
    const best = maxOf(votes, 0);
    const leaders = ranked.filter((_, i) => votes[i] === best);
    return {
      area,
      totalVotes: votes.reduce((a, b) => a + b, 0),
      votes,
      leader: best > 0 && leaders.length === 1 ? leaders[0]?.name ?? null : null,
    };
  });
}

/**
 * The breakdown as a grid of text cells, shared by the table and Markdown: the top candidates get a column
 * each (as many as fit in five), the rest are summed under "Others". Text cells are raw: callers escape them.
 */
export function breakdownGrid(rows: AreaRow[], candidates: readonly CandidateTally[], by: string): { head: string[]; body: string[][] } {
  const shown = candidates.slice(0, candidates.length > 5 ? 4 : 5);
  const others = candidates.length > shown.length;
  const head = [by, ...shown.map((cand) => cand.name), ...(others ? ['Others'] : []), 'Total', 'Leader'];
  const body = rows.map((r) => [
    r.area,
    ...shown.map((_, i) => formatVotes(r.votes[i] ?? 0)),
    ...(others ? [formatVotes(r.votes.slice(shown.length).reduce((a, b) => a + b, 0))] : []),
    formatVotes(r.totalVotes),
    r.leader === null ? (r.totalVotes === 0 ? '–' : 'tie') : r.leader,
  ]);
  return { head, body };
}
