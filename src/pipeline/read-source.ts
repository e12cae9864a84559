/** One input: bytes → header → layout → rows into the tally, on one thread, two (the scan worker) or both cores in ranges (split.ts). */
import { DataError } from '../model/errors.js';
import { normalizeHeader } from '../layout/columns.js';
import { HeaderSearch } from '../layout/header.js';
import { RowReader } from '../layout/rows/row-reader.js';
import { StringRecord, type RecordView } from '../read/record-view.js';
import type { CrossFileKeys } from '../layout/cross-file.js';
import { decoderFor, readHead, sniff } from '../read/decode.js';
import type { Source } from '../read/open.js';
import { changedWhileRead, hasherFor, type InputHasher } from '../read/hash.js';
import { scanInWorker, useWorker } from './parallel.js';
import { parseRecords } from '../read/parse-csv.js';
import { scanRecords, type ScanProbe } from '../read/parse-fast.js';
import { planSplit, splitChunks } from './split.js';
import { headerIn } from './head.js';
import { guessesBest, keepsDigests } from './one-thread.js';
import type { RangeJob } from './count-range.js';
import { minimumCut, RangeControl } from './ranges.js';
import type { Layout } from '../layout/layout.js';
import type { Tally } from '../count/tally.js';
import type { InputSummary, PrimaryMode, Warning } from '../model/types.js';
import { appendAll } from '../model/extent.js';
import type { ElectionOptions } from './election-options.js';

/**
 * The geography columns coarser than the --by column (those before it in the header: county before precinct),
 * so that `--by precinct` keys `16` in Cobb and `16` in Fulton apart.
 */
function parentColumns(layout: Layout, by: number): number[] {
  const geo = new Set([layout.countyColumn, ...layout.geoColumns, ...layout.precinctColumns].filter((c) => c >= 0));
  if (!geo.has(by)) return [];
  return [...geo].filter((c) => c < by).sort((a, b) => a - b);
}

/** The --by column (or the first geography column, for regional rules) and the coarser columns that qualify it. */
function regionsOf(header: string[], layout: Layout, options: ElectionOptions, file: string, line: number): { regionColumn: number; regionParents: number[] } {
  const regionColumn = options.by ? byColumn(header, options.by, file, line) : options.needsRegions ? layout.geoColumns[0] ?? -1 : -1;
  return { regionColumn, regionParents: options.by ? parentColumns(layout, regionColumn) : [] };
}

function byColumn(header: string[], by: string, file: string, line: number): number {
  const wanted = normalizeHeader(by);
  const i = header.findIndex((h) => normalizeHeader(h) === wanted);
  if (i === -1) {
    throw new DataError(`no column "${by}" for --by`, { file, line }, `the columns are ${header.map((h) => JSON.stringify(h.trim())).join(', ')}`);
  }
  return i;
}

export async function readSource(source: Source, tally: Tally, options: ElectionOptions, primary: PrimaryMode, warnings: Warning[], crossFile: CrossFileKeys | null): Promise<InputSummary> {
  const file = source.name;
  let bytesRead = 0;
  const iterator = source.chunks[Symbol.asyncIterator]();
  const { head } = await readHead(iterator);
  if (head.length === 0) throw new DataError('the input is empty: no header row', { file }, 'nothing was read: check the file, or the command that pipes into runoff');
  const sniffed = sniff(head, file, options.encoding);
  if (sniffed.warning) warnings.push(sniffed.warning);
  const delimiter = options.delimiter ?? sniffed.delimiter;
  const parser = options.parser ?? 'auto';
  const fastDialect = parser === 'fast' || parser === 'threaded' || parser === 'split' || (parser === 'auto' && sniffed.encoding === 'utf-8' && delimiter === ',');
  // Stage columns decide per row only when neither a flag nor the file name settled it.
  const ctx = { file, partyPrimary: primary.source === 'default' ? null : primary.partyPrimary, names: options.names ?? null, family: options.layout ?? null };
  // A large file on disk is counted on both cores, in ranges, where its layout allows (split.ts); else it is
  // scanned by a worker on the other core, which hashes it too (parallel.ts), unless its rows are all kept as
  // digests or its rows are mostly guessed (one-thread.ts). The header, found in the first bytes, decides. `split`
  // forces the first for tests.
  const large = fastDialect && (parser === 'split' || (parser === 'auto' && useWorker(source, parser, fastDialect)));
  const header = large ? await headerIn(head.subarray(sniffed.bomLength), ctx) : null;
  const plan = crossFile === null && source.path !== null && source.size !== null ? await planSplit(source.path, source.size, header, sniffed.bomLength, parser === 'split') : null;
  const threaded = plan === null && parser !== 'fast' && parser !== 'csv-parse' && parser !== 'split' && useWorker(source, parser, fastDialect) && !(parser === 'auto' && (keepsDigests(header) || guessesBest(header)));
  // Several inputs are hashed whatever the output: an input given twice is told by its hash (cross-file.ts).
  const hashed = options.hash !== false || crossFile !== null;
  // A file that keeps a digest of every row is hashed inline too: a hashing thread's memory comes on top of the table's.
  const hash = threaded ? null : await hasherFor(source, keepsDigests(header), hashed);

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
    const found = search.offer(rec);
    if (!found) return;
    const { cells: header, layout } = found;
    headerLine = found.line;
    if (found.warning) warnings.push(found.warning);
    reader = new RowReader(layout, tally, { file, skipBadRows: options.skipBadRows, ...regionsOf(header, layout, options, file, rec.line), crossFile, header });
  };
  let sha256: string | null = null;
  if (plan && source.path !== null && source.size !== null && hash) {
    await iterator.return?.();
    hash.update(head.subarray(0, sniffed.bomLength));
    let probe: ScanProbe | null = null;
    let last: RecordView | null = null;
    const { cells, line, layout } = plan.header;
    const job: RangeJob = { path: source.path, file, from: plan.boundary, to: source.size, control: new RangeControl().shared, minimumCut: minimumCut(source.size), header: cells, headerLine: line, partyPrimary: ctx.partyPrimary, names: ctx.names, family: ctx.family, skipBadRows: options.skipBadRows, ...regionsOf(cells, layout, options, file, line), tracksRegions: tally.tracksRegions };
    const split = splitChunks(source.path, source.size, sniffed.bomLength, plan, job, {
      file,
      probe: () => probe,
      last: () => last,
      reader: () => reader,
      onChunk: (chunk) => hash.update(chunk),
      onProgress: (bytes) => options.onProgress?.(file, bytes, source.size),
      hashRest: hash.inline,
      onSplit: options.onSplit,
    });
    const onEach = (rec: RecordView): void => {
      last = rec;
      onRecord(rec);
    };
    appendAll(warnings, await scanRecords(split.chunks, file, onEach, (p) => (probe = p)));
    bytesRead = split.bytes();
  } else if (threaded) {
    await iterator.return?.();
    const scan = await scanInWorker(source, sniffed.bomLength, hashed, onRecord, (n) => options.onProgress?.(file, n, source.size));
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
