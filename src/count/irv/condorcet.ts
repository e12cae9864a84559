/**
 * Head-to-head comparison over the ranked ballots: a ballot prefers A to B when it ranks A higher, or ranks A and
 * not B. Candidates marked at the same rank (an overvote) are preferred to neither. This reads the ballots as
 * marked: the overvote and skipped-rank rules of the count do not apply here.
 */
import type { BallotPool } from './pool.js';
import type { CondorcetSummary } from './result.js';

export function condorcet(pool: BallotPool, irvWinner: string): CondorcetSummary {
  const candidates = pool.names.map((_, i) => i).filter((c) => !pool.excluded[c] && c !== pool.uwi);
  const n = pool.names.length;
  const wins = Array.from({ length: n }, () => new Float64Array(n));
  const position = new Float64Array(n);
  for (const group of pool.groups.values()) {
    position.fill(Infinity);
    group.choices.forEach((ids, i) => {
      for (const id of ids) {
        const c = pool.rawCandidate[id] as number;
        if (c >= 0 && position[c] === Infinity) position[c] = i;
      }
    });
    for (const a of candidates) {
      const pa = position[a] as number;
      if (pa === Infinity) continue;
      const row = wins[a] as Float64Array;
      for (const b of candidates) if (pa < (position[b] as number)) row[b] = (row[b] as number) + group.weight;
    }
  }
  const p = (a: number, b: number): number => (wins[a] as Float64Array)[b] as number;
  const name = (c: number): string => pool.names[c] as string;
  const pairwise = Object.fromEntries(
    candidates.map((a) => [name(a), Object.fromEntries(candidates.filter((b) => b !== a).map((b) => [name(b), p(a, b)]))]),
  );
  const beatsAll = candidates.filter((a) => candidates.every((b) => b === a || p(a, b) > p(b, a)));
  const winner = beatsAll.length === 1 ? name(beatsAll[0] as number) : null;
  return { winner, pairwise, smithSet: smithSet(candidates, p).map(name), irvAgrees: winner === null ? null : winner === irvWinner };
}

/** Everyone who reaches every other candidate through "beats or ties" steps: the Smith set. */
function smithSet(candidates: readonly number[], p: (a: number, b: number) => number): number[] {
  const k = candidates.length;
  const reach = candidates.map((a) => candidates.map((b) => a === b || p(a, b) >= p(b, a)));
  for (let m = 0; m < k; m++)
    for (let i = 0; i < k; i++)
      for (let j = 0; j < k; j++) if ((reach[i] as boolean[])[m] && (reach[m] as boolean[])[j]) (reach[i] as boolean[])[j] = true;
  return candidates.filter((_, i) => (reach[i] as boolean[]).every(Boolean));
}
