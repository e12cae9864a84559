/** The flow for a set of inputs: read → parse → layout → tally → decide. */
import { DataError } from '../model/errors.js';
import { decide, type DecideContext, type Decision } from '../count/decide.js';
import { normalizeHeader } from '../layout/columns.js';
import { HeaderSearch } from '../layout/header.js';
import { RowReader } from '../layout/rows/row-reader.js';
import { StringRecord, type RecordView } from '../read/record-view.js';
import { checkNames } from '../layout/names.js';
import { raceLabel } from '../layout/classify.js';
import { CrossFileKeys, checkSameInput } from '../layout/cross-file.js';
import { ballotMode, mixedPrimaryWarnings, settleMode } from '../layout/ballot-mode.js';
import type { NameTable } from '../layout/families/wide-names.js';
import { decoderFor, readHead, sniff, type Encoding } from '../read/decode.js';
import type { Source } from '../read/open.js';
import { changedWhileRead, hasherFor, type InputHasher } from '../read/hash.js';
import { scanInWorker, useWorker } from './parallel.js';
import { keepsDigests } from './keeps-digests.js';
import { parseRecords } from '../read/parse-csv.js';
import { scanRecords } from '../read/parse-fast.js';
import type { Rule } from '../count/rules/rule.js';
import type { Layout } from '../layout/layout.js';
import { outlookFor, type Outlook } from '../count/outlook.js';
import { hiddenCharacterWarnings } from '../render/sanitize.js';
import { Tally } from '../count/tally.js';
import type { InputSummary, PrimaryMode, RaceTally, Warning } from '../model/types.js';
import { raceTitle, type Election, type RaceResult } from '../count/election.js';

export { raceTitle, type Election, type RaceResult } from '../count/election.js';

/** One line of --outstanding-file: votes still to count in one race. */
export interface OutstandingEntry {
  /** Matched case-insensitively against a race's id (`u.s. house|6|`) or its title (`U.S. House District 6`). */
  race: string;
  votes: number;
  line: number;
  /** The side file, for messages. */
  file?: string;
}
import { isUncontested } from '../render/verdict.js';
import { filterRaces, type Matchable } from '../count/race-match.js';
import { appendAll } from '../model/extent.js';

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
  /** Races of the same run counted elsewhere (ranked contests): a --race query matching one of them is no error here. */
  otherRaces?: readonly Matchable[];
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
  /**
   * `auto`: the byte scanner for UTF-8 comma files (in a worker for large files), csv-parse otherwise. Tests
   * force one to compare them; `threaded` is the worker for any file on disk in the byte scanner's dialect.
   */
  parser?: 'auto' | 'csv-parse' | 'fast' | 'threaded';
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

export async function countElection(sources: Source[], options: ElectionOptions): Promise<Election> {
  const decided = ballotMode(sources.map((s) => s.name), options.partyPrimary, options.rule);
  let primary = decided.mode;
  const tally = new Tally(Boolean(options.by) || options.needsRegions === true);
  const warnings: Warning[] = decided.warning ? [decided.warning] : [];
  const inputs: InputSummary[] = [];
  const crossFile = sources.length > 1 ? new CrossFileKeys() : null;
  for (const source of sources) {
    const input = await readSource(source, tally, options, primary, warnings, crossFile);
    inputs.push(input);
    checkSameInput(inputs, input);
  }
  if (crossFile) appendAll(warnings, crossFile.warnings());
  appendAll(warnings, partyClashWarnings(tally, inputs));
  primary = settleMode(primary, tally.races.values());
  appendAll(warnings, checkNames(tally.races.values(), options.mergeNames === true));
  appendAll(warnings, mixedPrimaryWarnings(primary, tally.races.values()));
  appendAll(warnings, hiddenCharacterWarnings(tally.races.values()));
  // decide() falls back on the race's own seats (MEDSL magnitude, Clarity "Vote For N") when --seats is not given.
  const shared: Shared = { rule: options.rule, context: { registered: options.registered ?? null, seats: options.seats ?? null }, outstanding: options.outstanding ?? null };
  const byRace = options.outstandingByRace ?? [];
  const keep = decisionFilter(options);
  const races: RaceResult[] = [];
  for (const race of filterRaces([...tally.races.values()], options.raceFilter ?? [], (race) => ({ id: race.key, title: raceTitle(race) }), options.otherRaces)) {
    const result = new LazyResult(race, byRace.length === 0 ? shared : { ...shared, outstanding: outstandingFor(race, byRace, shared.outstanding) });
    if (keep === null || keep(result.decision)) races.push(result);
  }
  if (byRace.length > 0) appendAll(warnings, unmatchedOutstanding(byRace, races));
  return { rule: options.rule, by: options.by ?? null, seats: options.seats ?? null, primary, inputs, races, warnings };
}

