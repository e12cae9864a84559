/** Tally + Rule → Outcome. Pure; every comparison goes through the integer helpers of rules/rule.ts. */
import type { CandidateTally, Outcome, RaceTally } from './types.js';
import { clears, describeCondition, percentLabel, votesToClear, type Condition, type Rule } from './rules/rule.js';

export interface Decision {
  candidates: CandidateTally[];
  total: number;
  outcome: Outcome;
}

/** Votes descending, then name by code point: the documented, deterministic order. */
export function rankCandidates(race: RaceTally): CandidateTally[] {
  return [...race.candidates.values()].sort(
    (a, b) => b.votes - a.votes || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
}

export function decide(race: RaceTally, rule: Rule): Decision {
  const candidates = rankCandidates(race);
  const total = candidates.reduce((sum, c) => sum + c.votes, 0);
  return { candidates, total, outcome: outcomeOf(candidates, total, rule) };
}

function outcomeOf(ranked: CandidateTally[], total: number, rule: Rule): Outcome {
  const [top, second] = ranked;
  const none: Outcome = { status: 'no_votes', winner: null, runoff: [], tied: [], leader: null, votesShort: null, explanation: '' };
  if (!top || total === 0) return { ...none, explanation: 'no votes were counted for this race' };
  if (!second) {
    return { ...none, status: 'not_applicable', leader: top.name, explanation: `uncontested: ${top.name} is the only candidate` };
  }
  const leaderTied = second.votes === top.votes;
  const base = { ...none, leader: leaderTied ? null : top.name, votesShort: shortfall(top.votes, total, rule.wins[0]) };

  if (!rule.noShortcut && rule.wins.some((c) => holds(c, top.votes, second.votes, total))) {
    if (leaderTied) {
      const tied = ranked.filter((c) => c.votes === top.votes).map((c) => c.name);
      return { ...base, status: 'tie', tied, explanation: `${joinNames(tied)} are tied for first with ${fmt(top.votes)} votes each` };
    }
    return { ...base, status: 'winner', winner: top.name, explanation: `${fmt(top.votes)} of ${fmt(total)} votes clears ${rule.wins.map(describeCondition).join(', or ')}` };
  }

  const k = typeof rule.advance === 'number' ? rule.advance : rule.advance.min;
  const why = rule.noShortcut
    ? `the top ${k} always advance`
    : `nobody cleared ${percentLabel(rule.wins[0]?.share ?? { num: 1, den: 2 })} %`;
  const cut = ranked[k - 1];
  const firstOut = ranked[k];
  if (cut && firstOut && cut.votes === firstOut.votes) {
    const tiedAtCut = ranked.filter((c) => c.votes === cut.votes).map((c) => c.name);
    const above = ranked.filter((c) => c.votes > cut.votes).map((c) => c.name);
    if (rule.ties === 'all-advance') {
      const runoff = [...above, ...tiedAtCut];
      return { ...base, status: 'runoff', runoff, tied: tiedAtCut, explanation: `${why}; ${joinNames(tiedAtCut)} are tied at the cut line with ${fmt(cut.votes)} votes and all advance` };
    }
    return { ...base, status: 'tie', tied: tiedAtCut, explanation: `${why}; ${joinNames(tiedAtCut)} are tied at the cut line with ${fmt(cut.votes)} votes each, so the rule cannot pick who advances` };
  }
  if (ranked.length <= k && leaderTied) {
    const tied = ranked.filter((c) => c.votes === top.votes).map((c) => c.name);
    return { ...base, status: 'tie', tied, explanation: `${joinNames(tied)} are tied with ${fmt(top.votes)} votes each` };
  }
  const runoff = ranked.slice(0, k).map((c) => c.name);
  const short = base.votesShort === null || rule.noShortcut ? '' : `; ${top.name} was ${fmt(base.votesShort)} vote${base.votesShort === 1 ? '' : 's'} short`;
  return { ...base, status: 'runoff', runoff, explanation: why + short };
}

function holds(c: Condition, top: number, second: number, total: number): boolean {
  if (!clears(top, total, c.share, c.atLeast)) return false;
  // The lead is in points of the same denominator: (top − second)/total compared with lead.share.
  if (c.lead && !clears(top - second, total, c.lead.share, c.lead.atLeast)) return false;
  return true;
}

/** How many more votes the leader needed, with the total unchanged; null when the leader cleared it. */
function shortfall(votes: number, total: number, c: Condition | undefined): number | null {
  if (!c) return null;
  const needed = votesToClear(total, c.share, c.atLeast) - votes;
  return needed > 0 ? needed : null;
}

export function fmt(n: number): string {
  return n.toLocaleString('en-US');
}

function joinNames(names: string[]): string {
  if (names.length <= 2) return names.join(' and ');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
