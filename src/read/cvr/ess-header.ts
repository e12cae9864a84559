/**
 * An ES&S cast-vote-record workbook read without a contest config: the facts RCTab's config gives (first rank
 * column, first ballot row, how many ranks, the precinct column) are read from the header row ES&S writes —
 * `Cast Vote Record`, `Precinct`, `Ballot Style`, then one column per rank, `For Mayor Choice 1 (45)` … where
 * the number in parentheses is ES&S's own column id, not a rank. When the header does not say them plainly
 * (no rank columns, several contests and no --contest, ranks not side by side), that is an error pointing to
 * --rctab, never a guess.
 */
import type { CastVote, CvrSource } from '../../model/ballots.js';
import { DataError } from '../../model/errors.js';
import { rankOfHeader } from './rank-columns.js';
import { readSheetRows, type SheetRow } from './xlsx.js';

/** The source fields a config would set, read from the header. */
export type EssLayout = Required<Pick<CvrSource, 'firstVoteColumnIndex' | 'firstVoteRowIndex' | 'maxRankings'>> & Pick<CvrSource, 'precinctColumnIndex'>;

const CONFIG_HINT = 'count it with --rctab and an RCTab contest config, whose source sets firstVoteColumnIndex and firstVoteRowIndex';

/** The rank words at the end of a header, as rankOfHeader reads them: what is left before them names the contest. */
const RANK_PHRASE = /(?:(?:^|\s)(?:\d+(?:st|nd|rd|th)?\s+(?:choice|rank|preference)|(?:rank|choice|preference)\s*#?\s*\d+)|\(\d+\))$/i;

/**
 * The rank a header cell names and the contest before it: `For Mayor Choice 1 (45)` is rank 1 of "For Mayor"
 * (ES&S's trailing `(45)` is its column id when the rest names a rank itself), `Mayor (2)` rank 2 of "Mayor".
 */
export function essRankHeader(header: string): { rank: number; contest: string } | null {
  const trimmed = header.trim();
  const bare = trimmed.replace(/\s*\(\d+\)$/, '');
  for (const text of bare === trimmed ? [trimmed] : [bare, trimmed]) {
    const rank = rankOfHeader(text);
    if (rank !== null) return { rank, contest: text.replace(RANK_PHRASE, '').trim() };
  }
  return null;
}

export function essRankOfHeader(header: string): number | null {
  return essRankHeader(header)?.rank ?? null;
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

interface RankColumn {
  column: number;
  text: string;
  rank: number;
  contest: string;
}

/**
 * The rank columns and the rest, from the header; an error with a hint naming --rctab when they are not plain.
 * A workbook with several contests' rank columns needs `contest` (--contest): words of the header before the rank.
 */
export function essLayout(header: SheetRow, file: string, contest: string | null = null): EssLayout {
  const at = { file, line: header.row };
  const cells = [...header.cells].sort((a, b) => a[0] - b[0]);
  const ranked: RankColumn[] = cells.flatMap(([column, text]) => {
    const found = essRankHeader(text);
    return found === null ? [] : [{ column, text: text.trim(), ...found }];
  });
  const first = firstRankColumn(ranked, contest, at);
  const same = (c: RankColumn): boolean => c.contest.toLowerCase() === first.contest.toLowerCase();
  let ranks = 0;
  while (ranked.some((c) => c.column === first.column + ranks && c.rank === ranks + 1 && same(c))) ranks++;
  const stray = ranked.find((c) => same(c) && (c.column < first.column || c.column >= first.column + ranks));
  if (stray) {
    const run = `ranks 1 to ${ranks} are columns ${first.column + 1} to ${first.column + ranks}`;
    throw new DataError(`the rank columns are not side by side: ${run}, and column ${stray.column + 1} is ${JSON.stringify(stray.text)}`, at, CONFIG_HINT);
  }
  const precinct = cells.find(([, text]) => /^precinct$/i.test(text.trim()));
  return {
    firstVoteColumnIndex: first.column + 1,
    firstVoteRowIndex: header.row + 1,
    maxRankings: ranks,
    ...(precinct === undefined ? {} : { precinctColumnIndex: precinct[0] + 1 }),
  };
}

/** The rank 1 column of the one contest in the header, or of the contest --contest names. */
function firstRankColumn(ranked: RankColumn[], contest: string | null, at: { file: string; line: number }): RankColumn {
  const firsts = ranked.filter((c) => c.rank === 1);
  const named = (c: RankColumn): string => JSON.stringify(c.contest || c.text);
  if (firsts.length === 0) {
    throw new DataError('cannot tell which columns hold the ranks: the first row names no rank column ("Choice 1", "1st Choice", "Rank 1" …)', at, CONFIG_HINT);
  }
  const words = (contest ?? '').toLowerCase().split(/\s+/).filter((w) => w !== '');
  const chosen = words.length === 0 ? firsts : firsts.filter((c) => words.every((w) => c.contest.toLowerCase().includes(w)));
  const list = firsts.map(named).join(', ');
  if (chosen.length === 0) throw new DataError(`no contest of the workbook matches --contest ${JSON.stringify(contest)}: its rank columns are for ${list}`, at, 'give words of one of them to --contest');
  if (chosen.length > 1) {
    throw new DataError(`the first row has rank columns for ${chosen.length} contests (${chosen.map(named).join(', ')}): which one to count is not in the workbook`, at, `name it with --contest, or ${CONFIG_HINT}`);
  }
  return chosen[0] as RankColumn;
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
