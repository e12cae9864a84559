/**
 * Finding the header record: exports often put a title, a date and a blank line above it
 * ("Official Results", "General Election, November 5 2024"). The first record whose cells are a recognised
 * header is the header, if it comes within the first PREAMBLE_RECORDS records and every record above it has
 * fewer non-empty cells than it has — so data rows under an unrecognised header are never mistaken for a
 * preamble. The lines skipped are reported in one warning; when no header is found, the error is the one about
 * the first record, as if nothing had been searched.
 */
import { DataError } from '../model/errors.js';
import type { Warning } from '../model/types.js';
import { detectLayout } from './detect.js';
import type { Layout, LayoutContext } from './layout.js';
import type { RecordView } from '../read/record-view.js';

export const PREAMBLE_RECORDS = 20;

export interface Header {
  cells: string[];
  line: number;
  layout: Layout;
  /** The preamble skipped above it, or null when the header is the first record. */
  warning: Warning | null;
}

export class HeaderSearch {
  private firstError: DataError | null = null;
  private readonly above: { text: string; filled: number }[] = [];

  constructor(private readonly ctx: LayoutContext) {}

  /**
   * The header, or null when `rec` is not one (then it is remembered as preamble; a blank line is not even
   * that). Throws when the search is over.
   */
  offer(rec: RecordView): Header | null {
    if (rec.count === 1 && rec.length(0) === 0) return null;
    const cells = Array.from({ length: rec.count }, (_, i) => rec.text(i));
    let layout: Layout;
    try {
      layout = detectLayout(cells, this.ctx, rec.line);
    } catch (err) {
      if (!(err instanceof DataError)) throw err;
      this.firstError ??= err;
      this.above.push({ text: cells.join(','), filled: filled(cells) });
      if (this.above.length >= PREAMBLE_RECORDS) throw this.firstError;
      return null;
    }
    if (this.above.length === 0) return { cells, line: rec.line, layout, warning: null };
    const width = filled(cells);
    if (this.firstError && this.above.some((p) => p.filled >= width)) throw this.firstError;
    const lines = rec.line - 1;
    const shown = this.above.slice(0, 3).map((p) => JSON.stringify(p.text.length > 40 ? `${p.text.slice(0, 40)}…` : p.text));
    const more = this.above.length > 3 ? ', …' : '';
    return {
      cells, line: rec.line, layout,
      warning: { code: 'preamble-skipped', file: this.ctx.file, line: rec.line, message: `${lines} line${lines === 1 ? '' : 's'} above the header (line ${rec.line}) skipped: ${shown.join(', ')}${more}` },
    };
  }

  /** The input ended before a header was found. */
  fail(): DataError {
    return this.firstError ?? new DataError('the input has no header row', { file: this.ctx.file }, 'every line is blank or a title: the file holds no results table');
  }
}

function filled(cells: readonly string[]): number {
  return cells.reduce((n, c) => n + (c.trim() === '' ? 0 : 1), 0);
}
