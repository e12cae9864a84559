/**
 * Fuzzing main() in-process (issue 6 §3): random bytes and CSV-shaped text, with random options. Whatever the
 * input, the outcome is one of the documented exit codes, never an internal error (70), never a stack trace
 * and never a Node warning on stderr; a 0 with --json is one valid document. On CSV-shaped text the byte
 * scanner and csv-parse must also agree on everything the user sees.
 *
 * FUZZ_RUNS scales the counts (test/support/runs.ts): 10,000 inputs in all at full depth, 1,000 by default.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { run, type RunResult, chunked } from '../support/run.js';
import { runs } from '../support/runs.js';


const DOCUMENTED = new Set([0, 1, 2, 3]);

function expectDocumented(r: RunResult, argv: string[]): void {
  const context = `argv ${JSON.stringify(argv)}\nstderr ${JSON.stringify(r.stderr.slice(0, 600))}`;
  expect(DOCUMENTED.has(r.code), context).toBe(true);
  expect(r.stderr, context).not.toMatch(/^\s+at /m);
  expect(r.stderr, context).not.toMatch(/internal error|\(node:\d+\)|Error:/);
  if (r.code !== 0) expect(r.stdout, context).toBe('');
  if (r.code === 0 && argv.includes('--json')) expect(() => JSON.parse(r.stdout), context).not.toThrow();
  // Whatever was in the input, nothing raw reaches the terminal: messages are escaped.
  expect(r.stderr, context).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
}

const options = fc.constantFrom(
  [],
  ['--json'],
  ['--json', '--skip-bad-rows'],
  ['--strict'],
  ['--party-primary', '--json'],
  ['--format', 'csv'],
  ['--format', 'markdown'],
  ['--format', 'ndjson'],
  ['--by', 'county'],
  ['--delimiter', ';'],
  ['--delimiter', 'tab', '--json'],
  ['--encoding', 'utf-16le'],
  ['--encoding', 'windows-1252', '--json'],
  ['--parser', 'csv-parse', '--json'],
  ['--outstanding', '1000'],
  ['--race', 'gov'],
);


// CSV-shaped text: a plausible header, then rows of cells drawn from what breaks parsers and number readers.
const headerArb = fc.constantFrom(
  'candidate,votes',
  'county,precinct,office,district,party,candidate,votes',
  'county,office,candidate,election_day_votes,absentee_votes',
  'county,office,candidate,early_voting,election_day,votes',
  'Candidate;Votes',
  'candidate\tvotes',
  '\uFEFFcandidate,votes,',
  'votes,votes,candidate',
  '"Total \nVotes",candidate',
  'precinct,choice,vote_count,stage',
  '__proto__,candidate,votes',
  'name,count',
);
const token = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom('Ann', 'Bo', 'TOTAL', 'Total Votes', 'Over Votes', 'Write-ins', 'Yes', 'No', 'constructor', '__proto__', 'Governor', 'Voters', 'DEM', 'REP', 'PRI', '6', 'District 6', 'Cobb') },
  { weight: 6, arbitrary: fc.oneof(fc.nat(10_000).map(String), fc.constantFrom('1,234', '"16,165"', '613.0', '613.5', '-5', '(5)', '1e3', '0x1A', 'Infinity', 'N/A', '１２', '9007199254740993', '="0012"', '', ' ', '1.234', '1\u00a0234')) },
  { weight: 4, arbitrary: fc.constantFrom('"', '""', '"a,b"', '"x\ny"', '"unclosed', 'a"b', '"a"b', '\\"', ',', ';', '\t', '|', '\r', '\n', '\r\n', '\u0000', '\uFEFF', '\u202E', '\u001b[2J', '\u0085', '😀', 'é', '\u2028') },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 6 }) },
);
const lineArb = fc.array(token, { minLength: 0, maxLength: 8 }).chain((cells) => fc.constantFrom(',', ';', '\t').map((d) => cells.join(d)));
const csvShaped = fc
  .record({ header: headerArb, lines: fc.array(fc.tuple(lineArb, fc.constantFrom('\n', '\r\n', '\r')), { maxLength: 12 }), end: fc.boolean() })
  .map(({ header, lines, end }) => header + '\n' + lines.map(([l, e], i) => l + (i < lines.length - 1 || end ? e : '')).join(''));

describe('fuzz: main() never crashes and only uses documented exit codes', () => {
  it(`random bytes (${runs(4000)} inputs)`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 300 }), options, fc.array(fc.nat(300), { maxLength: 4 }), async (bytes, opts, cuts) => {
        const argv = [...opts, '-'];
        expectDocumented(await run(argv, { stdin: chunked(bytes, cuts) }), argv);
      }),
      { numRuns: runs(4000) },
    );
  });

  it(`random bytes after a valid header (${runs(2000)} inputs)`, async () => {
    await fc.assert(
      fc.asyncProperty(headerArb, fc.uint8Array({ maxLength: 300 }), options, async (header, bytes, opts) => {
        const argv = [...opts, '-'];
        expectDocumented(await run(argv, { stdin: [Buffer.from(header + '\n'), Buffer.from(bytes)] }), argv);
      }),
      { numRuns: runs(2000) },
    );
  });

  it(`CSV-shaped text with random options (${runs(2000)} inputs)`, async () => {
    await fc.assert(
      fc.asyncProperty(csvShaped, options, fc.array(fc.nat(400), { maxLength: 4 }), async (text, opts, cuts) => {
        const argv = [...opts, '-'];
        expectDocumented(await run(argv, { stdin: chunked(Buffer.from(text), cuts) }), argv);
      }),
      { numRuns: runs(2000) },
    );
  });

  it(`CSV-shaped text: the byte scanner and csv-parse agree (${runs(2000)} inputs)`, async () => {
    await fc.assert(
      fc.asyncProperty(csvShaped.filter((t) => t.startsWith('candidate,') || t.startsWith('county,') || t.startsWith('__proto__') || t.startsWith('votes,')), fc.boolean(), fc.array(fc.nat(400), { maxLength: 4 }), fc.array(fc.nat(400), { maxLength: 4 }), async (text, skip, cuts, otherCuts) => {
        const flags = ['--json', ...(skip ? ['--skip-bad-rows'] : []), '-'];
        // Each parser gets its own random chunks: where a chunk ends (inside a character, a CRLF, a quote) changes nothing.
        const fast = await run(['--parser', 'fast', ...flags], { stdin: chunked(Buffer.from(text), cuts) });
        const slow = await run(['--parser', 'csv-parse', ...flags], { stdin: chunked(Buffer.from(text), otherCuts) });
        expectDocumented(fast, flags);
        expect(fast).toEqual(slow);
      }),
      { numRuns: runs(2000) },
    );
  });
});
