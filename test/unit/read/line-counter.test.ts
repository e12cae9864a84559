import { describe, expect, it } from 'vitest';
import { fc, test } from '@fast-check/vitest';
import { breaksIn, endsLine, lineAt, LineCounter, NONE } from '../../../src/read/line-counter.js';

/** The rule, written the slow obvious way: split on CRLF, CR or LF. */
const linesOf = (text: string): number => text.split(/\r\n|\r|\n/).length;

describe('line-counter', () => {
  it('ends a line at LF, at a lone CR, and once at a CRLF', () => {
    expect(breaksIn('a\nb\rc\r\nd', 0, 8, NONE)).toBe(3);
    expect(lineAt('a\nb\rc\r\nd', 7)).toBe(4);
    expect(endsLine(0x0a, 0x0d)).toBe(false);
    expect(endsLine(0x0a, NONE)).toBe(true);
  });

  it('counts bytes and text alike (CR and LF are the same code units)', () => {
    const text = 'é\r\n😀\n\r"x\r\n"\r';
    const bytes = Buffer.from(text);
    expect(breaksIn(bytes, 0, bytes.length, NONE)).toBe(breaksIn(text, 0, text.length, NONE));
  });

  it('takes the LF of a CRLF split between two chunks as its second half', () => {
    const lines = new LineCounter();
    lines.feed('a\r');
    expect(lines.line).toBe(2);
    expect(lines.lineOf('\nb\n', 1)).toBe(2); // lineOf does not feed
    lines.feed('\nb\n');
    expect(lines.line).toBe(3);
  });

  it('feeds a slice of a chunk', () => {
    const lines = new LineCounter();
    lines.feed(Buffer.from('x\ny\r\nz'), 2, 4); // `y\r`
    lines.feed(Buffer.from('\n'));
    expect(lines.line).toBe(2);
  });

  test.prop({ parts: fc.array(fc.constantFrom('a', '\r', '\n', '\r\n', 'é'), { maxLength: 30 }), cuts: fc.array(fc.nat(), { maxLength: 5 }) })(
    'chunk by chunk, as bytes or as text, the count is the same as the whole',
    ({ parts, cuts }) => {
      const text = parts.join('');
      const bytes = Buffer.from(text);
      const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((a, b) => a - b);
      const byBytes = new LineCounter();
      let from = 0;
      for (const to of [...at, bytes.length]) {
        byBytes.feed(bytes.subarray(from, to));
        from = to;
      }
      const byText = new LineCounter();
      for (const part of parts) byText.feed(part);
      expect(byBytes.line).toBe(linesOf(text));
      expect(byText.line).toBe(linesOf(text));
    },
  );
});
