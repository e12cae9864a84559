/** Per-race, per-candidate sums in exact integers. Names are Map keys, so `constructor` is just a name. */
import { DataError, type SourceRef } from './errors.js';
import type { RaceId, RaceTally } from './types.js';

export class Tally {
  readonly races = new Map<string, RaceTally>();

  add(race: RaceId, candidate: string, party: string, votes: number, at: SourceRef): void {
    let tally = this.races.get(race.key);
    if (!tally) {
      tally = { ...race, candidates: new Map(), rows: 0, firstSeen: at };
      this.races.set(race.key, tally);
    }
    tally.rows++;
    const c = tally.candidates.get(candidate);
    if (!c) {
      tally.candidates.set(candidate, { name: candidate, party, votes });
      return;
    }
    c.votes += votes;
    if (c.party === '' && party !== '') c.party = party;
    if (!Number.isSafeInteger(c.votes)) {
      throw new DataError(`the total for ${JSON.stringify(candidate)} passes 2^53 and cannot be counted exactly`, at);
    }
  }
}
