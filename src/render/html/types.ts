/**
 * What the pictures are drawn from: the JSON document of `--json`, so that the page shows exactly what the
 * document says. Ranked (instant-runoff) races carry their rounds; until the counting side emits them, they
 * are typed here as an optional extension of the race document.
 */
import type { ElectionDoc, RaceDoc } from '../schema.js';

export interface RoundDoc {
  round: number;
  /** Continuing candidates' votes in this round. */
  tally: Record<string, number>;
  /** Votes needed to be elected in this round. */
  threshold: number;
  eliminated: string[];
  elected: string[];
  /** Votes moved after this round: from an eliminated candidate to each recipient (or to a non-candidate). */
  transfers: Record<string, Record<string, number>>;
  /** Ballots no longer counted, by reason, as of this round. */
  inactive?: { overvotes: number; skippedRankings: number; repeatedRankings: number; exhaustedChoices: number };
}

export type ChartRace = RaceDoc & { method?: 'instant-runoff' | string; rounds?: RoundDoc[] };

export type ChartDoc = Omit<ElectionDoc, 'races'> & { races: ChartRace[] };

/** "U.S. House District 6": the title the table prints and `--race` matches, rebuilt from the document. */
export function raceTitleOf(race: Pick<RaceDoc, 'office' | 'district' | 'party'>): string {
  const district = race.district === '' ? '' : /^\d+$/.test(race.district) ? ` District ${race.district}` : ` (${race.district})`;
  return `${race.office || 'Results'}${district}${race.party ? ` · ${race.party} primary` : ''}`;
}
