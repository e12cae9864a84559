/**
 * Whether a file's header gives a layout that checks every row for exact copies (no precinct column:
 * layout/rows/duplicates.ts). Such a file is read on one thread, not by the scan worker: its digest table grows
 * with every row, so the worker's ~20–30 MiB (a second V8 and its shared slots) comes on top of the largest
 * memory the tool needs, and it saves little time there, the layout, tally and table on the main thread being
 * the slow part (4 M rows: 15–18 MiB less peak RSS for about 5% more time).
 *
 * The answer only picks the reader, never a count: no header found in the first bytes (head.ts) keeps the worker.
 */
import type { Header } from '../layout/header.js';

export function keepsDigests(header: Header | null): boolean {
  return header?.layout.dedup === true;
}
