/** Tally + Rule → Outcome. Pure; every comparison goes through the integer helpers of rules/rule.ts. */
import { notACandidateRace } from './rules/contest.js';
import { evaluateCondition, type ConditionResult, type RaceFacts } from './rules/evaluate.js';
import { plurality } from './rules/presets.js';
import { describeCondition, isPlainShare, isPluralityCondition, percentLabel, votesToClear, type Condition, type Rule } from './rules/rule.js';
import type { CandidateTally, Outcome, RaceTally } from '../model/types.js';
import { thousands } from '../model/thousands.js';
import { DataError } from '../model/errors.js';
import { raceLabel } from '../model/race-names.js';
import { formatShare } from '../model/share.js';

export { ballotRows, type BallotRow } from './rules/contest.js';

export interface DecideContext {
  /** Registered voters in this race (from --registered, or the input); null when unknown. */
  registered: number | null;
  /** Seats from --seats; more than one makes the race not applicable. null: use the race's own `seats`, if any. */
  seats: number | null;
}

export interface TieDetail {
  at: 'first' | 'cut-line';
  votes: number;
  candidates: string[];
  /** Places open to the tied candidates (1 for a tie for second in a top-two rule). */
  places: number;
  resolution: 'reported' | 'all-advance';
}

/** The detail behind an outcome (additive JSON fields). */
export interface OutcomeDetail {
  /** The rule actually applied: `plurality` when a preset's minimum number of candidates is not met. */
  ruleApplied: string;
  conditions: ConditionResult[];
  /** Everyone who goes on: the runoff list, or under a tie those already sure to advance. */
  advancing: string[];
  tie: TieDetail | null;
  /** The runoff happens only if the runner-up requests it (North Carolina). */
  onRequest: boolean;
}

/** The outcome of the JSON contract plus the detail behind it. */
export type RuleOutcome = Outcome & OutcomeDetail;

/** An outcome being built: no winner yet; each return picks its status (a winner's name comes with `winner`). */
type Undecided = Extract<RuleOutcome, { winner: null }>;

export interface Decision {
  candidates: CandidateTally[];
  /** Valid candidate votes, write-in aggregates included: JSON `totalVotes`. */
  total: number;
  /** What shares are of: `total`, plus blank ballots (valid+blank), plus invalid ones (cast). */
  denominator: number;
  blank: number;
  invalid: number;
  registered: number | null;
  outcome: RuleOutcome;
}

/** Votes descending, then name by code point: the documented, deterministic order. */
export function rankCandidates(race: RaceTally): CandidateTally[] {
  return [...race.candidates.values()].sort(
    (a, b) => b.votes - a.votes || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
  );
}

const NO_CONTEXT: DecideContext = { registered: null, seats: null };

export function decide(race: RaceTally, rule: Rule, context: DecideContext = NO_CONTEXT): Decision {
  const candidates = rankCandidates(race);
  const total = exactSum(race, candidates.map((c) => c.votes));
  const denominator = exactSum(race, [total, rule.denominator === 'valid' ? 0 : race.blank, rule.denominator === 'cast' ? race.invalid : 0]);
  const named = candidates.filter((c) => !c.writeIn);
  // --seats wins over what the file says (MEDSL magnitude, Clarity "Vote For N").
  const seats = context.seats ?? race.seats ?? null;
  const facts = { named, total, denominator, rule, context: { ...context, seats }, regions: race.regions, ballotsCast: race.ballotsCast ?? null, seatsFlag: context.seats !== null };
  return { candidates, total, denominator, blank: race.blank, invalid: race.invalid, registered: context.registered, outcome: outcomeOf(facts) };
}

interface Facts {
  /** Ranked candidates without write-in aggregates: they count in the denominator but are never named. */
  named: CandidateTally[];
  total: number;
  denominator: number;
  rule: Rule;
  context: DecideContext;
  regions: RaceFacts['regions'];
  /** The file's ballots-cast figure for the contest, when it has one. */
  ballotsCast: number | null;
  /** --seats was given: it overrides what the ballots-cast figure suggests. */
  seatsFlag: boolean;
}

