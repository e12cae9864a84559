/**
 * --outstanding: what the votes not yet counted can still change, with no assumption about where they go.
 * Everything is exact: each question is "is there ANY split of the N outstanding votes that …", answered with
 * the same integer condition checks as the decision itself.
 */
import type { Decision } from './decide.js';
import { thousands } from '../model/thousands.js';
import { UsageError } from '../model/errors.js';
import { evaluateCondition, type RaceFacts } from './rules/evaluate.js';
import type { Rule } from './rules/rule.js';
import type { CandidateTally } from '../model/types.js';

export interface Outlook {
  outstanding: number;
  /** The denominator once every outstanding vote is counted. */
  finalDenominator: number;
  /** The leader: already won whatever happens, can still win with at least `votesNeeded`, or cannot any more. */
  /**
   * `votesNeeded`: the fewest outstanding votes that guarantee the win, whatever the others do (worst case: the
   * rest all go to the strongest rival). `votesNeededAtBest`: the fewest with which the win is still possible
   * (best case: the rest split as evenly as they can among the others). Equal under a majority threshold;
   * under plurality the leader can win with fewer if the others split.
   */
  leader: { name: string; status: 'clinched' | 'needs' | 'cannot'; votesNeeded: number | null; votesNeededAtBest: number | null } | null;
  /** Others who could still win outright, with the fewest outstanding votes each needs (worst and best case). */
  contenders: { name: string; votesNeeded: number; votesNeededAtBest: number }[];
  /** The last place that advances: whether anyone below can still take it, and by what margin. */
  cut: { locked: boolean; holder: string; challengers: { name: string; marginNeeded: number; canPass: boolean }[] } | null;
  /** True when a condition (registered voters, regions) cannot be checked, so the answer is partial. */
  partial: boolean;
  sentence: string;
}

/**
 * The fewest of the outstanding votes `who` needs to win outright, in the worst case where the rest all go to
 * the strongest rival; null if even all of them are not enough. Winning is monotone in that number, so a
 * binary search over 0…N finds it.
 */
function votesToWin(who: CandidateTally, others: CandidateTally[], decision: Decision, rule: Rule, n: number, best = false): { needed: number | null; partial: boolean } {
  const rival = others[0]?.votes ?? 0;
  const othersSum = others.reduce((a, c) => a + c.votes, 0);
  let partial = false;
  // The runner-up's final votes when `rest` outstanding votes go to the others: all to the strongest (worst
  // case), or spread to keep the largest as small as it can be, ⌈(sum + rest) / count⌉ (best case).
  const runnerUp = (rest: number): number => (best && others.length > 1 ? Math.max(rival, Math.ceil((othersSum + rest) / others.length)) : rival + rest);
  const wins = (g: number): boolean => {
    const second = runnerUp(n - g);
    // Under a threshold of 50 % or less the rival can clear it too: winning also means staying strictly ahead.
    if (who.votes + g <= second) return false;
    const facts: RaceFacts = { leader: who.name, top: who.votes + g, second, denominator: decision.denominator + n, registered: decision.registered, regions: null };
    return rule.wins.some((c) => {
      const held = evaluateCondition(c, facts).held;
      // Regions and unknown registered voters cannot be projected: never claim a win on them.
      if (held === null) partial = true;
      return held === true;
    });
  };
  if (!wins(n)) return { needed: null, partial };
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    // Not (lo + hi) / 2: past 2^53 that sum rounds, and the search can stall on one value for ever.
    const mid = lo + Math.floor((hi - lo) / 2);
    if (wins(mid)) hi = mid;
    else lo = mid + 1;
  }
  return { needed: lo, partial };
}

