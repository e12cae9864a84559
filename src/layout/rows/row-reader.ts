/** Records (cells + line) + Layout → tally additions, exclusions counted per reason, warnings collected. */
import { DataError } from '../../model/errors.js';
import type { Tally } from '../../count/tally.js';
import type { ExclusionReason, Warning } from '../../model/types.js';
import { CountyChecks, type County } from '../checks.js';
import { Field } from '../county-parts.js';
import { excelText, raceLabel } from '../classify.js';
import type { CrossFileKeys } from '../cross-file.js';
import { keyColumnList, placeColumns, type Layout, type Part, type TypeCheck } from '../layout.js';
import { BallotsCounter, ReportingCounter } from '../reporting.js';
import { sumVotes, type RecordView } from '../../read/record-view.js';
import { BAD, describeBadVotes, isCount } from '../../read/votes.js';
import { DuplicateFilter } from './duplicates.js';
import { GeoTotals, type GeoSink } from './geo-totals.js';
import { Places } from './places.js';
import { differentVotes, repeatCheckFor, type RepeatCheck } from './repeat-check.js';
import { KeyTargets, targetAt, type PartTarget } from './targets.js';
import type { ReaderInner } from './handoff.js';
import { RepeatedHeader } from './repeated-header.js';
import { RowNotes } from './row-notes.js';
import { restBlank, RowShape } from './row-shape.js';

export interface RowOptions {
  file: string;
  skipBadRows: boolean;
  /** The column whose value is the row's area for --by and regional rules; -1 for none. */
  regionColumn: number;
  /** Coarser geography columns that qualify the area (`--by precinct`: the county), so same-named precincts stay apart. */
  regionParents?: number[];
  /** With several inputs: keys counted by earlier inputs, for the conflicting-row check across files. */
  crossFile?: CrossFileKeys | null;
  /** The header record's cells: a record equal to them is the header repeated (files joined), not data. */
  header?: readonly string[];
}

/** Total rows whose votes are checked against the candidates' (other exclusions are not totals). */
const TOTAL_REASONS: ReadonlySet<ExclusionReason> = new Set(['blank-candidate', 'candidate-total']);

export class RowReader {
  rows = 0;
  rowsUsed = 0;
  readonly excluded = new Map<ExclusionReason, number>();
  private readonly notes: RowNotes;
  private readonly checks = new CountyChecks();
  private readonly duplicates: DuplicateFilter | null;
  /** The key columns in the order `classify` takes their values. */
  private readonly keyColumns: number[];
  /** What a key's first record leads to (PartTargets), made once per distinct key: see `record`. */
  private readonly targets: KeyTargets;
  /** Records of another shape than the header's: footers, footnotes, short and long rows, unnamed columns. */
  private readonly shape: RowShape;
  private readonly repeat: RepeatCheck;
  private readonly places: Places;
  private readonly typeCheck: TypeCheck | null;
  private readonly reporting: ReportingCounter | null;
  /** The file's own ballots-cast column, per race: more candidate votes than ballots means vote-for-N. */
  private ballots: BallotsCounter | null;
  /** Rows with every geography cell empty, held until the end: total rows, or a race without places. */
  private readonly geo: GeoTotals | null;
  readonly headerRepeat: RepeatedHeader | null;

  constructor(
    readonly layout: Layout,
    private readonly tally: Tally,
    private readonly options: RowOptions,
  ) {
    this.notes = new RowNotes(options.file);
    this.duplicates = layout.dedup ? new DuplicateFilter(this.notes.duplicates, options.file) : null;
    this.keyColumns = keyColumnList(layout.keyColumns);
    this.targets = new KeyTargets(layout, this.keyColumns, this.checks, options.file);
    this.shape = new RowShape(layout.headerLength, layout.unnamedColumns, options.file);
    this.reporting = layout.reporting ? new ReportingCounter(layout.reporting) : null;
    this.ballots = layout.ballotsColumn !== undefined && layout.ballotsColumn >= 0 ? new BallotsCounter(layout.ballotsColumn, placeColumns(layout)) : null;
    this.repeat = repeatCheckFor(layout.parts.length, layout.countyColumn, layout.precinctColumns);
    this.places = new Places(layout.countyColumn, layout.geoColumns, this.repeat, this.checks);
    this.typeCheck = layout.parts.length === 1 ? layout.typeCheck : null;
    this.geo = GeoTotals.of(layout);
    this.headerRepeat = RepeatedHeader.of(options.header, layout.parts[0]?.voteColumns[0]);
  }

  /** Its parts, for the hand-off of a byte range counted by a worker and its merge (handoff.ts). */
  get inner(): ReaderInner {
    const rowBallots = (): BallotsCounter => (this.ballots ??= new BallotsCounter(-1, placeColumns(this.layout)));
    return { reader: this, layout: this.layout, tally: this.tally, notes: this.notes, checks: this.checks, shape: this.shape, geo: this.geo, ballots: this.ballots, rowBallots, keys: this.targets.size };
  }

