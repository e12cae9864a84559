/** `--format ndjson`: one race per line, each a complete JSON object carrying the schema version and rule id. */
import type { Election } from '../count/election.js';
import { toDocument } from './document.js';
import { escapeJsonText } from './sanitize.js';

export function renderNdjson(election: Election): string {
  const doc = toDocument(election);
  return doc.races.map((race) => escapeJsonText(JSON.stringify({ schemaVersion: doc.schemaVersion, rule: doc.rule.id, ...race })) + '\n').join('');
}
