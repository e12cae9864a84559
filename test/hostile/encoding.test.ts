/** Hostile inputs, encoding and bytes (#1–#9 of the corpus): every input gives a clear result, never wrong names. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../support/run.js';
import { dataError, jsonOf, runBoth, warningsOf } from './support.js';
import { at, firstInput, firstRace, parseDoc } from '../support/doc.js';

const utf16le = (text: string): Buffer => Buffer.from(text, 'utf16le');
const latin = (text: string): Buffer => Buffer.from(text, 'latin1');

describe('encoding and bytes', () => {
  it('#1 UTF-8 BOM before the header: header names are read without it', async () => {
    const input = '\uFEFFcandidate,votes\nA,3\nB,1\n';
    const r = await runBoth(['--json'], input);
    expect(r.code).toBe(0);
    const doc = parseDoc(r.stdout);
    expect(firstInput(doc)).toMatchObject({ encoding: 'utf-8', layout: expect.stringMatching(/^minimal|openelections/) });
    expect(firstRace(doc).candidates.map((c) => [c.name, c.votes])).toEqual([['A', 3], ['B', 1]]);
    // A BOM split across stdin chunks is still a BOM.
    const split = await jsonOf([Buffer.from([0xef]), Buffer.from([0xbb, 0xbf]), Buffer.from('candidate,votes\nA,3\n')]);
    expect(at(firstRace(split.doc).candidates, 0, 'candidate').name).toBe('A');
  });

  it('#2 UTF-16LE with a BOM, tab-delimited (Excel "Unicode Text"): decoded, TAB found, both reported', async () => {
    const input = Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le('county\tcandidate\tvotes\r\nCobb\tCASTAÑEDA\t3\r\nCobb\tO’Rourke\t1\r\n')]);
    const { code, doc } = await jsonOf(input);
    expect(code).toBe(0);
    expect(firstInput(doc)).toMatchObject({ encoding: 'utf-16le', delimiter: '\t' });
    expect(firstRace(doc).candidates.map((c) => [c.name, c.votes])).toEqual([['CASTAÑEDA', 3], ['O’Rourke', 1]]);
  });

  it('#3 UTF-16LE without a BOM: error with the --encoding hint, and the hint works', async () => {
    const input = utf16le('candidate,votes\nA,3\nB,1\n');
    const e = dataError(await run(['-'], { stdin: [input] }));
    expect(e).toMatchObject({ file: '<stdin>', line: 1 });
    expect(e.message).toMatch(/looks like UTF-16/);
    expect(e.hint).toMatch(/--encoding utf-16le/);
    const { code, doc } = await jsonOf(input, ['--encoding', 'utf-16le']);
    expect(code).toBe(0);
    expect(firstRace(doc).totalVotes).toBe(4);
  });

  it('#4 CP1252 county file: read as Windows-1252 with a warning, giving CASTAÑEDA and O’Rourke', async () => {
    const input = latin('county,candidate,votes\nCobb,CASTA\xD1EDA,3\nCobb,O\x92Rourke \x96 Jr.,1\n');
    const r = await run(['--json', '-'], { stdin: [input] });
    expect(r.code).toBe(0);
    expect(warningsOf(r)).toEqual([expect.stringMatching(/not valid UTF-8.*Windows-1252/)]);
    const doc = parseDoc(r.stdout);
    expect(firstInput(doc).encoding).toBe('windows-1252');
    expect(firstRace(doc).candidates.map((c) => c.name)).toEqual(['CASTAÑEDA', 'O’Rourke – Jr.']);
    expect(r.stdout).not.toMatch(/[\u0080-\u009f\ufffd]/);
  });

  it('#5 UTF-8 and CP1252 mixed after the first 64 KiB: error at the first bad line', async () => {
    const rows = Array.from({ length: 6000 }, (_, i) => `Cobb,${i},CASTAÑEDA ${i % 5},${i}`).join('\n');
    const input = Buffer.concat([Buffer.from(`county,precinct,candidate,votes\n${rows}\n`), latin('Fulton,1,CASTA\xD1EDA,3\n')]);
    const r = await runBoth([], [input.subarray(0, 70_000), input.subarray(70_000)]);
    const e = dataError(r);
    expect(e).toMatchObject({ file: '<stdin>', line: 6002 });
    expect(e.message).toMatch(/invalid UTF-8/);
  });

  // A sample holding valid UTF-8 sequences AND invalid bytes is a mix: reading it all as CP1252 would turn the UTF-8
  // lines into mojibake ("CASTAÃ‘EDA") and split the tally, so it is an error at the first bad line.
  it('#5 UTF-8 and CP1252 mixed within the first 64 KiB: error at the first bad line', async () => {
    const input = Buffer.concat([Buffer.from('county,candidate,votes\nCobb,CASTAÑEDA,3\nCobb,B,1\n'), latin('Fulton,CASTA\xD1EDA,3\n')]);
    const e = dataError(await run(['--json', '-'], { stdin: [input] }));
    expect(e).toMatchObject({ file: '<stdin>', line: 4, message: 'invalid UTF-8 (a file mixing encodings?)' });
    expect(e.hint).toMatch(/line 2 has UTF-8 characters/);
    // CP1252 lines first, UTF-8 later: the same, at the first CP1252 line.
    const first = Buffer.concat([Buffer.from('county,candidate,votes\r\n'), latin('Fulton,CASTA\xD1EDA,3\r\n'), Buffer.from('Cobb,CASTAÑEDA,3\r\n')]);
    expect(dataError(await run(['-'], { stdin: [first] }))).toMatchObject({ line: 2 });
    // A whole CP1252 file is still read as Windows-1252 (#4), also when its last byte is a lone lead byte.
    const cp = await run(['--json', '-'], { stdin: [latin('votes,candidate\n3,CASTA\xD1EDA\n1,JOS\xC9')] });
    expect(cp.stderr).toMatch(/Windows-1252/);
    expect(firstRace(parseDoc(cp.stdout)).candidates.map((c) => c.name)).toEqual(['CASTAÑEDA', 'JOSÉ']);
  });

  it('#6 NUL bytes inside a field: removed with a counted warning naming the first line, never shown', async () => {
    const input = 'candidate,votes\nA\u0000B,3\nC,1\n"D\u0000\u0000",2\n';
    const r = await runBoth(['--json'], input);
    expect(r.code).toBe(0);
    expect(warningsOf(r)).toEqual(['<stdin>:2: 3 NUL bytes removed (binary data in a text file?), the first on line 2']);
    const doc = parseDoc(r.stdout);
    expect(firstRace(doc).candidates.map((c) => c.name)).toEqual(['AB', 'D', 'C']);
    expect(r.stdout).not.toContain('\\u0000');
    // Also on the csv-parse path proper (a UTF-16 file) and when CRLF line ends are split between chunks.
    const wide = await jsonOf(Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le('candidate\tvotes\r\nA\u0000\t3\r\n')]));
    expect(at(firstRace(wide.doc).candidates, 0, 'candidate').name).toBe('A');
    expect(wide.doc.warnings).toContainEqual(expect.objectContaining({ code: 'nul-bytes', line: 2 }));
    const crlf = Buffer.from('candidate,votes\r\nA,3\r\nB\u0000,1\r\n');
    const split = await runBoth(['--json'], [crlf.subarray(0, 17), crlf.subarray(17)]);
    expect(at(parseDoc(split.stdout).warnings, 0, 'warning')).toMatchObject({ code: 'nul-bytes', line: 3 });
  });

  it.each([
    ['xlsx', latin('PK\x03\x04\x14\x00\x06\x00[Content_Types].xml'), /not a CSV file \(looks like an Excel workbook \(xlsx\)\)/, /export the sheet to CSV.*instant-runoff reader/],
    ['HTML error page', Buffer.from('<!DOCTYPE html>\n<html><body>502 Bad Gateway</body></html>\n'), /not a CSV file \(looks like a web page \(HTML\)\)/, /the page was saved instead of the file/],
  ])('#7 %s saved as .csv: error "not a CSV"', async (_kind, bytes, message, hint) => {
    const dir = mkdtempSync(join(tmpdir(), 'runoff-bad-'));
    const path = join(dir, 'results.csv');
    writeFileSync(path, bytes);
    const e = dataError(await run([path]));
    expect(e.file).toBe(path);
    expect(e.message).toMatch(message);
    expect(e.hint).toMatch(hint);
  });

  it('#8 empty file (0 bytes) or empty stdin: error "no header"', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'runoff-bad-'));
    const path = join(dir, 'empty.csv');
    writeFileSync(path, '');
    expect(dataError(await run([path])).message).toMatch(/empty: no header row/);
    expect(dataError(await run(['-'], { stdin: [] })).message).toMatch(/empty: no header row/);
    expect(dataError(await run(['-'], { stdin: '\n\n\r\n' })).message).toMatch(/no header row/);
  });

  it('#9 header only, no data rows: error "no data rows", exit 1, at the header line', async () => {
    const e = dataError(await runBoth([], 'candidate,votes\n'));
    expect(e).toMatchObject({ file: '<stdin>', line: 1, message: 'no data rows after the header' });
    expect(dataError(await runBoth([], '\ncandidate,votes\n\n\n')).line).toBe(2);
  });
});