/** --contested and --status: which decisions to keep; null keeps every race without deciding any. */
function decisionFilter(options: ElectionOptions): ((decision: Decision) => boolean) | null {
  const contested = options.contestedOnly === true;
  const statuses = options.statusFilter ?? [];
  if (!contested && statuses.length === 0) return null;
  return (d) => !(contested && isUncontested(d)) && (statuses.length === 0 || statuses.some((s) => s === d.outcome.status));
}

function unmatchedOutstanding(entries: readonly OutstandingEntry[], races: readonly RaceResult[]): Warning[] {
  const known = new Set<string>(races.map(({ race }) => race.key));
  const titles = new Set(races.map(({ race }) => raceTitle(race).toLowerCase()));
  return entries
    .filter((entry) => !known.has(entry.race) && !titles.has(entry.race))
    .map((entry) => ({ code: 'outstanding-unmatched', line: entry.line, message: `--outstanding-file names a race that is not in the results: ${JSON.stringify(entry.race)}` }));
}

/** What every race's decision needs, shared: one object per race would cost its 40 bytes 300,000 times. */
interface Shared {
  rule: Rule;
  context: DecideContext;
  outstanding: number | null;
}

/**
 * A race's decision and outlook, worked out each time they are asked for and never kept: with hundreds of
 * thousands of races, memory stays with the tallies (well under a kilobyte a race) instead of every decision
 * at once. Both are pure functions of the tally, so asking twice gives the same answer.
 */
class LazyResult implements RaceResult {
  constructor(
    readonly race: RaceTally,
    private readonly shared: Shared,
  ) {}

  get decision(): Decision {
    return decide(this.race, this.shared.rule, this.shared.context);
  }

  get outlook(): Outlook | null {
    const { outstanding, rule } = this.shared;
    return outstanding === null ? null : outlookFor(this.decision, rule, outstanding);
  }
}

/**
 * One name under two parties in one race is summed as one candidate: right for fusion tickets (New York), which
 * only the MEDSL constituency layout carries on purpose; anywhere else it may be two people, so it is said.
 */
function partyClashWarnings(tally: Tally, inputs: readonly InputSummary[]): Warning[] {
  const fusion = new Set(inputs.filter((i) => i.layout === 'medsl-constituency').map((i) => i.name));
  return [...tally.partyClashes.values()]
    .filter((c) => !fusion.has(c.file))
    .map((c) => ({
      code: 'same-name-parties',
      file: c.file,
      line: c.line,
      message: `${raceLabel(c.race)}: ${JSON.stringify(c.name)} appears under ${c.parties.map((p) => JSON.stringify(p)).join(' and ')}; the votes are summed as one candidate (right for a fusion ticket; if these are two people, the file must tell them apart)`,
    }));
}

function outstandingFor(race: RaceTally, entries: readonly OutstandingEntry[], otherwise: number | null): number | null {
  const title = raceTitle(race).toLowerCase();
  const [entry, again] = entries.filter((e) => e.race === race.key || e.race === title);
  if (entry && again) {
    const where = entry.file === undefined ? undefined : { file: entry.file, line: again.line };
    throw new DataError(`--outstanding-file names ${raceTitle(race)} twice: line ${entry.line} (${JSON.stringify(entry.race)}) and line ${again.line} (${JSON.stringify(again.race)})`, where, 'give each race one line, by its id or by its title');
  }
  return entry ? entry.votes : otherwise;
}

/**
 * The geography columns coarser than the --by column (those before it in the header: county before precinct),
 * so that `--by precinct` keys `16` in Cobb and `16` in Fulton apart.
 */
