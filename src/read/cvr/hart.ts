/**
 * Hart cast-vote records: a folder of XML files, one ballot sheet per file (`<Cvr>` with Contests, PrecinctSplit,
 * CvrGuid). Read as RCTab's Hart reader does: the contest is chosen by its Id; each Option's Value is a string
 * of digits read left to right, one per rank, "1" where that rank is marked ("0100": rank 2). Files are read
 * in name order, one at a time, each streamed.
 */
import { existsSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { CastVote, CvrSource, RankMark } from '../../model/ballots.js';
import { DataError } from '../../model/errors.js';
import { child, children, rootChildren, textOf, type XmlNode } from './xml-tree.js';

const HINT = 'a Hart export is a folder of <Cvr> XML files, one per ballot sheet';

export async function* readHart(source: CvrSource): AsyncIterable<CastVote> {
  const contestId = source.contestId;
  if (contestId === undefined) throw new DataError('a Hart source needs a contest id', { file: source.path }, 'set contestId to the contest Id');
  const files = await hartFiles(source.path);
  const seen = new Set<string>();
  let found = false;
  for (const file of files) {
    let root = '';
    const parts = new Map<string, XmlNode>();
    for await (const node of rootChildren(file, (name) => name === 'Contests' || name === 'PrecinctSplit' || name === 'CvrGuid')) {
      if ('root' in node) root = node.root;
      else parts.set(node.name, node);
    }
    if (root !== 'Cvr') throw new DataError(`the root element is <${root}>, not <Cvr>`, { file }, HINT);
    const split = parts.get('PrecinctSplit');
    const precinct = split ? textOf(split, 'Name') : undefined;
    const id = parts.get('CvrGuid')?.text.trim();
    for (const contest of children(parts.get('Contests') ?? emptyNode, 'Contest')) {
      const thisId = textOf(contest, 'Id') ?? '';
      seen.add(`${thisId} (${textOf(contest, 'Name') ?? ''})`);
      if (thisId !== contestId) continue;
      found = true;
      yield {
        marks: optionMarks(contest, file, source.candidateIds === true),
        weight: 1,
        ...(precinct === undefined ? {} : { precinct }),
        origin: { file, line: contest.line, ...(id === undefined ? {} : { id }) },
      };
    }
  }
  if (!found) {
    throw new DataError(`no ballot holds contest ${contestId}`, { file: source.path }, `the contests are: ${[...seen].slice(0, 12).join(', ')}`);
  }
}

const emptyNode: XmlNode = { name: '', attrs: {}, children: [], text: '', line: 0 };

function optionMarks(contest: XmlNode, file: string, ids: boolean): RankMark[] {
  const byRank = new Map<number, string[]>();
  for (const option of children(child(contest, 'Options') ?? emptyNode, 'Option')) {
    const id = textOf(option, 'Id') ?? '';
    // A write-in option has no Name: its Id stands for it either way.
    const choice = ids ? id : (textOf(option, 'Name') ?? id);
    const value = textOf(option, 'Value') ?? '';
    if (!/^[01]*$/.test(value)) throw new DataError(`option ${id} has the value "${value}", not a string of 0s and 1s`, { file, line: option.line }, HINT);
    for (let rank = 1; rank <= value.length; rank++) {
      if (value[rank - 1] === '1') byRank.set(rank, [...(byRank.get(rank) ?? []), choice]);
    }
  }
  return [...byRank.entries()].sort((a, b) => a[0] - b[0]).map(([rank, choices]) => ({ rank, choices }));
}

async function hartFiles(path: string): Promise<string[]> {
  if (!existsSync(path)) throw new DataError('no such Hart export', { file: path }, HINT);
  if (!statSync(path).isDirectory()) return [path];
  const files = (await readdir(path)).filter((name) => name.toLowerCase().endsWith('.xml')).sort();
  if (files.length === 0) throw new DataError('the folder holds no .xml files', { file: path }, HINT);
  return files.map((name) => join(path, name));
}
