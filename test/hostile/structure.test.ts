/** Hostile inputs, line endings and structure (#10–#26 of the corpus), through both parsers wherever the dialect allows. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../support/run.js';
import { dataError, jsonOf, manyRows, runBoth, runStream, warningsOf } from './support.js';
import { firstInput, firstRace, parseDoc } from '../support/doc.js';

const HEADER = 'county,precinct,office,candidate,votes';
/** votes before candidate: a stray `\r` would end up in the name and split the tally. */
const NAME_LAST = 'votes,candidate';

function namesAndVotes(stdout: string): [string, number][] {
  return firstRace(parseDoc(stdout)).candidates.map((c) => [c.name, c.votes]);
}

describe('line endings', () => {
  it('#10 CRLF file: OK', async () => {
    const r = await runBoth(['--json'], `${NAME_LAST}\r\n3,Smith\r\n1,Jones\r\n2,Smith\r\n`);
    expect(r.code).toBe(0);
    expect(namesAndVotes(r.stdout)).toEqual([['Smith', 5], ['Jones', 1]]);
  });

  it('#11 CR-only line endings (old Mac): OK', async () => {
    const r = await runBoth(['--json'], `${NAME_LAST}\r3,Smith\r1,Jones\r2,Smith\r`);
    expect(namesAndVotes(r.stdout)).toEqual([['Smith', 5], ['Jones', 1]]);
  });

  it('#12 LF first, CRLF later: values never keep a "\\r", the tally is not split', async () => {
    const r = await runBoth(['--json'], `${NAME_LAST}\n3,Smith\n1,Jones\r\n2,Smith\r\n`);
    expect(namesAndVotes(r.stdout)).toEqual([['Smith', 5], ['Jones', 1]]);
    expect(r.stdout).not.toContain('\\r');
  });

  it('#13 CRLF first, bare LF later: OK, and later errors name the right line', async () => {
    const ok = await runBoth(['--json'], `${NAME_LAST}\r\n3,Smith\r\n1,Jones\n2,Smith\n`);
    expect(namesAndVotes(ok.stdout)).toEqual([['Smith', 5], ['Jones', 1]]);
    const bad = dataError(await runBoth([], `${NAME_LAST}\r\n3,Smith\r\n1,Jones\n5,"x\r\ny"\nREP,Jones\r\n`));
    expect(bad).toMatchObject({ line: 6, message: 'votes "REP" is not a whole number' });
  });

  // A COMPLETE multi-byte character at the end of a chunk is not held back as if cut off (decode.ts trimPartialChar).
  it('#14 no final newline after a multi-byte character: the last row counts', async () => {
    for (const name of ['JOSÉ', 'Ｋ１２', 'Ann 😀']) {
      const r = await runBoth(['--json'], `${NAME_LAST}\n3,Smith\n1,${name}`);
      expect(namesAndVotes(r.stdout)).toEqual([['Smith', 3], [name, 1]]);
    }
  });

  it('#14 no final newline: the last row counts', async () => {
    const r = await runBoth(['--json'], `${NAME_LAST}\n3,Smith\n1,Jones`);
    expect(namesAndVotes(r.stdout)).toEqual([['Smith', 3], ['Jones', 1]]);
    const quoted = await runBoth(['--json'], `${NAME_LAST}\n3,Smith\n1,"Jones"`);
    expect(namesAndVotes(quoted.stdout)).toEqual([['Smith', 3], ['Jones', 1]]);
  });
});

