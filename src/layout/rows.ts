/** Records (cells + line) + Layout → tally additions, exclusions counted per reason, warnings collected. */
import { DataError } from '../model/errors.js';
import type { Slot, Tally } from '../count/tally.js';
import type { ExclusionReason, Warning } from '../model/types.js';
import { CountyChecks, DuplicateFilter, DuplicateNotes, type County, type CountyPart } from './checks.js';
import { excelText, isGeographyTotal, raceLabel } from './classify.js';
import type { Classified, Layout, Part, TypeCheck } from './layout.js';
import { LineSample, plural as s } from './line-sample.js';
import { BallotsCounter, ReportingCounter } from './reporting.js';
import type { CrossFileKeys } from './cross-file.js';
import { restBlank, RowShape } from './row-shape.js';
import type { RecordView } from '../read/record-view.js';
import { BAD, describeBadVotes, isCount } from '../read/votes.js';
import { thousands } from '../model/thousands.js';

// The record views live in record-view.ts; importers of rows.ts keep finding them here.
export { StringRecord, type RecordView } from '../read/record-view.js';

export interface RowOptions {
  file: string;
  skipBadRows: boolean;
  /** The column whose value is the row's area for --by and regional rules; -1 for none. */
  regionColumn: number;
  /** Coarser geography columns that qualify the area (`--by precinct`: the county), so same-named precincts stay apart. */
  regionParents?: number[];
  /** With several inputs: keys counted by earlier inputs, for the conflicting-row check across files. */
  crossFile?: CrossFileKeys | null;
}

/** What a distinct key leads to, per part; the slot is found on the first row that adds votes. */
interface PartTarget {
  classified: Classified;
  slot: Slot | null;
  /** Index into each county's counts. */
  id: number;
  /** Index of the race in the county checks; -1 for an exclusion without a race. */
  raceIndex: number;
  /** Precinct files: the block (run of rows of one place) where this key was last counted, its line and votes. */
  block: number;
  blockLine: number;
  blockVotes: number;
}

/**
 * How a second row of one (place, race, candidate) key is found (reliability.md #47, #48). Such a row with the
 * same votes is dropped as a duplicate; with other votes it is an error naming both lines, never a sum.
 * - NONE: files without geography (rows are partial counts, summed) and wide files (one row per place).
 * - COUNTY: county-level files: per county, over the whole file (the per-county counts are kept anyway).
 * - BLOCK: precinct files: only within a run of rows of one precinct (and county), which is how these files
 *   are laid out; only the key's last block, line and votes are kept, so memory does not grow with the file.
 */
const NONE = 0;
const COUNTY = 1;
const BLOCK = 2;

/** Total rows whose votes are checked against the candidates' (other exclusions are not totals). */
const TOTAL_REASONS: ReadonlySet<ExclusionReason> = new Set(['blank-candidate', 'candidate-total']);

export class RowReader {
  rows = 0;
  rowsUsed = 0;
  readonly excluded = new Map<ExclusionReason, number>();
  private readonly missing = new LineSample();
  private readonly skipped = new LineSample();
  /** Rows whose vote-type columns do not add up to the total column. */
  private readonly typeMismatches = new LineSample();
  private readonly checks = new CountyChecks();
  private readonly duplicateNotes = new DuplicateNotes();
  /** Rows of a key already counted in the place, with the same votes: dropped too, but they may differ in a column runoff does not read (pct). */
  private readonly sameKeyNotes = new DuplicateNotes('duplicate row', 'same place, race, candidate and votes');
  private readonly duplicates: DuplicateFilter | null;
  private county: County = this.checks.county('');
  private ids = 0;
  /** The memo key of the county: one column, so never equal to a key of `keyColumns` (at least two). */
  private readonly countyKey: number[];
  private readonly keyColumns: number[];
  /** Records of another shape than the header's: footers, footnotes, short and long rows, unnamed columns. */
  private readonly shape: RowShape;
  private readonly keyCheck: number;
  /**
   * BLOCK: the first precinct column (-1 otherwise) and any others (`ward,precinct`; null when none): with the
   * county column, a row's place. A new place starts a block.
   */
  private readonly placeColumn: number;
  private readonly morePlace: number[] | null;
  private block = 0;
  /** Every geography column is the county or a tracked precinct column: TOTAL is checked per place, not per row. */
  private readonly placeTotals: boolean;
  private totalPlace = false;
  private readonly typeCheck: TypeCheck | null;
  private readonly reporting: ReportingCounter | null;
  private readonly ballots: BallotsCounter | null;

