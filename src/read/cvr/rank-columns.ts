/**
 * Rank-column CSV: one ballot per row, one column per rank (`1st Choice`, `Rank 1`, `Choice 1`, `Mayor (1)` …),
 * and each cell names the candidate ranked there, or is blank, or a label. Label spellings are folded to one
 * form each so the count needs one set of labels: `overvote`, `undervote` (a skipped rank) and `UWI` (an
 * undeclared write-in). Rows are scanned as bytes (no per-row objects beyond the ballot itself) because these
 * files run to millions of rows.
 */
import { createReadStream } from 'node:fs';
import type { CastVote, CvrSource, RankMark } from '../../model/ballots.js';
import { DataError } from '../../model/errors.js';
import type { BallotLabels } from '../../model/irv-options.js';
import { CsvScanError, FastCsvScanner, fieldText, type FieldSpans } from '../fast-scan.js';
import { FieldInterner } from './intern.js';
import { openCvrFile } from './open-file.js';

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
  await openCvrFile(source.path);
  let ready: CastVote[] = [];
  const parser = ballotParser(source.path, (vote) => ready.push(vote));
  for await (const _ of scanChunks(source.path, parser)) {
    yield* ready;
    ready = [];
  }
  yield* ready;
}

/**
 * Scan the file and hand each ballot to `onBallot` as soon as its row is read. Nothing is kept, so a million
 * rows make a million short-lived objects rather than a million held ones: this is the fast path for big files.
 */
export async function scanRankColumns(source: CvrSource, onBallot: (vote: CastVote) => void): Promise<void> {
  await openCvrFile(source.path);
  for await (const _ of scanChunks(source.path, ballotParser(source.path, onBallot)));
}

/** Feed the file through the byte scanner, yielding after each chunk; scanner errors become DataErrors. */
async function* scanChunks(file: string, parser: BallotParser): AsyncIterable<void> {
  const scanner = new FastCsvScanner(parser.onRecord);
  try {
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
      scanner.push(chunk);
      yield;
    }
    scanner.end();
  } catch (error) {
    if (error instanceof CsvScanError) throw new DataError(error.message, { file, line: error.line }, 'check the quotes on that line');
    throw error;
  }
  if (!parser.sawHeader()) throw new DataError('the file is empty', { file }, 'a cast-vote record starts with a header row such as 1st Choice,2nd Choice,…');
}

interface BallotParser {
  onRecord: (r: FieldSpans) => void;
  sawHeader: () => boolean;
}

function ballotParser(file: string, onBallot: (vote: CastVote) => void): BallotParser {
  let layout: Layout | null = null;
  const cells = new FieldInterner();
  const folded = new Map<string, string>();
  const fold = (cell: string): string => {
    let text = folded.get(cell);
    if (text === undefined) folded.set(cell, (text = LABELS.get(cell.trim().toLowerCase()) ?? cell.trim()));
    return text;
  };
  const onRecord = (r: FieldSpans): void => {
    if (layout === null) {
      layout = layoutOf(Array.from({ length: r.count }, (_, i) => fieldText(r, i)), file);
      return;
    }
    if (r.count === 1 && r.start[0] === r.end[0]) return; // a blank line
    const marks: RankMark[] = [];
    const columns = layout.rankColumns;
    for (let k = 0; k < columns.length; k++) {
      const { column, rank } = columns[k] as { column: number; rank: number };
      if (column >= r.count || r.start[column] === r.end[column]) continue;
      const cell = fold(cells.text(r, column));
      if (cell !== '') marks.push({ rank, choices: [cell] });
    }
    if (!layout.ordered) marks.sort((a, b) => a.rank - b.rank);
    const vote: CastVote = { marks, weight: 1, origin: { file, line: r.line } };
    if (layout.precinctColumn >= 0 && layout.precinctColumn < r.count) vote.precinct = cells.text(r, layout.precinctColumn);
    onBallot(vote);
  };
  return { onRecord, sawHeader: () => layout !== null };
}
