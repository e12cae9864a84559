/** A counted election: every race with its decision, what each input contributed, and the warnings. */
import type { Decision } from './decide.js';
import type { Outlook } from './outlook.js';
import type { Rule } from './rules/rule.js';
import type { InputSummary, PrimaryMode, RaceTally, Warning } from '../model/types.js';
import { partyLabel } from '../model/parties.js';

export interface RaceResult {
  race: RaceTally;
  decision: Decision;
  /** With --outstanding: what the votes still to count can change. */
  outlook: Outlook | null;
}

export interface Election {
  rule: Rule;
  /** The --by column, when a breakdown by area was asked for. */
  by: string | null;
  /** --seats, applied to every race; null when not given. */
  seats: number | null;
  primary: PrimaryMode;
  inputs: InputSummary[];
  races: RaceResult[];
  warnings: Warning[];
}

/** "U.S. House District 6", with the party for a primary: the name --race matches against. */
export function raceTitle(race: RaceTally): string {
  const district = race.district === '' ? '' : /^\d+$/.test(race.district) ? ` District ${race.district}` : ` (${race.district})`;
  return `${race.office || 'Results'}${district}${race.party ? ` · ${partyLabel(race.party)} primary` : ''}`;
}