function parentColumns(layout: Layout, by: number): number[] {
  const geo = new Set([layout.countyColumn, ...layout.geoColumns, ...layout.precinctColumns].filter((c) => c >= 0));
  if (!geo.has(by)) return [];
  return [...geo].filter((c) => c < by).sort((a, b) => a - b);
}

function byColumn(header: string[], by: string, file: string, line: number): number {
  const wanted = normalizeHeader(by);
  const i = header.findIndex((h) => normalizeHeader(h) === wanted);
  if (i === -1) {
    throw new DataError(`no column "${by}" for --by`, { file, line }, `the columns are ${header.map((h) => JSON.stringify(h.trim())).join(', ')}`);
  }
  return i;
}

async function readSource(source: Source, tally: Tally, options: ElectionOptions, primary: PrimaryMode, warnings: Warning[], crossFile: CrossFileKeys | null): Promise<InputSummary> {
  const file = source.name;
  let bytesRead = 0;
  const iterator = source.chunks[Symbol.asyncIterator]();
  const { head } = await readHead(iterator);
  if (head.length === 0) throw new DataError('the input is empty: no header row', { file }, 'nothing was read: check the file, or the command that pipes into runoff');
  const sniffed = sniff(head, file, options.encoding);
  if (sniffed.warning) warnings.push(sniffed.warning);
  const delimiter = options.delimiter ?? sniffed.delimiter;
  const parser = options.parser ?? 'auto';
  const fastDialect = parser === 'fast' || parser === 'threaded' || (parser === 'auto' && sniffed.encoding === 'utf-8' && delimiter === ',');
  // Stage columns decide per row only when neither a flag nor the file name settled it.
  const ctx = { file, partyPrimary: primary.source === 'default' ? null : primary.partyPrimary, names: options.names ?? null };
  // A large file on disk is scanned by a worker on the other core, which hashes it too (pipeline/parallel.ts);
  // not one whose rows are all kept as digests (pipeline/keeps-digests.ts).
  const threaded = parser !== 'fast' && parser !== 'csv-parse' && useWorker(source, parser, fastDialect) && !(parser === 'auto' && (await keepsDigests(head.subarray(sniffed.bomLength), ctx)));
  const hash = threaded ? null : hasherFor(source);

  async function* rest(): AsyncGenerator<Buffer> {
    if (!hash) return;
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
    const regionParents = options.by ? parentColumns(layout, regionColumn) : [];
    reader = new RowReader(layout, tally, { file, skipBadRows: options.skipBadRows, regionColumn, regionParents, crossFile, header });
  };
  let sha256: string | null = null;
  if (threaded) {
    await iterator.return?.();
    const scan = await scanInWorker(source, sniffed.bomLength, onRecord, (n) => options.onProgress?.(file, n, source.size));
    appendAll(warnings, scan.warnings);
    bytesRead = scan.bytesRead;
    sha256 = scan.sha256;
  } else if (fastDialect) {
    appendAll(warnings, await scanRecords(rest(), file, onRecord));
  } else {
    const decoder = await decoderFor(sniffed.encoding);
    const view = new StringRecord();
    appendAll(warnings, await parseRecords(rest(), decoder, { file, delimiter, encoding: sniffed.encoding }, (cells, line) => onRecord(view.set(cells, line))));
  }
  const done = reader as RowReader | null;
  if (!done) throw search.fail();
  // Blank lines and empty or footnote rows after the header are not data either.
  if (done.rows === (done.excluded.get('blank-line') ?? 0) + (done.excluded.get('footer') ?? 0)) throw new DataError('no data rows after the header', { file, line: headerLine }, 'the file has a header but no results: was the export cut short, or filtered to nothing?');
  done.finish();
  appendAll(warnings, done.warnings());
  if (await changedWhileRead(source, bytesRead)) {
    warnings.push({ code: 'file-changed', file, message: 'the file changed while it was being read; run again for a consistent count' });
  }
  return {
    name: file,
    sha256: sha256 ?? (await (hash as InputHasher).digest()),
    encoding: sniffed.encoding,
    delimiter,
    layout: done.layout.name,
    rows: done.rows,
    rowsUsed: done.rowsUsed,
    rowsExcluded: Object.fromEntries([...done.excluded].sort(([a], [b]) => (a < b ? -1 : 1))),
  };
}
