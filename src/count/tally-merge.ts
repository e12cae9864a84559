/**
 * A tally as plain data, and its merge: how a worker that counted a later byte range of a file hands its sums
 * back (pipeline/split.ts). Merged in its first-seen order after this tally's own, the races, candidates and
 * areas come out in the order one pass over the whole file gives them, and every sum is the same.
 */
import { primaryParty } from '../model/race-names.js';
import type { CandidateTally, RaceId } from '../model/types.js';
import type { Tally } from './tally.js';

export interface RaceDump extends RaceId {
  blank: number;
  invalid: number;
  rows: number;
  /** The race's first line in the range (the range's own numbering). */
  line: number;
  candidates: CandidateTally[];
  regions: [string, [string, number][]][] | null;
}

/** Every race, in first-seen order; `clashes`: names met under two parties (the merge leaves those to one pass). */
export interface TallyDump {
  races: RaceDump[];
  clashes: number;
}

export function dumpTally(tally: Tally): TallyDump {
  const races = [...tally.races.values()].map(
    (r): RaceDump => ({
      key: r.key, office: r.office, district: r.district, party: r.party, seats: r.seats ?? null,
      blank: r.blank, invalid: r.invalid, rows: r.rows, line: r.firstSeen.line ?? 0,
      candidates: [...r.candidates.values()],
      regions: r.regions ? [...r.regions].map(([region, votes]) => [region, [...votes]]) : null,
    }),
  );
  return { races, clashes: tally.partyClashes.size };
}

/**
 * Why `dump` cannot be added to `tally` as if its rows had come next, or null. A name under two parties, or a
 * sum past 2^53, are said by one pass with the line of the row: the caller reads the range again instead.
 */
export function tallyMergeBlocker(tally: Tally, dump: TallyDump): string | null {
  if (dump.clashes > 0) return 'a name under two parties';
  const max = Number.MAX_SAFE_INTEGER;
  for (const d of dump.races) {
    const race = tally.races.get(d.key);
    if (!race) continue;
    if (race.blank + d.blank > max || race.invalid + d.invalid > max) return 'a sum past 2^53';
    for (const c of d.candidates) {
      const known = race.candidates.get(c.name);
      if (!known) continue;
      if (known.votes + c.votes > max) return 'a sum past 2^53';
      if (known.party !== '' && c.party !== '' && primaryParty(known.party) !== primaryParty(c.party)) return 'a name under two parties';
    }
  }
  return null;
}

/** Adds `dump` (checked by tallyMergeBlocker) to `tally`; its lines are the range's, `lineBase` lines down the file. */
export function absorbTally(tally: Tally, dump: TallyDump, file: string, lineBase: number): void {
  for (const d of dump.races) {
    let race = tally.races.get(d.key);
    if (!race) tally.races.set(d.key, (race = tally.newRace(d, file, d.line + lineBase)));
    race.blank += d.blank;
    race.invalid += d.invalid;
    race.rows += d.rows;
    for (const c of d.candidates) {
      const known = race.candidates.get(c.name);
      if (!known) {
        race.candidates.set(c.name, { ...c });
        continue;
      }
      known.votes += c.votes;
      if (known.rows !== undefined) known.rows += c.rows ?? 0;
      if (known.party === '') known.party = c.party;
    }
    if (!race.regions || !d.regions) continue;
    for (const [region, votes] of d.regions) {
      let inRegion = race.regions.get(region);
      if (!inRegion) race.regions.set(region, (inRegion = new Map()));
      for (const [name, v] of votes) inRegion.set(name, (inRegion.get(name) ?? 0) + v);
    }
  }
}
