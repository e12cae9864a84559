/** Records (cells + line) + Layout → tally additions, exclusions counted per reason, warnings collected. */
import { DataError } from '../errors.js';
import type { Slot, Tally } from '../tally.js';
import type { ExclusionReason, Warning } from '../types.js';
import { CountyChecks, DuplicateFilter, DuplicateNotes, type County, type CountyPart } from './checks.js';
import { excelText, isGeographyTotal, raceLabel } from './classify.js';
import type { Classified, Layout, Part, Reporting, TypeCheck } from './layout.js';
import type { RecordView } from './record-view.js';
import { BAD, describeBadVotes, parseVotes } from './votes.js';
import { thousands } from '../thousands.js';

// The record views live in record-view.ts; importers of rows.ts keep finding them here.
export { StringRecord, type RecordView } from './record-view.js';

export interface RowOptions {
  file: string;
  skipBadRows: boolean;
  /** The column whose value is the row's area for --by and regional rules; -1 for none. */
  regionColumn: number;
}

/** Lines of a counted warning: the count and the first few places. */
class LineSample {
  count = 0;
  readonly first: number[] = [];
  note(line: number): void {
    this.count++;
    if (this.first.length < 5) this.first.push(line);
  }
  describe(): string {
    return `line${this.first.length > 1 ? 's' : ''} ${this.first.join(', ')}${this.count > this.first.length ? ', …' : ''}`;
  }
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
  /** One-cell footnotes (`"* Active Voters are …"` alone on a line): footers once no data row follows them. */
  private readonly footnotes = new LineSample();
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
  /**
   * The field count a record must have to be read as data: the header's, or -1 after a one-cell footnote, so
   * that every later record takes the slow path, where a data row after the "footnote" makes it an error.
   */
  private width: number;
  /** The footnote that a later data row turned into a short row: its line and field count. */
  private footnote: { line: number; count: number } | null = null;
  /** Unnamed header columns still to look at: null once one held data (one warning per file), or when none. */
  private unnamed: number[] | null;
  private unnamedData: { line: number; column: number; value: string } | null = null;
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
  private readonly reporting = new Map<string, { counted: number; total: number }>();

