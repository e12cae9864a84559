/** Records (cells + line) + Layout → tally additions, exclusions counted per reason, warnings collected. */
import { DataError } from '../errors.js';
import type { Slot, Tally } from '../tally.js';
import type { ExclusionReason, Warning } from '../types.js';
import { CountyChecks, DuplicateFilter, type County, type CountyPart } from './checks.js';
import { isGeographyTotal } from './classify.js';
import type { Classified, Layout, Part } from './layout.js';
import type { RecordView } from './record-view.js';
import { BAD, describeBadVotes } from './votes.js';

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
}

/** Total rows whose votes are checked against the candidates' (other exclusions are not totals). */
const TOTAL_REASONS: ReadonlySet<ExclusionReason> = new Set(['blank-candidate', 'candidate-total']);

export class RowReader {
  rows = 0;
  rowsUsed = 0;
  readonly excluded = new Map<ExclusionReason, number>();
  private readonly missing = new LineSample();
  private readonly skipped = new LineSample();
  private readonly checks = new CountyChecks();
  private readonly duplicates: DuplicateFilter | null;
  private county: County = this.checks.county('');
  private ids = 0;
  /** The memo key of the county: one column, so never equal to a key of `keyColumns` (at least two). */
  private readonly countyKey: number[];
  private readonly keyColumns: number[];

  constructor(
    readonly layout: Layout,
    private readonly tally: Tally,
    private readonly options: RowOptions,
  ) {
    this.duplicates = layout.dedup ? new DuplicateFilter() : null;
    this.countyKey = [layout.countyColumn];
    this.keyColumns = layout.keyColumns.length >= 2 ? layout.keyColumns : [...layout.keyColumns, -1, -1].slice(0, 2);
  }

  exclude(reason: ExclusionReason): void {
    this.excluded.set(reason, (this.excluded.get(reason) ?? 0) + 1);
  }

  /** One data record. Blank lines and all-empty footer rows are counted, not errors. */
  record(rec: RecordView): void {
    this.rows++;
    const { layout } = this;
    const line = rec.line;
    if (rec.count !== layout.headerLength) {
      if (rec.count === 1 && rec.length(0) === 0) return this.exclude('blank-line');
      if (rec.allBlank()) return this.exclude('footer');
      throw new DataError(`expected ${layout.headerLength} fields, got ${rec.count}`, { file: this.options.file, line }, 'a comma inside an unquoted value (like 16,165) splits a field; quote such values');
    }
    const geo = layout.geoColumns;
    for (let i = 0; i < geo.length; i++) {
      const g = geo[i] as number;
      const len = rec.length(g);
      // Only short values starting with t/T can be "TOTAL" / "Total Votes": decode nothing on the common path.
      if (len >= 5 && len <= 13 && (rec.first(g) | 0x20) === 0x74 && isGeographyTotal(rec.text(g))) return this.exclude('total-row');
    }
    if (this.duplicates?.isDuplicate(Array.from({ length: rec.count }, (_, i) => rec.text(i)), line)) return this.exclude('duplicate');
    const targets = rec.memo(this.keyColumns, this.makeTargets);
    const cc = layout.countyColumn;
    if (cc >= 0 && !rec.sameAsLast(cc)) this.county = rec.memo(this.countyKey, this.makeCounty);
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
      used = true;
      this.countIn(county, target, votes, line);
      region ??= this.options.regionColumn >= 0 ? rec.text(this.options.regionColumn) : '';
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
  private readonly makeCounty = (rec: RecordView): County => this.checks.county(rec.text(this.layout.countyColumn).trim());

  /** Made once per distinct key: classifying is per key, so no closure or string is made per row. */
  private readonly makeTargets = (rec: RecordView): PartTarget[] =>
    this.layout.classify(this.layout.keyColumns.map((c) => (c < 0 ? '' : rec.text(c)))).map((classified) => ({
      classified,
      slot: null,
      id: this.ids++,
      raceIndex: classified.race ? this.checks.raceIndex(classified.race) : -1,
    }));

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

  warnings(): Warning[] {
    const file = this.options.file;
    const out: Warning[] = [...this.layout.notes];
    const duplicates = this.duplicates?.warning(file);
    if (duplicates) out.push(duplicates);
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
      if (n > 0) out.push({ code: reason, file, message: `${n} ${what}${s(n)} skipped` });
    }
    return out;
  }
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
