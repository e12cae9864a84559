/**
 * Whether a race is one ballot across parties or one party's primary: the decision that most changes a count,
 * so it is made from evidence, in this order, and always reported with its reason:
 * --party-primary / --all-party, then the rule preset's ballot, then words in the file names, then a stage
 * column in the data, else one race across parties (with a warning when the data looks like mixed primaries).
 */
import type { Rule } from '../count/rules/rule.js';
import type { PrimaryMode, RaceTally, Warning } from '../model/types.js';
import { primaryParty, raceLabel } from './classify.js';
import { variantKey } from './names.js';

/** Words that mean every party on one ballot, even beside `primary` (`primary-jungle`, `open-primary`). */
const ALL_PARTY_WORD = /(?:^|[^a-z])(jungle|nonpartisan|non-partisan|open|top-?two|top-?four|all-?party)(?=[^a-z]|$)/;
/** `primary-runoff` is the second round of a party primary; `primary` alone is a party primary. */
const PARTY_WORD = /(?:^|[^a-z])(primary[-_ ]?runoff|primary)(?=[^a-z]|$)/;

/** What a file's name says about its ballot, with the word that says it; null when it says nothing. */
export function ballotFromName(path: string): { partyPrimary: boolean; word: string } | null {
  const base = (path.split(/[\\/]/).pop() ?? '').toLowerCase();
  const all = ALL_PARTY_WORD.exec(base);
  if (all?.[1]) return { partyPrimary: false, word: all[1] };
  const party = PARTY_WORD.exec(base);
  if (party?.[1]) return { partyPrimary: true, word: party[1] };
  return null;
}

const FLAG_REASON = {
  true: '--party-primary: each party\'s candidates are a race of their own',
  false: '--all-party: one race across parties',
};

/** The mode before reading: decided by a flag, a preset or the file names; else `default` (the data may still say). */
export function ballotMode(names: readonly string[], flag: boolean | null, rule: Rule): { mode: PrimaryMode; warning: Warning | null } {
  if (flag !== null) return { mode: { partyPrimary: flag, source: 'flag', reason: FLAG_REASON[`${flag}`] }, warning: null };
  if (rule.ballot) {
    const partyPrimary = rule.ballot === 'party-primary';
    const what = partyPrimary ? 'party primaries' : 'all parties on one ballot';
    return { mode: { partyPrimary, source: 'preset', reason: `--rule ${rule.id} is for ${what} (${rule.name})` }, warning: null };
  }
  const said = names.filter((n) => n !== '-' && n !== '<stdin>').map((n) => ({ name: n, says: ballotFromName(n) })).filter((x) => x.says !== null);
  const first = said[0];
  if (first?.says) {
    const disagree = said.find((x) => x.says?.partyPrimary !== first.says?.partyPrimary);
    if (!disagree) {
      const base = first.name.split(/[\\/]/).pop() ?? first.name;
      const what = first.says.partyPrimary ? 'a party primary' : 'all parties on one ballot';
      return { mode: { partyPrimary: first.says.partyPrimary, source: 'file-name', reason: `the file name ${base} says "${first.says.word}": ${what}` }, warning: null };
    }
    const warning: Warning = {
      code: 'ballot-names-disagree',
      message: `the file names disagree: ${first.name} says "${first.says.word}", ${disagree.name} says "${disagree.says?.word ?? ''}"; deciding from the data instead (pass --party-primary or --all-party)`,
    };
    return { mode: defaultMode(), warning };
  }
  return { mode: defaultMode(), warning: null };
}

function defaultMode(): PrimaryMode {
  return { partyPrimary: false, source: 'default', reason: 'no flag, rule preset, file name or stage column says party primary' };
}

/** After reading, in `default` mode: a stage column that split races by party is the reason shown. */
export function settleMode(mode: PrimaryMode, races: Iterable<RaceTally>): PrimaryMode {
  if (mode.source !== 'default') return mode;
  for (const race of races) {
    if (race.party !== null) return { partyPrimary: true, source: 'stage-column', reason: 'the stage column marks primary rows: those races are split by party' };
  }
  return mode;
}

/** Races shown one by one in the warning; the rest are counted. */
const SHOWN = 10;

/**
 * In `default` mode, a race where two or more parties each have two or more candidates looks like several
 * party primaries counted as one race: say so, naming the race and the two flags.
 */
export function mixedPrimaryWarnings(mode: PrimaryMode, races: Iterable<RaceTally>): Warning[] {
  if (mode.source !== 'default' && mode.source !== 'stage-column') return [];
  const out: Warning[] = [];
  let more = 0;
  for (const race of races) {
    if (race.party !== null) continue;
    // People, not spellings: `Raphael Warnock (I) (Dem)` beside `Raphael Warnock` is one Democrat.
    const perParty = new Map<string, Set<string>>();
    for (const c of race.candidates.values()) {
      if (c.writeIn || c.party.trim() === '') continue;
      const p = primaryParty(c.party);
      const people = perParty.get(p) ?? new Set<string>();
      people.add(variantKey(c.name));
      perParty.set(p, people);
    }
    const crowded = [...perParty].filter(([, people]) => people.size >= 2).map(([p]) => p);
    if (crowded.length < 2) continue;
    if (out.length >= SHOWN) {
      more++;
      continue;
    }
    out.push({
      code: 'mixed-primaries',
      file: race.firstSeen.file,
      message: `${raceLabel(race)}: ${crowded.slice(0, 3).join(', ')}${crowded.length > 3 ? ' …' : ''} each have two or more candidates: this looks like several party primaries counted as one race; pass --party-primary to split it by party, or --all-party if it is one ballot`,
    });
  }
  if (more > 0) out.push({ code: 'mixed-primaries', message: `and ${more} more race${more === 1 ? '' : 's'} that look like several party primaries (--party-primary or --all-party)` });
  return out;
}
