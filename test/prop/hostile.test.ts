/**
 * Properties of the whole CLI on hostile input (issue 6 §2): order and chunking never change a count, any
 * Unicode name survives CSV quoting exactly, the majority verdict is integer arithmetic, and the terminal sees
 * no control sequence it did not ask for.
 */
import fc from 'fast-check';
import { runs } from '../support/runs.js';
import { describe, expect, it } from 'vitest';
import { run, chunked } from '../support/run.js';
import { firstRace, parseDoc } from '../support/doc.js';

const RUNS = runs(1000);

/** RFC 4180: every field quoted, quotes doubled. */
const quote = (cell: string): string => `"${cell.replaceAll('"', '""')}"`;


/** The facts of a JSON document that cannot depend on row order: per race, candidate → votes, and the verdict. */
function facts(stdout: string): unknown {
  const doc = parseDoc(stdout);
  return doc.races
    .map((r) => ({ id: r.id, total: r.totalVotes, votes: Object.fromEntries(r.candidates.map((c) => [c.name, c.votes])), status: r.outcome.status, winner: r.outcome.winner, runoff: r.outcome.runoff, tied: r.outcome.tied }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
}

// Cells a human would not type: quotes, delimiters, line breaks, a BOM, controls, astral characters.
const nasty = fc.constantFrom('"', ',', '\r', '\n', '\r\n', '\uFEFF', '\u202E', '\u001b[2J', '\t', ';', ' ', 'é', 'Ñ', '😀', '\u0085', '\u2028');
const cellText = fc.string({ unit: fc.oneof({ weight: 3, arbitrary: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 1 }) }, { weight: 2, arbitrary: nasty }), maxLength: 12 });
/** A name that the tally keeps as written: letters at both ends (trim-stable), no NBSP or NUL (normalised, removed). */
const nameArb = cellText.map((s) => `N${s.replace(/[\u00a0\u202f\u0000]/g, '')}x`);

describe('hostile input properties (through the CLI)', () => {
  it('totals do not change when rows are shuffled or stdin arrives in random chunks', async () => {
    const row = fc.tuple(fc.constantFrom('Cobb', 'Fulton', 'DeKalb'), fc.constantFrom('Governor', 'U.S. House', 'Mayor'), fc.constantFrom('Ann', 'Bo "B" Ray', 'Zinn, Jr.', 'Édith', 'Kim'), fc.nat(5000));
    await fc.assert(
      fc.asyncProperty(fc.array(row, { minLength: 1, maxLength: 30 }), fc.array(fc.nat(), { maxLength: 30 }), fc.array(fc.nat(2000), { maxLength: 8 }), fc.constantFrom('\n', '\r\n', '\r'), async (rows, keys, cuts, eol) => {
        // A precinct per row: the same (place, race, candidate) twice would be a repeat (an error or a duplicate, #48).
        const placed = rows.map((r, i) => [...r, `P${i}`]);
        const text = (rs: typeof placed): Buffer => Buffer.from(['county,office,candidate,votes,precinct', ...rs.map((r) => r.map((c) => quote(String(c))).join(','))].join(eol) + eol);
        const order = placed.map((r, i) => ({ r, k: keys[i] ?? i })).sort((a, b) => a.k - b.k).map((x) => x.r);
        const a = await run(['--json', '-'], { stdin: [text(placed)] });
        const b = await run(['--json', '-'], { stdin: chunked(text(order), cuts) });
        expect(a.code).toBe(0);
        expect(b.code).toBe(0);
        expect(facts(b.stdout)).toEqual(facts(a.stdout));
      }),
      { numRuns: RUNS },
    );
  });

  it('parse(serialize(rows)) round-trips arbitrary Unicode names exactly, on both parsers and in UTF-16', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(nameArb, { minLength: 1, maxLength: 6 }), fc.array(fc.nat(2000), { maxLength: 6 }), fc.constantFrom('\n', '\r\n', '\r'), fc.boolean(), async (names, cuts, eol, bom) => {
        const body = ['candidate,votes', ...names.map((n, i) => `${quote(n)},${i + 1}`)].join(eol) + eol;
        const expected = Object.fromEntries(names.map((n, i) => [n, i + 1]));
        const inputs: [string[], Buffer[]][] = [
          [['--parser', 'fast'], chunked(Buffer.from((bom ? '\uFEFF' : '') + body), cuts)],
          [['--parser', 'csv-parse'], chunked(Buffer.from((bom ? '\uFEFF' : '') + body), cuts)],
          [[], chunked(Buffer.from(`\uFEFF${body}`, 'utf16le'), cuts)],
        ];
        for (const [flags, stdin] of inputs) {
          const r = await run(['--json', ...flags, '-'], { stdin });
          expect(r.code, r.stderr).toBe(0);
          const got = firstRace(parseDoc(r.stdout)).candidates;
          expect(Object.fromEntries(got.map((c) => [c.name, c.votes]))).toEqual(expected);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('majority through the CLI: winner exactly when 2 × top > total (two or more candidates)', async () => {
    const votes = fc.oneof(fc.array(fc.nat(12), { minLength: 2, maxLength: 6 }), fc.array(fc.nat(2 ** 45), { minLength: 2, maxLength: 6 }));
    await fc.assert(
      fc.asyncProperty(votes, async (vs) => {
        const input = ['candidate,votes', ...vs.map((v, i) => `Candidate ${String.fromCharCode(65 + i)},${v}`)].join('\n') + '\n';
        const r = await run(['--json', '-'], { stdin: input });
        expect(r.code).toBe(0);
        const outcome = firstRace(parseDoc(r.stdout)).outcome;
        const total = vs.reduce((a, b) => a + BigInt(b), 0n);
        const top = vs.reduce((a, b) => (BigInt(b) > a ? BigInt(b) : a), 0n);
        if (total === 0n) expect(outcome.status).toBe('no_votes');
        else expect(outcome.status === 'winner').toBe(2n * top > total);
      }),
      { numRuns: RUNS },
    );
  });

  const SGR = /\u001b\[[0-9;]*m/g;
  const UNSAFE = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u00ad\u061c\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060-\u206f\ufeff]|[\u{e0000}-\u{e007f}]/u;
  const anyName = fc.string({ unit: fc.oneof(fc.string({ unit: 'binary', minLength: 1, maxLength: 1 }), fc.constantFrom('\u001b[2J', '\u001b]8;;http://x\u0007', '\u001b]52;c;eA==\u0007', '\u009b1m', '\u202e', '\u2066', '\u200b', '\u{e0041}', '\r', '\n', '\t', '\b', '\u007f')), minLength: 1, maxLength: 10 });

  it('terminal output of random names has no controls, escape sequences or bidi overrides (only runoff\'s own SGR colour)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(anyName, anyName), { minLength: 1, maxLength: 5 }), fc.boolean(), async (pairs, color) => {
        const input = ['office,candidate,votes', ...pairs.map(([o, c], i) => `${quote(`Office ${o}`)},${quote(`X${c}`)},${i + 1}`)].join('\n') + '\n';
        const r = await run([color ? '--color' : '--no-color', '-'], { stdin: input, isTTY: true, columns: 120 });
        expect([0, 1]).toContain(r.code);
        const out = r.stdout.replace(SGR, '');
        expect(out).not.toMatch(UNSAFE);
        expect(out).not.toContain('\u001b');
        expect(r.stderr.replace(SGR, '')).not.toMatch(UNSAFE);
        if (!color) expect(r.stdout).not.toMatch(SGR);
      }),
      { numRuns: RUNS },
    );
  });
});
