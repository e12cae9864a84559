/**
 * The "long" family: one row per (geography × race × candidate) — minimal `candidate,votes`, OpenElections
 * (`county,precinct,office,district,party,candidate,votes`), and vote-type columns (`election_day`,
 * `absentee` …) summed when there is no total column, or checked against it (TX) when there is.
 * `longLayout` is the builder the other one-candidate-per-row families (MEDSL, civicfs, Clarity, county
 * clerk) share.
 */
import { ballotKind, excludedBy, cleanName, isBallotsCastName, isPrimaryStage, primaryParty, raceId, seatsFromContest } from '../classify.js';
import { findAll, findColumn, findCountyColumn, findPrecinctColumns, findUnnamedColumns, hasPrecinctColumn, isVoteTypeColumn, SYNONYMS } from '../columns.js';
import { keyColumnList, type Classified, type KeyColumns, type Layout, type LayoutContext, type Reporting, type TypeCheck } from '../layout.js';

export interface LongSpec {
  name: string;
  keyColumns: KeyColumns;
  voteColumns: number[];
  classify(keyValues: readonly string[]): Classified;
  typeCheck?: TypeCheck | null;
  reporting?: Reporting | null;
}

/**
 * A one-part layout: the record's votes go to the one (race, candidate) its key columns name. A vote-type row
 * dimension (`mode`, `vote_type`) not already a key column is appended to the key — `classify` sees only the
 * values it asked for — so two rows of one place, race and candidate are the same row only with the same type.
 */
export function longLayout(headers: readonly string[], spec: LongSpec): Layout {
  const type = findColumn(headers, 'voteType');
  const own = keyColumnList(spec.keyColumns);
  const keyColumns = type === -1 || own.includes(type) ? spec.keyColumns : { ...spec.keyColumns, more: { ...spec.keyColumns.more, voteType: type } };
  const n = own.length;
  return {
    name: spec.name,
    headerLength: headers.length,
    keyColumns,
    geoColumns: findAll(headers, 'geography'),
    countyColumn: findCountyColumn(headers),
    dedup: !hasPrecinctColumn(headers),
    precinctColumns: findPrecinctColumns(headers),
    unnamedColumns: findUnnamedColumns(headers),
    typeCheck: spec.typeCheck ?? null,
    reporting: spec.reporting ?? null,
    parts: [{ voteColumns: spec.voteColumns }],
    classify: keyColumns === spec.keyColumns ? (values) => [spec.classify(values)] : (values) => [spec.classify(values.slice(0, n))],
    notes: [],
  };
}

export function detectLong(headers: readonly string[], ctx: LayoutContext, raw: readonly string[] = headers): Layout | null {
  const candidate = findColumn(headers, 'candidate');
  if (candidate === -1) return null;
  const total = findColumn(headers, 'votes');
  const types = headers.flatMap((h, i) => (isVoteTypeColumn(h) ? [i] : []));
  // With a total column the vote-type columns are its parts and must never be added to it (TX), only checked.
  const voteColumns = total !== -1 ? [total] : types;
  if (voteColumns.length === 0) return null;
  const typeCheck = total !== -1 && types.length > 0 ? { columns: types, names: types.map((i) => raw[i]?.trim() ?? ''), total: raw[total]?.trim() ?? '' } : null;

  const office = findColumn(headers, 'office');
  const kind = office === -1 ? 'minimal' : 'openelections';
  return longLayout(headers, {
    name: total === -1 ? `${kind}+vote-types` : kind,
    keyColumns: { candidate, office, district: findColumn(headers, 'district'), party: findColumn(headers, 'party'), stage: findColumn(headers, 'stage'), more: {} },
    voteColumns,
    classify: (values) => classifyLong(values, ctx),
    typeCheck,
  });
}

/** `(Vote For N)` at the end of the office, in any layout, is the seat count (and is taken off the name). */
export function classifyLong([candidate = '', contest = '', district = '', party = '', stage = '']: readonly string[], ctx: LayoutContext): Classified {
  const name = cleanName(candidate);
  const primary = ctx.partyPrimary ?? isPrimaryStage(stage);
  const { office, seats } = seatsFromContest(contest);
  const race = raceId(office, district, primary ? primaryParty(party) : null, seats);
  const reason = excludedBy(office, name);
  if (reason) return isBallotsCastName(name) ? { kind: 'exclude', reason, race, ballotsCast: true } : { kind: 'exclude', reason, race };
  return { kind: 'vote', race, candidate: name, party: cleanName(party), ballot: ballotKind(name) };
}

/** The names looked for, for the "unrecognised header" error. */
export const LONG_LOOKED_FOR = `candidate (${SYNONYMS.candidate.join(', ')}) and votes (${SYNONYMS.votes.join(', ')}, or vote-type columns such as election_day_votes)`;
