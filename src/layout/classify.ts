/**
 * Which rows are not candidate votes (totals, over/under votes, registered voters, blank candidates), and
 * which race a row belongs to (office, district, party in a primary, seats).
 */
import { raceKey, type BallotKind, type ExclusionReason, type RaceId } from '../model/types.js';
import { cleanName } from '../model/race-names.js';

export { cleanName, primaryParty, raceLabel } from '../model/race-names.js';

const TURNOUT_OFFICE = /\b(voters|registration|registered|ballots cast)\b/i;
const STRAIGHT_PARTY = /straight[\s-]*party/i;
const CANDIDATE_TOTAL = /^total(s| votes)?$/i;
const OVER_UNDER = /^(over|under)[\s-]*votes?$/i;
const TURNOUT_CANDIDATE = /^(registered( voters)?|(total )?ballots cast|total ballots)$/i;
/** A choice row that holds the contest's ballots cast (county statements print one inside each race). */
const BALLOTS_CANDIDATE = /^((total )?ballots cast|total ballots)$/i;

/** `Ballots Cast` / `Total Ballots` as a choice name: the row feeds the vote-for-N check, never a tally. */
export function isBallotsCastName(candidate: string): boolean {
  return BALLOTS_CANDIDATE.test(candidate);
}
const GEOGRAPHY_TOTAL = /^total( votes)?$/i;

/** A geography value that is a pseudo-row carrying the sum of the real ones: summing it doubles every count. */
export function isGeographyTotal(value: string): boolean {
  return value.length >= 5 && value.length <= 13 && GEOGRAPHY_TOTAL.test(value.trim());
}

export function excludedBy(office: string, candidate: string): ExclusionReason | null {
  if (TURNOUT_OFFICE.test(office)) return 'turnout';
  if (STRAIGHT_PARTY.test(office)) return 'straight-party';
  if (candidate === '') return 'blank-candidate';
  if (CANDIDATE_TOTAL.test(candidate)) return 'candidate-total';
  if (OVER_UNDER.test(candidate)) return 'over-under-votes';
  if (TURNOUT_CANDIDATE.test(candidate)) return 'turnout';
  return null;
}

const BLANK = /^(blank( votes?| ballots?)?|blancs?|blancos?|votos? en blanco|brancos?|em branco|votos? brancos?|(schede )?bianche)$/i;
const INVALID = /^(null|nuls?|nulos?|votos? nulos?|void|spoiled( ballots?)?|invalid( votes?| ballots?)?|rejected( ballots?)?|(schede )?nulle|ungültige?( stimmen)?)$/i;
const WRITE_IN = /^(write[\s-]*ins?|scatter(ing|ed)|all others|other write[\s-]*ins?)$/i;

/** Blank and invalid ballots are not candidates; write-in aggregates count but never advance. */
export function ballotKind(candidate: string): BallotKind {
  if (BLANK.test(candidate)) return 'blank';
  if (INVALID.test(candidate)) return 'invalid';
  if (WRITE_IN.test(candidate)) return 'write-in';
  return 'candidate';
}

/**
 * Excel's text-protected number `="0012"` (a formula keeping the leading zeros) → `0012`: for IDs (precinct,
 * county, district, --by areas), never for vote cells, which must be plain counts.
 */
export function excelText(s: string): string {
  return s.length >= 3 && s.charCodeAt(0) === 0x3d && s.charCodeAt(1) === 0x22 && s.endsWith('"') ? s.slice(2, -1) : s;
}

/** `6`, `006`, `District 6`, `STATEWIDE`, `="006"` → `6`, `6`, `6`, ``, `6`; other names keep their spelling (compare lowercased). */
export function normalizeDistrict(s: string): string {
  const d = excelText(cleanName(s)).replace(/\s+/g, ' ').replace(/^district\s*/i, '');
  if (/^statewide$/i.test(d)) return '';
  return /^\d+$/.test(d) ? String(Number.parseInt(d, 10)) : d;
}

export function isPrimaryStage(stage: string): boolean {
  return /^pri/i.test(stage.trim());
}

const VOTE_FOR = /\s*\(\s*vote\s+for\s+(?:not\s+more\s+than\s+)?(\d+)\s*\)\s*$/i;

/**
 * `Representative … District 8 (Vote For 1)` → the office without the marker, and 1. Clarity writes it, and so
 * do county exports in other layouts; `(Vote For 2)` makes the contest multi-seat, where a majority rule does
 * not apply.
 */
export function seatsFromContest(contest: string): { office: string; seats: number | null } {
  const name = cleanName(contest);
  const m = VOTE_FOR.exec(name);
  return m ? { office: name.slice(0, m.index), seats: Number(m[1]) } : { office: name, seats: null };
}

/** office + district (normalised) + party for party primaries. `seats` is carried along, not part of the key. */
export function raceId(office: string, district: string, party: string | null, seats: number | null = null): RaceId {
  const o = cleanName(office).replace(/\s+/g, ' ');
  const d = normalizeDistrict(district);
  return { key: raceKey(o, d, party), office: o, district: d, party, seats };
}

/** `TRUE`, `True`, `true`, `T`, `1`, `yes`: the spellings of a boolean flag column (MEDSL `special`, `writein`). */
export function isTrue(flag: string): boolean {
  return /^\s*(true|t|1|yes|y)\s*$/i.test(flag);
}
