/** Records (cells + line) + Layout → tally additions, exclusions counted per reason, warnings collected. */
import { DataError } from '../errors.js';
import type { Slot, Tally } from '../tally.js';
import type { ExclusionReason, Warning } from '../types.js';
import { CountyChecks, DuplicateFilter, type CountyPart } from './checks.js';
import { isGeographyTotal } from './classify.js';
import type { Classified, Layout, Part } from './layout.js';
import { BAD, describeBadVotes, MISSING, parseVotes } from './votes.js';

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

/**
 * One parsed record, as either parser sees it: csv-parse gives strings, the byte scanner gives spans.
 * RowReader reads records only through this, so both parsers share every rule below.
 */
export interface RecordView {
  readonly count: number;
  /** 1-based line where the record starts. */
  readonly line: number;
  /** The cell, decoded. */
  text(column: number): string;
  /** Length of the raw cell (characters or bytes): cheap, for skipping obvious non-matches. */
  length(column: number): number;
  /** The first character code (or byte) of the cell, -1 when empty: cheap, like `length`. */
  first(column: number): number;
  /**
   * The value remembered for this record's cells in `columns` (-1: absent), made with `make` the first time
   * those cells are seen. The view owns the memo, so use one view per input.
   */
  memo<T>(columns: readonly number[], make: (rec: RecordView) => T): T;
  /** parseVotes of the cell: a count, MISSING or BAD. */
  votes(column: number): number;
  /**
   * Whether the cell holds what it held at the previous call (for any record): cheap, so a column that
   * changes rarely (the county of a sorted file) is looked up only when it changes. Track one column per view.
   */
  sameAsLast(column: number): boolean;
  allBlank(): boolean;
}

/** A RecordView over csv-parse's array of strings; `set` points it at the next record. */
export class StringRecord implements RecordView {
  cells: readonly string[] = [];
  line = 0;
  private readonly memos = new Map<string, unknown>();

  set(cells: readonly string[], line: number): this {
    this.cells = cells;
    this.line = line;
    return this;
  }
  get count(): number {
    return this.cells.length;
  }
  text(column: number): string {
    return this.cells[column] ?? '';
  }
  length(column: number): number {
    return this.text(column).length;
  }
  first(column: number): number {
    return this.text(column).charCodeAt(0) || -1;
  }
  memo<T>(columns: readonly number[], make: (rec: RecordView) => T): T {
    // Length-prefixed, so no cell content (a NUL, say) can make two different keys equal.
    let key = `${columns.length}`;
    for (const c of columns) {
      const t = c < 0 ? '' : this.text(c);
      key += `|${t.length}:${t}`;
    }
    let value = this.memos.get(key) as T | undefined;
    if (value === undefined) this.memos.set(key, (value = make(this)));
    return value;
  }
  votes(column: number): number {
    return parseVotes(this.text(column));
  }
  private last: string | null = null;
  sameAsLast(column: number): boolean {
    const t = this.text(column);
    if (t === this.last) return true;
    this.last = t;
    return false;
  }
  allBlank(): boolean {
    return this.cells.every((c) => c.trim() === '');
  }
}

/**
 * What a distinct key leads to, per part. The key is the key columns plus the county column, so per-county
 * counts live here and cost no lookup; the slot is found on the first row that adds votes.
 */
interface PartTarget {
  classified: Classified;
  slot: Slot | null;
  counts: CountyPart;
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
  private readonly memoColumns: number[];
  /** Classification by key values, shared by the same key in every county. */
  private readonly classes = new Map<string, readonly Classified[]>();

  constructor(
    readonly layout: Layout,
    private readonly tally: Tally,
    private readonly options: RowOptions,
  ) {
    this.duplicates = layout.dedup ? new DuplicateFilter() : null;
    this.memoColumns = layout.keyColumns; // EXPERIMENT
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
    const targets = rec.memo(this.memoColumns, this.makeTargets);
    let used = false;
    let region: string | null = null;
    for (let p = 0; p < targets.length; p++) {
      const target = targets[p] as PartTarget;
      const { classified, counts } = target;
      const columns = (layout.parts[p] as Part).voteColumns;
      if (classified.kind === 'exclude') {
        if (classified.reason === 'blank-candidate' && (rec.allBlank() || restBlank(rec))) return this.exclude('footer');
        this.exclude(classified.reason);
        if (counts.raceIndex >= 0 && TOTAL_REASONS.has(classified.reason)) {
          const votes = sumVotes(rec, columns);
          if (votes >= 0) {
            counts.totalRows++;
            counts.total += votes;
          }
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
        else this.missingVotes(counts, line);
        votes = -1;
        break;
      }
      if (votes < 0) continue;
      used = true;
      counts.rows++;
      counts.votes += votes;
      region ??= this.options.regionColumn >= 0 ? rec.text(this.options.regionColumn) : '';
      target.slot ??= this.tally.slot(classified, this.options.file, line);
      this.tally.add(target.slot, votes, region, this.options.file, line);
    }
    if (used) this.rowsUsed++;
  }

  /** Made once per distinct key and county: no closure or string is made per row. */
  private readonly makeTargets = (rec: RecordView): PartTarget[] => {
    const { layout } = this;
    const values = layout.keyColumns.map((c) => (c < 0 ? '' : rec.text(c)));
    let key = '';
    for (const v of values) key += `${v.length}:${v}`;
    let classes = this.classes.get(key);
    if (!classes) this.classes.set(key, (classes = layout.classify(values)));
    const county = layout.countyColumn < 0 ? '' : rec.text(layout.countyColumn).trim();
    return classes.map((classified) => ({
      classified,
      slot: null,
      counts: this.checks.part(county, classified.race ? this.checks.raceIndex(classified.race) : -1, rec.line),
    }));
  };

  /** An empty vote cell (any of a part's vote-type cells): the part is missing, never counted as 0. */
  private missingVotes(counts: CountyPart, line: number): void {
    counts.missing++;
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

/** A footnote row: text in the first cell only (Boulder's "* Active Voters are …"). */
function restBlank(rec: RecordView): boolean {
  for (let i = 1; i < rec.count; i++) if (rec.length(i) > 0 && rec.text(i).trim() !== '') return false;
  return rec.count > 1;
}

function s(n: number): string {
  return n === 1 ? '' : 's';
}
