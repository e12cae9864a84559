/**
 * Writes small xlsx workbooks for the ES&S reader tests: a zip (deflated entries) holding the parts an
 * xlsx needs, with the sheet XML given as is, so a test can use shared strings, inline strings, numbers,
 * rows or cells without references, in any part order.
 */
import { writeFileSync } from 'node:fs';
import { makeZip } from '../../../support/zip.js';

/** A zip of these entries, in this order (the same writer the compressed-input tests use). */
export function writeZip(path: string, entries: [string, string][]): void {
  writeFileSync(path, makeZip(entries.map(([name, data]) => ({ name, data }))));
}

const NS = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** An xlsx whose first sheet holds `sheetData` (the inside of <sheetData>) and these shared strings. */
export function writeXlsx(path: string, sheetData: string, shared: string[], options: { sharedLast?: boolean } = {}): void {
  const sst = `<?xml version="1.0" encoding="UTF-8"?><sst ${NS} count="${shared.length}">${shared.map((s) => `<si>${s.startsWith('<') ? s : `<t xml:space="preserve">${s}</t>`}</si>`).join('')}</sst>`;
  const parts: [string, string][] = [
    ['[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'],
    ['xl/workbook.xml', `<?xml version="1.0"?><workbook ${NS}><sheets><sheet name="CVR" sheetId="1" r:id="rId7"/><sheet name="Other" sheetId="2" r:id="rId8"/></sheets></workbook>`],
    [
      'xl/_rels/workbook.xml.rels',
      '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
        '<Relationship Id="rId8" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>' +
        '<Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/>' +
        '<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>',
    ],
    // The first sheet in workbook order is sheet2.xml (rId7); sheet1.xml is a decoy.
    ['xl/worksheets/sheet1.xml', `<?xml version="1.0"?><worksheet ${NS}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>decoy</t></is></c></row></sheetData></worksheet>`],
    ['xl/worksheets/sheet2.xml', `<?xml version="1.0"?><worksheet ${NS}><sheetData>${sheetData}</sheetData></worksheet>`],
  ];
  const sstPart: [string, string] = ['xl/sharedStrings.xml', sst];
  writeZip(path, options.sharedLast ? [...parts, sstPart] : [sstPart, ...parts]);
}
