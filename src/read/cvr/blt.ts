/**
 * BLT ballots (OpenSTV, OpaVote, Droop): a header `candidates seats`, an optional line of withdrawn candidates
 * as negative numbers, then one line per ballot `weight c1 c2 … 0` (candidate numbers from 1, `a=b` for two
 * candidates at one rank, `-` for a skipped rank), a lone `0`, then the candidate names in quotes and the title.
 * Names come last, so the ballots of a file are held until its end; BLT files are already compact (weights).
 */
import { readFile } from 'node:fs/promises';
import type { CastVote, CvrSource, RankMark } from '../../model/ballots.js';
import { DataError } from '../../model/errors.js';
import type { IrvCandidate } from '../../model/irv-options.js';
import { openCvrFile } from './open-file.js';

export interface BltContest {
  title: string;
  seats: number;
  /** In file order; withdrawn candidates are `excluded`. */
  candidates: IrvCandidate[];
  votes: CastVote[];
}

export async function readBltContest(path: string): Promise<BltContest> {
  await openCvrFile(path);
  const lines = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  let i = 0;
  const next = (): { text: string; line: number } | null => {
    while (i < lines.length) {
      const text = (lines[i++] as string).replace(/#.*$/, '').trim();
      if (text !== '') return { text, line: i };
    }
    return null;
  };
  const fail = (line: number, message: string, hint?: string): never => {
    throw new DataError(message, { file: path, line }, hint);
  };
  const head = next() ?? fail(1, 'the file is empty');
  const [nText, sText] = head.text.split(/\s+/);
  const n = Number(nText);
  const seats = Number(sText);
  if (!Number.isInteger(n) || n < 1 || !Number.isInteger(seats) || seats < 1) fail(head.line, `"${head.text}" is not a BLT header`, 'the first line is "<candidates> <seats>"');
  const withdrawn = new Set<number>();
  const pending: { line: number; weight: number; ranks: number[][] }[] = [];
  for (let entry = next(); ; entry = next()) {
    if (entry === null) return fail(lines.length, 'the ballots never end', 'a line holding only 0 ends the ballots');
    const tokens = entry.text.split(/\s+/).filter((t) => !t.startsWith('('));
    if (tokens[0] === '0' && tokens.length === 1) break;
    if (pending.length === 0 && tokens.every((t) => /^-\d+$/.test(t))) {
      for (const t of tokens) withdrawn.add(-Number(t));
      continue;
    }
    const weight = Number(tokens[0]);
    if (!Number.isInteger(weight) || weight < 0) fail(entry.line, `ballot weight "${tokens[0]}" is not a whole number`);
    if (tokens[tokens.length - 1] !== '0') fail(entry.line, 'a ballot line must end with 0');
    const ranks = tokens.slice(1, -1).map((t) =>
      t === '-'
        ? []
        : t.split('=').map((c) => {
            const k = Number(c);
            if (!Number.isInteger(k) || k < 1 || k > n) fail(entry.line, `"${c}" is not a candidate number from 1 to ${n}`);
            return k;
          }),
    );
    pending.push({ line: entry.line, weight, ranks });
  }
  const names: string[] = [];
  for (let k = 0; k < n; k++) {
    const entry = next() ?? fail(lines.length, `${n} candidate names expected after the ballots, found ${k}`);
    names.push(unquote(entry.text));
  }
  const titleLine = next();
  const title = titleLine ? unquote(titleLine.text) : '';
  const candidates = names.map((name, k) => ({ name, excluded: withdrawn.has(k + 1) }));
  const votes = pending.map(({ line, weight, ranks }) => {
    const marks: RankMark[] = [];
    ranks.forEach((ids, r) => {
      if (ids.length > 0) marks.push({ rank: r + 1, choices: ids.map((k) => names[k - 1] as string) });
    });
    return { marks, weight, origin: { file: path, line } };
  });
  return { title, seats, candidates, votes };
}

function unquote(text: string): string {
  return text.length >= 2 && text.startsWith('"') && text.endsWith('"') ? text.slice(1, -1).replaceAll('""', '"') : text;
}

export async function* readBlt(source: CvrSource): AsyncIterable<CastVote> {
  const contest = await readBltContest(source.path);
  if (contest.seats !== 1) {
    throw new DataError(`the BLT file elects ${contest.seats} seats`, { file: source.path, line: 1 }, 'runoff counts single-winner instant runoff; multi-seat STV is for RCTab or OpaVote');
  }
  yield* contest.votes;
}
