/**
 * The layout families end to end on tiny hand-made fixtures (official totals; fixtures/README.md), and the
 * encodings and delimiters every family can arrive in. Both parsers must agree on all of them.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectDelimiter } from '../../../src/read/decode.js';
import { at, codes, firstInput, firstRace, race as raceWhere, type ElectionDoc } from '../../support/doc.js';
import { fixture, json, run, votesOf } from '../../support/run.js';

const race = (doc: ElectionDoc, district: string) => raceWhere(doc, { district });

describe('layout families on fixtures', () => {
  it('MEDSL constituency: fusion lines summed, write-ins never advance, duplicates dropped, state in the key', async () => {
    const { doc } = await json([fixture('medsl-house-2018-fusion-duplicates.csv')]);
    expect(firstInput(doc)).toMatchObject({ layout: 'medsl-constituency', rows: 17, rowsUsed: 15, rowsExcluded: { duplicate: 2 } });
    expect(doc.races.map((r) => r.id)).toEqual(['u.s. representative|ny-1|', 'u.s. representative|ak-al|', 'u.s. representative|fl-7|', 'u.s. representative|fl-1|']);
    const ny1 = race(doc, 'NY-1');
    expect(votesOf(ny1)).toEqual({ 'Lee M. Zeldin': 139027, 'Perry Gershon': 127991, 'Kate M. Browning': 2988, 'Write-ins': 47 });
    expect(ny1.totalVotes).toBe(270053);
    expect(ny1.outcome.winner).toBe('Lee M. Zeldin');
    expect(votesOf(race(doc, 'FL-7'))).toEqual({ 'Stephanie Murphy': 183113, 'Mike Miller': 134285 });
    expect(doc.warnings).toEqual([expect.objectContaining({ code: 'duplicate-rows', message: '2 exact duplicate records dropped: lines 15 (same as 13), 16 (same as 14)' })]);
  });

  it('wide: codes as names with a warning, real names from a code,name CSV', async () => {
    const bare = await json([fixture('wide-rdh-ga-2022-runoff.csv')]);
    expect(firstInput(bare.doc).layout).toBe('wide-vest');
    expect(votesOf(firstRace(bare.doc))).toEqual({ R22USSDWAR: 65630, R22USSRWAL: 46000 });
    expect(at(bare.doc.warnings, 0, 'warning').code).toBe('wide-codes-as-names');
    const named = await json(['--names', fixture('wide-rdh-names.csv'), fixture('wide-rdh-ga-2022-runoff.csv')]);
    expect(named.doc.warnings).toEqual([]);
    expect(firstRace(named.doc)).toMatchObject({ office: 'U.S. Senate (Runoff)', totalVotes: 111630 });
    expect(firstRace(named.doc).outcome).toMatchObject({ status: 'winner', winner: 'Raphael Warnock' });
    expect((await run(['--names', 'nope.txt', fixture('wide-rdh-ga-2022-runoff.csv')])).code).toBe(3);
  });

  it('--merge-names: the Sumter spellings join the bare names, with each merge listed', async () => {
    const merged = await json(['--merge-names', fixture('ga-2022-runoff-name-variants.csv')]);
    expect(votesOf(firstRace(merged.doc))).toEqual({ 'Raphael Warnock': 65630, 'Herschel Walker': 46000 });
    expect(codes(merged.doc)).toEqual(['merged-names', 'merged-names']);
    const plain = await run([fixture('ga-2022-runoff-name-variants.csv')]);
    expect(plain.stderr).toContain('"Raphael Warnock" (60,981 votes) and "Raphael Warnock (I) (Dem)" (4,649 votes) differ only in case');
  });

  it('Clarity: Windows-1252 by default or by --encoding; (Vote For 2) is not a runoff', async () => {
    const { doc } = await json([fixture('clarity-co-2024-cp1252.csv')]);
    expect(firstInput(doc)).toMatchObject({ layout: 'clarity-summary', encoding: 'windows-1252' });
    expect(codes(doc)).toEqual(['encoding', 'reporting-zero']);
    expect(at(doc.warnings, 0, 'warning')).toEqual(expect.objectContaining({ code: 'encoding', message: 'not valid UTF-8: read as Windows-1252 (use --encoding to choose another)' }));
    expect(votesOf(at(doc.races, 1, 'race'))).toEqual({ 'Ken deGraaf': 25890, 'Michael M. Pierson': 17665, 'Daniel Campaña': 2170 });
    expect(firstRace(doc).outcome).toMatchObject({ status: 'runoff', runoff: ['Gabe Evans', 'Yadira Caraveo'] });
    expect(at(doc.races, 2, 'race').outcome).toMatchObject({ status: 'not_applicable', explanation: expect.stringContaining('2 seats') });
    expect(at(doc.races, 3, 'race').outcome.status).toBe('not_applicable');
    const forced = await json(['--encoding', 'cp1252', fixture('clarity-co-2024-cp1252.csv')]);
    expect(codes(forced.doc)).toEqual(['reporting-zero']); // no encoding warning
    const wrong = await run(['--encoding', 'utf-8', fixture('clarity-co-2024-cp1252.csv')]);
    expect(wrong.code).toBe(1);
    expect(wrong.stderr).toMatch(/clarity-co-2024-cp1252\.csv:8: invalid UTF-8/);
  });

  it('county clerk summary: quoted thousands, the empty row and the footnote are footers', async () => {
    const { doc } = await json([fixture('clerk-boulder-2025-summary.csv')]);
    expect(firstInput(doc)).toMatchObject({ layout: 'clerk-summary', rowsExcluded: { footer: 2 } });
    expect(firstRace(doc)).toMatchObject({ office: 'City of Longmont Mayor', totalVotes: 31844 });
    expect(firstRace(doc).outcome.runoff).toEqual(['Susie Hidalgo-Fahring', 'Shakeel Dalal']);
  });

  it.each(['medsl-house-2018-fusion-duplicates.csv', 'wide-rdh-ga-2022-runoff.csv', 'ga-2022-runoff-name-variants.csv', 'clerk-boulder-2025-summary.csv'])(
    'the byte scanner and csv-parse agree on %s',
    async (name) => {
      const fast = await run(['--parser', 'fast', '--json', fixture(name)]);
      const oracle = await run(['--parser', 'csv-parse', '--json', fixture(name)]);
      expect(fast).toEqual(oracle);
    },
  );
});

describe('encodings and delimiters', () => {
  const csv = 'county;office;district;party;candidate;votes\nA;Gov;;D;José Núñez;10\nA;Gov;;R;Bo;7\n';
  const utf16 = (text: string, be: boolean) => {
    const body = Buffer.from(text, 'utf16le');
    if (be) body.swap16();
    return Buffer.concat([Buffer.from(be ? [0xfe, 0xff] : [0xff, 0xfe]), body]);
  };

  it.each([
    ['UTF-16 LE with BOM', utf16(csv, false), 'utf-16le', ';'],
    ['UTF-16 BE with BOM', utf16(csv, true), 'utf-16be', ';'],
    ['UTF-8 with BOM, tabs', Buffer.from(`\uFEFF${csv.replaceAll(';', '\t')}`), 'utf-8', '\t'],
    ['pipes', Buffer.from(csv.replaceAll(';', '|')), 'utf-8', '|'],
    ['Windows-1252, commas', Buffer.from(csv.replaceAll(';', ','), 'latin1'), 'windows-1252', ','],
  ])('%s', async (_, bytes, encoding, delimiter) => {
    const { code, doc } = await json(['-'], { stdin: bytes });
    expect(code).toBe(0);
    expect(firstInput(doc)).toMatchObject({ encoding, delimiter });
    expect(votesOf(firstRace(doc))).toEqual({ 'José Núñez': 10, Bo: 7 });
  });

  it('finds the delimiter outside quotes, across a header that spans lines', () => {
    expect(detectDelimiter('"a;b","c;d",e\nx;y;z;w')).toBe(',');
    expect(detectDelimiter('"Total \nVotes";"Choice \nName"\n')).toBe(';');
    expect(detectDelimiter('\n\ncandidate\tvotes\n')).toBe('\t');
    expect(detectDelimiter('candidate\n')).toBe(',');
  });

  it('--delimiter overrides the header', async () => {
    const stdin = 'candidate;votes;x,y,z\nZinn, Jr.;3;a,b,c\n';
    expect((await run(['-'], { stdin })).stderr).toContain('unrecognised header');
    const { doc } = await json(['--delimiter', ';', '-'], { stdin });
    expect(firstInput(doc).delimiter).toBe(';');
    expect(votesOf(firstRace(doc))).toEqual({ 'Zinn, Jr.': 3 });
  });

  it('reads a header split over small chunks', async () => {
    const bytes = Buffer.from(csv.replaceAll(';', '|'));
    const { doc } = await json(['-'], { stdin: [bytes.subarray(0, 3), bytes.subarray(3, 20), bytes.subarray(20)] });
    expect(firstInput(doc).delimiter).toBe('|');
  });

  it('refuses to guess at 1.234 or 1 234', async () => {
    for (const v of ['1.234', '1 234']) {
      const r = await run(['-'], { stdin: `candidate;votes\nA;${v}\n` });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain(`votes "${v}" is ambiguous: thousands separator or decimal point?`);
    }
  });

  it('the CP1252 fixture really is Windows-1252 (ñ is one byte)', () => {
    expect(readFileSync(fixture('clarity-co-2024-cp1252.csv')).includes(Buffer.from('Campa\xf1a', 'latin1'))).toBe(true);
  });
});
