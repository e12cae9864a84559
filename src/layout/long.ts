/**
 * The "long" family: one row per (geography × race × candidate) — minimal `candidate,votes`, OpenElections
 * (formats.md §1 A), and vote-type columns with or without a total (§1 B1, B2).
 */
import { ballotKind, excludedBy, cleanName, isPrimaryStage, primaryParty, raceId } from './classify.js';
import { findAll, findColumn, isVoteTypeColumn, SYNONYMS } from './columns.js';
import type { Classified, Layout, LayoutContext } from './layout.js';

export function detectLong(headers: readonly string[], ctx: LayoutContext): Layout | null {
  const candidate = findColumn(headers, 'candidate');
  if (candidate === -1) return null;
  const total = findColumn(headers, 'votes');
  // With a total column the vote-type columns are its parts and must never be added to it (TX).
  const voteColumns = total !== -1 ? [total] : headers.flatMap((h, i) => (isVoteTypeColumn(h) ? [i] : []));
  if (voteColumns.length === 0) return null;

  const office = findColumn(headers, 'office');
  const district = findColumn(headers, 'district');
  const party = findColumn(headers, 'party');
  const stage = findColumn(headers, 'stage');
  const kind = office === -1 ? 'minimal' : 'openelections';
  return {
    name: total === -1 ? `${kind}+vote-types` : kind,
    headerLength: headers.length,
    keyColumns: [candidate, office, district, party, stage],
    geoColumns: findAll(headers, 'geography'),
    voteColumns,
    voteColumnNames: voteColumns.map((i) => headers[i] ?? ''),
    classify: (values) => classifyLong(values, ctx),
  };
}

function classifyLong([candidate = '', office = '', district = '', party = '', stage = '']: readonly string[], ctx: LayoutContext): Classified {
  const name = cleanName(candidate);
  const reason = excludedBy(office, name);
  if (reason) return { kind: 'exclude', reason };
  const primary = ctx.partyPrimary ?? isPrimaryStage(stage);
  const race = raceId(office, district, primary ? primaryParty(party) : null);
  return { kind: 'vote', race, candidate: name, party: cleanName(party), ballot: ballotKind(name) };
}

/** The names looked for, for the "unrecognised header" error. */
export const LONG_LOOKED_FOR = `candidate (${SYNONYMS.candidate.join(', ')}) and votes (${SYNONYMS.votes.join(', ')}, or vote-type columns such as election_day_votes)`;
