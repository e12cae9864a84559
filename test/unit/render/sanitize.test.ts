import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runs } from '../../support/runs.js';
import { escapeJsonText, needsEscaping, sanitizeForTerminal, sanitizeLines } from '../../../src/render/sanitize.js';

describe('sanitizeForTerminal', () => {
  it('makes escape sequences, controls and bidi overrides visible', () => {
    expect(sanitizeForTerminal('A\u001b[2JB')).toBe('A\\e[2JB');
    expect(sanitizeForTerminal('x\u001b]8;;http://e\u0007y')).toBe('x\\e]8;;http://e\\x07y');
    expect(sanitizeForTerminal('a\tb\r\nc')).toBe('a\\tb\\r\\nc');
    expect(sanitizeForTerminal('evil\u202Eexe.txt')).toBe('evil<U+202E>exe.txt');
    expect(sanitizeForTerminal('zero\u200Bwidth')).toBe('zero<U+200B>width');
    expect(sanitizeForTerminal('c1\u009bx\u007f')).toBe('c1\\x9Bx\\x7F');
  });

  it('leaves ordinary names alone', () => {
    expect(sanitizeForTerminal('CHRYSTA CASTAÑEDA')).toBe('CHRYSTA CASTAÑEDA');
    expect(sanitizeForTerminal('"Jay" Dardenne')).toBe('"Jay" Dardenne');
  });
});

describe('escapeJsonText', () => {
  it('escapes C1, bidi and line separators but keeps the value', () => {
    const json = escapeJsonText(JSON.stringify({ n: 'a\u202Eb\u2028c\u0085' }));
    expect(json).toBe('{"n":"a\\u202eb\\u2028c\\u0085"}');
    const parsed: unknown = JSON.parse(json);
    expect(parsed).toEqual({ n: 'a\u202Eb\u2028c\u0085' });
  });
});

describe('sanitize: the rest of issue 6 §4', () => {
  it('escapes soft hyphen, word joiner, BOM, tag characters and the Hangul filler', () => {
    expect(sanitizeForTerminal('a\u00adb\u2060c\ufeffd\u{e0041}e\u3164f')).toBe('a<U+00AD>b<U+2060>c<U+FEFF>d<U+E0041>e<U+3164>f');
  });

  it('escapes every C0, DEL and C1 control, and nothing printable', () => {
    for (let c = 0; c < 0xa0; c++) {
      const ch = String.fromCharCode(c);
      const out = sanitizeForTerminal(ch);
      if (c < 0x20 || (c >= 0x7f && c < 0xa0)) expect(out).toMatch(/^\\/);
      else expect(out).toBe(ch);
    }
  });

  it('sanitizeLines keeps line breaks and escapes the rest', () => {
    expect(sanitizeLines("error: unknown option '--\u001b[2J'\n(Did you mean --json?)\n")).toBe("error: unknown option '--\\e[2J'\n(Did you mean --json?)\n");
  });

  it('needsEscaping agrees with sanitizeForTerminal', () => {
    for (const s of ['plain', 'Ñandú', 'a\u001bb', 'x\u202e', 'tag\u{e0001}', 'tab\t']) expect(needsEscaping(s)).toBe(sanitizeForTerminal(s) !== s);
  });

  it('escapeJsonText keeps values exact, tag characters included', () => {
    const value = 'a\u0085b\u200bc\u{e0041}d\u2029';
    const json = escapeJsonText(JSON.stringify({ value }));
    expect(json).not.toMatch(/[\u0080-\u009f\u200b\u2029]|[\u{e0000}-\u{e007f}]/u);
    const parsed: unknown = JSON.parse(json);
    expect(parsed).toEqual({ value });
  });
});

describe('the quick path for printable ASCII', () => {
  // Characters near every edge: controls, DEL, C1, Latin-1, the invisible and bidi ones, tags (astral), emoji.
  const chars = ['a', 'Z', ' ', '~', '"', '\\', '\t', '\n', '\r', '\u0000', '\u001b', '\u007f', '\u0085', '\u009f', '\u00a0', '\u00ad', 'é', '\u200b', '\u202e', '\u2028', '\ufeff', '\u{e0041}', '🗳'];
  const text = fc.array(fc.constantFrom(...chars), { maxLength: 12 }).map((a) => a.join(''));

  it('escapes as the two replacements do, with or without the quick path', () => {
    const control = /[\u0000-\u001f\u007f-\u009f]/g;
    const invisible = /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060-\u206f\u3164\ufeff\uffa0\ufff9-\ufffb\u{e0000}-\u{e007f}]/gu;
    const named: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\r': '\\r', '\u001b': '\\e' };
    const code = (ch: string, width: number): string => (ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(width, '0');
    fc.assert(
      fc.property(text, (t) => {
        const slow = t.replace(control, (ch) => named[ch] ?? `\\x${code(ch, 2)}`).replace(invisible, (ch) => `<U+${code(ch, 4)}>`);
        expect(sanitizeForTerminal(t)).toBe(slow);
      }),
      { numRuns: runs(5000) },
    );
  });

  it('says a text needs escaping exactly when sanitizeForTerminal changes it', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(needsEscaping(t)).toBe(sanitizeForTerminal(t) !== t);
      }),
      { numRuns: runs(5000) },
    );
  });

  it('leaves JSON text as it is exactly when it has nothing to escape', () => {
    fc.assert(
      fc.property(text, (t) => {
        const json = JSON.stringify({ t });
        const escaped = escapeJsonText(json);
        expect(JSON.parse(escaped)).toEqual({ t });
        expect(escaped === json).toBe(!/[\u007f-\u009f\u00ad\u200b\u202e\u2028\ufeff\u{e0041}]/u.test(t));
      }),
      { numRuns: runs(5000) },
    );
  });
});
