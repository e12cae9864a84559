/**
 * `--json`: the document, pretty-printed, never coloured, with C1/bidi/U+2028 escaped. Written race by race, so
 * its size is never limited by the longest string V8 can build, and only one race's text is held at a time; the
 * text is exactly `JSON.stringify(toDocument(election), null, 2)`.
 */
import type { Election } from '../count/election.js';
import type { RankedRace } from '../count/election.js';
import { documentHead, raceDoc } from './document.js';
import { rankedRaceDoc } from './ranked-doc.js';
import { escapeJsonText } from './sanitize.js';

export function* renderJson(election: Election): Generator<string> {
  const head = documentHead(election);
  yield '{\n';
  for (const [key, value] of Object.entries(head)) yield `  ${JSON.stringify(key)}: ${nested(value, 1)},\n`;
  const ranked = election.ranked ?? [];
  const count = election.races.length + ranked.length;
  if (count === 0) yield '  "races": [],\n';
  else {
    yield '  "races": [\n';
    for (let i = 0; i < count; i++) {
      const two = election.races[i];
      const race = two ? raceDoc(election, two) : rankedRaceDoc(ranked[i - election.races.length] as RankedRace);
      yield `    ${nested(race, 2)}${i + 1 < count ? ',' : ''}\n`;
    }
    yield '  ],\n';
  }
  yield `  "warnings": ${nested(election.warnings, 1)}\n}\n`;
}

/**
 * A value as JSON.stringify(…, null, 2) prints it `depth` levels deep, its inner lines indented to match: printed
 * inside `depth` arrays, whose brackets are then cut off (one pass over the text less than indenting each line).
 */
function nested(value: unknown, depth: number): string {
  let wrapped = value;
  for (let i = 0; i < depth; i++) wrapped = [wrapped];
  const text = JSON.stringify(wrapped, null, 2);
  // Before: "[\n" and the next level's indent, per level; after: "\n", the level's indent and "]".
  return escapeJsonText(text.slice(2 * depth + depth * (depth + 1), text.length - (2 * depth + depth * (depth - 1))));
}
