/**
 * Which large files are read on one thread rather than beside the scan worker. The answers only pick the reader,
 * never a count: no header found in the first bytes (head.ts) keeps the worker.
 */
import type { Header } from '../layout/header.js';
import { splittable } from '../layout/rows/handoff.js';

/**
 * A layout that checks every row for exact copies (no precinct column: layout/rows/duplicates.ts). Its digest
 * table grows with every row, so the worker's ~20–30 MiB (a second V8 and its shared slots) would come on top of
 * the largest memory the tool needs, and it saves little time there, the layout, tally and table on the main
 * thread being the slow part (4 M rows: 15–18 MiB less peak RSS for about 5% more time). Its hash is made
 * inline too, for the same reason.
 */
export function keepsDigests(header: Header | null): boolean {
  return header?.layout.dedup === true;
}

/**
 * A precinct file of a layout the split takes (split.ts), when it is not split (below SPLIT_THRESHOLD, or no
 * change of place near the middle): on one thread the scanner takes most of its rows from guesses
 * (fast-scan.ts), which the scan worker cannot (its scanner is on another thread than the keys), and one thread
 * is faster than the two (100 MB: 0.91 against 1.39 s; 300 MB: 2.13 against 2.63 s).
 */
export function guessesBest(header: Header | null): boolean {
  return header !== null && splittable(header.layout);
}
