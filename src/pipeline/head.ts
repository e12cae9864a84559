/**
 * The header of an input, found in its first bytes before the real read starts: for a large file, the layout
 * it gives decides how the two cores share the work (split.ts, one-thread.ts). It only picks the reader,
 * never a count: a header it cannot find here (cut off, or an error the real read will report) is null.
 */
import { HeaderSearch, type Header } from '../layout/header.js';
import type { LayoutContext } from '../layout/layout.js';
import { scanRecords } from '../read/parse-fast.js';

/** Thrown to stop the scan at the header. */
const FOUND = Symbol('header found');

/** `head`: the first bytes, after the BOM. */
export async function headerIn(head: Buffer, ctx: LayoutContext): Promise<Header | null> {
  const search = new HeaderSearch(ctx);
  let header: Header | null = null;
  async function* once(): AsyncGenerator<Buffer> {
    yield head;
  }
  try {
    await scanRecords(once(), ctx.file, (rec) => {
      header = search.offer(rec);
      if (header) throw FOUND;
    });
  } catch (err) {
    if (err !== FOUND) return null;
  }
  return header;
}
