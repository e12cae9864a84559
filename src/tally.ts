/** Per-race, per-candidate sums in exact integers. Names are Map keys, so `constructor` is just a name. */
import { DataError, type SourceRef } from './errors.js';
import type { BallotKind, RaceId, RaceTally } from './types.js';

export interface TallyRow {
  race: RaceId;
  candidate: string;
  party: string;
  ballot: BallotKind;
}

export class Tally {
  readonly races = new Map<string, RaceTally>();

  /** @param trackRegions keep per-region sums (for rules with regional-spread conditions). */
  constructor(private readonly trackRegions = false) {}

  add(row: TallyRow, votes: number, region: string, at: SourceRef): void {
    let tally = this.races.get(row.race.key);
    if (!tally) {
      tally = { ...row.race, candidates: new Map(), blank: 0, invalid: 0, regions: this.trackRegions ? new Map() : null, rows: 0, firstSeen: at };
      this.races.set(row.race.key, tally);
    }
    tally.rows++;
    if (row.ballot === 'blank' || row.ballot === 'invalid') {
      tally[row.ballot] = checked(tally[row.ballot] + votes, row.candidate, at);
      return;
    }
    const c = tally.candidates.get(row.candidate);
    if (!c) {
      tally.candidates.set(row.candidate, { name: row.candidate, party: row.party, votes, writeIn: row.ballot === 'write-in' });
    } else {
      c.votes = checked(c.votes + votes, row.candidate, at);
      if (c.party === '' && row.party !== '') c.party = row.party;
    }
    if (tally.regions) {
      let region_ = tally.regions.get(region);
      if (!region_) tally.regions.set(region, (region_ = new Map()));
      region_.set(row.candidate, (region_.get(row.candidate) ?? 0) + votes);
    }
  }
}

function checked(sum: number, name: string, at: SourceRef): number {
  if (!Number.isSafeInteger(sum)) {
    throw new DataError(`the total for ${JSON.stringify(name)} passes 2^53 and cannot be counted exactly`, at);
  }
  return sum;
}
