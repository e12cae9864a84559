/**
 * Files that are not CSV, named for what they are. A PNG would otherwise be read as "UTF-16 without a
 * byte-order mark" (its NUL bytes) and a JSON file as "unrecognised header: found {…": true, and useless.
 * Recognised by magic bytes (PNG, JPEG, GIF, PDF, ZIP and xlsx inside it, gzip) and by the first characters
 * (HTML, a JSON document). Called on the head of every input, before the encoding is guessed.
 */
import { DataError } from '../model/errors.js';

export type NotCsvKind = 'png' | 'jpeg' | 'gif' | 'pdf' | 'xlsx' | 'zip' | 'gzip' | 'html' | 'json';

const startsWith = (head: Buffer, magic: string): boolean => head.subarray(0, magic.length).equals(Buffer.from(magic, 'latin1'));

export function recognise(head: Buffer): NotCsvKind | null {
  if (startsWith(head, '\x89PNG\r\n\x1a\n')) return 'png';
  if (startsWith(head, '\xff\xd8\xff')) return 'jpeg';
  if (startsWith(head, 'GIF87a') || startsWith(head, 'GIF89a')) return 'gif';
  if (startsWith(head, '%PDF-')) return 'pdf';
  // An xlsx is a zip whose members are [Content_Types].xml and xl/…: their names are in the first local headers.
  if (startsWith(head, 'PK\x03\x04')) return /\[Content_Types\]\.xml|xl\//.test(head.subarray(0, 4096).toString('latin1')) ? 'xlsx' : 'zip';
  if (startsWith(head, '\x1f\x8b')) return 'gzip';
  const text = head.subarray(0, 512).toString('utf8').replace(/^\uFEFF/, '').trimStart();
  if (/^<(!doctype\s+html|html|head|body|\?xml|!--)/i.test(text)) return 'html';
  // No header row starts with "{", nor with "[" followed by a JSON value.
  if (/^\{\s*("|\}|$)/.test(text) || /^\[\s*(\{|\[|"|-?\d|true|false|null|\]|$)/.test(text)) return 'json';
  return null;
}

const WHAT: Record<NotCsvKind, { looks: string; hint: string }> = {
  png: { looks: 'a PNG image', hint: 'a picture of the results cannot be counted: download the results as CSV' },
  jpeg: { looks: 'a JPEG image', hint: 'a picture of the results cannot be counted: download the results as CSV' },
  gif: { looks: 'a GIF image', hint: 'a picture of the results cannot be counted: download the results as CSV' },
  pdf: { looks: 'a PDF document', hint: 'a PDF cannot be counted: look for the CSV export beside it on the election office\'s page, or convert its tables to CSV' },
  xlsx: { looks: 'an Excel workbook (xlsx)', hint: 'export the sheet to CSV (File › Save As › CSV); an ES&S cast-vote-record xlsx goes to the instant-runoff reader when its first row names the rank columns ("Choice 1" …), or through --rctab and a contest config' },
  zip: { looks: 'a zip archive with no CSV file inside', hint: 'unzip it and give the CSV files' },
  gzip: { looks: 'a gzip file', hint: 'gunzip it first' },
  html: { looks: 'a web page (HTML)', hint: 'the page was saved instead of the file: download the CSV link itself' },
  json: { looks: 'a JSON document', hint: 'runoff reads CSV; convert the JSON to CSV first, e.g. with jq -r \'… | @csv\'' },
};

export function notCsv(kind: NotCsvKind, file: string): DataError {
  const { looks, hint } = WHAT[kind];
  return new DataError(`not a CSV file (looks like ${looks})`, { file }, hint);
}
