/** Hostile inputs, names and hostile text (#41–#46 of the corpus): names are data, never terminal commands. */
import { describe, expect, it } from 'vitest';
import { run } from '../support/run.js';
import { csv, jsonOf, runBoth, warningsOf } from './support.js';
import { at, firstRace, parseDoc } from '../support/doc.js';

/** Anything but the SGR colour sequences runoff writes itself: ESC, other C0/C1 controls, bidi, zero-width. */
const UNSAFE = /\u001b(?!\[[0-9;]*m)|[\u0000-\u0009\u000b-\u001a\u001c-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2028\u2029\u2066-\u2069]/;

async function table(input: string, color: boolean): Promise<{ code: number; stdout: string; stderr: string }> {
  return run([color ? '--color' : '--no-color', '-'], { stdin: input, isTTY: true, columns: 100 });
}

describe('names and hostile text', () => {
  it('#41 candidates named constructor, __proto__, toString, hasOwnProperty: tallied like any name', async () => {
    const r = await runBoth(['--json'], 'candidate,votes\nconstructor,3\n__proto__,2\ntoString,1\nhasOwnProperty,1\nconstructor,4\n__proto__,5\nvalueOf,0\n');
    const doc = parseDoc(r.stdout);
    expect(firstRace(doc).candidates.map((c) => [c.name, c.votes])).toEqual([
      ['__proto__', 7], ['constructor', 7], ['hasOwnProperty', 1], ['toString', 1], ['valueOf', 0],
    ]);
    expect(firstRace(doc).totalVotes).toBe(16);
  });

  it('#41 … and parties named constructor or __proto__ in a party primary: ordinary parties (found by fuzzing)', async () => {
    const r = await runBoth(['--json', '--party-primary'], 'office,party,candidate,votes\nGov,constructor,A,3\nGov,__proto__,B,2\nGov,toString,C,1\n');
    expect(r.code).toBe(0);
    expect(parseDoc(r.stdout).races.map((race) => race.party)).toEqual(['constructor', '__proto__', 'toString']);
  });

  const hostile = [
    'Clear\u001b[2JScreen',
    'Link\u001b]8;;https://evil.example\u0007click\u001b]8;;\u0007',
    'Clip\u001b]52;c;ZXZpbA==\u0007board',
    'Bell\u0007Back\bspace',
    'C1\u009b31mred',
    'Title\u001b]0;owned\u001b\\',
  ];

  it('#42 ANSI/OSC in a name (clear screen, hyperlink, OSC 52, BEL, backspace, CSI): escaped on a TTY, with or without colour', async () => {
    const input = csv([['candidate', 'votes'], ...hostile.map((n, i) => [n, String(10 - i)])]);
    for (const color of [false, true]) {
      const r = await table(input, color);
      expect(r.code).toBe(0);
      expect(r.stdout).not.toMatch(UNSAFE);
      expect(r.stderr).not.toMatch(UNSAFE);
      expect(r.stdout).toContain('Clear\\e[2JScreen');
      expect(r.stdout).toContain('Bell\\x07Back\\x08space');
      expect(r.stdout).toContain('C1\\x9B31mred');
      if (color) expect(r.stdout).toMatch(/\u001b\[[0-9;]*m/); // runoff's own colour is still there
    }
  });

  it('#42 … exact in JSON, with C1 escaped (and C0 escaped by JSON itself)', async () => {
    const input = csv([['candidate', 'votes'], ...hostile.map((n, i) => [n, String(10 - i)])]);
    const r = await run(['--json', '-'], { stdin: input });
    expect(r.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(r.stdout).toContain('C1\\u009b31mred');
    const names = firstRace(parseDoc(r.stdout)).candidates.map((c) => c.name);
    expect(new Set(names)).toEqual(new Set(hostile));
    expect(warningsOf(r)).toEqual([expect.stringMatching(/^<stdin>: 6 names contain control, invisible or bidi characters, shown escaped: "Clear\\e\[2JScreen"/)]);
  });

  it('#42 … and escaped in every message on stderr: file names, header cells, bad options', async () => {
    const file = await run(['evil\u001b]0;owned\u0007\u202e.csv']);
    expect(file.code).toBe(3);
    expect(file.stderr).toBe('runoff: cannot read evil\\e]0;owned\\x07<U+202E>.csv: no such file (ENOENT)\n  hint: check the path and the spelling; `-` reads standard input\n');
    const header = await run(['-'], { stdin: 'candidate,"vo\u001b[2J\ntes","vo\u001b[2J\ntes"\nA,1,1\n' });
    expect(header.code).toBe(1);
    expect(header.stderr).not.toMatch(UNSAFE);
    expect(header.stderr.split('\n').filter(Boolean)).toHaveLength(2); // the message and its hint, no extra line
    const option = await run(['--\u001b[31mred', '-'], { stdin: 'candidate,votes\nA,1\n' });
    expect(option.code).toBe(2);
    expect(option.stderr).toContain('\\e[31mred');
    expect(option.stderr).not.toMatch(UNSAFE);
  });

  it('#42 … in every output format on a terminal (markdown, ndjson, csv piped exact)', async () => {
    const input = csv([['candidate', 'votes'], ['Clear\u001b[2JScreen', '3'], ['B\u202Ex', '1']]);
    for (const format of ['markdown', 'ndjson', 'json']) {
      const r = await run(['--format', format, '-'], { stdin: input, isTTY: true });
      expect(r.code).toBe(0);
      expect(r.stdout, format).not.toMatch(UNSAFE);
    }
    // Piped, CSV output is data: exact values.
    const piped = await run(['--format', 'csv', '-'], { stdin: input });
    expect(piped.stdout).toContain('Clear\u001b[2JScreen');
  });

  // Lead (src/count.ts / src/render/csv.ts): --format csv written to a terminal passes ESC and bidi through raw.
  it('#42 … --format csv on a terminal is escaped', async () => {
    const input = csv([['candidate', 'votes'], ['Clear\u001b[2JScreen', '3'], ['B\u202Ex', '1']]);
    const r = await run(['--format', 'csv', '-'], { stdin: input, isTTY: true });
    expect(r.stdout).not.toMatch(UNSAFE);
  });

  it('#43 CR, LF or TAB inside a quoted name: escaped in the table, no broken rows', async () => {
    const input = csv([['candidate', 'votes'], ['Line\nBreak', '5'], ['Carriage\rReturn', '3'], ['Tab\tbed', '1']], '\r\n');
    const r = await table(input, false);
    expect(r.stdout).toContain('Line\\nBreak');
    expect(r.stdout).toContain('Carriage\\rReturn');
    expect(r.stdout).toContain('Tab\\tbed');
    expect(r.stdout).not.toMatch(UNSAFE);
    const rows = r.stdout.split('\n').filter((l) => /^\s*\d+ {2}/.test(l));
    expect(rows).toHaveLength(3); // one table row per candidate
    // Columns line up: every row puts the votes column at the same place.
    const votesAt = rows.map((l) => l.search(/\d+ +\d+\.\d+ %$/));
    expect(new Set(votesAt.map((i, k) => i + (rows[k]?.match(/(\d+) +\d+\.\d+ %$/)?.[1]?.length ?? 0))).size).toBe(1);
  });

  it('#44 bidi override or zero-width characters in a name: escaped as <U+202E>, with a warning', async () => {
    const input = csv([['office', 'candidate', 'votes'], ['Mayor\u2066', 'Evil\u202Etxt.exe', '5'], ['Mayor\u2066', 'Zero\u200Bwidth', '3'], ['Mayor\u2066', 'Tag\u{E0041}\u{E0042}', '1']]);
    const r = await table(input, true);
    expect(r.stdout).toContain('Evil<U+202E>txt.exe');
    expect(r.stdout).toContain('Zero<U+200B>width');
    expect(r.stdout).toContain('Tag<U+E0041><U+E0042>');
    expect(r.stdout).toContain('Mayor<U+2066>');
    expect(r.stdout).not.toMatch(UNSAFE);
    expect(warningsOf(r)).toEqual([expect.stringMatching(/^<stdin>: 4 names contain control, invisible or bidi characters, shown escaped: "Mayor<U\+2066>", "Evil<U\+202E>txt.exe", "Zero<U\+200B>width", …$/)]);
    const { doc } = await jsonOf(input);
    expect(at(firstRace(doc).candidates, 0, 'candidate').name).toBe('Evil\u202Etxt.exe');
  });

  it('#45 the same name with NBSP or trailing spaces: one candidate (the tally key is trimmed, NBSP-normalised)', async () => {
    const r = await runBoth(['--json'], 'candidate,votes\nAnn Smith,3\n"Ann\u00a0Smith ",2\n" Ann Smith",1\nBo,1\n');
    expect(firstRace(parseDoc(r.stdout)).candidates.map((c) => [c.name, c.votes])).toEqual([['Ann Smith', 6], ['Bo', 1]]);
  });

  it('#45 the same name in different case: kept apart, with a near-duplicate warning', async () => {
    const r = await runBoth(['--json'], 'candidate,votes\nANN SMITH,3\nAnn Smith,2\nBo,1\n');
    const doc = parseDoc(r.stdout);
    expect(firstRace(doc).candidates.map((c) => [c.name, c.votes])).toEqual([['ANN SMITH', 3], ['Ann Smith', 2], ['Bo', 1]]);
    expect(doc.warnings).toContainEqual(expect.objectContaining({ code: 'near-duplicate-name' }));
  });

  it('#45 the same name in NFC and NFD: kept apart, with a near-duplicate warning that says why', async () => {
    const r = await runBoth(['--json'], 'candidate,votes\nJosé,3\nJose\u0301,2\nBo,1\n');
    const doc = parseDoc(r.stdout);
    expect(firstRace(doc).candidates).toHaveLength(3);
    expect(doc.warnings).toContainEqual(expect.objectContaining({ code: 'near-duplicate-name', message: expect.stringMatching(/different Unicode characters .*NFC\/NFD/) }));
    // --merge-names merges them like any other variant.
    const merged = await jsonOf('candidate,votes\nJosé,3\nJose\u0301,2\nBo,1\n', ['--merge-names']);
    expect(firstRace(merged.doc).candidates.map((c) => [c.name, c.votes])).toEqual([['José', 5], ['Bo', 1]]);
  });

  it('near-duplicate warnings are capped: the first 10 named, then one "and N more"', async () => {
    const rows = Array.from({ length: 25 }, (_, i) => `Race ${i},Ann Smith,3\nRace ${i},ANN SMITH,1`).join('\n');
    const r = await run(['-'], { stdin: `office,candidate,votes\n${rows}\n` });
    const near = warningsOf(r).filter((w) => /near-duplicate|ANN SMITH/.test(w));
    expect(near).toHaveLength(11);
    expect(near[10]).toBe('<stdin>: and 15 more near-duplicate pairs; run `runoff races` to see every race\'s names');
  });

  it('#46 names starting with =, +, @ or -: literal in the table and JSON, \'-prefixed in CSV output', async () => {
    const input = 'candidate,votes\n=HYPERLINK("http://x"),5\n+1 Ann,3\n@SUM(A1),2\n-Bo,1\n';
    const t = await table(input, false);
    expect(t.stdout).toMatch(/^1 {2}=HYPERLINK\("http:\/\/x"\) +5 /m);
    expect(t.stdout).toMatch(/^3 {2}@SUM\(A1\) /m);
    const { doc } = await jsonOf(input);
    expect(firstRace(doc).candidates.map((c) => c.name)).toEqual(['=HYPERLINK("http://x")', '+1 Ann', '@SUM(A1)', '-Bo']);
    const out = await run(['--format', 'csv', '-'], { stdin: input });
    expect(out.stdout).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(out.stdout).toContain(",'+1 Ann,");
    expect(out.stdout).toContain(",'@SUM(A1),");
    expect(out.stdout).toContain(",'-Bo,");
  });
});
