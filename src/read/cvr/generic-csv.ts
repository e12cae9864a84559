/**
 * RCTab's `genericCsv`: one row per ballot, one column per candidate (the header names them), and the cell holds
 * the rank the voter gave that candidate. Two candidates with the same rank on one row are an overvote at that rank.
 * As in RCTab, every row after the header is a ballot (its firstVoteRowIndex is not applied) and the first rank
 * column is `firstVoteColumnIndex` (1-based). A cell that is not a whole number is an error with its line.
 */
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import type { CastVote, CvrSource, RankMark } from '../../model/ballots.js';
import { DataError } from '../../model/errors.js';
import { openCvrFile } from './open-file.js';

export async function* readGenericCsv(source: CvrSource): AsyncIterable<CastVote> {
  await openCvrFile(source.path);
  const firstColumn = (source.firstVoteColumnIndex ?? 2) - 1;
  const idColumn = source.idColumnIndex === undefined ? -1 : source.idColumnIndex - 1;
  const precinctColumn = source.precinctColumnIndex === undefined ? -1 : source.precinctColumnIndex - 1;
  const parser = createReadStream(source.path).pipe(parse({ bom: true, relax_column_count: true, info: true }));
  let header: string[] | null = null;
  for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
    if (header === null) {
      header = record.map((name) => name.trim());
      if (header.length <= firstColumn) {
        throw new DataError(`the header has ${header.length} columns, but the ranks start at column ${firstColumn + 1}`, { file: source.path, line: 1 }, 'check firstVoteColumnIndex');
      }
      continue;
    }
    const line = info.lines;
    const byRank = new Map<number, string[]>();
    for (let col = firstColumn; col < record.length; col++) {
      const cell = (record[col] as string).trim();
      if (cell === '') continue;
      if (!/^\d+$/.test(cell) || Number(cell) < 1) {
        throw new DataError(`column ${col + 1} ("${header[col] ?? ''}") holds "${cell}", not a rank`, { file: source.path, line }, 'a cell holds the rank (1, 2, 3 …) given to the candidate of its column');
      }
      const name = header[col];
      if (name === undefined || name === '') {
        throw new DataError(`column ${col + 1} has a rank but no candidate name in the header`, { file: source.path, line }, 'every column with ranks needs the candidate\'s name in the header row');
      }
      const rank = Number(cell);
      const at = byRank.get(rank);
      if (at) at.push(name);
      else byRank.set(rank, [name]);
    }
    const marks: RankMark[] = [...byRank].sort((a, b) => a[0] - b[0]).map(([rank, choices]) => ({ rank, choices }));
    const vote: CastVote = { marks, weight: 1, origin: { file: source.path, line } };
    const id = idColumn >= 0 ? record[idColumn] : undefined;
    if (id) vote.origin.id = id;
    const precinct = precinctColumn >= 0 ? record[precinctColumn] : undefined;
    if (precinct) vote.precinct = precinct;
    yield vote;
  }
}
