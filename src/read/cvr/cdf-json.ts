/**
 * NIST CDF cast-vote records in JSON: two passes over the file, the first reading Election and GpUnit (they
 * may follow the CVR list, as RCTab writes them), the second streaming the CVR list one ballot at a time.
 */
import type { CastVote, CvrSource } from '../../model/ballots.js';
import { type CdfContestSelection, type CdfElection, type CdfRecord, cdfVote, contestOf, newElection } from './cdf-model.js';
import { type Json, type JsonObject, JsonReader } from './json-shape.js';
import { jsonMembers } from './json-stream.js';

const HINT = 'a NIST CDF JSON report has CVR, Election and GpUnit lists';

export async function* readCdfJson(source: CvrSource): AsyncIterable<CastVote> {
  const file = source.path;
  const json = new JsonReader(file, HINT);
  const election = newElection();
  for await (const piece of jsonMembers(file, (key) => (key === 'Election' || key === 'GpUnit' ? 'whole' : 'skip'))) {
    if (piece.key === 'Election') for (const e of json.optionalArray(piece.value, '"Election"')) readElection(json, json.object(e, 'an Election'), election);
    else for (const u of json.optionalArray(piece.value, '"GpUnit"')) readUnit(json, json.object(u, 'a GpUnit'), election);
  }
  const contest = contestOf(election, source.contestId, file);
  for await (const piece of jsonMembers(file, (key) => (key === 'CVR' ? 'items' : 'skip'))) {
    if (piece.kind !== 'item') continue;
    const vote = cdfVote(readRecord(json, json.object(piece.value, 'a CVR'), contest.id, piece.line), contest, election, file);
    if (vote) yield vote;
  }
}

function readElection(json: JsonReader, e: JsonObject, election: CdfElection): void {
  for (const item of json.optionalArray(e['Candidate'], '"Candidate"')) {
    const c = json.object(item, 'a Candidate');
    election.candidates.set(json.id(c['@id'], 'Candidate @id'), json.string(c['Name'], 'Candidate Name'));
  }
  for (const item of json.optionalArray(e['Contest'], '"Contest"')) {
    const c = json.object(item, 'a Contest');
    const selections = new Map<string, { candidateIds: string[]; isWriteIn: boolean }>();
    for (const s of json.optionalArray(c['ContestSelection'], '"ContestSelection"')) {
      const sel = json.object(s, 'a ContestSelection');
      const ids = json.optionalArray(sel['CandidateIds'], '"CandidateIds"').map((id) => json.id(id, 'a CandidateIds entry'));
      selections.set(json.id(sel['@id'], 'ContestSelection @id'), { candidateIds: ids, isWriteIn: yes(sel['IsWriteIn']) });
    }
    const name = typeof c['Name'] === 'string' ? c['Name'] : json.id(c['@id'], 'Contest @id');
    election.contests.set(name, { id: json.id(c['@id'], 'Contest @id'), selections });
  }
}

function readUnit(json: JsonReader, u: JsonObject, election: CdfElection): void {
  const id = json.id(u['@id'], 'GpUnit @id');
  election.gpUnits.set(id, typeof u['Name'] === 'string' ? u['Name'] : id);
}

function yes(v: Json | undefined): boolean {
  return v === true || v === 'true' || v === 'yes' || v === '1' || v === 1;
}

function readRecord(json: JsonReader, cvr: JsonObject, contestId: string, line: number): CdfRecord {
  const id = typeof cvr['BallotPrePrintedId'] === 'string' ? cvr['BallotPrePrintedId'] : undefined;
  const unitId = typeof cvr['BallotStyleUnitId'] === 'string' ? cvr['BallotStyleUnitId'] : undefined;
  const base = { line, ...(id === undefined ? {} : { id }), ...(unitId === undefined ? {} : { unitId }) };
  const current = json.optionalArray(cvr['CVRSnapshot'], '"CVRSnapshot"')
    .map((s) => json.object(s, 'a CVRSnapshot'))
    .find((s) => s['@id'] === cvr['CurrentSnapshotId']);
  const contest = json.optionalArray(current?.['CVRContest'], '"CVRContest"')
    .map((c) => json.object(c, 'a CVRContest'))
    .find((c) => c['ContestId'] === contestId);
  if (!contest) return { ...base, selections: undefined };
  const selections = json.optionalArray(contest['CVRContestSelection'], '"CVRContestSelection"').map((item): CdfContestSelection => {
    const sel = json.object(item, 'a CVRContestSelection');
    const positions = json.optionalArray(sel['SelectionPosition'], '"SelectionPosition"').map((p) => {
      const pos = json.object(p, 'a SelectionPosition');
      return {
        writeIn: pos['CVRWriteIn'] !== undefined,
        ...(pos['Rank'] === undefined ? {} : { rank: json.int(pos['Rank'], 'SelectionPosition Rank') }),
        ...(typeof pos['HasIndication'] === 'string' ? { hasIndication: pos['HasIndication'] } : {}),
        ...(typeof pos['IsAllocable'] === 'string' ? { isAllocable: pos['IsAllocable'] } : {}),
      };
    });
    return {
      selectionId: json.id(sel['ContestSelectionId'], 'ContestSelectionId'),
      positions,
      ...(sel['Rank'] === undefined ? {} : { rank: json.int(sel['Rank'], 'CVRContestSelection Rank') }),
    };
  });
  return { ...base, selections };
}
