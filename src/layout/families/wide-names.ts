/**
 * `--names FILE` for wide files: either a `code,name` CSV, or the field list of an RDH / VEST README
 * (`G22USSDWAR Raphael Warnock`, and `USS - U.S. Senate` lines for office codes). Pure: text in, tables out.
 */

export interface NameTable {
  /** Column code (upper case) → candidate or choice name. */
  columns: ReadonlyMap<string, string>;
  /** Office code without `#` (`USS`, `CON`, `A`) → office name. */
  offices: ReadonlyMap<string, string>;
}

const CSV_LINE = /^\s*"?([A-Za-z][A-Za-z0-9_]{2,15})"?\s*[,;\t]\s*(.*?)\s*$/;
const README_FIELD = /^\s*([A-Z][A-Z0-9]{4,15})\s+(\S.*?)\s*$/;
const README_OFFICE = /^\s*([A-Z]{1,3})#*\s+-\s+(\S.*?)\s*$/;

export function parseNames(text: string): NameTable {
  const columns = new Map<string, string>();
  const offices = new Map<string, string>();
  for (const raw of text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/)) {
    const office = README_OFFICE.exec(raw);
    if (office?.[1] && office[2]) {
      offices.set(office[1], office[2]);
      continue;
    }
    const m = CSV_LINE.exec(raw) ?? README_FIELD.exec(raw);
    if (!m?.[1] || !m[2]) continue;
    const code = m[1].toUpperCase();
    if (code === 'CODE' || code === 'COLUMN') continue; // a CSV header line
    columns.set(code, unquote(m[2]));
  }
  return { columns, offices };
}

/** `"William 'Will' Boddie, Jr"` → the text inside, with doubled quotes undone. */
function unquote(s: string): string {
  return s.length >= 2 && s.startsWith('"') && s.endsWith('"') ? s.slice(1, -1).replaceAll('""', '"') : s;
}
