/**
 * One round over the ballot groups: each group either stays with its continuing candidate, moves down its
 * ranking to the next continuing one, or becomes inactive for a reason. The steps follow RCTab's order exactly
 * (skipped ranks, then a repeated candidate, then the overvote rule), re-read from the top each time a group moves.
 */
import { DataError } from '../../model/errors.js';
import type { OvervoteRule } from '../../model/irv-options.js';
import { OVERVOTE_ID, type BallotGroup, type BallotPool } from './pool.js';

/** Why a group stopped counting; 0 is still active. */
export const Status = { Active: 0, NoRankings: 1, Overvote: 2, SkippedRankings: 3, RepeatedRanking: 4, Exhausted: 5 } as const;
export type Status = (typeof Status)[keyof typeof Status];

export interface GroupState {
  /** Candidate index the group counts for, -1 when none yet or inactive. */
  recipient: Int32Array;
  status: Uint8Array;
}

export interface RoundCount {
  tally: Float64Array;
  /** Weight by Status (index 0 unused). */
  inactive: Float64Array;
  /** transfers[from][to]: to is a candidate index, or -1 for exhausted. */
  transfers: Map<number, Map<number, number>>;
}

export interface WalkRules {
  overvoteRule: OvervoteRule;
  maxSkipped: number;
  exhaustOnDuplicate: boolean;
}

export function countRound(
  pool: BallotPool,
  groups: readonly BallotGroup[],
  state: GroupState,
  continuing: (candidate: number) => boolean,
  rules: WalkRules,
): RoundCount {
  const count: RoundCount = {
    tally: new Float64Array(pool.names.length),
    inactive: new Float64Array(6),
    transfers: new Map(),
  };
  const { rawCandidate, rawIsAlias } = pool;
  // an alias, as written, is never eliminated: RCTab's overvote check sees it as continuing
  const rawContinuing = (id: number): boolean => rawIsAlias[id] === true || (id !== OVERVOTE_ID && continuing(rawCandidate[id] as number));
  const select = (g: number, weight: number, to: number, status: Status): void => {
    const from = state.recipient[g] as number;
    if (from >= 0) {
      let row = count.transfers.get(from);
      if (!row) count.transfers.set(from, (row = new Map()));
      row.set(to, (row.get(to) ?? 0) + weight);
    }
    state.recipient[g] = to;
    if (to >= 0) count.tally[to] = (count.tally[to] as number) + weight;
    else {
      state.status[g] = status;
      count.inactive[status] = (count.inactive[status] as number) + weight;
    }
  };

  for (let g = 0; g < groups.length; g++) {
    const group = groups[g] as BallotGroup;
    const weight = group.weight;
    const status = state.status[g] as Status;
    if (status !== Status.Active) {
      count.inactive[status] = (count.inactive[status] as number) + weight;
      continue;
    }
    const current = state.recipient[g] as number;
    if (current >= 0 && continuing(current)) {
      count.tally[current] = (count.tally[current] as number) + weight;
      continue;
    }
    const { ranks, choices } = group;
    if (ranks.length === 0) {
      select(g, weight, -1, Status.NoRankings);
      continue;
    }
    const lastRankNumber = ranks[ranks.length - 1] as number;
    const seen = rules.exhaustOnDuplicate ? new Set<number>() : null;
    let lastRank = 0;
    for (let i = 0; i < ranks.length; i++) {
      const rank = ranks[i] as number;
      const ids = choices[i] as number[];
      if (rank - lastRank > rules.maxSkipped + 1) {
        select(g, weight, -1, Status.SkippedRankings);
        break;
      }
      lastRank = rank;
      if (seen && ids.some((id) => seen.has(id) || (seen.add(id), false))) {
        select(g, weight, -1, Status.RepeatedRanking);
        break;
      }
      const decision = overvoteDecision(ids, rules.overvoteRule, rawContinuing);
      if (decision === 'exhaust') {
        select(g, weight, -1, Status.Overvote);
        break;
      }
      if (decision === 'skip') {
        // an overvote at the last rank is out of choices, not an overvote (RCTab's rule)
        if (rank === lastRankNumber) select(g, weight, -1, Status.Exhausted);
        continue;
      }
      let chosen = -1;
      for (const id of ids) {
        const candidate = rawCandidate[id] as number;
        if (candidate >= 0 && continuing(candidate)) {
          chosen = candidate;
          break;
        }
      }
      if (chosen >= 0) {
        select(g, weight, chosen, Status.Active);
        break;
      }
      if (rank === lastRankNumber) select(g, weight, -1, Status.Exhausted);
    }
  }
  return count;
}

function overvoteDecision(ids: readonly number[], rule: OvervoteRule, rawContinuing: (id: number) => boolean): 'none' | 'exhaust' | 'skip' {
  if (ids.includes(OVERVOTE_ID)) {
    if (ids.length !== 1) throw new DataError('a rank holds both the overvote label and a candidate', undefined, 'check the overvote label: it must not also be a candidate name');
    switch (rule) {
      case 'exhaustImmediately':
        return 'exhaust';
      case 'alwaysSkipToNextRank':
        return 'skip';
      case 'exhaustIfMultipleContinuing':
        throw new DataError(
          'the overvote rule exhaustIfMultipleContinuing needs to know who was overvoted, but the CVR only says "overvote"',
          undefined,
          'use exhaustImmediately or alwaysSkipToNextRank with an overvote label',
        );
    }
  }
  if (ids.length <= 1) return 'none';
  switch (rule) {
    case 'exhaustImmediately':
      return 'exhaust';
    case 'alwaysSkipToNextRank':
      return 'skip';
    case 'exhaustIfMultipleContinuing': {
      let live = 0;
      for (const id of ids) if (rawContinuing(id) && ++live > 1) return 'exhaust';
      return 'none';
    }
  }
}