  constructor(
    readonly layout: Layout,
    private readonly tally: Tally,
    private readonly options: RowOptions,
  ) {
    this.duplicates = layout.dedup ? new DuplicateFilter(this.duplicateNotes) : null;
    this.countyKey = [layout.countyColumn];
    this.keyColumns = layout.keyColumns.length >= 2 ? layout.keyColumns : [...layout.keyColumns, -1, -1].slice(0, 2);
    this.width = layout.headerLength;
    this.unnamed = layout.unnamedColumns.length > 0 ? layout.unnamedColumns : null;
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
    if (rec.count !== this.width) return this.unusual(rec);
    if (this.unnamed !== null) this.lookUnnamed(rec);
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
        if (n >= 0) {
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
      if (this.typeCheck !== null) this.checkTypes(rec, this.typeCheck, votes);
      if (layout.reporting) this.noteReporting(rec, layout.reporting, classified.race.key);
      used = true;
      this.countIn(county, target, votes, line);
      region ??= this.options.regionColumn >= 0 ? excelText(rec.text(this.options.regionColumn)) : '';
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
    if (cc >= 0 && !rec.sameAsLast(cc)) {
      this.county = rec.memo(this.countyKey, this.makeCounty);
      moved = true;
    }
    const pc = this.placeColumn;
    if (pc >= 0 && !rec.samePrecinctAsLast(pc)) moved = true;
    if (this.morePlace !== null && !rec.sameCellsAsLast(this.morePlace)) moved = true;
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
   * A record whose field count is not the header's, or any record after a one-cell footnote. Blank lines and
   * all-empty rows are skipped anywhere. A footnote — text in the first cell only, and not a number — is a
   * footer only after the last data row: should a data row follow it, it was a short row, and the error names
   * the footnote's line. So no row in the middle of the data is ever skipped as a footnote.
   */
  private unusual(rec: RecordView): void {
    if (rec.count === 1 && rec.length(0) === 0) return this.exclude('blank-line');
    if (rec.allBlank()) return this.exclude('footer');
    if (isFootnote(rec)) {
      this.footnote ??= { line: rec.line, count: rec.count };
      this.footnotes.note(rec.line);
      this.width = -1;
      return this.exclude('footer');
    }
    const first = this.footnote;
    if (first) {
      throw new DataError(`expected ${this.layout.headerLength} fields, got ${first.count}`, { file: this.options.file, line: first.line }, `text in the first cell only is a footnote only after the last data row, and line ${rec.line} has data`);
    }
    throw this.fieldCountError(rec);
  }

  private fieldCountError(rec: RecordView): DataError {
    const expected = this.layout.headerLength;
    let hint: string;
    const spaced = Array.from({ length: rec.count }, (_, i) => i).find((i) => /^[ \t]+"/.test(rec.text(i)));
    if (spaced !== undefined) {
      hint = `field ${spaced + 1} starts with a space before its opening quote, which makes the quote literal text (so a comma inside splits the field): remove the space, as in …,"1,000"`;
    } else if (rec.count > expected) {
      hint = 'a comma inside an unquoted value (like 16,165) splits a field; quote such values';
    } else {
      hint = 'the row has fewer fields than the header: a delimiter missing, or the row cut short?';
    }
    return new DataError(`expected ${expected} fields, got ${rec.count}`, { file: this.options.file, line: rec.line }, hint);
  }

  /** An unnamed column with data: remembered once for a warning (the column is not read). */
  private lookUnnamed(rec: RecordView): void {
    for (const c of this.unnamed ?? []) {
      if (rec.length(c) === 0) continue;
      const value = rec.text(c).trim();
      if (value === '') continue;
      this.unnamedData = { line: rec.line, column: c, value };
      this.unnamed = null;
      return;
    }
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

  /** TX files with `early_voting,election_day,votes`: the types should add up to the total that is counted. */
  private checkTypes(rec: RecordView, check: TypeCheck, votes: number): void {
    let sum = 0;
    for (const c of check.columns) {
      const n = rec.votes(c);
      if (n < 0) return; // an empty or unreadable type cell: nothing to check (the total is what counts)
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

  /**
   * Clarity repeats a contest's reporting counts on each of its choice rows: keep the largest per race in this
   * file. `finish` adds them to the races, so several county files sum up.
   */
  private noteReporting(rec: RecordView, columns: Reporting, race: string): void {
    const counted = rec.votes(columns.counted);
    const total = rec.votes(columns.total);
    if (counted < 0 || total < 0) return;
    const seen = this.reporting.get(race);
    if (!seen) this.reporting.set(race, { counted, total });
    else {
      seen.counted = Math.max(seen.counted, counted);
      seen.total = Math.max(seen.total, total);
    }
  }

  /** At the end of the file: what it says about reporting goes to its races. */
  finish(): void {
    const unit = this.layout.reporting?.unit ?? '';
    let silent = 0;
    for (const [key, { counted, total }] of this.reporting) {
      const race = this.tally.races.get(key);
      if (!race) continue;
      if (counted === 0 && total > 0) silent++;
      const sum = race.reporting ?? { counted: 0, total: 0, unit };
      race.reporting = { counted: sum.counted + counted, total: sum.total + total, unit };
    }
    // Some exports zero these columns (the CO 2024 summary says 0 of N areas beside final results).
    if (silent > 0) {
      this.layout.notes.push({ code: 'reporting-zero', file: this.options.file, message: `the file says 0 ${unit} have reported in ${silent} contest${s(silent)} that have votes; its reporting columns may not be filled in` });
    }
  }

  warnings(): Warning[] {
    const file = this.options.file;
    const out: Warning[] = [...this.layout.notes];
    if (this.unnamedData) {
      const { line, column, value } = this.unnamedData;
      const shown = JSON.stringify(value.length > 20 ? `${value.slice(0, 20)}…` : value);
      out.push({ code: 'unnamed-column', file, line, message: `column ${column + 1} is unnamed (an empty header cell) but holds data (${shown} on line ${line}); it is ignored` });
    }
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
      const k = this.footnotes.count;
      const notes = reason === 'footer' && k > 0 ? `, ${k === n ? (k === 1 ? 'a' : 'all') : `${k} of them`} one-cell footnote${s(k)} after the data: ${this.footnotes.describe()}` : '';
      out.push({ code: reason, file, message: `${n} ${what}${s(n)} skipped${notes}` });
    }
    return out;
  }
}

/** Text in the first cell only, and not a vote count (a lone number is a row cut short, never a footnote). */
function isFootnote(rec: RecordView): boolean {
  for (let i = 1; i < rec.count; i++) if (rec.length(i) > 0 && rec.text(i).trim() !== '') return false;
  return parseVotes(rec.text(0)) === BAD;
}


/** The sum of a part's vote cells, or -1 when one is empty or unreadable (only for checks, never counted). */
function sumVotes(rec: RecordView, columns: readonly number[]): number {
  let votes = 0;
  for (const c of columns) {
    const n = rec.votes(c);
    if (n < 0) return -1;
    votes += n;
  }
  return votes;
}

/** An empty row, or a footnote: text in the first cell at most (Boulder's "* Active Voters are …"). */
function restBlank(rec: RecordView): boolean {
  for (let i = 1; i < rec.count; i++) if (rec.length(i) > 0 && rec.text(i).trim() !== '') return false;
  return rec.count > 1 || rec.allBlank();
}

function s(n: number): string {
  return n === 1 ? '' : 's';
}
