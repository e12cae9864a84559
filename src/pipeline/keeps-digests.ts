/**
 * Whether a file's header, found in its first bytes, gives a layout that checks every row for exact copies
 * (no precinct column: layout/rows/duplicates.ts). Such a file is read on one thread, not by the scan worker:
 * its digest table grows with every row, so the worker's ~20–30 MiB (a second V8 and its shared slots) comes
 * on top of the largest memory the tool needs, and it saves little time there, the layout, tally and table on
 * the main thread being the slow part (4 M rows: 15–18 MiB less peak RSS for about 5% more time).
 *
 * The answer only picks the reader, never a count: a header it cannot find here (cut off, or an error the real
 * read will report) keeps the worker.
 */
import { HeaderSearch } from '../layout/header.js';
import type { LayoutContext } from '../layout/layout.js';
import { scanRecords } from '../read/parse-fast.js';

/** Thrown to stop the scan at the header. */
const FOUND = Symbol('header found');

export async function keepsDigests(head: Buffer, ctx: LayoutContext): Promise<boolean> {
  const search = new HeaderSearch(ctx);
  let dedup = false;
  async function* once(): AsyncGenerator<Buffer> {
    yield head;
  }
  try {
    await scanRecords(once(), ctx.file, (rec) => {
      if (rec.count === 1 && rec.length(0) === 0) return; // blank lines above the header, as the real read skips them
      const found = search.offer(rec);
      if (!found) return;
      dedup = found.layout.dedup;
      throw FOUND;
    });
  } catch (err) {
    if (err !== FOUND) return false;
  }
  return dedup;
}
