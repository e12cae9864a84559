/** Per-race, per-candidate sums in exact integers. Names are Map keys, so `constructor` is just a name. */
import { DataError } from '../model/errors.js';
import { primaryParty } from '../model/race-names.js';
import { Candidates } from '../model/candidates.js';
import type { BallotKind, CandidateTally, RaceId, RaceTally } from '../model/types.js';

export interface TallyRow {
  race: RaceId;
  candidate: string;
  party: string;
  ballot: BallotKind;
}

/**
 * Where one (race, candidate) adds up: found once per distinct key (`Tally.find`), then reused for every row.
 * The reader keeps these two fields on its per-key target: a separate object per key cost 64 bytes each, and a
 * file of 300,000 races has 600,000 keys.
 */
export interface Slot {
  /** null until `find` fills it. */
  race: RaceTally | null;
  /** null for blank and invalid ballots, which are counted on the race. */
  candidate: CandidateTally | null;
}

/** One name under two parties in one race: summed (fusion tickets), and reported outside fusion layouts. */
export interface PartyClash {
  race: RaceTally;
  name: string;
  parties: string[];
  file: string;
  line: number;
}

export class Tally {
  readonly races = new Map<string, RaceTally>();
  /** Per race key and name: the first clash seen, with every party met so far. */
  readonly partyClashes = new Map<string, PartyClash>();

  /** @param tracksRegions keep per-region sums (for rules with regional-spread conditions). */
  constructor(readonly tracksRegions = false) {}

  /** Fills `slot` with the race and candidate of `row`, made on first use. */
  find(row: TallyRow, file: string, line: number, slot: Slot): void {
    let race = this.races.get(row.race.key);
    if (!race) this.races.set(row.race.key, (race = this.newRace(row.race, file, line)));
    let candidate: CandidateTally | null = null;
    if (row.ballot !== 'blank' && row.ballot !== 'invalid') {
      candidate = race.candidates.get(row.candidate) ?? null;
      if (!candidate) {
        candidate = { name: row.candidate, party: row.party, votes: 0, writeIn: row.ballot === 'write-in', rows: 0 };
        race.candidates.set(row.candidate, candidate);
      }
      // Fusion: one candidate on several party lines is one candidate; show the first party named.
      if (candidate.party === '' && row.party !== '') candidate.party = row.party;
      else if (row.party !== '' && primaryParty(row.party) !== primaryParty(candidate.party)) this.clash(race, candidate.party, row, file, line);
    }
    slot.race = race;
    slot.candidate = candidate;
  }

  /** A race with nothing counted yet, first seen at `line`. */
  newRace(id: RaceId, file: string, line: number): RaceTally {
    // Every field spelled out in one order, not `...id`: the spread gave each race its own hidden class
    // (a V8 map and descriptor array, about 0.4 KB a race); a literal shares one shape across all races.
    const { key, office, district, party, seats = null } = id;
    return { key, office, district, party, seats, candidates: new Candidates(), blank: 0, invalid: 0, regions: this.tracksRegions ? new Map() : null, rows: 0, firstSeen: { file, line } };
  }

  private clash(race: RaceTally, first: string, row: TallyRow, file: string, line: number): void {
    const id = `${race.key}\u0000${row.candidate}`;
    const seen = this.partyClashes.get(id);
    if (!seen) this.partyClashes.set(id, { race, name: row.candidate, parties: [first, row.party], file, line });
    else if (!seen.parties.includes(row.party)) seen.parties.push(row.party);
  }

  /** `slot` filled by `find` for this `row`. */
  add(slot: Slot, row: TallyRow, votes: number, region: string, file: string, line: number): void {
    const race = slot.race as RaceTally;
    const candidate = slot.candidate;
    race.rows++;
    if (candidate) {
      candidate.votes += votes;
      if (candidate.rows !== undefined) candidate.rows++;
      if (candidate.votes > Number.MAX_SAFE_INTEGER) overflow(row.candidate, file, line);
      if (race.regions) {
        let inRegion = race.regions.get(region);
        if (!inRegion) race.regions.set(region, (inRegion = new Map()));
        inRegion.set(row.candidate, (inRegion.get(row.candidate) ?? 0) + votes);
      }
    } else if (row.ballot === 'blank') {
      race.blank += votes;
      if (race.blank > Number.MAX_SAFE_INTEGER) overflow(row.candidate, file, line);
    } else {
      race.invalid += votes;
      if (race.invalid > Number.MAX_SAFE_INTEGER) overflow(row.candidate, file, line);
    }
  }
}

function overflow(name: string, file: string, line: number): never {
  throw new DataError(`the total for ${JSON.stringify(name)} passes 2^53 and cannot be counted exactly`, { file, line }, 'no real election has this many votes: check the vote column of this line');
}
