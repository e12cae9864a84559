/** A NUL byte between digits makes the vote cell unreadable (never a plausible 12); elsewhere it is removed. */
import { describe, expect, it } from 'vitest';
import { NUL_MARK, NulNotes } from '../../../src/read/dialect.js';
import { run } from '../../support/run.js';
import { codes, firstRace, parseDoc } from '../../support/doc.js';

const MARK = String.fromCharCode(NUL_MARK);

/** Every way of cutting `text` into two chunks, through both the byte and the string paths of NulNotes. */
function stripped(text: string, cut: number): { bytes: string; chars: string } {
  const b = new NulNotes();
  const parts = [text.slice(0, cut), text.slice(cut)];
  const bytes = parts.map((p) => (b.needs(p.includes('\u0000')) ? b.stripBytes(Buffer.from(p), () => 1) : (b.passed(p.charCodeAt(p.length - 1) || undefined), Buffer.from(p))).toString('latin1')).join('');
  const s = new NulNotes();
  const lines = { lineOf: () => 1 } as unknown as Parameters<NulNotes['strip']>[1];
  const chars = parts.map((p) => (s.needs(p.includes('\u0000')) ? s.strip(p, lines) : (p !== '' && s.passed(p.charCodeAt(p.length - 1)), p))).join('');
  return { bytes, chars };
}

describe('NulNotes', () => {
  it.each([
    ['1\u00002', `1${MARK}2`],
    ['1\u0000\u0000\u00002', `1${MARK}2`],
    ['12\u0000', '12'],
    ['\u000012', '12'],
    ['A\u0000B', 'AB'],
    ['1\u0000,2', '1,2'],
    ['x,1\u00002\u00003,y', `x,1${MARK}2${MARK}3,y`],
  ])('%j → %j, wherever the chunks are cut', (input, expected) => {
    for (let cut = 0; cut <= input.length; cut++) {
      const { bytes, chars } = stripped(input, cut);
      expect(bytes, `bytes cut at ${cut}`).toBe(expected);
      expect(chars, `chars cut at ${cut}`).toBe(expected);
    }
  });
});

describe('a NUL byte inside a vote cell, on both parsers and in any chunking', () => {
  const file = Buffer.from('office,candidate,votes\nMayor,A,1\u00002\nMayor,B,5\n');
  it.each(['fast', 'csv-parse'])('%s: a bad vote cell (exit 1) naming the line, with a hint', async (parser) => {
    for (const cut of [0, 32, 33, 34, 35, file.length]) {
      const r = await run(['--parser', parser, '-'], { stdin: [file.subarray(0, cut), file.subarray(cut)] });
      expect(r.code, `cut ${cut}`).toBe(1);
      expect(r.stderr).toBe('runoff: <stdin>:2: votes "1<NUL>2" has a NUL byte between its digits\n  hint: the file holds binary debris in this cell: export it again, or pass --skip-bad-rows to skip such rows with a warning\n');
    }
  });
  it('--skip-bad-rows skips that row with a warning, and counts the rest', async () => {
    const r = await run(['--json', '--skip-bad-rows', '-'], { stdin: file });
    expect(r.code).toBe(0);
    expect(firstRace(parseDoc(r.stdout)).candidates).toEqual([expect.objectContaining({ name: 'B', votes: 5 })]);
  });
  it('a NUL next to a name or after the digits is still removed with a warning', async () => {
    const r = await run(['--json', '-'], { stdin: 'office,candidate,votes\nMayor,A\u0000x,12\u0000\nMayor,B,5\n' });
    expect(r.code).toBe(0);
    const doc = parseDoc(r.stdout);
    expect(firstRace(doc).candidates.map((c) => [c.name, c.votes])).toEqual([['Ax', 12], ['B', 5]]);
    expect(codes(doc)).toContain('nul-bytes');
  });
});
