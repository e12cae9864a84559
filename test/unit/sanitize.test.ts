import { describe, expect, it } from 'vitest';
import { escapeJsonText, sanitizeForTerminal } from '../../src/render/sanitize.js';

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
    expect(JSON.parse(json).n).toBe('a\u202Eb\u2028c\u0085');
  });
});
