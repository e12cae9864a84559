/**
 * Rank-column CSV: one ballot per row, one column per rank (`1st Choice`, `Rank 1`, `Choice 1`, `Mayor (1)` …),
 * and each cell names the candidate ranked there, or is blank, or a label. Label spellings are folded to one
 * form each so the count needs one set of labels: `overvote`, `undervote` (a skipped rank) and `UWI` (an
 * undeclared write-in). These files run to millions of rows, so rows are scanned as bytes and identical rows
 * are counted together: the count receives each distinct ballot once, with its number of rows as its weight.
 */
import { open } from 'node:fs/promises';
import type { CastVote, CvrSource, RankMark } from '../../model/ballots.js';
import { DataError } from '../../model/errors.js';
import type { BallotLabels } from '../../model/irv-options.js';
import { CsvScanError, FastCsvScanner } from '../fast-scan.js';
import { openCvrFile } from './open-file.js';
import { MAX_PLAIN_RECORD, RankRows } from './rank-rows.js';

/** The labels rank-column cells are folded to: pass these to the count. */
export const RANK_COLUMN_LABELS: BallotLabels = { overvoteLabel: 'overvote', skippedRankLabel: 'undervote', undeclaredWriteInLabel: 'UWI' };

const LABELS = new Map<string, string>([
  ['overvote', 'overvote'],
  ['over vote', 'overvote'],
  ['undervote', 'undervote'],
  ['under vote', 'undervote'],
  ['skipped', 'undervote'],
  ['uwi', 'UWI'],
  ['write-in', 'UWI'],
  ['write in', 'UWI'],
  ['writein', 'UWI'],
  ['undeclared write-in', 'UWI'],
  ['undeclared write-ins', 'UWI'],
]);

/** The rank a header names, or null: `1st Choice`, `Mayor 2nd choice`, `Rank 3`, `Choice 4`, `Mayor (5)`. */
export function rankOfHeader(header: string): number | null {
  const h = header.trim();
  const m =
    /(?:^|\s)(\d+)(?:st|nd|rd|th)?\s+(?:choice|rank|preference)$/i.exec(h) ??
    /(?:^|\s)(?:rank|choice|preference)\s*#?\s*(\d+)$/i.exec(h) ??
    /\((\d+)\)$/.exec(h);
  return m ? Number(m[1]) : null;
}

interface Layout {
  rankColumns: { column: number; rank: number }[];
  /** Rank columns appear in rank order (the usual case): no sort per row. */
  ordered: boolean;
  idColumn: number;
  precinctColumn: number;
}

function layoutOf(header: string[], file: string): Layout {
  const rankColumns = header.flatMap((h, column) => {
    const rank = rankOfHeader(h);
    return rank === null ? [] : [{ column, rank }];
  });
  if (rankColumns.length === 0) {
    throw new DataError('no rank columns in the header', { file, line: 1 }, 'rank columns are named like "1st Choice", "Rank 1", "Choice 1" or "Mayor (1)"');
  }
  const ranks = rankColumns.map((c) => c.rank).sort((a, b) => a - b);
  ranks.forEach((rank, i) => {
    if (rank !== i + 1) throw new DataError(`the rank columns are not numbered 1 to ${ranks.length} (found ${ranks.join(', ')})`, { file, line: 1 }, 'name the rank columns 1st Choice, 2nd Choice … (or Rank 1, Rank 2 …) with no gap');
  });
  const idColumn = header.findIndex((h) => /^(?:ballot ?id|cvr ?(?:id|number)?|cast vote record|record ?id|id)$/i.test(h.trim()));
  const precinctColumn = header.findIndex((h) => /precinct/i.test(h));
  const ordered = rankColumns.every((c, i) => c.rank === i + 1);
  return { rankColumns, ordered, idColumn, precinctColumn };
}

export async function* readRankColumns(source: CvrSource): AsyncIterable<CastVote> {
  const votes: CastVote[] = [];
  await scanRankColumns(source, (vote) => votes.push(vote));
  yield* votes;
}

