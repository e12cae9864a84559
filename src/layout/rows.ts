/** Records (cells + line) + Layout → tally additions, exclusions counted per reason, warnings collected. */
import { DataError } from '../errors.js';
import type { Tally } from '../tally.js';
import type { ExclusionReason, Warning } from '../types.js';
import { isGeographyTotal } from './classify.js';
import type { Classified, Layout } from './layout.js';
import { BAD, describeBadVotes, MISSING, parseVotes } from './votes.js';

export interface RowOptions {
  file: string;
  skipBadRows: boolean;
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

export class RowReader {
  rows = 0;
  rowsUsed = 0;
  readonly excluded = new Map<ExclusionReason, number>();
  private readonly cache = new Map<string, Classified>();
  private readonly missing = new LineSample();
  private readonly skipped = new LineSample();
  private readonly keyValues: string[];

  constructor(
    readonly layout: Layout,
    private readonly tally: Tally,
    private readonly options: RowOptions,
  ) {
    this.keyValues = layout.keyColumns.map(() => '');
  }

  exclude(reason: ExclusionReason): void {
    this.excluded.set(reason, (this.excluded.get(reason) ?? 0) + 1);
  }

  /** One data record. Blank lines and all-empty footer rows are counted, not errors. */
  record(cells: readonly string[], line: number): void {
    this.rows++;
    if (cells.length === 1 && cells[0] === '') return this.exclude('blank-line');
    if (cells.every((c) => c.trim() === '')) return this.exclude('footer');
    if (cells.length !== this.layout.headerLength) {
      throw new DataError(`expected ${this.layout.headerLength} fields, got ${cells.length}`, { file: this.options.file, line }, 'a comma inside an unquoted value (like 16,165) splits a field; quote such values');
    }
    for (const g of this.layout.geoColumns) {
      if (isGeographyTotal(cells[g] ?? '')) return this.exclude('total-row');
    }
    const { keyColumns } = this.layout;
    for (let i = 0; i < keyColumns.length; i++) this.keyValues[i] = cells[keyColumns[i] ?? -1] ?? '';
    const cacheKey = this.keyValues.join('\u0000');
    let classified = this.cache.get(cacheKey);
    if (!classified) {
      classified = this.layout.classify(this.keyValues);
      this.cache.set(cacheKey, classified);
    }
    if (classified.kind === 'exclude') return this.exclude(classified.reason);

    let votes = 0;
    let present = 0;
    for (const col of this.layout.voteColumns) {
      const raw = cells[col] ?? '';
      const n = parseVotes(raw);
      if (n === MISSING) continue;
      if (n === BAD) return this.badRow(raw, line);
      votes += n;
      present++;
    }
    if (present < this.layout.voteColumns.length) {
      this.missing.note(line);
      return this.exclude('missing-votes');
    }
    this.rowsUsed++;
    const region = this.layout.geoColumns.length > 0 ? cells[this.layout.geoColumns[0] ?? 0] ?? '' : '';
    this.tally.add(classified, votes, region, { file: this.options.file, line });
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
    const out: Warning[] = [];
    if (this.missing.count > 0) {
      out.push({ code: 'missing-votes', file, line: this.missing.first[0] ?? 0, message: `${this.missing.count} row${s(this.missing.count)} with an empty vote cell left out (missing, not zero): ${this.missing.describe()}` });
    }
    if (this.skipped.count > 0) {
      out.push({ code: 'bad-rows-skipped', file, line: this.skipped.first[0] ?? 0, message: `${this.skipped.count} row${s(this.skipped.count)} with unreadable votes skipped (--skip-bad-rows): ${this.skipped.describe()}` });
    }
    return out;
  }
}

function s(n: number): string {
  return n === 1 ? '' : 's';
}
