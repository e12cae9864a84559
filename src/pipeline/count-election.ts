/** The flow for a set of inputs: read → parse → layout → tally → decide. */
import { DataError } from '../model/errors.js';
import { decide, type DecideContext, type Decision } from '../count/decide.js';
import { checkNames } from '../layout/names.js';
import { raceLabel } from '../layout/classify.js';
import { CrossFileKeys, checkSameInput } from '../layout/cross-file.js';
import { ballotMode, mixedPrimaryWarnings, settleMode } from '../layout/ballot-mode.js';
import type { Source } from '../read/open.js';
import { readSource } from './read-source.js';
import type { ElectionOptions, OutstandingEntry, StatusFilter } from './election-options.js';
export { STATUS_FILTERS, type ElectionOptions, type OutstandingEntry, type StatusFilter } from './election-options.js';
import type { Rule } from '../count/rules/rule.js';
import { outlookFor, type Outlook } from '../count/outlook.js';
import { hiddenCharacterWarnings } from '../render/sanitize.js';
import { Tally } from '../count/tally.js';
import type { InputSummary, PrimaryMode, RaceTally, Warning } from '../model/types.js';
import { raceTitle, type Election, type RaceResult } from '../count/election.js';

import { isUncontested } from '../render/verdict.js';
import { filterRaces } from '../count/race-match.js';
import { appendAll } from '../model/extent.js';

export { raceTitle, type Election, type RaceResult } from '../count/election.js';

export async function countElection(sources: Source[], options: ElectionOptions): Promise<Election> {
  const decided = ballotMode(sources.map((s) => s.name), options.partyPrimary, options.rule);
  let primary = decided.mode;
  const tally = new Tally(Boolean(options.by) || options.needsRegions === true);
  const warnings: Warning[] = decided.warning ? [decided.warning] : [];
  const inputs: InputSummary[] = [];
  const crossFile = sources.length > 1 ? new CrossFileKeys() : null;
  for (const source of sources) {
    const input = await readSource(source, tally, options, primary, warnings, crossFile);
    inputs.push(input);
    checkSameInput(inputs, input);
  }
  if (crossFile) appendAll(warnings, crossFile.warnings());
  appendAll(warnings, partyClashWarnings(tally, inputs));
  primary = settleMode(primary, tally.races.values());
  appendAll(warnings, checkNames(tally.races.values(), options.mergeNames === true));
  appendAll(warnings, mixedPrimaryWarnings(primary, tally.races.values()));
  appendAll(warnings, hiddenCharacterWarnings(tally.races.values()));
  // decide() falls back on the race's own seats (MEDSL magnitude, Clarity "Vote For N") when --seats is not given.
  const shared: Shared = { rule: options.rule, context: { registered: options.registered ?? null, seats: options.seats ?? null }, outstanding: options.outstanding ?? null };
  const byRace = options.outstandingByRace ?? [];
  const keep = decisionFilter(options);
  const races: RaceResult[] = [];
  for (const race of filterRaces([...tally.races.values()], options.raceFilter ?? [], (race) => ({ id: race.key, title: raceTitle(race) }), options.otherRaces)) {
    const result = new LazyResult(race, byRace.length === 0 ? shared : { ...shared, outstanding: outstandingFor(race, byRace, shared.outstanding) });
    if (keep === null || keep(result.decision)) races.push(result);
  }
  if (byRace.length > 0) appendAll(warnings, unmatchedOutstanding(byRace, races));
  return { rule: options.rule, by: options.by ?? null, seats: options.seats ?? null, primary, inputs, races, warnings };
}

/** --contested and --status: which decisions to keep; null keeps every race without deciding any. */
function decisionFilter(options: ElectionOptions): ((decision: Decision) => boolean) | null {
  const contested = options.contestedOnly === true;
  const statuses = options.statusFilter ?? [];
  if (!contested && statuses.length === 0) return null;
  return (d) => !(contested && isUncontested(d)) && (statuses.length === 0 || statuses.some((s) => s === d.outcome.status));
}

function unmatchedOutstanding(entries: readonly OutstandingEntry[], races: readonly RaceResult[]): Warning[] {
  const known = new Set<string>(races.map(({ race }) => race.key));
  const titles = new Set(races.map(({ race }) => raceTitle(race).toLowerCase()));
  return entries
    .filter((entry) => !known.has(entry.race) && !titles.has(entry.race))
    .map((entry) => ({ code: 'outstanding-unmatched', line: entry.line, message: `--outstanding-file names a race that is not in the results: ${JSON.stringify(entry.race)}` }));
}

/** What every race's decision needs, shared: one object per race would cost its 40 bytes 300,000 times. */
interface Shared {
  rule: Rule;
  context: DecideContext;
  outstanding: number | null;
}

/**
 * A race's decision and outlook, worked out each time they are asked for and never kept: with hundreds of
 * thousands of races, memory stays with the tallies (well under a kilobyte a race) instead of every decision
 * at once. Both are pure functions of the tally, so asking twice gives the same answer.
 */
class LazyResult implements RaceResult {
  constructor(
    readonly race: RaceTally,
    private readonly shared: Shared,
  ) {}

  get decision(): Decision {
    return decide(this.race, this.shared.rule, this.shared.context);
  }

  get outlook(): Outlook | null {
    const { outstanding, rule } = this.shared;
    return outstanding === null ? null : outlookFor(this.decision, rule, outstanding);
  }
}

/**
 * One name under two parties in one race is summed as one candidate: right for fusion tickets (New York), which
 * only the MEDSL constituency layout carries on purpose; anywhere else it may be two people, so it is said.
 */
function partyClashWarnings(tally: Tally, inputs: readonly InputSummary[]): Warning[] {
  const fusion = new Set(inputs.filter((i) => i.layout === 'medsl-constituency').map((i) => i.name));
  return [...tally.partyClashes.values()]
    .filter((c) => !fusion.has(c.file))
    .map((c) => ({
      code: 'same-name-parties',
      file: c.file,
      line: c.line,
      message: `${raceLabel(c.race)}: ${JSON.stringify(c.name)} appears under ${c.parties.map((p) => JSON.stringify(p)).join(' and ')}; the votes are summed as one candidate (right for a fusion ticket; if these are two people, the file must tell them apart)`,
    }));
}

function outstandingFor(race: RaceTally, entries: readonly OutstandingEntry[], otherwise: number | null): number | null {
  const title = raceTitle(race).toLowerCase();
  const [entry, again] = entries.filter((e) => e.race === race.key || e.race === title);
  if (entry && again) {
    const where = entry.file === undefined ? undefined : { file: entry.file, line: again.line };
    throw new DataError(`--outstanding-file names ${raceTitle(race)} twice: line ${entry.line} (${JSON.stringify(entry.race)}) and line ${again.line} (${JSON.stringify(again.race)})`, where, 'give each race one line, by its id or by its title');
  }
  return entry ? entry.votes : otherwise;
}
