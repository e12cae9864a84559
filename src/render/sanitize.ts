/**
 * Untrusted text (candidate, office and file names, cells quoted in messages) made safe for a terminal and for
 * JSON. A name must never clear the screen, move the cursor, set the clipboard (OSC 52), hide text or reorder it
 * (CVE-2021-42574 "Trojan Source"; CVE-2021-25743 kubectl; CVE-2024-52005 git sideband).
 */
import type { RaceTally, Warning } from '../model/types.js';

// C0 controls (TAB, CR and LF included: a name must stay on its row), DEL and C1 controls.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
// Invisible or reordering: soft hyphen, combining grapheme joiner, Hangul fillers, Khmer inherent vowels,
// Mongolian selectors, zero-width characters, bidi embeddings/overrides/isolates and marks, line and paragraph
// separators, word joiner and invisible operators, BOM, interlinear annotations, and the tag characters that
// spell hidden ASCII ("ASCII smuggling").
const INVISIBLE = /[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060-\u206f\u3164\ufeff\uffa0\ufff9-\ufffb\u{e0000}-\u{e007f}]/gu;

const HAS_CONTROL = new RegExp(CONTROL.source);
const HAS_INVISIBLE = new RegExp(INVISIBLE.source, 'u');

const NAMED: Record<string, string> = { '\t': '\\t', '\n': '\\n', '\r': '\\r', '\u001b': '\\e' };

function hex(ch: string, width: number): string {
  return (ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(width, '0');
}

/**
 * Printable ASCII, which no escaping changes: one quick test (a plain class, no /u) before the two that look for
 * what must be escaped. Names, offices and JSON text are that nearly always.
 */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;

/** For the terminal: every control becomes a visible escape (`\e`, `\x07`, `<U+202E>`). Measure width after this. */
export function sanitizeForTerminal(text: string): string {
  if (PRINTABLE_ASCII.test(text)) return text;
  return text
    .replace(CONTROL, (ch) => NAMED[ch] ?? `\\x${hex(ch, 2)}`)
    .replace(INVISIBLE, (ch) => `<U+${hex(ch, 4)}>`);
}

/** Multi-line text we did not write ourselves (commander's messages quote the argv): each line escaped, breaks kept. */
export function sanitizeLines(text: string): string {
  return text.split('\n').map(sanitizeForTerminal).join('\n');
}

/** The same for JSON text, whose line breaks and indentation are its own. */
const JSON_ASCII = /^[\x00-\x7e]*$/;

/** True when `sanitizeForTerminal` would change the text. */
export function needsEscaping(text: string): boolean {
  return !PRINTABLE_ASCII.test(text) && (HAS_CONTROL.test(text) || HAS_INVISIBLE.test(text));
}

const JSON_UNSAFE = /[\u007f-\u009f\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e\u2028\u2029\u2060-\u206f\u3164\ufeff\uffa0\ufff9-\ufffb]/g;
const JSON_TAGS = /[\u{e0000}-\u{e007f}]/gu;

/** For JSON text: values stay exact, but C1, bidi, invisible characters and U+2028/2029 are written as \u escapes. */
export function escapeJsonText(json: string): string {
  if (JSON_ASCII.test(json)) return json;
  return json
    .replace(JSON_UNSAFE, (ch) => `\\u${hex(ch, 4).toLowerCase()}`)
    .replace(JSON_TAGS, (ch) => `\\u${hex(ch[0] ?? '', 4).toLowerCase()}\\u${hex(ch[1] ?? '', 4).toLowerCase()}`);
}

/**
 * One warning when names in the results contain characters that are shown escaped: such a name looks
 * different in the table than in the file, and bidi or zero-width characters are how look-alike names are made.
 */
export function hiddenCharacterWarnings(races: Iterable<RaceTally>): Warning[] {
  const found = new Set<string>();
  let file: string | undefined;
  // Text by text, without a list per race: a file may hold hundreds of thousands of races.
  const check = (text: string, race: RaceTally): void => {
    if (!needsEscaping(text)) return;
    found.add(text);
    file ??= race.firstSeen.file;
  };
  for (const race of races) {
    check(race.office, race);
    check(race.district, race);
    check(race.party ?? '', race);
    for (const c of race.candidates.values()) {
      check(c.name, race);
      check(c.party, race);
    }
  }
  if (found.size === 0) return [];
  const shown = [...found].slice(0, 3).map((t) => `"${sanitizeForTerminal(t)}"`).join(', ');
  const n = found.size;
  return [{
    code: 'hidden-characters',
    ...(file === undefined ? {} : { file }),
    message: `${n} name${n === 1 ? '' : 's'} contain${n === 1 ? 's' : ''} control, invisible or bidi characters, shown escaped: ${shown}${n > 3 ? ', …' : ''}`,
  }];
}
