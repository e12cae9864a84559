/**
 * The header again, inside the data: files joined with `cat a.csv b.csv` carry each file's header. Such a
 * record is not data (its vote cells are words, so it would stop the count as a bad number); it is left out,
 * counted, and a warning names its lines.
 */
import { LineSample, plural } from '../line-sample.js';
import type { Warning } from '../../model/warning.js';
import type { RecordView } from '../../read/record-view.js';

export class RepeatedHeader {
  readonly lines = new LineSample();

  private constructor(
    private readonly cells: readonly string[],
    /** A vote column: its header cell starts with a letter, a data cell with a digit, so one byte tells most rows apart. */
    readonly column: number,
    readonly firstCode: number,
  ) {}

  /** Null when the header's vote cell could start like a count (a digit, a sign, non-ASCII): then no check is made. */
  static of(cells: readonly string[] | undefined, voteColumn: number | undefined): RepeatedHeader | null {
    if (cells === undefined || voteColumn === undefined || voteColumn < 0) return null;
    const code = (cells[voteColumn] ?? '').charCodeAt(0);
    const letter = (code >= 0x41 && code <= 0x5a) || (code >= 0x61 && code <= 0x7a);
    return letter ? new RepeatedHeader(cells, voteColumn, code) : null;
  }

  /**
   * Whether `rec` repeats the header, cell for cell (a byte order mark before its first cell allowed); noted when
   * it does. RowReader calls it only for a record whose vote cell starts with `firstCode`: one byte, checked in line.
   */
  is(rec: RecordView): boolean {
    if (rec.count !== this.cells.length) return false;
    for (let c = 0; c < this.cells.length; c++) {
      const text = c === 0 ? rec.text(0).replace(/^\uFEFF/, '') : rec.text(c);
      if (text !== this.cells[c]) return false;
    }
    this.lines.note(rec.line);
    return true;
  }

  warning(file: string): Warning | null {
    const { count, first } = this.lines;
    if (count === 0) return null;
    return { code: 'repeated-header', file, line: first[0] ?? 0, message: `the header row again at ${this.lines.describe()} (files joined together?): ${count} row${plural(count)} left out` };
  }
}
