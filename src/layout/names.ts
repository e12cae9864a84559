/**
 * Candidate names that look like one person spelled two ways, within one race. The tally key
 * is the exact name (trimmed, NBSP-normalised), so nothing is merged unless asked: `--merge-names` merges
 * variants of case, whitespace and `(I)` / `(Dem)` suffixes, and says so; near-misses by edit distance (OCR
 * slips like `BedweIl`) are only reported, since two real people can differ by a letter.
 */
import type { CandidateTally, RaceTally, Warning } from '../model/types.js';
import { raceLabel } from './classify.js';
import { thousands } from '../model/thousands.js';

const SUFFIX = /\s*\((?:i|inc|incumbent|d|r|l|g|dem|rep|lib|lbt|grn|ind|gop|np|npa|con|democrat|democratic|republican|libertarian|green|independent|nonpartisan)\)\s*$/i;

/**
 * Words of printable ASCII but parentheses, one space between them: NFKC leaves such a name as it is, and it has
 * no spaces to fold or trim and no suffix, so its variant key is its lower case (a regular expression test costs
 * less than normalising, replacing and looking for a suffix: 600,000 names took 0.67 s before).
 */
const PLAIN_NAME = /^[!-'*-~]+(?: [!-'*-~]+)*$/;

/**
 * The spelling-insensitive form: lower case, single spaces, no trailing party or incumbent marks, one Unicode
 * form (NFKC: `José` composed or as `e` + U+0301, fullwidth letters) — names that look alike but are tallied apart.
 */
export function variantKey(name: string): string {
  if (PLAIN_NAME.test(name)) return name.toLowerCase();
  let n = name.normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim();
  for (let m = SUFFIX.exec(n); m; m = SUFFIX.exec(n)) n = n.slice(0, m.index).trim();
  return n;
}

/** Levenshtein distance, or `limit + 1` as soon as it must exceed `limit`. */
export function editDistance(a: string, b: string, limit = 2): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const v = Math.min((prev[j] as number) + 1, (row[j - 1] as number) + 1, (prev[j - 1] as number) + cost);
      row.push(v);
      if (v < best) best = v;
    }
    if (best > limit) return limit + 1;
    prev = row;
  }
  return prev[b.length] as number;
}

/** Edit-distance comparisons are pairwise: skip races with more names than this (long write-in lists). */
const MAX_COMPARED = 400;
/** Shorter names are too alike by chance (`Ann`, `Ben`) for an edit distance to mean anything. */
const MIN_LENGTH = 6;

/** Near-duplicate and merged-name warnings shown one by one; the rest are counted in one more (a 5,000-race file). */
export const NAMES_SHOWN = 10;

/**
 * Warnings for every race, merging first when asked. Mutates the tallies only when `merge` is true. At most
 * NAMES_SHOWN warnings of each kind, then one saying how many more there are.
 */
export function checkNames(races: Iterable<RaceTally>, merge: boolean): Warning[] {
  const all = nameWarnings(races, merge);
  const out: Warning[] = [];
  const more = new Map<Warning['code'], { n: number; file: string | undefined }>();
  const shown = new Map<string, number>();
  for (const w of all) {
    const n = shown.get(w.code) ?? 0;
    if (n < NAMES_SHOWN) {
      shown.set(w.code, n + 1);
      out.push(w);
    } else {
      const m = more.get(w.code) ?? { n: 0, file: w.file };
      m.n++;
      more.set(w.code, m);
    }
  }
  for (const [code, { n, file }] of more) {
    const message = code === 'merged-names'
      ? `and ${n} more merged name${n === 1 ? '' : 's'} (--merge-names); run \`runoff races\` to see every race's names`
      : `and ${n} more near-duplicate pair${n === 1 ? '' : 's'}; run \`runoff races\` to see every race's names`;
    out.push({ code, ...(file === undefined ? {} : { file }), message });
  }
  return out;
}

function nameWarnings(races: Iterable<RaceTally>, merge: boolean): Warning[] {
  const out: Warning[] = [];
  for (const race of races) {
    const named = [...race.candidates.values()].filter((c) => !c.writeIn);
    const groups = new Map<string, CandidateTally[]>();
    for (const c of named) {
      const key = variantKey(c.name);
      const group = groups.get(key);
      if (group) group.push(c);
      else groups.set(key, [c]);
    }
    for (const group of groups.values()) {
      if (group.length < 2) continue;
      group.sort((a, b) => b.votes - a.votes || (a.name < b.name ? -1 : 1));
      const [keep, ...rest] = group as [CandidateTally, ...CandidateTally[]];
      const shown = spell(keep);
      for (const other of rest) {
        out.push(merge
          ? { code: 'merged-names', file: race.firstSeen.file, message: `${raceLabel(race)}: merged ${spell(other)} into ${shown} (--merge-names)` }
          : { code: 'near-duplicate-name', file: race.firstSeen.file, message: `${raceLabel(race)}: ${shown} and ${spell(other)} ${howAlike(keep.name, other.name)}; --merge-names merges them` });
      }
      if (merge) for (const other of rest) mergeInto(race, keep, other);
    }
    // Single tokens (`Yes`, wide column codes like G22USSDWAR) are not names an edit distance can judge.
    const keys = [...groups.keys()].filter((k) => k.length >= MIN_LENGTH && k.includes(' '));
    if (keys.length > MAX_COMPARED) continue;
    for (let i = 0; i < keys.length; i++) {
      for (let j = i + 1; j < keys.length; j++) {
        const a = keys[i] as string;
        const b = keys[j] as string;
        const d = editDistance(a, b);
        if (d > 2) continue;
        const [x, y] = [groups.get(a)?.[0], groups.get(b)?.[0]];
        if (!x || !y) continue;
        out.push({ code: 'near-duplicate-name', file: race.firstSeen.file, message: `${raceLabel(race)}: ${spell(x)} and ${spell(y)} differ by ${d} letter${d === 1 ? '' : 's'}: one person misspelled? (not merged; check the source)` });
      }
    }
  }
  return out;
}

/** What tells two names of one variant group apart, in words. */
function howAlike(a: string, b: string): string {
  if (a.normalize('NFC') === b.normalize('NFC')) return 'look the same but are written with different Unicode characters (composed and decomposed accents, NFC/NFD)';
  if (a.normalize('NFKC') === b.normalize('NFKC')) return 'differ only in Unicode form (fullwidth or compatibility characters)';
  return a.normalize('NFKC') === a && b.normalize('NFKC') === b
    ? 'differ only in case, spaces or a (party)/(I) suffix'
    : 'differ only in case, spaces, Unicode form or a (party)/(I) suffix';
}

function mergeInto(race: RaceTally, keep: CandidateTally, other: CandidateTally): void {
  keep.votes += other.votes;
  if (keep.rows !== undefined) keep.rows += other.rows ?? 0;
  if (keep.party === '') keep.party = other.party;
  race.candidates.delete(other.name);
  for (const area of race.regions?.values() ?? []) {
    const v = area.get(other.name);
    if (v === undefined) continue;
    area.set(keep.name, (area.get(keep.name) ?? 0) + v);
    area.delete(other.name);
  }
}

function spell(c: CandidateTally): string {
  return `"${c.name}" (${thousands(c.votes)} votes)`;
}
