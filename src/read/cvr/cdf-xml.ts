/**
 * NIST CDF cast-vote records in XML (NIST SP 1500-103): two streamed passes, Election and GpUnit elements
 * first (they follow the CVRs), then one CVR element at a time. Element names are read without prefix.
 */
import type { CastVote, CvrSource } from '../../model/ballots.js';
import { DataError } from '../../model/errors.js';
import { type CdfContestSelection, type CdfElection, type CdfRecord, cdfVote, contestOf, newElection } from './cdf-model.js';
import { child, children, rootChildren, textOf, type XmlNode } from './xml-tree.js';

const YES = new Set(['true', 'yes', '1']);

export async function* readCdfXml(source: CvrSource): AsyncIterable<CastVote> {
  const file = source.path;
  const election = newElection();
  for await (const node of rootChildren(file, (name) => name === 'Election' || name === 'GpUnit')) {
    if ('root' in node) {
      if (node.root !== 'CastVoteRecordReport') {
        throw new DataError(`the root element is <${node.root}>, not <CastVoteRecordReport>`, { file }, 'is this a NIST CDF cast-vote-record report?');
      }
    } else if (node.name === 'Election') readElection(node, election);
    else election.gpUnits.set(node.attrs['ObjectId'] ?? '', textOf(node, 'Name') ?? node.attrs['ObjectId'] ?? '');
  }
  const contest = contestOf(election, source.contestId, file);
  for await (const node of rootChildren(file, (name) => name === 'CVR')) {
    if ('root' in node) continue;
    const vote = cdfVote(readRecord(node, contest.id), contest, election, file);
    if (vote) yield vote;
  }
}

function readElection(e: XmlNode, election: CdfElection): void {
  for (const c of children(e, 'Candidate')) election.candidates.set(c.attrs['ObjectId'] ?? '', textOf(c, 'Name') ?? '');
  for (const c of children(e, 'Contest')) {
    const selections = new Map<string, { candidateIds: string[]; isWriteIn: boolean }>();
    for (const s of children(c, 'ContestSelection')) {
      const ids = children(s, 'CandidateIds').flatMap((n) => n.text.trim().split(/\s+/).filter((x) => x !== ''));
      selections.set(s.attrs['ObjectId'] ?? '', { candidateIds: ids, isWriteIn: YES.has(textOf(s, 'IsWriteIn') ?? '') });
    }
    const id = c.attrs['ObjectId'] ?? '';
    election.contests.set(textOf(c, 'Name') ?? id, { id, selections });
  }
}

function int(text: string | undefined): number | undefined {
  return text === undefined ? undefined : /^\d+$/.test(text) ? Number(text) : NaN;
}

function readRecord(cvr: XmlNode, contestId: string): CdfRecord {
  const id = textOf(cvr, 'UniqueId') ?? textOf(cvr, 'BallotPrePrintedId');
  const unitId = textOf(cvr, 'BallotStyleUnitId');
  const base = { line: cvr.line, ...(id === undefined ? {} : { id }), ...(unitId === undefined ? {} : { unitId }) };
  const currentId = textOf(cvr, 'CurrentSnapshotId');
  const snapshot = children(cvr, 'CVRSnapshot').find((s) => s.attrs['ObjectId'] === currentId);
  const contest = snapshot ? children(snapshot, 'CVRContest').find((c) => textOf(c, 'ContestId') === contestId) : undefined;
  if (!contest) return { ...base, selections: undefined };
  const selections = children(contest, 'CVRContestSelection').map((sel): CdfContestSelection => {
    const rank = int(textOf(sel, 'Rank'));
    const status = textOf(sel, 'Status');
    return {
      selectionId: textOf(sel, 'ContestSelectionId') ?? '',
      positions: children(sel, 'SelectionPosition').map((p) => {
        const hasIndication = textOf(p, 'HasIndication');
        const isAllocable = textOf(p, 'IsAllocable');
        const posRank = int(textOf(p, 'Rank'));
        return {
          writeIn: child(p, 'CVRWriteIn') !== undefined,
          ...(posRank === undefined ? {} : { rank: posRank }),
          ...(hasIndication === undefined ? {} : { hasIndication }),
          ...(isAllocable === undefined ? {} : { isAllocable }),
        };
      }),
      ...(rank === undefined ? {} : { rank }),
      ...(status === undefined ? {} : { status }),
    };
  });
  return { ...base, selections };
}
