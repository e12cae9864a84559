/** `--json`: the document, pretty-printed, never coloured, with C1/bidi/U+2028 escaped. */
import type { Election } from '../count/election.js';
import { toDocument } from './document.js';
import { escapeJsonText } from './sanitize.js';

export function renderJson(election: Election): string {
  return escapeJsonText(JSON.stringify(toDocument(election), null, 2)) + '\n';
}
