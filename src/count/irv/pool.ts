/**
 * Ballots → groups of identical ballots. Each mark is resolved once (labels, aliases, unknown names) into a
 * small integer "raw id", and ballots whose resolved marks are equal share one group keyed by a compact string:
 * memory grows with the number of distinct ballot patterns, not with the number of ballots.
 *
 * Raw ids keep the spelling the CVR used (a name and its alias get different ids) because RCTab's duplicate
 * and overvote checks compare the strings as written; `rawCandidate` maps each id to the candidate it counts for.
 */
import type { CastVote } from '../../model/ballots.js';
import { DataError } from '../../model/errors.js';
import { UNDECLARED_WRITE_INS, type BallotLabels, type IrvOptions } from '../../model/irv-options.js';
import { fromCharCodes } from '../../model/extent.js';

/** Raw id of an explicit overvote mark: it counts for nobody. */
export const OVERVOTE_ID = 0;

/** Ends each rank in a group key; ranks and raw ids stay below it. */
const SEPARATOR = 0xffff;

export interface BallotGroup {
  /** Ranks that hold at least one mark, ascending. */
  ranks: number[];
  /** Raw ids marked at each of those ranks (several for an overvote). */
  choices: number[][];
  /** Ballots in this group (weights summed). */
  weight: number;
}

export class BallotPool {
  /** Declared candidates in config order, then `Undeclared Write-ins` when counted. */
  readonly names: string[];
  readonly excluded: boolean[];
  /** Candidate index of each raw id; -1 for the overvote. */
  readonly rawCandidate: number[] = [-1];
  /** Whether the raw id is an alias (RCTab treats an alias as always continuing in its overvote check). */
  readonly rawIsAlias: boolean[] = [false];
  readonly groups = new Map<string, BallotGroup>();
  readonly maxRankings: number;
  ballots = 0;
  private readonly rawIds = new Map<string, number>();
  readonly uwi: number;

  /**
   * `addUnknownCandidates`: names not among the candidates join the count as candidates, in order of first
   * appearance (a rank-column file read without a candidate list).
   */
  constructor(
    readonly options: IrvOptions,
    private readonly addUnknownCandidates = false,
  ) {
    this.names = options.candidates.map((c) => c.name);
    this.excluded = options.candidates.map((c) => c.excluded === true);
    this.uwi = options.undeclaredWriteIns ? this.names.length : -1;
    if (this.uwi >= 0) {
      this.names.push(UNDECLARED_WRITE_INS);
      this.excluded.push(false);
    }
    this.names.forEach((name, index) => this.register(name, index, false));
    options.candidates.forEach((c, index) => {
      for (const alias of c.aliases ?? []) if (!this.rawIds.has(alias)) this.register(alias, index, true);
    });
    const max = options.maxRankingsAllowed;
    this.maxRankings = max !== 'max' ? max : addUnknownCandidates ? Infinity : options.candidates.length;
  }

  private register(spelling: string, candidate: number, alias: boolean): number {
    const id = this.rawCandidate.length;
    if (id >= SEPARATOR) throw new DataError(`more than ${SEPARATOR - 1} distinct candidate names`, undefined, 'a ranked contest has a few dozen candidates at most: check that the rank columns hold names, not ballot ids');
    this.rawIds.set(spelling, id);
    this.rawCandidate.push(candidate);
    this.rawIsAlias.push(alias);
    return id;
  }

  /** The raw id of one mark, or null for a mark that is no mark (the skipped-rank label, a blank). */
  private resolve(text: string, labels: BallotLabels, vote: CastVote, rank: number): number | null {
    const mark = text.trim();
    if (mark === '' || mark === labels.skippedRankLabel) return null;
    if (mark === labels.overvoteLabel) return OVERVOTE_ID;
    if (this.uwi >= 0 && mark === labels.undeclaredWriteInLabel) return this.rawIds.get(UNDECLARED_WRITE_INS) ?? null;
    const id = this.rawIds.get(mark);
    if (id !== undefined) return id;
    if (this.addUnknownCandidates) {
      this.names.push(mark);
      this.excluded.push(false);
      return this.register(mark, this.names.length - 1, false);
    }
    throw new DataError(
      `rank ${rank} names "${mark}", who is not a candidate of this contest`,
      originRef(vote),
      this.uwi >= 0 || labels.undeclaredWriteInLabel
        ? 'add the name (or an alias) to the candidates'
        : 'add the name (or an alias) to the candidates, or set the label for undeclared write-ins',
    );
  }

  // scratch space for the ballot being added: a ballot joining an existing group allocates nothing more
  private readonly rankList: number[] = [];
  private readonly idFlat: number[] = [];
  private readonly idStart: number[] = [];
  /** The group key as UTF-16 code units: rank, its ids, then SEPARATOR, for each rank. */
  private readonly keyCodes: number[] = [];

  /** Resolve one ballot and add it to its group. */
  add(vote: CastVote, labels: BallotLabels = {}): void {
    const { rankList, idFlat, idStart, keyCodes } = this;
    rankList.length = 0;
    idFlat.length = 0;
    idStart.length = 0;
    keyCodes.length = 0;
    const blankIsUwi = labels.treatBlankAsUndeclaredWriteIn === true && this.uwi >= 0;
    const uwiId = blankIsUwi ? (this.rawIds.get(UNDECLARED_WRITE_INS) as number) : -1;
    let lastRank = 0;
    const fillUwi = (from: number, to: number): void => {
      for (let r = from; r < to; r++) {
        rankList.push(r);
        idStart.push(idFlat.length);
        idFlat.push(uwiId);
        keyCodes.push(r, uwiId, SEPARATOR);
      }
    };
    for (const mark of vote.marks) {
      if (mark.rank >= SEPARATOR) throw new DataError(`rank ${mark.rank} is not a plausible rank`, originRef(vote), 'ranks are small whole numbers: 1 for the first choice, 2 for the second …');
      if (mark.rank > this.maxRankings) {
        if (labels.ranksPastMaximum === 'ignore') continue;
        throw new DataError(
          `rank ${mark.rank} is past the maximum of ${this.maxRankings} rankings`,
          originRef(vote),
          'raise maxRankingsAllowed, or check that the file is for this contest',
        );
      }
      if (blankIsUwi) fillUwi(lastRank + 1, mark.rank);
      lastRank = mark.rank;
      const first = idFlat.length;
      for (const text of mark.choices) {
        const id = this.resolve(text, labels, vote, mark.rank);
        if (id !== null && idFlat.indexOf(id, first) < 0) idFlat.push(id);
      }
      if (idFlat.length === first) continue;
      rankList.push(mark.rank);
      idStart.push(first);
      keyCodes.push(mark.rank);
      for (let k = first; k < idFlat.length; k++) keyCodes.push(idFlat[k] as number);
      keyCodes.push(SEPARATOR);
    }
    if (blankIsUwi) fillUwi(lastRank + 1, this.maxRankings + 1);
    const weight = vote.weight;
    this.ballots += weight;
    const key = fromCharCodes(keyCodes);
    const group = this.groups.get(key);
    if (group) {
      group.weight += weight;
      return;
    }
    const choices = idStart.map((start, i) => idFlat.slice(start, idStart[i + 1] ?? idFlat.length));
    this.groups.set(key, { ranks: [...rankList], choices, weight });
  }
}

function originRef(vote: CastVote): { file: string; line?: number } {
  return vote.origin.line === undefined ? { file: vote.origin.file } : { file: vote.origin.file, line: vote.origin.line };
}
