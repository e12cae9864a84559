/** The flow of a count for a set of inputs: read → parse → layout → tally → decide. */
import { DataError } from './model/errors.js';
import { decide, type Decision } from './count/decide.js';
import { normalizeHeader } from './layout/columns.js';
import { HeaderSearch } from './layout/header.js';
import { RowReader, StringRecord, type RecordView } from './layout/rows.js';
import { checkNames } from './layout/names.js';
import type { NameTable } from './layout/families/wide-names.js';
import { decoderFor, readHead, sniff, type Encoding } from './read/decode.js';
import type { Source } from './read/open.js';
import { changedWhileRead, hasherFor } from './read/hash.js';
import { parseRecords } from './read/records.js';
import { scanRecords } from './read/fast-records.js';
import type { Rule } from './count/rules/rule.js';
import { outlookFor, type Outlook } from './count/outlook.js';
import type { OutstandingEntry } from './read/outstanding.js';
import { hiddenCharacterWarnings } from './render/sanitize.js';
import { isUncontested } from './render/verdict.js';
import { Tally } from './count/tally.js';
import { filterRaces } from './count/race-match.js';
import { partyLabel } from './model/parties.js';
import type { InputSummary, PrimaryMode, RaceTally, Warning } from './model/types.js';

export interface ElectionOptions {
  rule: Rule;
  /** --registered and --seats: apply to every race. */
  registered?: number | null;
  seats?: number | null;
  /** --outstanding: votes still to count in every race; null for none. */
  outstanding?: number | null;
  /** --outstanding-file: per race, overriding `outstanding`. */
  outstandingByRace?: OutstandingEntry[];
  /** true/false from --party-primary/--all-party; null to decide from file names and stage columns. */
  partyPrimary: boolean | null;
  /** --race, given any number of times: keep the races matching any (count/race-match.ts); null or [] for all. */
  raceFilter: readonly string[] | null;
  /** Leave out races with a single candidate (the TX statewide file has hundreds); the --contested flag. */
  contestedOnly?: boolean;
  /** Keep only races that ended so (the --status flag); null or [] for all. */
  statusFilter?: readonly StatusFilter[] | null;
  skipBadRows: boolean;
  encoding: Encoding | null;
  /** --delimiter; null: detected from the header record of each input. */
  delimiter: string | null;
  /** --names: wide-layout column codes (and office codes) → names. */
  names?: NameTable | null;
  /** --merge-names: merge case, whitespace and (Dem)/(I) suffix variants of a name within a race. */
  mergeNames?: boolean;
  /** `auto`: the byte scanner for UTF-8 comma files, csv-parse otherwise. Tests force either to compare them. */
  parser?: 'auto' | 'csv-parse' | 'fast';
  /** --by: the column whose values are areas for a breakdown (matched like header names); null for none. */
  by?: string | null;
  /** Keep per-area sums even without --by (rules with regional-spread conditions use the first geography column). */
  needsRegions?: boolean;
  /** Called after every chunk read: the bytes of this input so far and its size when known. */
  onProgress?: (name: string, bytesRead: number, size: number | null) => void;
}

/** The outcomes --status can pick. */
export const STATUS_FILTERS = ['runoff', 'winner', 'tie'] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

export interface RaceResult {
  race: RaceTally;
  decision: Decision;
  /** With --outstanding: what the votes still to count can change. */
  outlook: Outlook | null;
}

export interface Election {
  rule: Rule;
  /** The --by column, when a breakdown by area was asked for. */
  by: string | null;
  /** --seats, applied to every race; null when not given. */
  seats: number | null;
  primary: PrimaryMode;
  inputs: InputSummary[];
  races: RaceResult[];
  warnings: Warning[];
}

export async function countElection(sources: Source[], options: ElectionOptions): Promise<Election> {
  const primary = primaryMode(sources, options.partyPrimary);
  const tally = new Tally(Boolean(options.by) || options.needsRegions === true);
  const warnings: Warning[] = [];
  const inputs: InputSummary[] = [];
  for (const source of sources) {
    inputs.push(await readSource(source, tally, options, primary, warnings));
  }
  warnings.push(...checkNames(tally.races.values(), options.mergeNames === true));
  warnings.push(...hiddenCharacterWarnings(tally.races.values()));
  const races = filterRaces([...tally.races.values()], options.raceFilter ?? [], (race) => ({ id: race.key, title: raceTitle(race) }))
    .map((race) => {
      // decide() falls back on the race's own seats (MEDSL magnitude, Clarity "Vote For N") when --seats is not given.
      const decision = decide(race, options.rule, { registered: options.registered ?? null, seats: options.seats ?? null });
      const n = outstandingFor(race, options);
      return { race, decision, outlook: n === null ? null : outlookFor(decision, options.rule, n) };
    })
    .filter(({ decision }) => !(options.contestedOnly === true && isUncontested(decision)))
    .filter(({ decision }) => !options.statusFilter?.length || options.statusFilter.some((s) => s === decision.outcome.status));
  const known = new Set(races.map(({ race }) => race.key));
  const titles = new Set(races.map(({ race }) => raceTitle(race).toLowerCase()));
  for (const entry of options.outstandingByRace ?? []) {
    if (!known.has(entry.race) && !titles.has(entry.race)) {
      warnings.push({ code: 'outstanding-unmatched', line: entry.line, message: `--outstanding-file names a race that is not in the results: ${JSON.stringify(entry.race)}` });
    }
  }
  return { rule: options.rule, by: options.by ?? null, seats: options.seats ?? null, primary, inputs, races, warnings };
}

