/**
 * Untrusted text (candidate, office, area and file names) inside HTML and SVG. Names come from CSV files that
 * anyone can write, and the page is meant to be mailed around and opened from disk, so every name goes through
 * `esc` whether it lands in text, an attribute or an SVG `<title>`.
 */
import { sanitizeForTerminal } from '../sanitize.js';

const MARKUP: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  // Braces: a page pasted into a site that runs a client-side template engine must not see `{{ … }}`.
  '{': '&#123;',
  '}': '&#125;',
};

/**
 * Text or attribute value. Controls and bidi/invisible characters are first made visible exactly as in the
 * terminal table (`\e`, `<U+202E>`): XML forbids most C0 controls outright, and a bidi override in a name
 * would reorder the text around it.
 */
export function esc(text: string): string {
  return sanitizeForTerminal(text).replace(/[&<>"'{}]/g, (ch) => MARKUP[ch] ?? ch);
}

/** At most `max` characters (by code point, so no surrogate pair is split), with an ellipsis when cut. */
export function clip(text: string, max: number): string {
  const chars = [...sanitizeForTerminal(text)];
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

/** A fragment id built from a number only, never from a name: ids must be unique and safe in `href="#…"`. */
export function anchor(prefix: string, index: number): string {
  return `${prefix}-${index + 1}`;
}