  exclude(reason: ExclusionReason, rows = 1): void {
    this.excluded.set(reason, (this.excluded.get(reason) ?? 0) + rows);
  }

  /** One data record. Blank lines and all-empty footer rows are counted, not errors. */
  record(rec: RecordView): void {
    this.rows++;
    const { layout, shape, places, headerRepeat: hr } = this;
    const line = rec.line;
    if (rec.count !== shape.width) return this.exclude(shape.unusual(rec));
    if (hr !== null && rec.first(hr.column) === hr.firstCode && hr.is(rec)) return this.exclude('repeated-header');
    if (shape.unnamed !== null) shape.lookUnnamed(rec);
    if (places.perPlace) {
      // Every geography column is a place column: the place is followed first, and whether it is a TOTAL
      // pseudo-place is checked only when it changes (this pays for comparing the precinct cell).
      if (places.moved(rec)) places.settle(rec, this.geo);
      if (places.totalPlace) return this.exclude('total-row');
    } else if (places.totalRow(rec)) return this.exclude('total-row');
    if (this.duplicates?.isDuplicate(rec)) return this.exclude('duplicate');
    const targets = rec.memo(this.keyColumns, this.targets.make);
    if (!places.perPlace) places.moved(rec);
    const { county, block } = places;
    const blocks = this.repeat.kind === 'block';
    const counties = this.repeat.kind === 'county';
    let used = false;
    let region: string | null = null;
    const geo = this.geo;
    const noPlace = geo !== null && (places.perPlace ? places.emptyPlace : geo.empty(rec));
    let held = false;
    for (let p = 0; p < layout.parts.length; p++) {
      const target = targetAt(targets, p);
      const { classified } = target;
      const columns = (layout.parts[p] as Part).voteColumns;
      if (classified.kind === 'exclude') {
        // `,,,,,,,` and `"* Active Voters are …",,,,,,,`: whatever the first cell looks like, a footer.
        if (restBlank(rec)) return this.exclude('footer');
        this.exclude(classified.reason);
        if (target.raceIndex >= 0 && TOTAL_REASONS.has(classified.reason)) {
          const votes = sumVotes(rec, columns);
          if (votes >= 0) this.countTotal(county, target, votes, line);
        } else if (classified.ballotsCast && classified.race) this.ballotsRow(rec, classified.race.key, columns);
        continue;
      }
      let votes = 0;
      for (let i = 0; i < columns.length; i++) {
        const n = rec.votes(columns[i] as number);
        if (isCount(n)) {
          votes += n;
          continue;
        }
        if (n === BAD) this.badRow(rec.text(columns[i] as number), line);
        else if (rec.allBlank()) return this.exclude('footer');
        else this.missingVotes(county, target, line);
        votes = -1;
        break;
      }
      if (votes < 0) continue;
      if (geo !== null) {
        if (noPlace) {
          region ??= this.options.regionColumn >= 0 ? this.regionOf(rec, this.options.regionColumn) : '';
          geo.hold(target, votes, region, line, !held);
          held = true;
          continue;
        }
        geo.placedRow(target, votes);
      }
      if (blocks && target.block !== block) {
        // The common case of a precinct file, in line: the key's first row in this place.
        target.block = block;
        target.blockLine = line;
        target.blockVotes = votes;
      } else if ((blocks || counties) && this.repeated(rec, county, target, votes)) continue;
      if ((blocks || counties) && this.options.crossFile && this.crossRepeated(rec, this.options.crossFile, target, votes)) continue;
      if (this.typeCheck !== null) this.checkTypes(rec, this.typeCheck, votes);
      if (this.reporting !== null) this.reporting.note(rec, classified.race.key);
      if (this.ballots !== null) this.ballots.note(rec, classified.race.key);
      used = true;
      this.countIn(county, target, votes, line);
      region ??= this.options.regionColumn >= 0 ? this.regionOf(rec, this.options.regionColumn) : '';
      if (target.race === null) this.tally.find(classified, this.options.file, line, target);
      this.tally.add(target, classified, votes, region, this.options.file, line);
    }
    if (used) this.rowsUsed++;
  }

  // Per-county counting lives in small methods: inlined into `record` it makes the hot loop slower (measured).
  /** Per key where a county's repeats are checked (they need a key's first row); else the checks sum per race anyway. */
  private countsOf(county: County, target: PartTarget, line: number): number {
    return this.checks.part(county, this.repeat.kind === 'county' ? target.id : target.raceIndex, target.raceIndex, line, this.options.file);
  }

  private countIn(county: County, target: PartTarget, votes: number, line: number): void {
    // The part already made (every row but a key's first in a county), looked up here: no call per row.
    const id = this.repeat.kind === 'county' ? target.id : target.raceIndex;
    const known = id < county.parts.length ? (county.parts[id] as number) : 0;
    this.checks.parts.addRow(known !== 0 ? known - 1 : this.countsOf(county, target, line), votes);
  }

  private countTotal(county: County, target: PartTarget, votes: number, line: number): void {
    this.checks.parts.addTotal(this.countsOf(county, target, line), votes, line);
  }

