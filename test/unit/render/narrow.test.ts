import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import stringWidth from 'string-width';
import { NARROW } from '../../../src/render/table.js';
import { runs } from '../../support/runs.js';

/** Every character the table measures by its length, without string-width. */
const narrowChars: string[] = [];
for (let cp = 0; cp <= 0xffff; cp++) if (NARROW.test(String.fromCharCode(cp))) narrowChars.push(String.fromCharCode(cp));

describe('NARROW: text measured by its length', () => {
  it('is printable ASCII, U+00A0–U+02FF but the soft hyphen, and U+1E00–U+1EFF', () => {
    expect(narrowChars).toHaveLength(0x7f - 0x20 + (0x300 - 0xa0) - 1 + (0x1f00 - 0x1e00));
    expect(NARROW.test('Núñez, Łukasz Şahin, Bee Nguyễn')).toBe(true);
  });

  it('holds only characters string-width counts as one column', () => {
    expect(narrowChars.filter((ch) => stringWidth(ch) !== 1)).toEqual([]);
  });

  it('gives string-width’s width for any text made of them', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...narrowChars), { maxLength: 40 }), (chars) => {
        const text = chars.join('');
        expect(NARROW.test(text)).toBe(true);
        expect(text.length).toBe(stringWidth(text));
      }),
      { numRuns: runs(2000) },
    );
  });

  it('leaves to string-width what is not one column a unit', () => {
    // A combining accent, the soft hyphen, wide letters, an emoji, a control character.
    for (const text of ['Nu\u0301n\u0303ez', 'co\u00adop', '東京', 'Ossoff 🗳', 'a\tb']) {
      expect(NARROW.test(text)).toBe(false);
      expect(stringWidth(text)).not.toBe(text.length);
    }
  });
});