  constructor(
    readonly layout: Layout,
    private readonly tally: Tally,
    private readonly options: RowOptions,
  ) {
    this.duplicates = layout.dedup ? new DuplicateFilter(this.duplicateNotes) : null;
    this.countyKey = [layout.countyColumn];
    this.keyColumns = layout.keyColumns.length >= 2 ? layout.keyColumns : [...layout.keyColumns, -1, -1].slice(0, 2);
    this.shape = new RowShape(layout.headerLength, layout.unnamedColumns, options.file);
    this.reporting = layout.reporting ? new ReportingCounter(layout.reporting) : null;
    this.ballots = layout.ballotsColumn !== undefined && layout.ballotsColumn >= 0 ? new BallotsCounter(layout.ballotsColumn, [layout.countyColumn, ...layout.precinctColumns].filter((c) => c >= 0)) : null;
    const onePart = layout.parts.length === 1;
    this.keyCheck = !onePart ? NONE : layout.precinctColumns.length > 0 ? BLOCK : layout.countyColumn >= 0 ? COUNTY : NONE;
    this.placeColumn = this.keyCheck === BLOCK ? (layout.precinctColumns[0] as number) : -1;
    this.morePlace = this.keyCheck === BLOCK && layout.precinctColumns.length > 1 ? layout.precinctColumns.slice(1) : null;
    this.placeTotals = layout.geoColumns.every((g) => g === layout.countyColumn || (this.keyCheck === BLOCK && layout.precinctColumns.includes(g)));
    this.typeCheck = onePart ? layout.typeCheck : null;
  }

  exclude(reason: ExclusionReason): void {
    this.excluded.set(reason, (this.excluded.get(reason) ?? 0) + 1);
  }

  /** One data record. Blank lines and all-empty footer rows are counted, not errors. */
  record(rec: RecordView): void {
    this.rows++;
    const { layout } = this;
    const line = rec.line;
    const { shape } = this;
    if (rec.count !== shape.width) return this.exclude(shape.unusual(rec));
    if (shape.unnamed !== null) shape.lookUnnamed(rec);
    const cc = layout.countyColumn;
    if (this.placeTotals) {
      // Every geography column is a place column: the place is tracked first, and whether it is a TOTAL
      // pseudo-place is checked only when it changes (this pays for comparing the precinct cell, #48).
      if (this.movedPlace(rec, cc)) this.totalPlace = this.totalRow(rec);
      if (this.totalPlace) return this.exclude('total-row');
    } else if (this.totalRow(rec)) return this.exclude('total-row');
    if (this.duplicates?.isDuplicate(Array.from({ length: rec.count }, (_, i) => rec.text(i)), line)) return this.exclude('duplicate');
    const targets = rec.memo(this.keyColumns, this.makeTargets);
    if (!this.placeTotals) this.movedPlace(rec, cc);
    const { county } = this;
    let used = false;
    let region: string | null = null;
    for (let p = 0; p < targets.length; p++) {
      const target = targets[p] as PartTarget;
      const { classified } = target;
      const columns = (layout.parts[p] as Part).voteColumns;
      if (classified.kind === 'exclude') {
        // `,,,,,,,` and `"* Active Voters are …",,,,,,,`: whatever the first cell looks like, a footer.
        if (restBlank(rec)) return this.exclude('footer');
        this.exclude(classified.reason);
        if (target.raceIndex >= 0 && TOTAL_REASONS.has(classified.reason)) {
          const votes = sumVotes(rec, columns);
          if (votes >= 0) this.countTotal(county, target, votes, line);
        }
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
      if (this.keyCheck === BLOCK && target.block !== this.block) {
        // The common case of a precinct file, in line: the key's first row in this place.
        target.block = this.block;
        target.blockLine = line;
        target.blockVotes = votes;
      } else if (this.keyCheck !== NONE && this.repeated(rec, county, target, votes)) continue;
      if (this.keyCheck !== NONE && this.options.crossFile && this.crossRepeated(rec, this.options.crossFile, target, votes)) continue;
      if (this.typeCheck !== null) this.checkTypes(rec, this.typeCheck, votes);
      if (this.reporting !== null) this.reporting.note(rec, classified.race.key);
      if (this.ballots !== null) this.ballots.note(rec, classified.race.key);
      used = true;
      this.countIn(county, target, votes, line);
      region ??= this.options.regionColumn >= 0 ? this.regionOf(rec, this.options.regionColumn) : '';
      target.slot ??= this.tally.slot(classified, this.options.file, line);
      this.tally.add(target.slot, votes, region, this.options.file, line);
    }
    if (used) this.rowsUsed++;
  }