describe('rows that are not data', () => {
  it('#15 blank lines in the middle and at the end: skipped, with a warning and a count', async () => {
    const r = await runBoth(['--json'], `candidate,votes\nA,3\n\nB,1\n\r\n\n`);
    expect(r.code).toBe(0);
    expect(warningsOf(r)).toEqual(['<stdin>: 3 blank lines skipped']);
    const doc = parseDoc(r.stdout);
    expect(firstInput(doc).rowsExcluded).toEqual({ 'blank-line': 3 });
    expect(firstRace(doc).totalVotes).toBe(4);
  });

  it('#16 rows made only of commas: skipped with a warning', async () => {
    const r = await runBoth(['--json'], `${HEADER}\nCobb,1,Governor,A,3\n,,,,\nCobb,1,Governor,B,1\n,,,,\n`);
    expect(warningsOf(r)).toEqual(['<stdin>: 2 empty or footer rows skipped']);
    expect(firstInput(parseDoc(r.stdout)).rowsExcluded).toEqual({ footer: 2 });
  });

  it('#16 a footnote footer padded to the header width: skipped with a warning', async () => {
    const r = await runBoth(['--json'], `${HEADER}\nCobb,1,Governor,A,3\nCobb,1,Governor,B,1\n"* Active Voters as of Nov 1",,,,\n`);
    expect(r.code).toBe(0);
    expect(firstRace(parseDoc(r.stdout)).totalVotes).toBe(4);
    expect(warningsOf(r)).toEqual(['<stdin>: 1 empty or footer row skipped']);
  });

  it('#16 a one-cell footnote footer ("* Active Voters…"): skipped with a warning', async () => {
    const r = await runBoth(['--json'], `${HEADER}\nCobb,1,Governor,A,3\nCobb,1,Governor,B,1\n"* Active Voters as of Nov 1"\n\n`);
    expect(r.code).toBe(0);
    expect(firstRace(parseDoc(r.stdout)).totalVotes).toBe(4);
    expect(warningsOf(r)).toEqual(['<stdin>: 1 blank line skipped', '<stdin>: 1 empty or footer row skipped, a one-cell footnote after the data: line 4']);
    // With fewer fields than the header but more than one, after an empty row: the same.
    const two = await runBoth(['--json'], `${HEADER}\nCobb,1,Governor,A,3\n,,,,\n"* Active Voters as of Nov 1",\nSource: Clerk,,\n`);
    expect(firstInput(parseDoc(two.stdout)).rowsExcluded).toEqual({ footer: 3 });
    expect(warningsOf(two)).toEqual(['<stdin>: 3 empty or footer rows skipped, 2 of them one-cell footnotes after the data: lines 4, 5']);
  });

  it('#16/#18 … but a one-cell row with data after it is a short row: error at its line', async () => {
    const e = dataError(await runBoth([], `${HEADER}\nCobb,1,Governor,A,3\n"* Active Voters"\n\nCobb,1,Governor,B,1\n`));
    expect(e).toMatchObject({ line: 3, message: 'expected 5 fields, got 1' });
    expect(e.hint).toMatch(/line 5 has data/);
    // A lone number is never a footnote, not even at the end (a row cut short).
    expect(dataError(await runBoth([], `${HEADER}\nCobb,1,Governor,A,3\n12\n`))).toMatchObject({ line: 3, message: 'expected 5 fields, got 1' });
  });

  it('#17 preamble before the header (a title, a date, a blank line): skipped with a warning saying how many lines', async () => {
    const input = `Official Results\nGeneral Election, November 5 2024\n\n${HEADER}\nCobb,1,Governor,A,3\nCobb,1,Governor,B,1\n`;
    const r = await runBoth(['--json'], input);
    expect(r.code).toBe(0);
    expect(firstRace(parseDoc(r.stdout)).totalVotes).toBe(4);
    expect(warningsOf(r)).toEqual(['<stdin>:4: 3 lines above the header (line 4) skipped: "Official Results", "General Election, November 5 2024"']);
    // Errors after it still name the right line.
    expect(dataError(await runBoth([], `Official Results\n${HEADER}\nCobb,1,Governor,A,x\n`))).toMatchObject({ line: 3 });
  });

  it('#17 … only when a recognised header follows within 20 records, under lines with fewer cells than it', async () => {
    // No recognised header at all: the error is about line 1, naming what was found.
    const e = dataError(await runBoth([], `Official Results\n\ncounty,name,count\nCobb,A,3\n`));
    expect(e).toMatchObject({ line: 1 });
    expect(e.message).toContain('"Official Results"');
    // Too far down.
    const far = Array.from({ length: 20 }, (_, i) => `note ${i}`).join('\n');
    expect(dataError(await runBoth([], `${far}\n${HEADER}\nCobb,1,Governor,A,3\n`))).toMatchObject({ line: 1, message: 'unrecognised header: found "note 0"' });
    // A line above as full as the header is a data row under an unrecognised header, never a preamble.
    const rows = dataError(await runBoth([], `county,precinct,race,name,count\nCobb,1,Governor,A,3\n${HEADER}\nCobb,1,Governor,A,3\n`));
    expect(rows).toMatchObject({ line: 1, message: 'unrecognised header: found "county", "precinct", "race", "name", "count"' });
  });
});

describe('field counts', () => {
  it('#18 short row: error file:line "expected 7 fields, got 6"', async () => {
    const input = 'county,precinct,office,district,party,candidate,votes\nCobb,1,Governor,,DEM,A,3\nCobb,1,Governor,,REP,B\n';
    const e = dataError(await runBoth([], input));
    expect(e).toMatchObject({ file: '<stdin>', line: 3, message: 'expected 7 fields, got 6' });
  });

  it('#19 long row from an unquoted 16,165: error naming the line, never a shifted count', async () => {
    const e = dataError(await runBoth([], `${HEADER}\nCobb,1,Governor,A,16,165\n`));
    expect(e).toMatchObject({ line: 2, message: 'expected 5 fields, got 6' });
    expect(e.hint).toContain('16,165');
  });
});

