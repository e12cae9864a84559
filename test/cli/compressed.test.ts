/** Compressed input: .gz and .zip read directly, recognised by their bytes, never by the name. */
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { makeZip } from '../support/zip.js';
import { firstInput, firstRace } from '../support/doc.js';
import { fixture, json, run, spawn, votesOf } from '../support/run.js';

const SEED = readFileSync(fixture('ga-06-2017-04-18-special-jungle.csv'));
const RUNOFF = readFileSync(fixture('ga-06-2017-06-20-runoff-total-rows.csv'));
const sha = (b: Buffer): string => createHash('sha256').update(b).digest('hex');
const dir = mkdtempSync(join(tmpdir(), 'runoff-compressed-'));
const file = (name: string, bytes: Buffer): string => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};

describe('gzip', () => {
  it('reads results.csv.gz as the CSV inside; sha256 is that of the uncompressed CSV', async () => {
    const path = file('ga6.csv.gz', gzipSync(SEED));
    const { doc, code } = await json([path]);
    expect(code).toBe(0);
    expect(firstRace(doc).totalVotes).toBe(192569);
    expect(firstRace(doc).outcome.runoff).toEqual(['Jon Ossoff', 'Karen Handel']);
    expect(firstInput(doc)).toMatchObject({ name: path, sha256: sha(SEED), rows: 18 });
  });

  it('by the bytes, not the name: a gzip file named .csv, and gzip on standard input', async () => {
    const named = await json([file('really-gzip.csv', gzipSync(SEED))]);
    expect(firstRace(named.doc).totalVotes).toBe(192569);
    const piped = await json(['-'], { stdin: [gzipSync(SEED).subarray(0, 1), gzipSync(SEED).subarray(1)] });
    expect(firstRace(piped.doc).totalVotes).toBe(192569);
  });

  it('a gzip file cut short is exit 1 with a hint, never a partial count', async () => {
    const cut = gzipSync(SEED).subarray(0, 120);
    const r = await run([file('cut.csv.gz', cut)]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/cut\.csv\.gz: cannot decompress: unexpected end of file\n {2}hint: the compressed file is damaged or cut short/);
  });
});

describe('zip', () => {
  it('one CSV inside: read directly, named results.zip:member.csv', async () => {
    const path = file('one.zip', makeZip([{ name: 'ga6.csv', data: SEED }]));
    const { doc } = await json([path]);
    expect(doc.inputs.map((i) => [i.name, i.sha256])).toEqual([[`${path}:ga6.csv`, sha(SEED)]]);
    expect(firstRace(doc).totalVotes).toBe(192569);
  });

  it('several CSVs inside: each is an input, added together like several files', async () => {
    // The 2017 runoff split by county into three members: the sums are those of the whole district.
    const lines = RUNOFF.toString().split('\n');
    const [header] = lines;
    const county = (name: string): string => [header, ...lines.filter((l) => l.startsWith(`${name},`))].join('\n') + '\n';
    const path = file('counties.zip', makeZip(['Cobb', 'DeKalb', 'Fulton'].map((c) => ({ name: `${c.toLowerCase()}.csv`, data: county(c) })).concat([{ name: '__MACOSX/._cobb.csv', data: 'junk' }])));
    const { doc } = await json([path]);
    expect(doc.inputs.map((i) => i.name)).toEqual([`${path}:cobb.csv`, `${path}:dekalb.csv`, `${path}:fulton.csv`]);
    expect(votesOf(firstRace(doc))).toEqual({ 'Karen Handel': 134799, 'Jon Ossoff': 125517 });
    expect(firstRace(doc).outcome.winner).toBe('Karen Handel');
  });

  it('an archive without CSV, an xlsx, and a zip on standard input are errors with hints', async () => {
    const none = await run([file('pictures.zip', makeZip([{ name: 'map.png', data: 'x' }]))]);
    expect(none.code).toBe(1);
    expect(none.stderr).toMatch(/the zip archive holds no CSV file\n {2}hint: its files are "map.png"/);
    const xlsx = await run([file('book.xlsx', makeZip([{ name: '[Content_Types].xml', data: '<Types/>' }, { name: 'xl/workbook.xml', data: '<workbook/>' }]))]);
    expect(xlsx.stderr).toMatch(/not a CSV file \(looks like an Excel workbook \(xlsx\)\)\n {2}hint: export the sheet to CSV/);
    const piped = await run(['-'], { stdin: makeZip([{ name: 'a.csv', data: SEED }]) });
    expect(piped.code).toBe(1);
    expect(piped.stderr).toContain('a zip archive cannot be read from standard input');
  });

  it('the built binary reads a zip (yauzl is bundled)', () => {
    const path = file('bin.zip', makeZip([{ name: 'ga6.csv', data: SEED }]));
    const r = spawn(['--format', 'csv', path]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('u.s. house|6|,U.S. House,6,,1,Jon Ossoff,Dem,92673,');
  });
});
