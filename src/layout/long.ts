/**
 * The "long" family: one row per (geography × race × candidate) — minimal `candidate,votes`, OpenElections
 * (formats.md §1 A), and vote-type columns with or without a total (§1 B1, B2). `longLayout` is the builder
 * the other one-candidate-per-row families (MEDSL, civicfs, Clarity, county clerk) share.
 */
import { ballotKind, excludedBy, cleanName, isPrimaryStage, primaryParty, raceId } from './classify.js';
import { findAll, findColumn, findCountyColumn, hasPrecinctColumn, isVoteTypeColumn, SYNONYMS } from './columns.js';
import type { Classified, Layout, LayoutContext } from './layout.js';

export interface LongSpec {
  name: string;
  keyColumns: number[];
  voteColumns: number[];
  classify(keyValues: readonly string[]): Classified;
}

/** A one-part layout: the record's votes go to the one (race, candidate) its key columns name. */
export function longLayout(headers: readonly string[], spec: LongSpec): Layout {
  return {
    name: spec.name,
    headerLength: headers.length,
    keyColumns: spec.keyColumns,
    geoColumns: findAll(headers, 'geography'),
    countyColumn: findCountyColumn(headers),
    dedup: !hasPrecinctColumn(headers),
    parts: [{ voteColumns: spec.voteColumns }],
    classify: (values) => [spec.classify(values)],
    notes: [],
  };
}

export function detectLong(headers: readonly string[], ctx: LayoutContext): Layout | null {
  const candidate = findColumn(headers, 'candidate');
  if (candidate === -1) return null;
  const total = findColumn(headers, 'votes');
  // With a total column the vote-type columns are its parts and must never be added to it (TX).
  const voteColumns = total !== -1 ? [total] : headers.flatMap((h, i) => (isVoteTypeColumn(h) ? [i] : []));
  if (voteColumns.length === 0) return null;

  const office = findColumn(headers, 'office');
  const kind = office === -1 ? 'minimal' : 'openelections';
  return longLayout(headers, {
    name: total === -1 ? `${kind}+vote-types` : kind,
    keyColumns: [candidate, office, findColumn(headers, 'district'), findColumn(headers, 'party'), findColumn(headers, 'stage')],
    voteColumns,
    classify: (values) => classifyLong(values, ctx),
  });
}

export function classifyLong([candidate = '', office = '', district = '', party = '', stage = '']: readonly string[], ctx: LayoutContext, seats: number | null = null): Classified {
  const name = cleanName(candidate);
  const primary = ctx.partyPrimary ?? isPrimaryStage(stage);
  const race = raceId(office, district, primary ? primaryParty(party) : null, seats);
  const reason = excludedBy(office, name);
  if (reason) return { kind: 'exclude', reason, race };
  return { kind: 'vote', race, candidate: name, party: cleanName(party), ballot: ballotKind(name) };
}

/** The names looked for, for the "unrecognised header" error. */
export const LONG_LOOKED_FOR = `candidate (${SYNONYMS.candidate.join(', ')}) and votes (${SYNONYMS.votes.join(', ')}, or vote-type columns such as election_day_votes)`;
