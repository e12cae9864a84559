/**
 * --race: which races a reporter meant. A query matches a race when it is the race's `id` (as `runoff races`
 * and the JSON show it), or when every word of it appears in the race's title, in any order and in any case;
 * `·` and the `|` of ids are separators, not words. Several queries: a race matching any of them is kept.
 */
import { DataError } from '../model/errors.js';

export interface Matchable {
  id: string;
  title: string;
}

function words(text: string): string[] {
  return text.toLowerCase().split(/[\s·|]+/u).filter((w) => w !== '');
}

export function matchesQuery(race: Matchable, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (q === race.id.toLowerCase()) return true;
  const wanted = words(q);
  if (wanted.length === 0) return false;
  const haystack = `${race.title} ${race.id}`.toLowerCase();
  return wanted.every((w) => haystack.includes(w));
}

/** Whether `race` matches any of the queries (a race is kept when it does). */
export function matchesAny(race: Matchable, queries: readonly string[]): boolean {
  return queries.some((q) => matchesQuery(race, q));
}

/**
 * The races matching any query; queries that match nothing here nor in `others` (the races of the same run
 * counted another way: ranked contests beside results files) are an error naming the closest races.
 */
export function filterRaces<T>(races: T[], queries: readonly string[], view: (race: T) => Matchable, others: readonly Matchable[] = []): T[] {
  if (queries.length === 0) return races;
  const kept = races.filter((r) => matchesAny(view(r), queries));
  if (kept.length === 0 && !others.some((o) => matchesAny(o, queries))) throw noMatch([...races.map(view), ...others], queries);
  return kept;
}

function noMatch(races: Matchable[], queries: readonly string[]): DataError {
  const what = queries.map((q) => JSON.stringify(q)).join(' or ');
  if (races.length === 0) return new DataError(`no race matches --race ${what}: the input has no races`, undefined, 'check that the file holds results: `runoff races FILE` lists what it finds');
  const closest = closestTitles(races, queries, 3).map((t) => JSON.stringify(t)).join(', ');
  return new DataError(`no race matches --race ${what}`, undefined, `the closest races are ${closest}; \`runoff races FILE\` lists them all`);
}

/** Titles ranked by how well their words cover the query words (edit distance per word), best first. */
export function closestTitles(races: Matchable[], queries: readonly string[], n: number): string[] {
  const scored = races.map((r) => {
    const titleWords = words(r.title);
    const score = Math.max(...queries.map((q) => words(q).reduce((sum, w) => sum + Math.max(0, ...titleWords.map((t) => similarity(w, t))), 0)));
    return { title: r.title, score };
  });
  scored.sort((a, b) => b.score - a.score || (a.title < b.title ? -1 : a.title > b.title ? 1 : 0));
  return [...new Set(scored.map((s) => s.title))].slice(0, n);
}

/** 1 for equal words, 0 for nothing in common; a word that starts the other counts as nearly equal. */
function similarity(a: string, b: string): number {
  if (b.startsWith(a) || a.startsWith(b)) return 0.9 * (Math.min(a.length, b.length) / Math.max(a.length, b.length)) + 0.1;
  return 1 - levenshtein(a, b) / Math.max(a.length, b.length);
}

function levenshtein(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}
