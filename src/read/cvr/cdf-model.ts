/**
 * NIST SP 1500-103 cast-vote records, JSON and XML alike, reduced to what a ballot needs; the JSON and XML
 * readers fill these shapes and `cdfVote` turns one into a CastVote the way RCTab's CDF reader does.
 */
import type { CastVote, RankMark } from '../../model/ballots.js';
import { DataError } from '../../model/errors.js';

/** What RCTab calls an undeclared write-in; CDF marks write-ins structurally, not with a label. */
export const CDF_WRITE_IN = 'Undeclared Write-ins';

export interface CdfSelection {
  candidateIds: string[];
  isWriteIn: boolean;
}

export interface CdfElection {
  /** Candidate @id / ObjectId → Name. */
  candidates: Map<string, string>;
  /** Contest Name → its id and its selections by id. */
  contests: Map<string, { id: string; selections: Map<string, CdfSelection> }>;
  /** GpUnit id → Name. */
  gpUnits: Map<string, string>;
}

export interface CdfPosition {
  rank?: number;
  hasIndication?: string;
  isAllocable?: string;
  writeIn: boolean;
}

export interface CdfContestSelection {
  selectionId: string;
  rank?: number;
  /** XML: "needs-adjudication" leaves the selection out, as RCTab does. */
  status?: string;
  positions: CdfPosition[];
}

/** One CVR: its current snapshot's selections for the contest read, or undefined when it does not hold it. */
export interface CdfRecord {
  id?: string;
  unitId?: string;
  selections: CdfContestSelection[] | undefined;
  line?: number;
}

export function newElection(): CdfElection {
  return { candidates: new Map(), contests: new Map(), gpUnits: new Map() };
}

const HINT = 'a CDF cast-vote record names every selection, candidate and unit in its Election and GpUnit lists';

export function contestOf(election: CdfElection, contestName: string | undefined, file: string): { id: string; selections: Map<string, CdfSelection> } {
  if (contestName === undefined) throw new DataError('a CDF source needs a contest (its Name)', { file }, 'set contestId to the contest Name');
  const contest = election.contests.get(contestName);
  if (contest) return contest;
  const known = [...election.contests.keys()].map((n) => `"${n}"`).join(', ');
  throw new DataError(`contest "${contestName}" is not in the file`, { file }, `the contests are: ${known}`);
}

export function cdfVote(record: CdfRecord, contest: { selections: Map<string, CdfSelection> }, election: CdfElection, file: string): CastVote | undefined {
  if (record.selections === undefined) return undefined;
  const at = record.line === undefined ? { file } : { file, line: record.line };
  const fail = (message: string): never => {
    throw new DataError(`${record.id === undefined ? '' : `CVR ${record.id}: `}${message}`, at, HINT);
  };
  const byRank = new Map<number, string[]>();
  const add = (rank: number | undefined, name: string): void => {
    if (rank === undefined || !Number.isInteger(rank) || rank < 1) fail(`a selection of "${name}" has no rank of 1 or more`);
    const list = byRank.get(rank as number) ?? [];
    list.push(name);
    byRank.set(rank as number, list);
  };
  for (const sel of record.selections) {
    if (sel.status === 'needs-adjudication') continue;
    const selection = contest.selections.get(sel.selectionId) ?? fail(`contest selection "${sel.selectionId}" is not in the contest`);
    let name = CDF_WRITE_IN;
    if (!selection.isWriteIn) {
      const candidateId = selection.candidateIds[0] ?? fail(`contest selection "${sel.selectionId}" names no candidate`);
      name = election.candidates.get(candidateId) ?? fail(`candidate "${candidateId}" of selection "${sel.selectionId}" is not in the candidate list`);
    }
    if (sel.rank !== undefined) {
      add(sel.rank, name);
      continue;
    }
    for (const pos of sel.positions) {
      // NIST 1500-103: a position without an indication, or not allocable, is no vote.
      if (pos.hasIndication === 'no' || pos.isAllocable === 'no') continue;
      add(pos.rank, pos.writeIn ? CDF_WRITE_IN : name);
    }
  }
  const marks: RankMark[] = [...byRank.entries()].sort((a, b) => a[0] - b[0]).map(([rank, choices]) => ({ rank, choices }));
  let precinct: string | undefined;
  if (record.unitId !== undefined) precinct = election.gpUnits.get(record.unitId) ?? fail(`GpUnit "${record.unitId}" is not in the file`);
  return {
    marks,
    weight: 1,
    ...(precinct === undefined ? {} : { precinct }),
    origin: { ...at, ...(record.id === undefined ? {} : { id: record.id }) },
  };
}
