/**
 * Streams the rows of an xlsx workbook's first sheet. yauzl opens the zip by its central directory, so the
 * shared-strings part can be read before the sheet whatever their order in the archive; the tokenizer of sax.ts parses
 * the sheet XML chunk by chunk. Only the shared strings are held in memory (one copy of each distinct text).
 */
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { DataError } from '../../model/errors.js';
import { saxEvents, TextBuffer } from './sax.js';

/** One sheet row: its 1-based spreadsheet row number and its non-empty cells by 0-based column. */
export interface SheetRow {
  row: number;
  cells: Map<number, string>;
}

const NOT_XLSX = 'save it as an Excel Workbook (.xlsx); Strict Open XML and OpenDocument are not read';

export async function* readSheetRows(path: string): AsyncIterable<SheetRow> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false });
  } catch (err) {
    throw new DataError(`not an xlsx workbook (${err instanceof Error ? err.message : String(err)})`, { file: path }, NOT_XLSX);
  }
  try {
    const entries = new Map<string, yauzl.Entry>();
    for await (const entry of zip.eachEntry()) entries.set(entry.fileName, entry);
    const open = async (name: string): Promise<Readable | undefined> => {
      const entry = entries.get(name);
      return entry ? zip.openReadStreamPromise(entry) : undefined;
    };
    const parts = await sheetParts(path, open);
    const shared = parts.sharedStrings ? await readSharedStrings(path, await open(parts.sharedStrings)) : [];
    const sheet = await open(parts.sheet);
    if (!sheet) throw new DataError(`the workbook names a sheet ${parts.sheet} that the file does not hold`, { file: path }, NOT_XLSX);
    yield* sheetRows(path, sheet, shared);
  } finally {
    zip.close();
  }
}

interface SheetParts {
  sheet: string;
  sharedStrings?: string;
}

/** The first sheet in workbook order (as Excel shows the tabs) and the shared strings, via the workbook's relationships. */
async function sheetParts(path: string, open: (name: string) => Promise<Readable | undefined>): Promise<SheetParts> {
  const workbook = await open('xl/workbook.xml');
  if (!workbook) throw new DataError('a zip file without xl/workbook.xml is not an xlsx workbook', { file: path }, NOT_XLSX);
  let firstSheetRel: string | undefined;
  for await (const batch of saxEvents(workbook, path)) {
    for (const e of batch) if (e.kind === 'open' && e.name === 'sheet' && firstSheetRel === undefined) firstSheetRel = e.attrs['r:id'] ?? '';
  }
  if (firstSheetRel === undefined) throw new DataError('the workbook has no sheet', { file: path }, NOT_XLSX);
  const targets = new Map<string, string>();
  let sharedStrings: string | undefined;
  const rels = await open('xl/_rels/workbook.xml.rels');
  if (rels) {
    for await (const batch of saxEvents(rels, path)) {
      for (const e of batch) {
        if (e.kind !== 'open' || e.name !== 'Relationship') continue;
        const target = partName(e.attrs['Target'] ?? '');
        targets.set(e.attrs['Id'] ?? '', target);
        if ((e.attrs['Type'] ?? '').endsWith('/sharedStrings')) sharedStrings = target;
      }
    }
  }
  const sheet = targets.get(firstSheetRel) ?? 'xl/worksheets/sheet1.xml';
  return sharedStrings === undefined ? { sheet } : { sheet, sharedStrings };
}

/** A relationship target is relative to xl/ unless it starts with a slash. */
function partName(target: string): string {
  return target.startsWith('/') ? target.slice(1) : `xl/${target}`;
}

/** Each <si>: its <t> texts joined (rich-text runs included), phonetic hints (<rPh>) left out. */
async function readSharedStrings(path: string, stream: Readable | undefined): Promise<string[]> {
  const strings: string[] = [];
  if (!stream) return strings;
  const text = new TextBuffer();
  let inT = false;
  let inPhonetic = false;
  for await (const batch of saxEvents(stream, path)) {
    for (const e of batch) {
      if (e.kind === 'open') {
        if (e.name === 't') inT = !inPhonetic;
        else if (e.name === 'rPh') inPhonetic = true;
      } else if (e.kind === 'text') {
        if (inT) text.add(e.text);
      } else if (e.name === 't') inT = false;
      else if (e.name === 'rPh') inPhonetic = false;
      else if (e.name === 'si') strings.push(text.take());
    }
  }
  return strings;
}

/** `AB12` → column 27 (0-based) and row 12; undefined for a malformed reference. */
export function cellAddress(ref: string): { col: number; row: number } | undefined {
  const m = /^([A-Z]{1,3})(\d+)$/.exec(ref);
  if (!m) return undefined;
  let col = 0;
  for (const ch of m[1] ?? '') col = col * 26 + (ch.charCodeAt(0) - 64);
  return { col: col - 1, row: Number(m[2]) };
}

/**
 * Rows as the sheet writes them. A cell without a value (styled but empty) is left out, as Excel's own event
 * readers do; rows and cells without an `r` reference follow the previous one.
 */
async function* sheetRows(path: string, sheet: Readable, shared: string[]): AsyncIterable<SheetRow> {
  let current: SheetRow | undefined;
  let rowNumber = 0;
  let col = -1;
  let type = 'n';
  let hasValue = false;
  let capture = false;
  const text = new TextBuffer();
  for await (const batch of saxEvents(sheet, path)) {
    const done: SheetRow[] = [];
    for (const e of batch) {
      if (e.kind === 'text') {
        if (capture) text.add(e.text);
        continue;
      }
      if (e.kind === 'open') {
        if (e.name === 'row') {
          rowNumber = e.attrs['r'] ? Number(e.attrs['r']) : rowNumber + 1;
          current = { row: rowNumber, cells: new Map() };
          col = -1;
        } else if (e.name === 'c') {
          const at = e.attrs['r'] ? cellAddress(e.attrs['r']) : { col: col + 1, row: rowNumber };
          if (!at) throw new DataError(`cell reference "${e.attrs['r']}" is not a column and row`, { file: path, line: rowNumber }, NOT_XLSX);
          col = at.col;
          type = e.attrs['t'] ?? 'n';
          hasValue = false;
          text.take();
        } else if (e.name === 'v' || e.name === 't') {
          capture = true;
          hasValue = true;
        }
        continue;
      }
      if (e.name === 'v' || e.name === 't') capture = false;
      else if (e.name === 'c' && hasValue && current) current.cells.set(col, cellText(path, rowNumber, type, text.take(), shared));
      else if (e.name === 'row' && current) {
        done.push(current);
        current = undefined;
      }
    }
    yield* done;
  }
}

function cellText(path: string, row: number, type: string, raw: string, shared: string[]): string {
  switch (type) {
    case 's': {
      const value = shared[Number(raw)];
      if (value === undefined) throw new DataError(`shared string ${raw} is missing from the workbook`, { file: path, line: row }, NOT_XLSX);
      return value;
    }
    case 'b':
      return raw === '1' ? 'TRUE' : 'FALSE';
    default:
      // 'n' numbers, 'str' formula results, 'inlineStr', 'e' errors, 'd' dates: the text as written
      return raw;
  }
}
