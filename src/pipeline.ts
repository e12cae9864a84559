/** The flow of design.md §1 for a set of inputs: read → parse → layout → tally → decide. */
import { DataError } from './errors.js';
import { decide, type Decision } from './decide.js';
import { detectLayout } from './layout/detect.js';
import { RowReader, StringRecord, type RecordView } from './layout/rows.js';
import { decoderFor, sniff, type Encoding } from './read/decode.js';
import type { Source } from './read/open.js';
import { changedWhileRead, hasherFor } from './read/hash.js';
import { parseRecords } from './read/records.js';
import { scanRecords } from './read/fast-records.js';
import type { Rule } from './rules/rule.js';
import { Tally } from './tally.js';
import type { InputSummary, PrimaryMode, RaceTally, Warning } from './types.js';

export interface ElectionOptions {
  rule: Rule;
  /** true/false from --party-primary/--all-party; null to decide from file names and stage columns. */
  partyPrimary: boolean | null;
  raceFilter: string | null;
  skipBadRows: boolean;
  encoding: Encoding | null;
  delimiter: string;
  /** `auto`: the byte scanner for UTF-8 comma files, csv-parse otherwise. Tests force either to compare them. */
  parser?: 'auto' | 'csv-parse' | 'fast';
}

export interface RaceResult {
  race: RaceTally;
  decision: Decision;
}

export interface Election {
  rule: Rule;
  primary: PrimaryMode;
  inputs: InputSummary[];
  races: RaceResult[];
  warnings: Warning[];
}

export async function countElection(sources: Source[], options: ElectionOptions): Promise<Election> {
  const primary = primaryMode(sources, options.partyPrimary);
  const tally = new Tally();
  const warnings: Warning[] = [];
  const inputs: InputSummary[] = [];
  for (const source of sources) {
    inputs.push(await readSource(source, tally, options, primary, warnings));
  }
  const filter = options.raceFilter?.toLowerCase() ?? null;
  const races = [...tally.races.values()]
    .filter((race) => filter === null || raceTitle(race).toLowerCase().includes(filter))
    .map((race) => ({ race, decision: decide(race, options.rule) }));
  return { rule: options.rule, primary, inputs, races, warnings };
}

/** "U.S. House District 6", with the party for a primary: the name --race matches against. */
export function raceTitle(race: RaceTally): string {
  const district = race.district === '' ? '' : /^\d+$/.test(race.district) ? ` District ${race.district}` : ` (${race.district})`;
  return `${race.office}${district}${race.party ? ` · ${race.party} primary` : ''}`;
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
  const first = await iterator.next();
  if (first.done || first.value.length === 0) throw new DataError('the input is empty: no header row', { file });
  const sniffed = sniff(first.value, file, options.encoding);
  if (sniffed.warning) warnings.push(sniffed.warning);

  async function* rest(): AsyncGenerator<Buffer> {
    const head = first.value as Buffer;
    hash.update(head);
    bytesRead += head.length;
    yield head.subarray(sniffed.bomLength);
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      hash.update(next.value);
      bytesRead += next.value.length;
      yield next.value;
    }
  }

  // Stage columns decide per row only when neither a flag nor the file name settled it.
  const ctx = { file, partyPrimary: primary.source === 'default' ? null : primary.partyPrimary };
  let reader: RowReader | null = null;
  let headerLine = 0;
  const onRecord = (rec: RecordView): void => {
    if (reader) return reader.record(rec);
    if (rec.count === 1 && rec.length(0) === 0) return; // blank lines before the header
    headerLine = rec.line;
    const header = Array.from({ length: rec.count }, (_, i) => rec.text(i));
    reader = new RowReader(detectLayout(header, ctx, rec.line), tally, { file, skipBadRows: options.skipBadRows });
  };
  const parser = options.parser ?? 'auto';
  if (parser === 'fast' || (parser === 'auto' && sniffed.encoding === 'utf-8' && options.delimiter === ',')) {
    await scanRecords(rest(), file, onRecord);
  } else {
    const decoder = await decoderFor(sniffed.encoding);
    const view = new StringRecord();
    await parseRecords(rest(), decoder, { file, delimiter: options.delimiter }, (cells, line) => onRecord(view.set(cells, line)));
  }
  const done = reader as RowReader | null;
  if (!done) throw new DataError('the input has no header row', { file });
  if (done.rows === 0) throw new DataError('no data rows after the header', { file, line: headerLine });
  warnings.push(...done.warnings());
  if (await changedWhileRead(source, bytesRead)) {
    warnings.push({ code: 'file-changed', file, message: 'the file changed while it was being read; run again for a consistent count' });
  }
  return {
    name: file,
    sha256: await hash.digest(),
    encoding: sniffed.encoding,
    layout: done.layout.name,
    rows: done.rows,
    rowsUsed: done.rowsUsed,
    rowsExcluded: Object.fromEntries([...done.excluded].sort(([a], [b]) => (a < b ? -1 : 1))),
  };
}
