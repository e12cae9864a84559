/**
 * Untrusted text (candidate, office and file names) made safe for a terminal and for JSON.
 * A name must never clear the screen, move the cursor, hide text or reorder it (CVE-2021-42574).
 */

// C0 controls, DEL and C1 controls.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
// Bidi embeddings/overrides/isolates, zero-width characters, line/paragraph separators, BOM.
const INVISIBLE = /[\u061c\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060-\u2069\ufeff]/g;

const NAMED: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\r': '\\r', '\u001b': '\\e' };

function hex(ch: string, width: number): string {
  return (ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(width, '0');
}

/** For the terminal: every control becomes a visible escape (`\e`, `\x07`, `<U+202E>`). */
export function sanitizeForTerminal(text: string): string {
  return text
    .replace(CONTROL, (ch) => NAMED[ch] ?? `\\x${hex(ch, 2)}`)
    .replace(INVISIBLE, (ch) => `<U+${hex(ch, 4)}>`);
}

const JSON_UNSAFE = /[\u007f-\u009f\u061c\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060-\u2069\ufeff]/g;

/** For JSON text: values stay exact, but C1, bidi and U+2028/2029 are written as \u escapes. */
export function escapeJsonText(json: string): string {
  return json.replace(JSON_UNSAFE, (ch) => `\\u${hex(ch, 4).toLowerCase()}`);
}
