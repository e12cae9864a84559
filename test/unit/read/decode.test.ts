/** decode.ts: a chunk's tail cut inside a character, and a sample that mixes UTF-8 with another encoding. */
import { describe, expect, it } from 'vitest';
import { mixedEncodings, trimPartialChar, Utf8Validator } from '../../../src/read/decode.js';

const utf8 = (s: string): Buffer => Buffer.from(s);
const latin = (s: string): Buffer => Buffer.from(s, 'latin1');

describe('trimPartialChar', () => {
  it('keeps a complete character at the end (a file ending in "JOSÉ" with no final newline)', () => {
    for (const text of ['JOSÉ', 'Ｋ１２', 'Ann 😀', 'abc']) expect(trimPartialChar(utf8(text))).toEqual(utf8(text));
  });

  it('drops only a character cut off by the end of the chunk', () => {
    for (const text of ['É', 'Ｋ', '😀']) {
      const whole = utf8(`ab${text}`);
      for (let cut = 3; cut < whole.length; cut++) expect(trimPartialChar(whole.subarray(0, cut))).toEqual(utf8('ab'));
    }
  });

  it('lets the validator accept a valid input however it is chunked, and nothing cut off at the end', () => {
    const bytes = utf8('candidate,votes\nJOSÉ,1\n😀,2\nＫ１２,3');
    for (let cut = 0; cut <= bytes.length; cut++) {
      const v = new Utf8Validator();
      expect(v.check(bytes.subarray(0, cut))).toBe(-1);
      expect(v.check(bytes.subarray(cut))).toBe(-1);
      expect(v.finish()).toBe(true);
    }
    const cutOff = new Utf8Validator();
    expect(cutOff.check(utf8('JOS😀').subarray(0, 5))).toBe(-1);
    expect(cutOff.finish()).toBe(false);
  });
});

describe('mixedEncodings', () => {
  it('finds the first bad line and the first UTF-8 line of a mixed sample', () => {
    expect(mixedEncodings(Buffer.concat([utf8('a,b\nCASTAÑEDA,1\n'), latin('CASTA\xD1EDA,2\n')]))).toEqual({ badLine: 3, utf8Line: 2 });
    expect(mixedEncodings(Buffer.concat([utf8('a,b\r\n'), latin('O\x92Rourke,2\r\n'), utf8('José,1\r\n')]))).toEqual({ badLine: 2, utf8Line: 3 });
  });

  it('is null for a sample in one 8-bit encoding (no well-formed multi-byte UTF-8 sequence)', () => {
    expect(mixedEncodings(latin('a,b\nCASTA\xD1EDA,1\nO\x92Rourke \x96 Jr.,2\n\xC3'))).toBeNull();
    // "PEÑA”" and "JOSÉ’S" in Windows-1252: Ñ” (D1 94) and É’ (C9 92) happen to be well-formed UTF-8 too.
    expect(mixedEncodings(latin('a,b\n\x93PE\xD1A\x94,1\nJOS\xC9\x92S,2\n'))).toBeNull();
  });
});
