/** Feed CSV text to a RowReader through either record view, as src/pipeline.ts does: csv-parse or the byte scanner. */
import { detectLayout } from '../../../../src/layout/detect.js';
import { RowReader } from '../../../../src/layout/rows/row-reader.js';
import { Tally } from '../../../../src/count/tally.js';
import { decoderFor } from '../../../../src/read/decode.js';
import { scanRecords } from '../../../../src/read/parse-fast.js';
import { StringRecord, type RecordView } from '../../../../src/read/record-view.js';
import { parseRecords } from '../../../../src/read/parse-csv.js';

export type ViewName = 'StringRecord' | 'SpanRecord';
export const VIEWS: ViewName[] = ['StringRecord', 'SpanRecord'];

export interface ReadResult {
  reader: RowReader;
  tally: Tally;
  votes: Record<string, Record<string, number>>;
  excluded: Record<string, number>;
  warnings: ReturnType<RowReader['warnings']>;
}

/** Every record of `csv` (given as text or as chunks), the first being the header, through the named view. */
export async function readWith(view: ViewName, csv: string | Buffer[], options: { skipBadRows?: boolean } = {}): Promise<ReadResult> {
  const chunks = typeof csv === 'string' ? [Buffer.from(csv.replace(/^\n/, ''))] : csv;
  const tally = new Tally();
  let reader: RowReader | null = null;
  const onRecord = (rec: RecordView): void => {
    if (reader) return reader.record(rec);
    const header = Array.from({ length: rec.count }, (_, i) => rec.text(i));
    const layout = detectLayout(header, { file: 'f.csv', partyPrimary: null }, rec.line);
    reader = new RowReader(layout, tally, { file: 'f.csv', skipBadRows: options.skipBadRows ?? false, regionColumn: -1 });
  };
  async function* source(): AsyncGenerator<Buffer> {
    yield* chunks;
  }
  if (view === 'SpanRecord') await scanRecords(source(), 'f.csv', onRecord);
  else {
    const strings = new StringRecord();
    await parseRecords(source(), await decoderFor('utf-8'), { file: 'f.csv', delimiter: ',' }, (cells, line) => onRecord(strings.set(cells, line)));
  }
  const done = reader as RowReader | null;
  if (!done) throw new Error('no header');
  done.finish();
  const votes = Object.fromEntries([...tally.races.values()].map((r) => [r.key, Object.fromEntries([...r.candidates.values()].map((c) => [c.name, c.votes]))]));
  return { reader: done, tally, votes, excluded: Object.fromEntries(done.excluded), warnings: done.warnings() };
}