function outcomeOf(f: Facts): RuleOutcome {
  const { named, total, context } = f;
  const base: Undecided = {
    status: 'not_applicable', winner: null, runoff: [], tied: [], leader: null, votesShort: null, explanation: '',
    ruleApplied: f.rule.id, conditions: [], advancing: [], tie: null, onRequest: false,
  };
  const notRace = notACandidateRace(named.map((c) => c.name), context.seats, { total, ballotsCast: f.ballotsCast, seatsGiven: f.seatsFlag });
  if (notRace) return { ...base, explanation: notRace };
  if (total === 0) return { ...base, status: 'no_votes', explanation: 'no votes were counted for this race' };
  const [top, second] = named;
  if (!top) return { ...base, explanation: 'only write-in aggregates were counted: no candidate can be named' };
  if (!second && top.votes === total) return { ...base, leader: top.name, explanation: `uncontested: ${top.name} is the only candidate` };

  // South Dakota: with fewer candidates than the rule asks for, the leader wins by plurality.
  const fallback = f.rule.minCandidates !== undefined && named.length < f.rule.minCandidates;
  const rule: Rule = fallback ? { ...plurality, denominator: f.rule.denominator } : f.rule;
  const prefix = fallback ? `${named.length} candidates, and ${f.rule.id} applies only with ${f.rule.minCandidates} or more, so the most votes wins: ` : '';
  const facts: RaceFacts = { leader: top.name, top: top.votes, second: second?.votes ?? 0, denominator: f.denominator, registered: context.registered, regions: f.regions };
  const conditions = rule.noShortcut ? [] : rule.wins.map((c) => evaluateCondition(c, facts));
  const leaderTied = second !== undefined && second.votes === top.votes;
  const common: Undecided = { ...base, ruleApplied: rule.id, conditions, leader: leaderTied ? null : top.name, votesShort: shortfall(facts, rule.wins[0]) };

  const won = conditions.findIndex((c) => c.held === true);
  if (won >= 0) {
    if (leaderTied) return tieForFirst(common, named, top.votes, prefix);
    return { ...common, status: 'winner', winner: top.name, explanation: prefix + winnerWhy(rule.wins[won], facts, second) };
  }
  const unknown = conditions.find((c) => c.held === null);
  if (unknown) return { ...common, status: 'not_applicable', explanation: cannotTell(top.name, unknown) };
  if (!second) {
    return { ...common, status: 'not_applicable', explanation: `${top.name} is the only named candidate and did not win outright; the other ${thousands(total - top.votes)} votes are write-ins, which cannot be named as advancing` };
  }
  return advance(common, f, rule);
}

function advance(common: Undecided, f: Facts, rule: Rule): RuleOutcome {
  const { named } = f;
  const top = named[0] as CandidateTally;
  let k: number;
  let floorNote = '';
  if (typeof rule.advance === 'number') {
    k = rule.advance;
  } else {
    // France: everyone with at least the floor of registered voters goes on; at least `min` do.
    const floorLabel = `${percentLabel(rule.advance.registeredShare)} % of registered voters`;
    if (f.context.registered === null) {
      return { ...common, status: 'not_applicable', explanation: `cannot tell who advances: everyone with ≥ ${floorLabel} does, and the number of registered voters is not known (pass --registered)` };
    }
    const floor = votesToClear(f.context.registered, rule.advance.registeredShare, true);
    const qualified = named.filter((c) => c.votes >= floor).map((c) => c.name);
    if (qualified.length >= rule.advance.min) {
      const why = `${nobodyCleared(rule)}; ${qualified.length} candidates have ≥ ${floorLabel} (${thousands(floor)} votes) and advance`;
      return runoff(common, qualified, why + shortNote(common, top, rule), rule);
    }
    k = rule.advance.min;
    floorNote = `; ${qualified.length === 0 ? 'nobody' : `only ${joinNames(qualified)}`} reached ${floorLabel} (${thousands(floor)} votes), so the top ${k} advance`;
  }

  const why = rule.noShortcut ? `the top ${k} always advance` : nobodyCleared(rule);
  const cut = named[k - 1];
  const firstOut = named[k];
  if (cut && firstOut && cut.votes === firstOut.votes) {
    const tiedAtCut = named.filter((c) => c.votes === cut.votes).map((c) => c.name);
    const above = named.filter((c) => c.votes > cut.votes).map((c) => c.name);
    const all = rule.ties === 'all-advance';
    const tie: TieDetail = { at: above.length === 0 ? 'first' : 'cut-line', votes: cut.votes, candidates: tiedAtCut, places: k - above.length, resolution: all ? 'all-advance' : 'reported' };
    if (all) {
      const who = [...above, ...tiedAtCut];
      return { ...runoff(common, who, `${why}; ${joinNames(tiedAtCut)} are tied at the cut line with ${votesWord(cut.votes)} and all advance`, rule), tied: tiedAtCut, tie };
    }
    if (k === 1) return tieForFirst(common, named, cut.votes, '');
    return { ...common, status: 'tie', tied: tiedAtCut, advancing: above, tie, explanation: `${why}; ${joinNames(tiedAtCut)} are tied at the cut line with ${votesWord(cut.votes)} each, so the rule cannot pick who advances` };
  }
  if (!rule.noShortcut && named.length <= k && common.leader === null) {
    const tied = named.filter((c) => c.votes === top.votes).map((c) => c.name);
    const tie: TieDetail = { at: 'first', votes: top.votes, candidates: tied, places: 1, resolution: 'reported' };
    return { ...common, status: 'tie', tied, tie, explanation: `${joinNames(tied)} are tied with ${votesWord(top.votes)} each` };
  }
  // "Advance 1" is plurality: the one who goes on is the winner. Only reached when the leader is alone on top.
  if (k === 1) return { ...common, status: 'winner', winner: top.name, explanation: `${top.name} has the most votes` };
  const who = named.slice(0, k).map((c) => c.name);
  return runoff(common, who, why + (rule.noShortcut ? '' : shortNote(common, top, rule)) + floorNote, rule);
}