export function outlookFor(decision: Decision, rule: Rule, n: number): Outlook {
  const named = decision.candidates.filter((c) => !c.writeIn);
  const finalDenominator = decision.denominator + n;
  if (!Number.isSafeInteger(finalDenominator)) {
    throw new UsageError(`--outstanding ${thousands(n)} plus the ${thousands(decision.denominator)} votes already counted passes 2^53: no split of them can be checked exactly`, undefined, 'outstanding votes must keep every total at most 9,007,199,254,740,991');
  }
  const base: Outlook = { outstanding: n, finalDenominator, leader: null, contenders: [], cut: null, partial: false, sentence: '' };
  const [top] = named;
  if (!top || decision.outcome.status === 'not_applicable') {
    return { ...base, sentence: `${thousands(n)} outstanding votes: ${decision.outcome.explanation || 'no outlook for this race'}` };
  }

  let partial = false;
  const canWinOutright = !rule.noShortcut && rule.wins.length > 0;
  let leader: Outlook['leader'] = null;
  const contenders: Outlook['contenders'] = [];
  if (canWinOutright) {
    named.forEach((c, i) => {
      const others = named.filter((_, j) => j !== i);
      const r = votesToWin(c, others, decision, rule, n);
      const b = votesToWin(c, others, decision, rule, n, true);
      partial ||= r.partial || b.partial;
      if (i === 0) leader = { name: c.name, status: r.needed === 0 ? 'clinched' : r.needed === null ? 'cannot' : 'needs', votesNeeded: r.needed, votesNeededAtBest: b.needed };
      else if (r.needed !== null) contenders.push({ name: c.name, votesNeeded: r.needed, votesNeededAtBest: b.needed ?? r.needed });
    });
  }

  const k = typeof rule.advance === 'number' ? rule.advance : null;
  const holder = k === null ? undefined : named[k - 1];
  let cut: Outlook['cut'] = null;
  if (holder && k !== null && named.length > k) {
    // To take the place, a challenger must end with more votes than the holder: gain the gap + 1 over them.
    // A gap of exactly n can still be closed to a tie at the cut line, so the place is locked only when every
    // gap exceeds the outstanding votes.
    const challengers = named
      .slice(k)
      .filter((c) => holder.votes - c.votes <= n)
      .map((c) => ({ name: c.name, marginNeeded: holder.votes - c.votes + 1, canPass: holder.votes - c.votes + 1 <= n }));
    cut = { locked: challengers.length === 0, holder: holder.name, challengers };
  }
  const result: Outlook = { ...base, leader, contenders, cut, partial };
  return { ...result, sentence: sentenceFor(result, named, k) };
}

/** "only with at least X" when the best and worst cases agree; otherwise both, since neither alone is true. */
function neededPhrase(name: string, worst: number, best: number | null, of: string): string {
  if (best === null || best >= worst) return `${name} wins outright only with at least ${thousands(worst)} ${of}`;
  const least = best === 0 ? `${name} can win outright with none ${of} if the others split them` : `${name} needs at least ${thousands(best)} ${of} to win outright (if the rest split among the others)`;
  return `${least}, and is sure to win with ${thousands(worst)}`;
}

function sentenceFor(o: Outlook, named: CandidateTally[], k: number | null): string {
  const n = thousands(o.outstanding);
  const parts: string[] = [];
  const l = o.leader;
  if (l?.status === 'clinched') parts.push(`${l.name} has won outright whatever the ${n} outstanding votes do`);
  else if (l?.status === 'needs') parts.push(neededPhrase(l.name, l.votesNeeded ?? 0, l.votesNeededAtBest, `of the ${n} outstanding votes`));
  else if (l?.status === 'cannot') parts.push(`${l.name} can no longer win outright, even with all ${n} outstanding votes`);
  for (const c of o.contenders) {
    parts.push(c.votesNeededAtBest < c.votesNeeded
      ? `${c.name} can win outright with ${thousands(c.votesNeededAtBest)} of them if the rest split, and surely with ${thousands(c.votesNeeded)}`
      : `${c.name} wins outright with at least ${thousands(c.votesNeeded)} of them`);
  }
  if (o.cut && l?.status !== 'clinched') {
    const holder = named.find((c) => c.name === o.cut?.holder);
    const next = named[k ?? 0];
    if (o.cut.locked && holder && next) {
      parts.push(`${l?.status === 'needs' ? 'otherwise ' : ''}the runoff pairing is locked: ${holder.name}'s lead over ${next.name}, ${thousands(holder.votes - next.votes)}, exceeds ${n}`);
    } else {
      for (const c of o.cut.challengers) {
        parts.push(c.canPass
          ? `${c.name} can still overtake ${o.cut.holder} by winning the outstanding votes by ${thousands(c.marginNeeded)} more than ${o.cut.holder}`
          : `${c.name} can at most tie ${o.cut.holder} for the last runoff place, with every outstanding vote`);
      }
    }
  }
  if (o.partial) parts.push('conditions on regions or registered voters could not be checked for the outstanding votes');
  const text = parts.join('; ');
  return text ? `${text.charAt(0).toUpperCase()}${text.slice(1)}.` : `${n} outstanding votes cannot change the result.`;
}