/**
 * Read the whole file, then hand each distinct ballot to `onBallot` once, weighted by how many rows cast it,
 * in the order of its first row (so unknown names and errors come in file order, with that row's line).
 * A million rows over a few candidates are a few thousand distinct ballots: rows are counted as sequences
 * of interned cell ids, and no object is made per row.
 */
export async function scanRankColumns(source: CvrSource, onBallot: (vote: CastVote) => void): Promise<void> {
  const path = source.path;
  await openCvrFile(path);
  let layout: Layout | null = null;
  const rows = new RankRows((fields) => {
    layout = layoutOf(fields, path);
    const ranks = layout.rankColumns.map((c) => c.column);
    return layout.precinctColumn >= 0 ? [layout.precinctColumn, ...ranks] : ranks;
  });
  await feed(path, rows);
  if (layout === null) throw new DataError('the file is empty', { file: path }, 'a cast-vote record starts with a header row such as 1st Choice,2nd Choice,…');
  emit(path, layout, rows, onBallot);
}

const CHUNK = 1 << 20;

/**
 * Read the file in chunks into one reused buffer. Whole lines go to the fast path while the file has no
 * quote; from the first record that has one, the rest goes to the byte scanner, whose line numbers are
 * shifted to continue where the fast path stopped.
 */
async function feed(path: string, rows: RankRows): Promise<void> {
  const file = await open(path);
  let work = Buffer.allocUnsafe(2 * CHUNK);
  let carry = 0;
  let scanner: FastCsvScanner | null = null;
  let offset = 0;
  try {
    for (;;) {
      if (scanner !== null) {
        const got = (await file.read(work, 0, CHUNK)).bytesRead;
        if (got === 0) break;
        scanner.push(work.subarray(0, got));
        continue;
      }
      if (carry + CHUNK > work.length) work = Buffer.concat([work.subarray(0, carry)], carry + 2 * CHUNK);
      const got = (await file.read(work, carry, CHUNK)).bytesRead;
      const filled = carry + got;
      // whole lines only, unless the file has ended; a line longer than the scanner allows goes to it
      const cut = got === 0 ? filled : work.subarray(0, filled).lastIndexOf(0x0a) + 1;
      const stop = rows.plain(work, 0, cut);
      if (stop < cut || (cut === 0 && filled > MAX_PLAIN_RECORD)) {
        offset = rows.line - 1;
        const lineOffset = offset;
        scanner = new FastCsvScanner((r) => rows.record(r, lineOffset));
        scanner.push(work.subarray(stop, filled));
        if (got === 0) break;
        continue;
      }
      work.copyWithin(0, cut, filled);
      carry = filled - cut;
      if (got === 0) break;
    }
    scanner?.end();
  } catch (error) {
    if (error instanceof CsvScanError) throw new DataError(error.message, { file: path, line: error.line + offset }, 'check the quotes on that line');
    throw error;
  } finally {
    await file.close();
  }
}

/** Each distinct ballot as a CastVote: labels folded, blank and whitespace-only cells dropped. */
function emit(file: string, layout: Layout, rows: RankRows, onBallot: (vote: CastVote) => void): void {
  const texts = rows.cells.texts;
  const folded = texts.map((cell) => LABELS.get(cell.trim().toLowerCase()) ?? cell.trim());
  const ranks = layout.rankColumns.map((c) => c.rank);
  const skip = layout.precinctColumn >= 0 ? 1 : 0;
  for (const { cells: ids, rows: weight, line } of rows.counter.patterns()) {
    const marks: RankMark[] = [];
    for (let k = 0; k < ranks.length; k++) {
      const text = folded[ids[k + skip] as number] as string;
      if (text !== '') marks.push({ rank: ranks[k] as number, choices: [text] });
    }
    if (!layout.ordered) marks.sort((a, b) => a.rank - b.rank);
    const vote: CastVote = { marks, weight, origin: { file, line } };
    if (skip === 1) vote.precinct = texts[ids[0] as number] as string;
    onBallot(vote);
  }
}
