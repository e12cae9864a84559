/** What rows of one race are grouped by: office|district|party, normalised. Branded so a title is never taken for it. */
export type RaceKey = string & { readonly __raceKey: true };

/** The only way to make a RaceKey: from the normalised parts (layout/classify.ts raceId). */
export function raceKey(office: string, district: string, party: string | null): RaceKey {
  return `${office.toLowerCase()}|${district.toLowerCase()}|${party === null ? '' : party.toLowerCase()}` as RaceKey;
}
