/** What RowReader tells about a file's rows when it is done: the warnings, built from counts kept per row. */
import type { CountyChecks } from '../checks.js';
import { DuplicateNotes } from '../checks.js';
import type { TypeCheck } from '../layout.js';
import { LineSample, plural as s } from '../line-sample.js';
import type { ExclusionReason, Warning } from '../../model/types.js';
import type { RowShape } from './row-shape.js';
import { appendAll } from '../../model/extent.js';

type Sample = { count: number; first: readonly number[] };
type Pairs = { count: number; first: readonly [number, number][] };
export interface NotesDump {
  missing: Sample;
  skipped: Sample;
  typeMismatches: Sample;
  duplicates: Pairs;
  sameKey: Pairs;
}

export class RowNotes {
  /** Rows with an empty vote cell (missing, never 0). */
  readonly missing = new LineSample();
  /** Rows with unreadable votes skipped under --skip-bad-rows. */
  readonly skipped = new LineSample();
  /** Rows whose vote-type columns do not add up to the total column. */
  readonly typeMismatches = new LineSample();
  /** Exact copies of an earlier record. */
  readonly duplicates = new DuplicateNotes();
  /** Rows of a key already counted in the place, with the same votes: dropped too, but they may differ in a column runoff does not read (pct). */
  readonly sameKey = new DuplicateNotes('duplicate row', 'same place, race, candidate and votes');

  constructor(private readonly file: string) {}

  /** The notes as data, for a merge into the reader of the range before (handoff.ts). */
  dump(): NotesDump {
    const { missing, skipped, typeMismatches, duplicates, sameKey } = this;
    return { missing, skipped, typeMismatches, duplicates: { count: duplicates.count, first: duplicates.first }, sameKey: { count: sameKey.count, first: sameKey.first } };
  }

  /** Notes of a later byte range, whose line 1 is line `base + 1`. */
  absorb(d: NotesDump, base: number): void {
    this.missing.absorb(d.missing, base);
    this.skipped.absorb(d.skipped, base);
    this.typeMismatches.absorb(d.typeMismatches, base);
    this.duplicates.absorb(d.duplicates, base);
    this.sameKey.absorb(d.sameKey, base);
  }

  warnings(layoutNotes: readonly Warning[], shape: RowShape, typeCheck: TypeCheck | null, checks: CountyChecks, counties: boolean, excluded: ReadonlyMap<ExclusionReason, number>): Warning[] {
    const file = this.file;
    const out: Warning[] = [...layoutNotes];
    const unnamed = shape.unnamedWarning();
    if (unnamed) out.push(unnamed);
    for (const notes of [this.duplicates, this.sameKey]) {
      const w = notes.warning(file);
      if (w) out.push(w);
    }
    const { typeMismatches, missing, skipped } = this;
    if (typeCheck && typeMismatches.count > 0) {
      const n = typeMismatches.count;
      out.push({ code: 'vote-types-mismatch', file, line: typeMismatches.first[0] ?? 0, message: `${n} row${s(n)} where ${typeCheck.names.join(' + ')} does not add up to ${typeCheck.total}: ${typeMismatches.describe()}; ${typeCheck.total} is counted` });
    }
    if (missing.count > 0) {
      out.push({ code: 'missing-votes', file, line: missing.first[0] ?? 0, message: `${missing.count} row${s(missing.count)} with an empty vote cell left out (missing, not zero): ${missing.describe()}` });
    }
    if (skipped.count > 0) {
      out.push({ code: 'bad-rows-skipped', file, line: skipped.first[0] ?? 0, message: `${skipped.count} row${s(skipped.count)} with unreadable votes skipped (--skip-bad-rows): ${skipped.describe()}` });
    }
    appendAll(out, checks.warnings(file, counties));
    // Counted in rowsExcluded too; a warning because they are noise in the data, not rows with a meaning.
    for (const [reason, what] of [['blank-line', 'blank line'], ['footer', 'empty or footer row']] as const) {
      const n = excluded.get(reason) ?? 0;
      if (n === 0) continue;
      const notes = reason === 'footer' ? shape.footnoteNote(n) : '';
      out.push({ code: reason, file, message: `${n} ${what}${s(n)} skipped${notes}` });
    }
    return out;
  }
}
