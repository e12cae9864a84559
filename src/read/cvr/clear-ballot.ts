/**
 * Clear Ballot cast-vote records (ClearVote RCV CSV): ten fixed columns (RowNumber, BoxID, BoxPosition, BallotID,
 * PrecinctID, BallotStyleID, PrecinctStyleName, ScanComputerName, Status, Remade), then one column per
 * candidate and rank, headed `Choice_<id>_<n>:<contest>:<rank>:<vote rule>:<choice>:<party>`; a cell is 1 when
 * the voter marked that candidate at that rank. Every row is a ballot, as RCTab reads it; several 1s at one rank
 * are an overvote. Contest names may hold commas (the CSV quotes them) and colons (fields are taken from both ends).
 */
import { createReadStream } from 'node:fs';
import { parse } from 'csv-parse';
import type { CastVote, CvrSource, RankMark } from '../../model/ballots.js';
import { DataError } from '../../model/errors.js';
import { openCvrFile } from './open-file.js';

const FIXED = ['RowNumber', 'BoxID', 'BoxPosition', 'BallotID', 'PrecinctID', 'BallotStyleID', 'PrecinctStyleName', 'ScanComputerName', 'Status', 'Remade'];
const BALLOT_ID = 3;
const PRECINCT_ID = 4;
const HINT = 'a Clear Ballot CVR has the ten ballot columns, then Choice_…:contest:rank:rule:choice:party columns';

interface ChoiceColumn {
  column: number;
  rank: number;
  choice: string;
}

/** The parts of a choice header, or undefined when it is not one. */
export function choiceHeader(header: string): { contest: string; rank: number; choice: string } | undefined {
  const parts = header.split(':');
  if (parts.length < 6 || !parts[0]?.startsWith('Choice_')) return undefined;
  const [rank, , choice] = parts.slice(-4, -1);
  if (rank === undefined || choice === undefined || !/^\d+$/.test(rank)) return undefined;
  return { contest: parts.slice(1, -4).join(':'), rank: Number(rank), choice };
}

export async function* readClearBallot(source: CvrSource): AsyncIterable<CastVote> {
  const file = source.path;
  await openCvrFile(file);
  const parser = createReadStream(file).pipe(parse({ bom: true, info: true, relax_quotes: false }));
  let columns: ChoiceColumn[] | undefined;
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      const line = info.lines;
      if (!columns) {
        columns = choiceColumns(record, source, file);
        continue;
      }
      const byRank = new Map<number, string[]>();
      for (const { column, rank, choice } of columns) {
        const cell = (record[column] ?? '').trim();
        if (cell === '1') byRank.set(rank, [...(byRank.get(rank) ?? []), choice]);
        else if (cell !== '0' && cell !== '') {
          throw new DataError(`column ${column + 1} holds "${cell}", not a 0 or 1 mark`, { file, line }, HINT);
        }
      }
      const marks: RankMark[] = [...byRank.entries()].sort((a, b) => a[0] - b[0]).map(([rank, choices]) => ({ rank, choices }));
      const precinct = record[PRECINCT_ID];
      const id = record[BALLOT_ID];
      yield {
        marks,
        weight: 1,
        ...(precinct === undefined || precinct === '' ? {} : { precinct }),
        origin: { file, line, ...(id === undefined || id === '' ? {} : { id }) },
      };
    }
  } catch (err) {
    if (err instanceof DataError) throw err;
    const e = err as { message?: string; lines?: number };
    throw new DataError(`not a readable CSV: ${e.message ?? String(err)}`, { file, ...(e.lines ? { line: e.lines } : {}) }, HINT);
  }
  if (!columns) throw new DataError('the file is empty: no header row', { file }, HINT);
}

function choiceColumns(header: string[], source: CvrSource, file: string): ChoiceColumn[] {
  if (header.length <= FIXED.length || header[0] !== FIXED[0]) {
    throw new DataError('the header is not a Clear Ballot CVR header (RowNumber, BoxID, … then Choice_ columns)', { file, line: 1 }, HINT);
  }
  const contests = new Set<string>();
  const out: ChoiceColumn[] = [];
  for (let column = FIXED.length; column < header.length; column++) {
    const text = header[column] ?? '';
    const parsed = choiceHeader(text);
    if (!parsed) throw new DataError(`column ${column + 1} "${text}" is not a choice header`, { file, line: 1 }, HINT);
    contests.add(parsed.contest);
    if (parsed.contest !== source.contestId) continue;
    if (parsed.rank < 1) throw new DataError(`column ${column + 1} is rank 0`, { file, line: 1 }, HINT);
    if (source.maxRankings !== undefined && parsed.rank > source.maxRankings) {
      throw new DataError(`column ${column + 1} is rank ${parsed.rank}, past the ${source.maxRankings} ranks allowed`, { file, line: 1 }, 'raise maxRankingsAllowed');
    }
    out.push({ column, rank: parsed.rank, choice: parsed.choice });
  }
  if (out.length === 0) {
    const known = [...contests].map((c) => `"${c}"`).join(', ');
    throw new DataError(`contest "${source.contestId ?? ''}" has no choice columns in the file`, { file, line: 1 }, `the contests are: ${known}`);
  }
  return out;
}