/** "U.S. House District 6", with the party for a primary: the name --race matches against. */
export function raceTitle(race: RaceTally): string {
  const district = race.district === '' ? '' : /^\d+$/.test(race.district) ? ` District ${race.district}` : ` (${race.district})`;
  return `${race.office || 'Results'}${district}${race.party ? ` · ${partyLabel(race.party)} primary` : ''}`;
}

function outstandingFor(race: RaceTally, options: ElectionOptions): number | null {
  const title = raceTitle(race).toLowerCase();
  const entry = options.outstandingByRace?.find((e) => e.race === race.key || e.race === title);
  return entry ? entry.votes : options.outstanding ?? null;
}

function byColumn(header: string[], by: string, file: string, line: number): number {
  const wanted = normalizeHeader(by);
  const i = header.findIndex((h) => normalizeHeader(h) === wanted);
  if (i === -1) {
    throw new DataError(`no column "${by}" for --by`, { file, line }, `the columns are ${header.map((h) => JSON.stringify(h.trim())).join(', ')}`);
  }
  return i;
}

function primaryMode(sources: Source[], flag: boolean | null): PrimaryMode {
  if (flag !== null) return { partyPrimary: flag, source: 'flag' };
  if (sources.some((s) => /primary/i.test(s.name.split(/[\\/]/).pop() ?? ''))) return { partyPrimary: true, source: 'file-name' };
  return { partyPrimary: false, source: 'default' };
}

async function readSource(source: Source, tally: Tally, options: ElectionOptions, primary: PrimaryMode, warnings: Warning[]): Promise<InputSummary> {
  const file = source.name;
  const hash = hasherFor(source);
  let bytesRead = 0;
  const iterator = source.chunks[Symbol.asyncIterator]();
  const { head } = await readHead(iterator);
  if (head.length === 0) throw new DataError('the input is empty: no header row', { file }, 'nothing was read: check the file, or the command that pipes into runoff');
  const sniffed = sniff(head, file, options.encoding);
  if (sniffed.warning) warnings.push(sniffed.warning);
  const delimiter = options.delimiter ?? sniffed.delimiter;

  async function* rest(): AsyncGenerator<Buffer> {
    hash.update(head);
    bytesRead += head.length;
    options.onProgress?.(file, bytesRead, source.size);
    yield head.subarray(sniffed.bomLength);
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      hash.update(next.value);
      bytesRead += next.value.length;
      options.onProgress?.(file, bytesRead, source.size);
      yield next.value;
    }
  }

  // Stage columns decide per row only when neither a flag nor the file name settled it.
  const ctx = { file, partyPrimary: primary.source === 'default' ? null : primary.partyPrimary, names: options.names ?? null };
  let reader: RowReader | null = null;
  let headerLine = 0;
  // A title or a date above the header is skipped with a warning (layout/header.ts).
  const search = new HeaderSearch(ctx);
  const onRecord = (rec: RecordView): void => {
    if (reader) return reader.record(rec);
    if (rec.count === 1 && rec.length(0) === 0) return; // blank lines before the header
    const found = search.offer(rec);
    if (!found) return;
    const { cells: header, layout } = found;
    headerLine = found.line;
    if (found.warning) warnings.push(found.warning);
    const regionColumn = options.by ? byColumn(header, options.by, file, rec.line) : options.needsRegions ? layout.geoColumns[0] ?? -1 : -1;
    reader = new RowReader(layout, tally, { file, skipBadRows: options.skipBadRows, regionColumn });
  };
  const parser = options.parser ?? 'auto';
  if (parser === 'fast' || (parser === 'auto' && sniffed.encoding === 'utf-8' && delimiter === ',')) {
    warnings.push(...(await scanRecords(rest(), file, onRecord)));
  } else {
    const decoder = await decoderFor(sniffed.encoding);
    const view = new StringRecord();
    warnings.push(...(await parseRecords(rest(), decoder, { file, delimiter, encoding: sniffed.encoding }, (cells, line) => onRecord(view.set(cells, line)))));
  }
  const done = reader as RowReader | null;
  if (!done) throw search.fail();
  // Blank lines and empty or footnote rows after the header are not data either.
  if (done.rows === (done.excluded.get('blank-line') ?? 0) + (done.excluded.get('footer') ?? 0)) throw new DataError('no data rows after the header', { file, line: headerLine }, 'the file has a header but no results: was the export cut short, or filtered to nothing?');
  done.finish();
  warnings.push(...done.warnings());
  if (await changedWhileRead(source, bytesRead)) {
    warnings.push({ code: 'file-changed', file, message: 'the file changed while it was being read; run again for a consistent count' });
  }
  return {
    name: file,
    sha256: await hash.digest(),
    encoding: sniffed.encoding,
    delimiter,
    layout: done.layout.name,
    rows: done.rows,
    rowsUsed: done.rowsUsed,
    rowsExcluded: Object.fromEntries([...done.excluded].sort(([a], [b]) => (a < b ? -1 : 1))),
  };
}
