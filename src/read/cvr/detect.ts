/**
 * Which cast-vote-record format a path holds, told from its content, never its name: a zip with
 * xl/workbook.xml is an ES&S workbook; a JSON object with `Sessions` is a Dominion export, with `CVR` a NIST CDF
 * report; an XML root <CastVoteRecordReport> is CDF, <Cvr> Hart; a first line of two numbers is BLT; a CSV
 * header of Clear Ballot Choice_ columns, of rank columns ("1st Choice", "Rank 1" …) or of candidates (RCTab's
 * generic CSV, ranks in the cells). A folder is Dominion (CvrExport*.json) or Hart (XML sheets).
 */
import { open, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { CsvScanError, FastCsvScanner, fieldText } from '../fast-scan.js';
import { utf8BomLength } from '../decode.js';
import type { CvrFormat } from '../../model/ballots.js';
import { DataError, InputError } from '../../model/errors.js';
import { choiceHeader } from './clear-ballot.js';
import { jsonMembers } from './json-stream.js';
import { rankOfHeader } from './rank-columns.js';

const HEAD = 64 * 1024;
const KNOWN = 'ES&S .xlsx, Dominion CvrExport folder, NIST CDF JSON/XML, Hart XML folder, Clear Ballot CSV, rank-column or generic CSV, BLT';

export async function detectCvrFormat(path: string): Promise<CvrFormat> {
  const info = await stat(path).catch((err: NodeJS.ErrnoException) => {
    throw new InputError(err.code === 'ENOENT' ? 'no such file or folder' : `cannot read it (${err.code ?? 'unreadable'})`, { file: path }, 'check the path');
  });
  if (info.isDirectory()) return detectFolder(path);
  const head = await readHead(path);
  if (head.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) return detectZip(path);
  const text = head.toString('utf8').replace(/^\uFEFF/, '');
  const first = /\S/.exec(text)?.[0];
  if (first === '{') return detectJson(path, text);
  if (first === '<') return detectXml(path, text);
  return detectText(path, text, head);
}

async function readHead(path: string): Promise<Buffer> {
  const handle = await open(path);
  try {
    const buf = Buffer.alloc(HEAD);
    const { bytesRead } = await handle.read(buf, 0, HEAD, 0);
    return buf.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

function unknown(path: string, what: string): never {
  throw new DataError(`cannot tell which cast-vote-record format this is: ${what}`, { file: path }, `the formats read are: ${KNOWN}`);
}

async function detectFolder(path: string): Promise<CvrFormat> {
  const names = await readdir(path);
  if (names.some((n) => /^CvrExport(_\d+)?\.json$/i.test(n))) return 'dominion';
  const xml = names.filter((n) => n.toLowerCase().endsWith('.xml')).sort();
  if (xml[0] !== undefined && detectXml(join(path, xml[0]), (await readHead(join(path, xml[0]))).toString('utf8')) === 'hart') return 'hart';
  return unknown(path, 'a folder with neither CvrExport*.json nor Hart <Cvr> XML files');
}

async function detectZip(path: string): Promise<CvrFormat> {
  const { default: yauzl } = await import('yauzl');
  const zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false }).catch(() => unknown(path, 'a damaged zip file'));
  try {
    for await (const entry of zip.eachEntry()) if (entry.fileName === 'xl/workbook.xml') return 'ess';
  } finally {
    zip.close();
  }
  return unknown(path, 'a zip file that is not an xlsx workbook');
}

/** Top-level keys: from the head when it shows them, otherwise by scanning the whole object. */
async function detectJson(path: string, head: string): Promise<CvrFormat> {
  const keys = new Set<string>();
  for (const m of head.matchAll(/"(Sessions|CVR|Election|ElectionId)"\s*:/g)) keys.add(m[1] ?? '');
  if (!keys.has('Sessions') && !keys.has('CVR')) {
    for await (const piece of jsonMembers(path, (key) => (keys.add(key), 'skip'))) void piece;
  }
  if (keys.has('Sessions')) return 'dominion';
  if (keys.has('CVR')) return 'cdf';
  return unknown(path, 'a JSON object with neither "Sessions" (Dominion) nor "CVR" (NIST CDF)');
}

function detectXml(path: string, head: string): CvrFormat {
  const body = head.replace(/^\uFEFF/, '').replace(/<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<![A-Z][^>]*>/g, '');
  const root = /<([A-Za-z_][\w.:-]*)/.exec(body)?.[1]?.replace(/^.*:/, '');
  if (root === 'CastVoteRecordReport') return 'cdf';
  if (root === 'Cvr') return 'hart';
  return unknown(path, `an XML document whose root is <${root ?? '?'}>`);
}

function detectText(path: string, head: string, bytes: Buffer): CvrFormat {
  const firstLine = head.split(/\r?\n/).find((l) => l.trim() !== '') ?? '';
  // BLT opens with "<candidates> <seats>".
  if (/^\s*\d+\s+\d+\s*$/.test(firstLine)) return 'blt';
  const rows = firstRows(bytes, 20, bytes.length < HEAD);
  // A quote never closed in the first lines: not ballots; the results reader says where, with its line.
  if (rows === null) return unknown(path, 'a text file whose first lines are not well-formed CSV');
  const header = rows[0] ?? [];
  if (header[0] === 'RowNumber' && header.some((h) => choiceHeader(h) !== undefined)) return 'clearBallot';
  if (header.some((h) => rankOfHeader(h) !== null)) return 'rank-columns';
  // RCTab's generic CSV: two or more candidate columns whose cells are ranks (small whole numbers) or blank.
  const data = rows.slice(1);
  const isRanks = (column: number): boolean =>
    data.every((r) => /^\s*\d{0,3}\s*$/.test(r[column] ?? '')) && data.some((r) => (r[column] ?? '').trim() !== '');
  if (data.length > 0 && header.filter((_, column) => isRanks(column)).length >= 2) return 'genericCsv';
  return unknown(path, 'a text file that is neither BLT nor a CSV with rank, candidate or Clear Ballot columns');
}

/** Thrown by firstRows' sink once it has its rows: the rest of the head is not scanned. */
const ENOUGH = new Error('enough rows');

/**
 * The first `n` non-empty records of a file's head, by the byte scanner the results are read with (its code is
 * compiled for the count that follows anyway): whole records only, unless the head is the `whole` file, since it
 * may end inside one; null when a quote is never closed or a closing quote is followed by more text before them.
 */
function firstRows(head: Buffer, n: number, whole: boolean): string[][] | null {
  const rows: string[][] = [];
  const scanner = new FastCsvScanner((r) => {
    if (r.count === 1 && r.end[0] === r.start[0]) return;
    rows.push(Array.from({ length: r.count }, (_, i) => fieldText(r, i)));
    if (rows.length === n) throw ENOUGH;
  });
  try {
    scanner.push(head.subarray(utf8BomLength(head)));
    if (whole) scanner.end();
  } catch (error) {
    if (error === ENOUGH) return rows;
    if (error instanceof CsvScanError) return null;
    throw error;
  }
  return rows;
}
