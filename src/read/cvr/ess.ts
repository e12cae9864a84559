/**
 * ES&S cast-vote records: an xlsx workbook, one ballot per row from `firstVoteRowIndex`, ranks in consecutive
 * columns from `firstVoteColumnIndex`. Read as RCTab's ES&S reader does: every sheet row at or past the first
 * ballot row is a ballot (even one with no marks: an undervote), a cell is trimmed, and with an overvote
 * delimiter "A|B" is an overvote of A and B. Labels (overvote, undervote, UWI) stay raw for the tabulator.
 */
import type { CastVote, CvrSource, RankMark } from '../../model/ballots.js';
import { DataError } from '../../model/errors.js';
import { openCvrFile } from './open-file.js';
import { readSheetRows } from './xlsx.js';

export async function* readEss(source: CvrSource): AsyncIterable<CastVote> {
  const file = source.path;
  await openCvrFile(file);
  const firstCol = oneBased(source.firstVoteColumnIndex, 'firstVoteColumnIndex', file) - 1;
  const firstRow = oneBased(source.firstVoteRowIndex, 'firstVoteRowIndex', file);
  const idCol = source.idColumnIndex === undefined ? undefined : oneBased(source.idColumnIndex, 'idColumnIndex', file) - 1;
  const precinctCol =
    source.precinctColumnIndex === undefined ? undefined : oneBased(source.precinctColumnIndex, 'precinctColumnIndex', file) - 1;
  const lastCol = source.maxRankings === undefined ? Infinity : firstCol + source.maxRankings - 1;
  const delimiter = source.overvoteDelimiter === '' ? undefined : source.overvoteDelimiter;

  for await (const { row, cells } of readSheetRows(file)) {
    if (row < firstRow) continue;
    const marks: RankMark[] = [];
    // Map iteration follows insertion, i.e. column order as the sheet writes it; sort in case a writer did not.
    const columns = [...cells.keys()].filter((c) => c >= firstCol && c <= lastCol).sort((a, b) => a - b);
    for (const col of columns) {
      const cell = (cells.get(col) ?? '').trim();
      // A whitespace-only cell is as blank as an empty one.
      if (cell === '') continue;
      const choices = delimiter === undefined ? [cell] : cell.split(delimiter).map((c) => c.trim());
      if (choices.length > 1 && choices.includes('')) {
        throw new DataError(
          `rank ${col - firstCol + 1} "${cell}" has an empty name between overvote delimiters "${delimiter}"`,
          { file, line: row },
          'a cell with several candidates must name each of them',
        );
      }
      marks.push({ rank: col - firstCol + 1, choices });
    }
    const id = idCol === undefined ? undefined : cells.get(idCol)?.trim();
    if (idCol !== undefined && id === undefined) {
      throw new DataError(`row ${row} has no ballot id in column ${idCol + 1}`, { file, line: row }, 'check idColumnIndex, or copy the data into a new workbook');
    }
    const precinct = precinctCol === undefined ? undefined : cells.get(precinctCol)?.trim();
    yield {
      marks,
      weight: 1,
      ...(precinct === undefined ? {} : { precinct }),
      origin: { file, line: row, ...(id === undefined ? {} : { id }) },
    };
  }
}

function oneBased(value: number | undefined, name: string, file: string): number {
  if (value === undefined) {
    throw new DataError(`an ES&S source needs ${name}`, { file }, `set ${name} (1-based) in the contest configuration`);
  }
  if (!Number.isInteger(value) || value < 1) {
    throw new DataError(`${name} ${value} is not a 1-based column or row number`, { file }, `set ${name} to 1 or more`);
  }
  return value;
}