  // Per-county counting lives in small methods: inlined into `record` it makes the hot loop slower (measured).
  private countsOf(county: County, target: PartTarget, line: number): CountyPart {
    return county.parts[target.id] ?? this.checks.part(county, target.id, target.raceIndex, line);
  }

  private countIn(county: County, target: PartTarget, votes: number, line: number): void {
    const counts = this.countsOf(county, target, line);
    counts.rows++;
    counts.votes += votes;
  }

  private countTotal(county: County, target: PartTarget, votes: number, line: number): void {
    const counts = this.countsOf(county, target, line);
    counts.totalRows++;
    counts.total += votes;
    counts.totalLine = line;
  }

  /** Made once per distinct county cell, and looked up only when the cell changes from the row before. */
  private readonly makeCounty = (rec: RecordView): County => this.checks.county(excelText(rec.text(this.layout.countyColumn).trim()));

  /** Made once per distinct key: classifying is per key, so no closure or string is made per row. */
  private readonly makeTargets = (rec: RecordView): PartTarget[] =>
    this.layout.classify(this.layout.keyColumns.map((c) => (c < 0 ? '' : rec.text(c)))).map((classified) => ({
      classified,
      slot: null,
      id: this.ids++,
      raceIndex: classified.race ? this.checks.raceIndex(classified.race) : -1,
      block: -1,
      blockLine: 0,
      blockVotes: 0,
    }));

  /**
   * Follows the place of the rows: the county (looked up again only when its cell changes) and, in precinct
   * files, the precinct cells, where a new place starts a block (#48). True when the place changed.
   */
  private movedPlace(rec: RecordView, cc: number): boolean {
    let moved = false;
    if (cc >= 0 && !rec.lastCells(this.countyKey).same()) {
      this.county = rec.memo(this.countyKey, this.makeCounty);
      moved = true;
    }
    const pc = this.placeColumn;
    // One tracker for all precinct columns (`ward,precinct`): the place moved when any of them changed.
    if (pc >= 0 && !rec.lastCells(this.layout.precinctColumns).same()) moved = true;
    if (moved) this.block++;
    return moved;
  }

  /** A geography cell holds `TOTAL` / `Total Votes`: a pseudo-row carrying the sum of the real ones. */
  private totalRow(rec: RecordView): boolean {
    const geo = this.layout.geoColumns;
    for (let i = 0; i < geo.length; i++) {
      const g = geo[i] as number;
      const len = rec.length(g);
      // Only short values starting with t/T can be "TOTAL" / "Total Votes": decode nothing on the common path.
      if (len >= 5 && len <= 13 && (rec.first(g) | 0x20) === 0x74 && isGeographyTotal(rec.text(g))) return true;
    }
    return false;
  }

  /**
   * A second row of this key in the same place (see NONE/COUNTY/BLOCK): true when it is a duplicate to drop;
   * throws when its votes differ. The first row of a key in a place is remembered and counted as usual.
   */
  private repeated(rec: RecordView, county: County, target: PartTarget, votes: number): boolean {
    const line = rec.line;
    let firstLine: number;
    let firstVotes: number;
    if (this.keyCheck === BLOCK) {
      // A key's first row in a block never comes here (see `record`).
      firstLine = target.blockLine;
      firstVotes = target.blockVotes;
    } else {
      const counts = this.countsOf(county, target, line);
      if (counts.rows === 0) {
        counts.rowLine = line;
        return false;
      }
      firstLine = counts.rowLine;
      firstVotes = counts.votes;
    }
    if (votes === firstVotes) {
      this.sameKeyNotes.note(line, firstLine);
      this.exclude('duplicate');
      return true;
    }
    const { classified } = target;
    const who = classified.kind === 'vote' ? `${JSON.stringify(classified.candidate)} in ${raceLabel(classified.race)}` : 'this row';
    const place = [county.name, ...this.layout.precinctColumns.map((c) => excelText(rec.text(c).trim()))].filter((p) => p !== '').join(', ');
    throw new DataError(
      `${who}${place === '' ? '' : ` (${place})`} has ${thousands(firstVotes)} votes on line ${firstLine} and ${thousands(votes)} on line ${line}: the same candidate, race and place twice, with different votes`,
      { file: this.options.file, line },
      'runoff never adds such rows up: remove the wrong one; if another column tells them apart (a vote type), name that column vote_type',
    );
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
    if (!cross.repeated(this.options.file, rec.line, place, cells(this.layout.keyColumns), votes, who)) return false;
    this.exclude('duplicate');
    return true;
  }

