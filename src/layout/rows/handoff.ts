/**
 * One file on two cores (pipeline/split.ts): a worker counts the second half of a large file with a RowReader of
 * its own and hands back its state as data; the reader of the first half takes it in as if it had read those
 * rows itself.
 *
 * That is exact only where nothing the worker did depends on the first half, so the split is taken only in that
 * case and the rows are otherwise read again, in order, by the first half's reader:
 * - the layout follows blocks of a place (county, precinct): a repeat is looked for within a block only, and the
 *   worker's first record starts a new place (the caller checks the two records either side of the boundary);
 * - rows held until the end or noted in ways that are not counts and first lines (held rows without a place, a
 *   repeated header, a name under two parties) and read warnings: none in the worker's range (missing or
 *   unreadable votes, repeats, footnotes, an unnamed column's data and `Ballots Cast` rows are counts and first
 *   lines, which merge);
 * - nothing the first half leaves pending (a footnote, held rows) and no limit crossed by the two together.
 * Counts, sums and first lines merge exactly: lines are the range's own, moved down by the lines before it.
 */
import { MAX_KEYS } from './targets.js';
import { repeatCheckFor } from './repeat-check.js';
import { absorbTally, dumpTally, tallyMergeBlocker, type TallyDump } from '../../count/tally-merge.js';
import type { Tally } from '../../count/tally.js';
import type { ExclusionReason } from '../../model/types.js';
import type { ChecksDump, CountyChecks } from '../checks.js';
import type { Layout } from '../layout.js';
import type { BallotsCounter } from '../reporting.js';
import type { GeoTotals } from './geo-totals.js';
import type { NotesDump, RowNotes } from './row-notes.js';
import type { RowShape, ShapeDump } from './row-shape.js';

/** RowReader's parts that a hand-off reads (RowReader.inner). */
export interface ReaderInner {
  reader: { rows: number; rowsUsed: number; readonly excluded: Map<ExclusionReason, number>; readonly headerRepeat: { lines: { count: number } } | null; exclude(reason: ExclusionReason, rows: number): void };
  layout: Layout;
  tally: Tally;
  notes: RowNotes;
  checks: CountyChecks;
  shape: RowShape;
  geo: GeoTotals | null;
  ballots: BallotsCounter | null;
  /** The counter of `Ballots Cast` rows, made if there is none yet. */
  rowBallots: () => BallotsCounter;
  keys: number;
}

/** What a worker hands back: plain data, for postMessage. */
export interface RangeState {
  rows: number;
  rowsUsed: number;
  excluded: [ExclusionReason, number][];
  keys: number;
  /** Why the range cannot be merged (its rows must be read again in order), or null. */
  blocker: string | null;
  tally: TallyDump;
  checks: ChecksDump;
  notes: NotesDump;
  shape: ShapeDump;
  /** Sums of `Ballots Cast` rows per race: [race, placed, placeless]. */
  ballots: [string, number, number][] | null;
}

/** Whether a file of this layout may be split at a change of place (see above); the rest is checked after. */
export function splittable(layout: Layout): boolean {
  const repeat = repeatCheckFor(layout.parts.length, layout.countyColumn, layout.precinctColumns);
  if (repeat.kind !== 'block' || layout.dedup || layout.reporting || (layout.ballotsColumn ?? -1) >= 0 || layout.ordered === true) return false;
  // Every geography column is the county or a precinct column: each data record's place is followed.
  return layout.geoColumns.every((g) => g === layout.countyColumn || layout.precinctColumns.includes(g));
}

/** In the worker, when its range is read: its state, and why it cannot be merged. `layoutNotes`: the layout's notes before the range. */
export function handOff(inner: ReaderInner, layoutNotes: number): RangeState {
  const { reader } = inner;
  const blockers: [boolean, string][] = [
    [(reader.headerRepeat?.lines.count ?? 0) > 0, 'the header repeated'],
    [(inner.geo?.holding ?? 0) > 0, 'rows held for the end'],
    [inner.layout.notes.length > layoutNotes, 'layout notes'],
  ];
  const blocker = blockers.find(([found]) => found)?.[1] ?? null;
  return { rows: reader.rows, rowsUsed: reader.rowsUsed, excluded: [...reader.excluded], keys: inner.keys, blocker, tally: dumpTally(inner.tally), checks: inner.checks.dump(), notes: inner.notes.dump(), shape: inner.shape.dump(), ballots: inner.ballots?.dump() ?? null };
}

/** In the first half's reader, at the boundary: why `state` cannot be taken in, or null. */
export function mergeBlocker(inner: ReaderInner, state: RangeState): string | null {
  if (state.blocker !== null) return state.blocker;
  if (!inner.shape.open) return 'a footnote before the boundary';
  if ((inner.geo?.holding ?? 0) > 0) return 'rows held for the end';
  if (inner.keys + state.keys > MAX_KEYS) return 'too many keys';
  return inner.checks.mergeBlocker(state.checks) ?? tallyMergeBlocker(inner.tally, state.tally);
}

/** Takes in a state that mergeBlocker let through; the range's line 1 is line `lineBase + 1` of the file. */
export function absorb(inner: ReaderInner, state: RangeState, lineBase: number, file: string): void {
  const { reader } = inner;
  reader.rows += state.rows;
  reader.rowsUsed += state.rowsUsed;
  for (const [reason, n] of state.excluded) reader.exclude(reason, n);
  inner.checks.absorb(state.checks, lineBase, file);
  inner.notes.absorb(state.notes, lineBase);
  inner.shape.absorb(state.shape, lineBase);
  if (state.ballots) inner.rowBallots().absorb(state.ballots);
  absorbTally(inner.tally, state.tally, file, lineBase);
}
