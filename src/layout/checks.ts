/**
 * Checks that need more than one row: counties with no data at all, total rows that disagree with their
 * candidates, races found in one county of a many-county file (a mislabelled race). Exact duplicate records
 * are rows/duplicates.ts's.
 * The reader keeps counts per (race, candidate) key and county — never per row — so memory stays bounded on
 * a precinct file; the county is looked up only when its cell changes, so a sorted file pays one byte compare.
 */
import type { RaceId, Warning } from '../model/types.js';
import { DataError } from '../model/errors.js';
import { raceLabel } from './classify.js';
import { thousands } from '../model/thousands.js';
import { appendAll } from '../model/extent.js';
import { Field, PartTable } from './county-parts.js';

interface CountyRace {
  rows: number;
  votes: number;
  totalRows: number;
  total: number;
  totalLine: number;
  line: number;
}

const SHOWN = 5;

/** Numbers per part in a ChecksDump: county, race, rows, missing, total rows, total line, line, votes, total. */
const DUMPED = 9;

/** CountyChecks as data (structured-clone friendly): counties and races by index, then DUMPED numbers a part. */
export interface ChecksDump {
  counties: string[];
  races: RaceId[];
  parts: Float64Array;
}

/**
 * (county, race, candidate) counts a file may have: each is about 50 bytes (county-parts.ts), so this many is
 * some 250 MB; more is an error with a way out, not an out-of-memory crash.
 */
export const MAX_COUNTY_PARTS = 5_000_000;

/**
 * A county and its parts, indexed by key id where a county's repeated keys are checked, else by race index
 * (every check sums per county and race): dense, as both are handed out in order.
 */
export interface County {
  name: string;
  index: number;
  /** Key id (or race index) → part + 1 (0: none yet), grown as ids come. */
  parts: Uint32Array;
}

export class CountyChecks {
  private readonly races: RaceId[] = [];
  private readonly index = new Map<string, number>();
  private readonly offices = new Map<string, string>();
  private readonly counties = new Map<string, County>();
  private readonly names: string[] = [];
  /** Every (county, key) part's counts, in the order they were first seen. */
  readonly parts = new PartTable();

  raceIndex(race: RaceId): number {
    let i = this.index.get(race.key);
    if (i === undefined) {
      i = this.races.length;
      this.index.set(race.key, i);
      // Thousands of races share a few offices ("State House"): one string each, not one per race.
      let office = this.offices.get(race.office);
      if (office === undefined) this.offices.set(race.office, (office = race.office));
      race.office = office;
      this.races.push(race);
    }
    return i;
  }

  /** The first RaceId seen of race `i`: what every key of that race shares (rows/targets.ts). */
  race(i: number): RaceId {
    return this.races[i] as RaceId;
  }

  /** Looked up only when the county cell changes from one row to the next. */
  county(name: string): County {
    let county = this.counties.get(name);
    if (!county) {
      this.counties.set(name, (county = { name, index: this.names.length, parts: new Uint32Array(16) }));
      this.names.push(name);
    }
    return county;
  }

  /** The part `id` (a key's id or a race's index) of `county`, made on first use. */
  part(county: County, id: number, raceIndex: number, line: number, file: string): number {
    const known = id < county.parts.length ? (county.parts[id] as number) : 0;
    if (known !== 0) return known - 1;
    if (this.parts.size >= MAX_COUNTY_PARTS) {
      throw new DataError(
        `more than ${thousands(MAX_COUNTY_PARTS)} distinct counties × races × candidates: too many to check in memory`,
        { file, line },
        'split the file into smaller ones (by state or county) and pass them together',
      );
    }
    if (id >= county.parts.length) {
      const grown = new Uint32Array(Math.max(county.parts.length * 2, id + 1));
      grown.set(county.parts);
      county.parts = grown;
    }
    const part = this.parts.add(county.index, raceIndex, line);
    county.parts[id] = part + 1;
    return part;
  }

  /** The counts as data, for a merge into the checks of the range before (pipeline/split.ts); per-race parts only. */
  dump(): ChecksDump {
    const { parts } = this;
    const out = new Float64Array(parts.size * DUMPED);
    for (let p = 0; p < parts.size; p++) {
      const at = p * DUMPED;
      out.set([parts.get(p, Field.County), parts.race(p), parts.get(p, Field.Rows), parts.get(p, Field.Missing), parts.get(p, Field.TotalRows), parts.get(p, Field.TotalLine), parts.get(p, Field.Line), parts.votes(p), parts.total(p)], at);
    }
    return { counties: [...this.names], races: this.races.map((r) => ({ ...r })), parts: out };
  }

