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
import type { BallotLabels } from '../../count/irv/options.js';
import { CsvScanError, FastCsvScanner, fieldText, type FieldSpans } from '../fast-scan.js';
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
    if (rank !== i + 1) throw new DataError(`the rank columns are not numbered 1 to ${ranks.length} (found ${ranks.join(', ')})`, { file, line: 1 });
  });
  const idColumn = header.findIndex((h) => /^(?:ballot ?id|cvr ?(?:id|number)?|cast vote record|record ?id|id)$/i.test(h.trim()));
  const precinctColumn = header.findIndex((h) => /precinct/i.test(h));
  return { rankColumns, idColumn, precinctColumn };
}

export async function* readRankColumns(source: CvrSource): AsyncIterable<CastVote> {
  await openCvrFile(source.path);
  const file = source.path;
  let layout: Layout | null = null;
  let ready: CastVote[] = [];
  const onRecord = (r: FieldSpans): void => {
    if (layout === null) {
      const header = Array.from({ length: r.count }, (_, i) => fieldText(r, i));
      layout = layoutOf(header, file);
      return;
    }
    if (r.count === 1 && r.start[0] === r.end[0]) return; // a blank line
    const marks: RankMark[] = [];
    for (const { column, rank } of layout.rankColumns) {
      if (column >= r.count || r.start[column] === r.end[column]) continue;
      const cell = fieldText(r, column).trim();
      if (cell === '') continue;
      marks.push({ rank, choices: [LABELS.get(cell.toLowerCase()) ?? cell] });
    }
    if (marks.length > 1) marks.sort((a, b) => a.rank - b.rank);
    const vote: CastVote = { marks, weight: 1, origin: { file, line: r.line } };
    if (layout.idColumn >= 0 && layout.idColumn < r.count) vote.origin.id = fieldText(r, layout.idColumn);
    if (layout.precinctColumn >= 0 && layout.precinctColumn < r.count) vote.precinct = fieldText(r, layout.precinctColumn);
    ready.push(vote);
  };
  const scanner = new FastCsvScanner(onRecord);
  try {
    for await (const chunk of createReadStream(file, { highWaterMark: 1 << 20 }) as AsyncIterable<Buffer>) {
      scanner.push(chunk);
      const batch = ready;
      ready = [];
      yield* batch;
    }
    scanner.end();
  } catch (error) {
    if (error instanceof CsvScanError) throw new DataError(error.message, { file, line: error.line });
    throw error;
  }
  yield* ready;
  if (layout === null) throw new DataError('the file is empty', { file });
}
