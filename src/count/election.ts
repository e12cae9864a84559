/** A counted election: every race with its decision, what each input contributed, and the warnings. */
import type { Decision } from './decide.js';
import type { Outlook } from './outlook.js';
import type { Rule } from './rules/rule.js';
import type { IrvResult } from './irv/result.js';
import type { InputSummary, PrimaryMode, RaceTally, Warning } from '../model/types.js';
import { partyLabel } from '../model/parties.js';

export interface RaceResult {
  race: RaceTally;
  decision: Decision;
  /** With --outstanding: what the votes still to count can change. */
  outlook: Outlook | null;
}

/** A ranked-ballot contest counted by instant runoff (one per cast-vote-record file or RCTab config). */
export interface RankedRace {
  id: string;
  office: string;
  /** The ballot file or the RCTab config. */
  file: string;
  result: IrvResult;
  /** With --by precinct: first choices per precinct, most first. */
  precincts?: { area: string; firstChoices: Record<string, number> }[];
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
  /** Ranked-ballot contests, after the two-round races. */
  ranked?: RankedRace[];
  warnings: Warning[];
}

/** "U.S. House District 6", with the party for a primary: the name --race matches against. */
export function raceTitle(race: RaceTally): string {
  const district = race.district === '' ? '' : /^\d+$/.test(race.district) ? ` District ${race.district}` : ` (${race.district})`;
  return `${race.office || 'Results'}${district}${race.party ? ` · ${partyLabel(race.party)} primary` : ''}`;
}