  /** Why `d` cannot be merged (then the range is read again in order), or null. */
  mergeBlocker(d: ChecksDump): string | null {
    if (this.parts.size + d.parts.length / DUMPED > MAX_COUNTY_PARTS) return 'too many county parts';
    for (let at = 0; at < d.parts.length; at += DUMPED) if ((d.parts[at + 1] as number) < 0) return 'a part without a race';
    return null;
  }

  /** Adds the counts of a later range, parts keyed by county name and race index (as the block check keys them). */
  absorb(d: ChecksDump, lineBase: number, file: string): void {
    const raceOf = d.races.map((r) => this.raceIndex({ ...r }));
    const countyOf = d.counties.map((name) => this.county(name));
    const n = d.parts;
    for (let at = 0; at < n.length; at += DUMPED) {
      const ri = raceOf[n[at + 1] as number] as number;
      const p = this.part(countyOf[n[at] as number] as County, ri, ri, (n[at + 6] as number) + lineBase, file);
      const totalRows = n[at + 4] as number;
      this.parts.absorb(p, n[at + 2] as number, n[at + 3] as number, totalRows, totalRows > 0 ? (n[at + 5] as number) + lineBase : 0, n[at + 7] as number, n[at + 8] as number);
    }
  }

  /** `counties`: whether the file has a county column (else the file is one area and only totals are checked). */
  warnings(file: string, counties: boolean): Warning[] {
    const parts = this.parts;
    // First the flags: counties with parts (how many decides the one-county check), counties and races with
    // counted rows, races with a total row. Only the races a check needs are then summed per county: one
    // object per county × race for every race cost some 100 bytes a race (30 MB at 300,000 races).
    const seen = new Uint8Array(this.names.length);
    const countyCounted = new Uint8Array(this.names.length);
    const counted = new Uint8Array(this.races.length);
    const withTotal = new Uint8Array(this.races.length);
    let n = 0;
    for (let p = 0; p < parts.size; p++) {
      const c = parts.get(p, Field.County);
      if (seen[c] === 0) n++;
      seen[c] = 1;
      const ri = parts.race(p);
      if (ri < 0) continue;
      if (parts.get(p, Field.Rows) > 0) counted[ri] = countyCounted[c] = 1;
      if (parts.get(p, Field.TotalRows) > 0) withTotal[ri] = 1;
    }
    const every = counties && n >= 3;
    // county → race index → sums, in first-seen order.
    const byCounty = new Map<string, Map<number, CountyRace>>();
    const missing = new Map<string, number>();
    for (let p = 0; p < parts.size; p++) {
      const county = this.names[parts.get(p, Field.County)] as string;
      let races = byCounty.get(county);
      if (!races) byCounty.set(county, (races = new Map()));
      missing.set(county, (missing.get(county) ?? 0) + parts.get(p, Field.Missing));
      const raceIndex = parts.race(p);
      if (raceIndex < 0 || !(every || withTotal[raceIndex] === 1)) continue;
      const r = races.get(raceIndex) ?? { rows: 0, votes: 0, totalRows: 0, total: 0, totalLine: 0, line: parts.get(p, Field.Line) };
      r.rows += parts.get(p, Field.Rows);
      r.votes += parts.votes(p);
      r.totalRows += parts.get(p, Field.TotalRows);
      r.total += parts.total(p);
      r.totalLine = Math.max(r.totalLine, parts.get(p, Field.TotalLine));
      r.line = Math.min(r.line, parts.get(p, Field.Line));
      races.set(raceIndex, r);
    }
    const out = this.badTotals(file, byCounty, counted);
    const noRows = (county: string): boolean => countyCounted[(this.counties.get(county) as County).index] === 0;
    if (counties) appendAll(appendAll(out, noData(file, byCounty, missing, noRows)), every ? this.oneCountyRaces(file, byCounty) : []);
    return out;
  }

