/**
 * Dominion cast-vote records: a folder holding CvrExport.json (or CvrExport_1.json, CvrExport_2.json …) and
 * the manifests that name contests, candidates and precinct portions. Read as RCTab's Dominion reader does:
 * a session's current version is `Original` unless it says `IsCurrent: false`, then `Modified`; ambiguous
 * marks are left out; marks at one rank together are an overvote. `IsVote` is not consulted (Dominion sets it
 * only on the mark counted in the first round).
 * Memory: each export file is one JSON document, so one file at a time is parsed whole; Dominion splits a
 * large election over many numbered files, and ballots are yielded file by file.
 */
import { existsSync, statSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { CastVote, CvrSource, RankMark } from '../../model/ballots.js';
import { DataError } from '../../model/errors.js';
import { type Json, JsonReader } from './json-shape.js';
import type { CvrReadOptions } from './warn.js';

const HINT = 'a Dominion export is a folder with CvrExport*.json and its manifests, as the election system wrote them';

interface Manifests {
  contests: Map<string, string>;
  /** Candidate id → name, for the chosen contest. */
  candidates: Map<string, string>;
  precincts: Map<string, string>;
  portions: Map<string, string>;
}

export async function* readDominion(source: CvrSource, options: CvrReadOptions = {}): AsyncIterable<CastVote> {
  const { folder, exports } = await exportFiles(source.path);
  const contestId = source.contestId;
  if (contestId === undefined) throw new DataError('a Dominion source needs a contest id', { file: source.path }, 'set contestId');
  const m = await readManifests(folder, contestId);
  for (const file of exports) {
    const json = new JsonReader(file, HINT);
    const doc = json.object(json.parse(await readFile(file, 'utf8')), 'the export');
    const sessions = json.array(doc['Sessions'], '"Sessions"');
    for (const [index, item] of sessions.entries()) {
      const session = json.object(item, `session ${index + 1}`);
      const id = ['TabulatorId', 'BatchId', 'RecordId'].map((k) => json.id(session[k], `session ${index + 1} ${k}`)).join('-');
      const where = `record ${id}`;
      let data = json.object(session['Original'], `${where} "Original"`);
      if (!json.bool(data['IsCurrent'], `${where} Original.IsCurrent`)) {
        if (session['Modified'] === undefined) {
          options.onWarning?.({ message: `record ${id} has no current version (Original is not current, no Modified): left out`, at: { file, id } });
          continue;
        }
        data = json.object(session['Modified'], `${where} "Modified"`);
      }
      const precinct = lookup(json, m.precincts, data['PrecinctId'], `${where} PrecinctId`, 'PrecinctManifest.json');
      const portion = lookup(json, m.portions, data['PrecinctPortionId'], `${where} PrecinctPortionId`, 'PrecinctPortionManifest.json');
      const cards = data['Cards'] === undefined ? [data] : json.array(data['Cards'], `${where} "Cards"`);
      for (const cardItem of cards) {
        const card = json.object(cardItem, `${where} card`);
        for (const contestItem of json.optionalArray(card['Contests'], `${where} "Contests"`)) {
          const contest = json.object(contestItem, `${where} contest`);
          if (json.id(contest['Id'], `${where} contest Id`) !== contestId) continue;
          const marks = readMarks(json, contest['Marks'], where, m.candidates, source.candidateIds === true);
          const place = precinct ?? portion;
          yield { marks, weight: 1, ...(place === undefined ? {} : { precinct: place }), origin: { file, id } };
        }
      }
    }
  }
}

function readMarks(json: JsonReader, raw: Json | undefined, where: string, candidates: Map<string, string>, ids: boolean): RankMark[] {
  const byRank = new Map<number, string[]>();
  for (const item of json.optionalArray(raw, `${where} "Marks"`)) {
    const mark = json.object(item, `${where} mark`);
    if (json.bool(mark['IsAmbiguous'], `${where} mark IsAmbiguous`)) continue;
    const code = json.id(mark['CandidateId'], `${where} mark CandidateId`);
    const name = candidates.get(code);
    if (name === undefined) json.fail(`${where}: candidate id ${code} is not a candidate of this contest in CandidateManifest.json`);
    const rank = json.int(mark['Rank'], `${where} mark Rank`);
    if (rank < 1) json.fail(`${where}: rank ${rank} is not 1 or more`);
    const choices = byRank.get(rank) ?? [];
    choices.push(ids ? code : name);
    byRank.set(rank, choices);
  }
  return [...byRank.entries()].sort((a, b) => a[0] - b[0]).map(([rank, choices]) => ({ rank, choices }));
}

function lookup(json: JsonReader, map: Map<string, string>, raw: Json | undefined, what: string, manifest: string): string | undefined {
  if (raw === undefined || raw === null) return undefined;
  const id = json.id(raw, what);
  return map.get(id) ?? json.fail(`${what} ${id} is not in ${manifest}`);
}

/** The folder and its exports: CvrExport.json, or every CvrExport_N.json in number order; or the one file given. */
async function exportFiles(path: string): Promise<{ folder: string; exports: string[] }> {
  if (!existsSync(path)) throw new DataError('no such Dominion export', { file: path }, HINT);
  if (!statSync(path).isDirectory()) return { folder: dirname(path), exports: [path] };
  if (existsSync(join(path, 'CvrExport.json'))) return { folder: path, exports: [join(path, 'CvrExport.json')] };
  const numbered = (await readdir(path))
    .map((name) => ({ name, n: /^CvrExport_(\d+)\.json$/i.exec(name)?.[1] }))
    .filter((f): f is { name: string; n: string } => f.n !== undefined)
    .sort((a, b) => Number(a.n) - Number(b.n));
  if (numbered.length === 0) throw new DataError('the folder has no CvrExport.json nor CvrExport_1.json', { file: path }, HINT);
  return { folder: path, exports: numbered.map((f) => join(path, f.name)) };
}

async function readManifests(folder: string, contestId: string): Promise<Manifests> {
  const contests = await readList(folder, 'ContestManifest.json');
  if (!contests.has(contestId)) {
    const known = [...contests].map(([id, name]) => `${id} (${name})`).join(', ');
    throw new DataError(`contest id ${contestId} is not in ContestManifest.json`, { file: join(folder, 'ContestManifest.json') }, `the contests are: ${known}`);
  }
  const candidates = await readList(folder, 'CandidateManifest.json', contestId);
  const portions = await readList(folder, 'PrecinctPortionManifest.json');
  // Older Dominion exports have no precinct manifest, only precinct portions.
  const precincts = existsSync(join(folder, 'PrecinctManifest.json')) ? await readList(folder, 'PrecinctManifest.json') : new Map<string, string>();
  return { contests, candidates, portions, precincts };
}

/** A manifest's `List` as id → Description; with a contest id, only the entries of that contest. */
async function readList(folder: string, name: string, contestId?: string): Promise<Map<string, string>> {
  const file = join(folder, name);
  if (!existsSync(file)) {
    throw new DataError(`the Dominion export has no ${name}`, { file }, `${basename(folder)} must hold ${name} next to CvrExport.json`);
  }
  const json = new JsonReader(file, HINT);
  const doc = json.object(json.parse(await readFile(file, 'utf8')), name);
  const out = new Map<string, string>();
  for (const item of json.array(doc['List'], `${name} "List"`)) {
    const entry = json.object(item, `${name} entry`);
    if (contestId !== undefined && json.id(entry['ContestId'], `${name} ContestId`) !== contestId) continue;
    out.set(json.id(entry['Id'], `${name} Id`), json.string(entry['Description'], `${name} Description`));
  }
  return out;
}
