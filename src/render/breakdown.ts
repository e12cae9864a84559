/** --by: each candidate's votes per area (county, precinct …) of a race, with the area's leader. */
import type { CandidateTally, RaceTally } from '../model/types.js';

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
    const best = Math.max(0, ...votes);
    const leaders = ranked.filter((_, i) => votes[i] === best);
    return {
      area,
      totalVotes: votes.reduce((a, b) => a + b, 0),
      votes,
      leader: best > 0 && leaders.length === 1 ? leaders[0]?.name ?? null : null,
    };
  });
}
