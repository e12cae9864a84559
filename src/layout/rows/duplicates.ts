/**
 * Exact copies of an earlier record, for files without precinct columns (where a copied row is a known export
 * fault and rows are few enough to remember). Each record is kept as a 96-bit digest (a 16-byte table entry
 * with its chain link), not as text, and its cells are never decoded: memory grows with the distinct rows only,
 * and past a limit it is an error.
 */
import { DuplicateNotes } from '../checks.js';
import type { RecordView } from '../../read/record-view.js';
import { DigestTable, MAX_DISTINCT_ROWS } from './digest-table.js';
import { RowDigest } from '../../read/row-digest.js';

export class DuplicateFilter {
  private readonly digest = new RowDigest();
  private readonly table: DigestTable;

  constructor(
    readonly notes: DuplicateNotes,
    private readonly file: string,
    limit = MAX_DISTINCT_ROWS,
  ) {
    this.table = new DigestTable(limit);
  }

  /** True when a record with the same cells, in order, was seen before (then it is noted with that line). */
  isDuplicate(rec: RecordView): boolean {
    rec.digest(this.digest);
    const line = rec.line;
    const original = this.table.lineOf(this.digest, line, this.file);
    if (original === 0) return false;
    this.notes.note(line, original);
    return true;
  }

  /** The file is read: the table's memory can go (it is the largest thing a file without precincts keeps). */
  release(): void {
    this.table.release();
  }

  /** Distinct records seen. */
  get size(): number {
    return this.table.size;
  }
}