  /**
   * A second row of this key in the same place (see RepeatCheck): true when it is a duplicate to drop; throws
   * when its votes differ. The first row of a key in a place is remembered and counted as usual.
   */
  private repeated(rec: RecordView, county: County, target: PartTarget, votes: number): boolean {
    const line = rec.line;
    let first: { line: number; votes: number };
    if (this.repeat.kind === 'block') {
      // A key's first row in a block never comes here (see `record`).
      first = { line: target.blockLine, votes: target.blockVotes };
    } else {
      const part = this.countsOf(county, target, line);
      const { parts } = this.checks;
      if (parts.get(part, Field.Rows) === 0) {
        parts.set(part, Field.RowLine, line);
        return false;
      }
      first = { line: parts.get(part, Field.RowLine), votes: parts.votes(part) };
    }
    if (votes !== first.votes) throw differentVotes(rec, target, { file: this.options.file, county, precinctColumns: this.layout.precinctColumns }, first, votes);
    this.notes.sameKey.note(line, first.line);
    this.exclude('duplicate');
    return true;
  }

  /** The area of a row: its --by cell, after the cells of the coarser geography columns (`Cobb · 16`). */
  private regionOf(rec: RecordView, column: number): string {
    const own = excelText(rec.text(column));
    const parents = this.options.regionParents;
    if (!parents || parents.length === 0) return own;
    return [...parents.map((c) => excelText(rec.text(c).trim())), own].join(' · ');
  }

  /** The key already counted by another input (see cross-file.ts): true to drop the row as a duplicate. */
  private crossRepeated(rec: RecordView, cross: CrossFileKeys, target: PartTarget, votes: number): boolean {
    const cells = (cols: readonly number[]): string => cols.map((c) => (c < 0 ? '' : excelText(rec.text(c).trim()))).join('\u0001');
    const place = cells([this.layout.countyColumn, ...this.layout.precinctColumns]);
    const { classified } = target;
    const who = (): string => (classified.kind === 'vote' ? `${JSON.stringify(classified.candidate)} in ${raceLabel(classified.race)} (${place.replaceAll('\u0001', ', ')})` : 'this row');
    if (!cross.repeated(this.options.file, rec.line, place, cells(this.keyColumns), votes, who)) return false;
    this.exclude('duplicate');
    return true;
  }

  /** TX files with `early_voting,election_day,votes`: the types should add up to the total that is counted. */
  private checkTypes(rec: RecordView, check: TypeCheck, votes: number): void {
    const sum = sumVotes(rec, check.columns);
    // -1: an empty or unreadable type cell, nothing to check (the total is what counts).
    if (sum >= 0 && sum !== votes) this.notes.typeMismatches.note(rec.line);
  }

  /** An empty vote cell (any of a part's vote-type cells): the part is missing, never counted as 0. */
  private missingVotes(county: County, target: PartTarget, line: number): void {
    const part = this.countsOf(county, target, line);
    this.checks.parts.set(part, Field.Missing, this.checks.parts.get(part, Field.Missing) + 1);
    this.notes.missing.note(line);
    this.exclude('missing-votes');
  }

  private badRow(raw: string, line: number): void {
    if (!this.options.skipBadRows) {
      const { message, hint } = describeBadVotes(raw);
      throw new DataError(message, { file: this.options.file, line }, hint);
    }
    this.notes.skipped.note(line);
    this.exclude('bad-row');
  }

  /** A `Ballots Cast` choice row: for the vote-for-N check, like a ballots-cast column (the counter is made on the first). */
  private ballotsRow(rec: RecordView, race: string, columns: readonly number[]): void {
    const votes = sumVotes(rec, columns);
    if (votes < 0) return;
    this.ballots ??= new BallotsCounter(-1, placeColumns(this.layout));
    this.ballots.noteRow(rec, race, votes);
  }

  /** At the end of the file: what it says about reporting goes to its races. */
  finish(): void {
    this.duplicates?.release();
    if (this.geo) this.layout.notes.push(...this.geo.finish(this.geoSink, this.options.file));
    this.ballots?.finish(this.tally);
    const w = this.reporting?.finish(this.tally, this.options.file);
    if (w) this.layout.notes.push(w);
  }

  /** Where GeoTotals settles the rows it held: a race without places counts them, a total row is left out. */
  private readonly geoSink: GeoSink = {
    add: (target, votes, region, line, rows) => {
      if (target.classified.kind !== 'vote') return;
      if (target.race === null) this.tally.find(target.classified, this.options.file, line, target);
      this.tally.add(target, target.classified, votes, region, this.options.file, line);
      this.rowsUsed += rows;
    },
    exclude: (rows) => void (rows > 0 && this.exclude('total-row', rows)),
  };

  warnings(): Warning[] {
    const out = this.notes.warnings(this.layout.notes, this.shape, this.typeCheck, this.checks, this.layout.countyColumn >= 0, this.excluded);
    const repeated = this.headerRepeat?.warning(this.options.file);
    return repeated ? [...out, repeated] : out;
  }
}
