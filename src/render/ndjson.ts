/** `--format ndjson`: one race per line, each a complete JSON object carrying the schema version and rule id. */
import type { Election } from '../count/election.js';
import { raceDoc, SCHEMA_VERSION } from './document.js';
import { rankedRaceDoc } from './ranked-doc.js';
import { escapeJsonText } from './sanitize.js';

/** One line per race, built as it is written: only one race's text is held at a time. */
export function* renderNdjson(election: Election): Generator<string> {
  for (const result of election.races) {
    yield escapeJsonText(JSON.stringify({ schemaVersion: SCHEMA_VERSION, rule: election.rule.id, ...raceDoc(election, result) })) + '\n';
  }
  for (const race of election.ranked ?? []) {
    yield escapeJsonText(JSON.stringify({ schemaVersion: SCHEMA_VERSION, rule: 'instant-runoff', ...rankedRaceDoc(race) })) + '\n';
  }
}
