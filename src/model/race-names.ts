/** Names of races and parties as every layer spells them (so count/ need not reach into layout/). */
import type { RaceId } from './types.js';

/** Trim and turn NBSP (U+00A0, U+202F) into spaces: the exact tally key of a name. */
export function cleanName(s: string): string {
  return s.replace(/[\u00a0\u202f]/g, ' ').trim();
}

/** A Map, so a party cell like `constructor` is just a party, never Object.prototype's function. */
const PARTY_NAMES = new Map<string, string>(Object.entries({
  d: 'Democratic', dem: 'Democratic', democrat: 'Democratic', democratic: 'Democratic',
  r: 'Republican', rep: 'Republican', republican: 'Republican',
  l: 'Libertarian', lib: 'Libertarian', lbt: 'Libertarian', libertarian: 'Libertarian',
  g: 'Green', grn: 'Green', green: 'Green',
}));

/** The party of a primary, spelled one way: `DEM`, `Dem`, `Democrat` are one primary. */
export function primaryParty(party: string): string {
  const p = cleanName(party);
  return PARTY_NAMES.get(p.toLowerCase()) ?? p;
}

/** "U.S. House District 6", "Railroad Commissioner (unexpired) · Democratic": a race named in a message. */
export function raceLabel(race: RaceId): string {
  const district = race.district === '' ? '' : /^\d+$/.test(race.district) ? ` District ${race.district}` : ` (${race.district})`;
  return `${race.office || 'Results'}${district}${race.party ? ` · ${race.party}` : ''}`;
}