describe('quotes', () => {
  it('#20 unclosed quote at end of file: error naming the line where the quote opened', async () => {
    const e = dataError(await runBoth([], `${HEADER}\nCobb,1,Governor,A,3\nCobb,1,"Gov\nernor",B,1\nCobb,2,Governor,"B,1\nCobb,3,Governor,B,1\n`));
    expect(e).toMatchObject({ line: 5, message: 'a quoted field is never closed' });
    expect(e.hint).toMatch(/quote opens on this line/);
    // In a record whose earlier field spans lines, the line of the quote, not of the record.
    const inner = dataError(await runBoth([], `${HEADER}\nCobb,1,"Gov\r\nernor",A,"3\r\n`));
    expect(inner.line).toBe(3);
  });

  it('#20 the same in a file named on the command line: the same error, not a crash in the ballot-file check', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'runoff-quote-'));
    const path = join(dir, 'results.csv');
    writeFileSync(path, 'county,office,candidate,votes\nCobb,Gov,"Ann,5\n');
    const r = await run([path]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`runoff: ${path}:2: a quoted field is never closed\n  hint: the quote opens on this line; check for a stray " character\n`);
  });

  it('#21 unclosed quote early in a ~50 MB stream: fails within the record limit, fast, at the opening line', async () => {
    for (const parser of ['fast', 'csv-parse']) {
      const r = await runStream(['--parser', parser, '-'], function* () {
        yield Buffer.from(`${HEADER}\nCobb,1,Governor,A,3\nCobb,2,Governor,"B,1\n`);
        yield* manyRows(32); // ~50 MB after the stray quote
      });
      expect(r.code, r.stderr).toBe(1);
      expect(r.stderr).toMatch(/^runoff: <stdin>:3: a quoted field runs past 1 MiB: probably a quote that is never closed\n {2}hint: the quote opens on this line/);
      expect(r.consumed).toBeLessThan(8 << 20); // stopped reading a few MiB in
      expect(r.ms).toBeLessThan(5000);
    }
  });

  it('#22 a quote inside an unquoted field: read literally (John "Jack" Smith)', async () => {
    const r = await runBoth(['--json'], 'candidate,votes\nJohn "Jack" Smith,3\nJohn "Jack" Smith,1\nB,1\n');
    expect(namesAndVotes(r.stdout)).toEqual([['John "Jack" Smith', 4], ['B', 1]]);
    expect(r.stderr).toBe('');
  });

  it('#23 backslash-escaped quotes (MySQL exports): error with a hint, on both parsers', async () => {
    const e = dataError(await runBoth([], 'candidate,votes\nA,1\n"Bob \\"B\\" Jones",3\n'));
    expect(e).toMatchObject({ line: 3, message: 'a quote inside a quoted field is escaped with a backslash (\\")' });
    expect(e.hint).toMatch(/two quotes/);
    // csv-parse alone (relax_quotes) would read `"abc"x` as the text `"abc"x`; runoff refuses it on every path.
    const other = dataError(await runBoth([], 'candidate,votes\nA,1\n"abc"x,3\n'));
    expect(other).toMatchObject({ line: 3, message: 'a closing quote is followed by more text' });
    const tab = dataError(await run(['--delimiter', 'tab', '-'], { stdin: 'candidate\tvotes\n"Bob \\"B\\" Jones"\t3\n' }));
    expect(tab.line).toBe(2);
  });

  it('#24 space after the delimiter before a quote (a, "1,000"): an error naming the line, never a shifted count', async () => {
    const e = dataError(await runBoth([], `${HEADER}\nCobb,1,Governor,A, "1,000"\n`));
    expect(e).toMatchObject({ line: 2, message: 'expected 5 fields, got 6' });
  });

  it('#24 … with a hint about the space before the quote; a short row\'s hint does not talk about 16,165', async () => {
    const e = dataError(await runBoth([], `${HEADER}\nCobb,1,Governor,A, "1,000"\n`));
    expect(e.hint).toMatch(/field 5 starts with a space before its opening quote, which makes the quote literal/);
    const short = dataError(await runBoth([], `${HEADER}\nCobb,1,Governor,3\n`));
    expect(short.hint).not.toMatch(/16,165/);
    expect(short.hint).toMatch(/fewer fields than the header/);
  });

  it.each([
    ['semicolon', ';'],
    ['tab', '\t'],
    ['pipe', '|'],
  ])('#25 %s-delimited file: the delimiter is detected and reported in inputs[].delimiter', async (_name, d) => {
    const { code, doc } = await jsonOf(`county${d}candidate${d}votes\nCobb${d}A${d}3\nCobb${d}B${d}1\n`);
    expect(code).toBe(0);
    expect(firstInput(doc).delimiter).toBe(d);
    expect(firstRace(doc).candidates.map((c) => [c.name, c.votes])).toEqual([['A', 3], ['B', 1]]);
  });

  it('#26 a 10 MB field: error "longer than 1 MiB", not an out-of-memory crash', async () => {
    for (const parser of ['fast', 'csv-parse']) {
      const r = await runStream(['--parser', parser, '-'], function* () {
        yield Buffer.from('candidate,votes\nA,1\n');
        for (let i = 0; i < 10; i++) yield Buffer.alloc(1 << 20, 0x61);
        yield Buffer.from(',3\n');
      });
      expect(r.code).toBe(1);
      expect(r.stderr).toMatch(/^runoff: <stdin>:3: a record is longer than 1 MiB\n {2}hint: /);
      expect(r.consumed).toBeLessThan(4 << 20);
    }
  });
});
