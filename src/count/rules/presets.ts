/** Jurisdiction presets as data: an id, a label, the rule and the source it was built from. */
import { pct } from './fraction.js';
import { usPresets } from './presets-us.js';
import type { Rule } from './rule.js';
import { worldPresets } from './presets-world.js';

export const majority: Rule = {
  id: 'majority',
  name: 'Majority (the default): more than half of the votes counted, else the top two meet in a runoff',
  source: 'The common US runoff rule, e.g. O.C.G.A. § 21-2-501 (Georgia)',
  wins: [{ share: pct(50) }],
  denominator: 'valid',
  advance: 2,
  ties: 'report',
};

export const plurality: Rule = {
  id: 'plurality',
  name: 'Plurality (first past the post): no runoff',
  source: 'First-past-the-post, e.g. most US general elections',
  // Leading by more than 0 points is exactly "more votes than the runner-up".
  wins: [{ share: pct(0), atLeast: true, lead: { share: pct(0) } }],
  denominator: 'valid',
  advance: 1,
  ties: 'report',
  note: 'A tie for first is reported, never broken.',
};

/**
 * Presets whose sources are news reports or secondary summaries, not a statute, an official page or a
 * peer-reviewed work: `runoff rules` (and `verified: false` in JSON) say so until a primary source is checked.
 */
const SECONDARY_SOURCES_ONLY = new Set(['us-wa-top-two', 'us-ak-top-four', 'chicago', 'ec', 'ni', 'pe', 'gt', 'sl']);

export const presets: readonly Rule[] = [majority, plurality, ...usPresets, ...worldPresets].map((rule) =>
  SECONDARY_SOURCES_ONLY.has(rule.id) ? { ...rule, verified: false } : rule,
);

const byId = new Map(presets.map((p) => [p.id, p]));

/** The preset with this id (case-insensitive), or undefined. */
export function findPreset(id: string): Rule | undefined {
  return byId.get(id.trim().toLowerCase());
}
