/**
 * What the pictures are drawn from: the JSON document of `--json`, so that the page shows exactly what the
 * document says. Ranked (instant-runoff) races are races with their rounds (`method`, `rounds`).
 */
import type { ElectionDoc, RaceDoc, RankedRaceDoc } from '../schema.js';

export type { RoundDoc } from '../schema.js';

export type ChartRace = RaceDoc & Partial<Pick<RankedRaceDoc, 'method' | 'rounds'>>;

export type ChartDoc = ElectionDoc;

/** "U.S. House District 6": the title the table prints and `--race` matches, rebuilt from the document. */
export function raceTitleOf(race: Pick<RaceDoc, 'office' | 'district' | 'party'>): string {
  const district = race.district === '' ? '' : /^\d+$/.test(race.district) ? ` District ${race.district}` : ` (${race.district})`;
  return `${race.office || 'Results'}${district}${race.party ? ` · ${race.party} primary` : ''}`;
}
