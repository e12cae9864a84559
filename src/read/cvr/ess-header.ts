/**
 * An ES&S cast-vote-record workbook read without a contest config: the facts RCTab's config gives (first rank
 * column, first ballot row, how many ranks, the precinct column) are read from the header row ES&S writes —
 * `Cast Vote Record`, `Precinct`, `Ballot Style`, then one column per rank, `For Mayor Choice 1 (45)` … where
 * the number in parentheses is ES&S's own column id, not a rank. When the header does not say them plainly
 * (no rank columns, two contests, ranks not side by side), that is an error pointing to --rctab, never a guess.
 */
import type { CastVote, CvrSource } from '../../model/ballots.js';
import { DataError } from '../../model/errors.js';
import { rankOfHeader } from './rank-columns.js';
import { readSheetRows, type SheetRow } from './xlsx.js';

/** The source fields a config would set, read from the header. */
export type EssLayout = Required<Pick<CvrSource, 'firstVoteColumnIndex' | 'firstVoteRowIndex' | 'maxRankings'>> & Pick<CvrSource, 'precinctColumnIndex'>;

const CONFIG_HINT = 'count it with --rctab and an RCTab contest config, whose source sets firstVoteColumnIndex and firstVoteRowIndex';

/** The rank a header cell names: ES&S's trailing `(45)` is its column id when the rest names a rank itself. */
export function essRankOfHeader(header: string): number | null {
  const bare = header.trim().replace(/\s*\(\d+\)$/, '');
  return (bare !== header.trim() ? rankOfHeader(bare) : null) ?? rankOfHeader(header);
}

/** The first row of the workbook's first sheet, or null for a workbook that cannot be read or has no rows. */
export async function essHeaderRow(path: string): Promise<SheetRow | null> {
  try {
    for await (const row of readSheetRows(path)) return row; // leaving the loop closes the zip
  } catch (error) {
    if (error instanceof DataError) return null;
    throw error;
  }
  return null;
}

/** Whether a first row is an ES&S cast-vote-record header: it names rank columns, or starts `Cast Vote Record`. */
export function looksLikeEssHeader(header: SheetRow): boolean {
  return [...header.cells.values()].some((text) => /^cast vote record$/i.test(text.trim()) || essRankOfHeader(text) !== null);
}

/** The rank columns and the rest, from the header; an error with a hint naming --rctab when they are not plain. */
export function essLayout(header: SheetRow, file: string): EssLayout {
  const at = { file, line: header.row };
  const ranked = [...header.cells].map(([column, text]) => ({ column, text: text.trim(), rank: essRankOfHeader(text) })).sort((a, b) => a.column - b.column);
  const firsts = ranked.filter((c) => c.rank === 1);
  if (firsts.length === 0) {
    throw new DataError('cannot tell which columns hold the ranks: the first row names no rank column ("Choice 1", "1st Choice", "Rank 1" …)', at, CONFIG_HINT);
  }
  if (firsts.length > 1) {
    const names = firsts.map((c) => JSON.stringify(c.text)).join(', ');
    throw new DataError(`the first row has a rank 1 column for ${firsts.length} contests (${names}): which one to count is not in the workbook`, at, CONFIG_HINT);
  }
  const first = firsts[0] as { column: number };
  let ranks = 0;
  while (ranked.find((c) => c.column === first.column + ranks)?.rank === ranks + 1) ranks++;
  const stray = ranked.find((c) => c.rank !== null && (c.column < first.column || c.column >= first.column + ranks));
  if (stray) {
    const run = `ranks 1 to ${ranks} are columns ${first.column + 1} to ${first.column + ranks}`;
    throw new DataError(`the rank columns are not side by side: ${run}, and column ${stray.column + 1} is ${JSON.stringify(stray.text)}`, at, CONFIG_HINT);
  }
  const precinct = ranked.find((c) => /^precinct$/i.test(c.text));
  return {
    firstVoteColumnIndex: first.column + 1,
    firstVoteRowIndex: header.row + 1,
    maxRankings: ranks,
    ...(precinct === undefined ? {} : { precinctColumnIndex: precinct.column + 1 }),
  };
}

/**
 * Without a config there is no overvote delimiter: a cell such as `A|B` could be an overvote or one odd name,
 * and reading it as a candidate would count a person who does not exist. So it stops the count.
 */
export function refuseDelimitedCell(vote: CastVote): void {
  for (const mark of vote.marks) {
    const cell = mark.choices.find((c) => c.includes('|'));
    if (cell === undefined) continue;
    throw new DataError(
      `rank ${mark.rank} "${cell}" looks like several candidates in one cell, and the overvote delimiter is not in the workbook`,
      { file: vote.origin.file, ...(vote.origin.line === undefined ? {} : { line: vote.origin.line }) },
      'count it with --rctab and an RCTab contest config whose source sets overvoteDelimiter',
    );
  }
}