  /** MS 2015 Choctaw: a county total row of 1,295 over candidate rows adding up to 1,370. */
  private badTotals(file: string, byCounty: Map<string, Map<number, CountyRace>>, counted: Uint8Array): Warning[] {
    const out: Warning[] = [];
    for (const [county, races] of byCounty) {
      for (const [ri, r] of races) {
        // One total row per county and race is checkable; none, or several (sub-totals), are not.
        if (r.totalRows !== 1 || counted[ri] !== 1 || r.total === r.votes) continue;
        const where = county === '' ? '' : `${county}: `;
        out.push({ code: 'total-mismatch', file, line: r.totalLine, message: `${where}the total row says ${thousands(r.total)} votes for ${raceLabel(this.races[ri] as RaceId)}, but its candidate rows add up to ${thousands(r.votes)}; the candidate rows are counted` });
      }
    }
    return out;
  }

  /** MS 2018: Oktibbeha's U.S. House rows labelled "U.S. Senate, district 3" make a race found in one county. */
  private oneCountyRaces(file: string, byCounty: Map<string, Map<number, CountyRace>>): Warning[] {
    const n = byCounty.size;
    const where = new Map<number, { counties: string[]; rows: number; line: number }>();
    for (const [county, races] of byCounty) {
      for (const [ri, r] of races) {
        if (r.rows === 0) continue;
        const w = where.get(ri) ?? { counties: [], rows: 0, line: r.line };
        w.counties.push(county);
        w.rows += r.rows;
        w.line = Math.min(w.line, r.line);
        where.set(ri, w);
      }
    }
    const widest = new Map<string, number>();
    for (const [ri, w] of where) {
      const office = (this.races[ri] as RaceId).office.toLowerCase();
      widest.set(office, Math.max(widest.get(office) ?? 0, w.counties.length));
    }
    const out: Warning[] = [];
    for (const [ri, w] of where) {
      const race = this.races[ri] as RaceId;
      const wide = widest.get(race.office.toLowerCase()) ?? 0;
      if (w.counties.length !== 1 || wide * 2 < n) continue;
      out.push({
        code: 'one-county-race', file, line: w.line,
        message: `${raceLabel(race)} has rows only in ${w.counties[0]} (${w.rows} row${w.rows === 1 ? '' : 's'}), while another ${race.office} race spans ${wide} of the file's ${n} counties: mislabelled rows?`,
      });
    }
    return out;
  }
}

/** A county where every vote cell is empty: no data, which is not the same as 0 votes (civicfs Echols). */
function noData(file: string, byCounty: Map<string, Map<number, CountyRace>>, missing: Map<string, number>, noRows: (county: string) => boolean): Warning[] {
  const out: Warning[] = [];
  for (const county of byCounty.keys()) {
    const m = missing.get(county) ?? 0;
    if (m === 0 || !noRows(county)) continue;
    out.push({ code: 'no-data', file, message: `${county}: no data — every vote cell of its ${m} row${m === 1 ? '' : 's'} is empty; left out, not counted as 0 votes` });
  }
  return out;
}

/** Rows dropped as duplicates, with the first few lines and the line each repeats: one warning per file. */
export class DuplicateNotes {
  count = 0;
  /** The first few: the line dropped, and the line it repeats. */
  readonly first: [number, number][] = [];

  /** `what` is pluralised with an s; `why`, in brackets after it, says what "duplicate" means. */
  constructor(private readonly what = 'exact duplicate record', private readonly why = '') {}

  note(line: number, original: number): void {
    this.count++;
    if (this.first.length < SHOWN) this.first.push([line, original]);
  }

  /** The notes of a later byte range, whose line 1 is line `base + 1`. */
  absorb(later: { count: number; first: readonly [number, number][] }, base: number): void {
    for (const [line, original] of later.first) if (this.first.length < SHOWN) this.first.push([line + base, original + base]);
    this.count += later.count;
  }

  warning(file: string): Warning | null {
    if (this.count === 0) return null;
    const more = this.count > this.first.length ? ', …' : '';
    const why = this.why === '' ? '' : ` (${this.why})`;
    return { code: 'duplicate-rows', file, message: `${this.count} ${this.what}${this.count === 1 ? '' : 's'}${why} dropped: line${this.count === 1 ? '' : 's'} ${this.first.map(([line, original]) => `${line} (same as ${original})`).join(', ')}${more}` };
  }
}
