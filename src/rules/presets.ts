/** Jurisdiction presets as data: an id, a label, the rule and the source it was built from. */
import type { Rule } from './rule.js';

const HALF = { num: 1, den: 2 };

export const majority: Rule = {
  id: 'majority',
  name: 'Majority: more than 50 % of the votes counted, else the top two meet in a runoff',
  source: 'The common US runoff rule, e.g. O.C.G.A. § 21-2-501 (Georgia)',
  wins: [{ share: HALF }],
  denominator: 'valid',
  advance: 2,
  ties: 'report',
};

export const plurality: Rule = {
  id: 'plurality',
  name: 'Plurality: the leader wins; a tie for first is reported',
  source: 'First-past-the-post, e.g. most US general elections',
  // Leading by more than 0 points is exactly "more votes than the runner-up".
  wins: [{ share: { num: 0, den: 1 }, atLeast: true, lead: { share: { num: 0, den: 1 } } }],
  denominator: 'valid',
  advance: 1,
  ties: 'report',
};

export const presets: readonly Rule[] = [majority, plurality];