  /** TX files with `early_voting,election_day,votes`: the types should add up to the total that is counted. */
  private checkTypes(rec: RecordView, check: TypeCheck, votes: number): void {
    let sum = 0;
    for (const c of check.columns) {
      const n = rec.votes(c);
      if (!isCount(n)) return; // an empty or unreadable type cell: nothing to check (the total is what counts)
      sum += n;
    }
    if (sum !== votes) this.typeMismatches.note(rec.line);
  }

  /** An empty vote cell (any of a part's vote-type cells): the part is missing, never counted as 0. */
  private missingVotes(county: County, target: PartTarget, line: number): void {
    this.countsOf(county, target, line).missing++;
    this.missing.note(line);
    this.exclude('missing-votes');
  }

  private badRow(raw: string, line: number): void {
    if (!this.options.skipBadRows) {
      const { message, hint } = describeBadVotes(raw);
      throw new DataError(message, { file: this.options.file, line }, hint);
    }
    this.skipped.note(line);
    this.exclude('bad-row');
  }

  /** At the end of the file: what it says about reporting goes to its races. */
  finish(): void {
    this.ballots?.finish(this.tally);
    const w = this.reporting?.finish(this.tally, this.options.file);
    if (w) this.layout.notes.push(w);
  }

  warnings(): Warning[] {
    const file = this.options.file;
    const out: Warning[] = [...this.layout.notes];
    const unnamed = this.shape.unnamedWarning();
    if (unnamed) out.push(unnamed);
    for (const notes of [this.duplicateNotes, this.sameKeyNotes]) {
      const w = notes.warning(file);
      if (w) out.push(w);
    }
    const types = this.typeCheck;
    if (types && this.typeMismatches.count > 0) {
      const n = this.typeMismatches.count;
      out.push({ code: 'vote-types-mismatch', file, line: this.typeMismatches.first[0] ?? 0, message: `${n} row${s(n)} where ${types.names.join(' + ')} does not add up to ${types.total}: ${this.typeMismatches.describe()}; ${types.total} is counted` });
    }
    if (this.missing.count > 0) {
      out.push({ code: 'missing-votes', file, line: this.missing.first[0] ?? 0, message: `${this.missing.count} row${s(this.missing.count)} with an empty vote cell left out (missing, not zero): ${this.missing.describe()}` });
    }
    if (this.skipped.count > 0) {
      out.push({ code: 'bad-rows-skipped', file, line: this.skipped.first[0] ?? 0, message: `${this.skipped.count} row${s(this.skipped.count)} with unreadable votes skipped (--skip-bad-rows): ${this.skipped.describe()}` });
    }
    out.push(...this.checks.warnings(file, this.layout.countyColumn >= 0));
    // Counted in rowsExcluded too; a warning because they are noise in the data, not rows with a meaning.
    for (const [reason, what] of [['blank-line', 'blank line'], ['footer', 'empty or footer row']] as const) {
      const n = this.excluded.get(reason) ?? 0;
      if (n === 0) continue;
      const notes = reason === 'footer' ? this.shape.footnoteNote(n) : '';
      out.push({ code: reason, file, message: `${n} ${what}${s(n)} skipped${notes}` });
    }
    return out;
  }
}

/** The sum of a part's vote cells, or -1 when one is empty or unreadable (only for checks, never counted). */
function sumVotes(rec: RecordView, columns: readonly number[]): number {
  let votes = 0;
  for (const c of columns) {
    const n = rec.votes(c);
    if (!isCount(n)) return -1;
    votes += n;
  }
  return votes;
}