function runoff(common: Undecided, who: string[], why: string, rule: Rule): RuleOutcome {
  const request = rule.onRequest && who[1] ? `; the runoff happens only if ${who[1]} (the runner-up) requests it` : '';
  return { ...common, status: 'runoff', runoff: who, advancing: who, onRequest: rule.onRequest === true, explanation: why + request };
}

function tieForFirst(common: Undecided, named: CandidateTally[], votes: number, prefix: string): RuleOutcome {
  const tied = named.filter((c) => c.votes === votes).map((c) => c.name);
  const tie: TieDetail = { at: 'first', votes, candidates: tied, places: 1, resolution: 'reported' };
  return { ...common, status: 'tie', tied, tie, leader: null, explanation: `${prefix}${joinNames(tied)} are tied for first with ${votesWord(votes)} each` };
}

/** "; A was 3,612 votes short", or what else the leader missed (a lead, a regional spread) when the share was enough. */
function shortNote(common: Undecided, top: CandidateTally, rule: Rule): string {
  if (rule.noShortcut) return '';
  if (common.votesShort !== null) return `; ${top.name} was ${votesWord(common.votesShort)} short`;
  const missed = common.conditions[0]?.parts.filter((p) => p.held === false).map((p) => p.description) ?? [];
  return missed.length > 0 ? `; ${top.name} missed ${missed.join(' and ')}` : '';
}

/** "nobody cleared 50 %" for a plain threshold; otherwise the conditions in full. */
function nobodyCleared(rule: Rule): string {
  const [only, ...more] = rule.wins;
  if (only && more.length === 0 && isPlainShare(only)) {
    return only.atLeast ? `nobody reached ${percentLabel(only.share)} %` : `nobody cleared ${percentLabel(only.share)} %`;
  }
  return `nobody met ${rule.wins.map(describeCondition).join(', or ')}`;
}

function winnerWhy(c: Condition | undefined, facts: RaceFacts, second: CandidateTally | undefined): string {
  if (c && isPluralityCondition(c) && !c.regional && !c.registeredShare) {
    const over = second ? `, ${thousands(facts.top - facts.second)} more than ${second.name}` : '';
    return `${facts.leader} has the most votes: ${thousands(facts.top)} of ${thousands(facts.denominator)}${over}`;
  }
  // "5,694 of 10,450 votes (54.49 %): more than 50 %": the share, then what it had to be, in words.
  const share = formatShare(facts.top, facts.denominator, c ? [c.share] : []);
  return `${thousands(facts.top)} of ${thousands(facts.denominator)} votes (${share}): ${c ? inWords(describeCondition(c)) : 'the rule'}`;
}

function inWords(condition: string): string {
  return condition.replace(/(^|\s)>\s/g, '$1more than ').replace(/(^|\s)≥\s/g, '$1at least ');
}

function cannotTell(leader: string, c: ConditionResult): string {
  const open = c.parts.filter((p) => p.held === null);
  const held = c.parts.filter((p) => p.held === true).map((p) => p.description);
  const has = held.length > 0 ? `: ${leader} has ${held.join(' and ')}, but` : ':';
  const why = open.map((p) => `"${p.description}" cannot be checked, as ${p.unknown ?? 'the data does not say'}`).join('; ');
  return `cannot decide whether ${leader} wins outright${has} ${why}`;
}

/** Votes the leader needed, with the total unchanged, for the share and registered parts of the first condition. */
function shortfall(facts: RaceFacts, c: Condition | undefined): number | null {
  if (!c) return null;
  let needed = c.share.num === 0 && c.atLeast ? 0 : votesToClear(facts.denominator, c.share, c.atLeast) - facts.top;
  if (c.registeredShare && facts.registered !== null) {
    needed = Math.max(needed, votesToClear(facts.registered, c.registeredShare, true) - facts.top);
  }
  return needed > 0 ? needed : null;
}

/**
 * A race total (or denominator) in BigInt: each count is below 2^53, but their sum may not be, and a rounded
 * total can turn exactly 50 % into a win. Past 2^53 it is the same error as a candidate's total.
 */
function exactSum(race: RaceTally, counts: readonly number[]): number {
  const sum = counts.reduce((a, n) => a + BigInt(n), 0n);
  if (sum > BigInt(Number.MAX_SAFE_INTEGER)) {
    throw new DataError(`the total for ${raceLabel(race)} passes 2^53 and cannot be counted exactly`, race.firstSeen, 'counts above 9,007,199,254,740,991 are not supported');
  }
  return Number(sum);
}

/** "1 vote", "3,612 votes". */
function votesWord(n: number): string {
  return `${thousands(n)} vote${n === 1 ? '' : 's'}`;
}


function joinNames(names: string[]): string {
  if (names.length <= 2) return names.join(' and ');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
