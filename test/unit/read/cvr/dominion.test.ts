import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import type { CvrWarning } from '../../../../src/read/cvr/index.js';
import { expectRoundOne, RCTAB, readAll } from './rctab-case.js';

const has = existsSync(RCTAB);
if (!has) console.log(`skipped: Dominion cases need the RCTab regression data in ${RCTAB}`);

describe.skipIf(!has)('Dominion CVR export over the RCTab regression cases', () => {
  it('dominion_alaska: with RCTab candidate ids, ballots and round one match the expected report', async () => {
    await expectRoundOne('dominion_alaska', (s) => readAll({ ...s, candidateIds: true }));
  });

  it('conversions_from_dominion: every ballot matches RCTab own CSV conversion, id, precinct portion and ranks', async () => {
    const dir = join(RCTAB, 'conversions_from_dominion');
    const rows = (parse(readFileSync(join(dir, 'conversions_from_dominion_expected.csv'), 'utf8')) as string[][]).slice(1);
    const votes = await readAll({ path: join(RCTAB, '_shared/dominion_alaska/alaska_input_data'), format: 'dominion', contestId: '1' });
    expect(votes).toHaveLength(rows.length);
    votes.forEach((vote, i) => {
      const cells = rows[i]!;
      expect(vote.origin.id).toBe(cells[3]);
      expect(vote.precinct).toBe(cells[8]);
      // RCTab's CSV keeps the write-in label as the id "12"; our default gives the manifest name.
      // An overvote is one cell with the choices on separate lines; RCTab writes a rank left blank as "undervote".
      const ranks = cells.slice(9).map((x) => (x === 'undervote' ? '' : x.replace(/^12$/gm, '(undeclared)')));
      const ours = Array.from({ length: 5 }, (_, r) => vote.marks.find((m) => m.rank === r + 1)?.choices.join('\n') ?? '');
      expect(ours).toEqual(ranks);
    });
  });
});

/** A two-ballot export written on the spot: enough to check errors and the Original/Modified rule. */
function tinyExport(omit?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'runoff-dominion-'));
  const list = (entries: object[]) => JSON.stringify({ Version: '5.10', List: entries });
  const files: Record<string, string> = {
    'ContestManifest.json': list([{ Description: 'MAYOR', Id: 7, VoteFor: 1, NumOfRanks: 3 }]),
    'CandidateManifest.json': list([
      { Description: 'Ann', Id: 1, ContestId: 7 },
      { Description: 'Bob', Id: 2, ContestId: 7 },
    ]),
    'PrecinctPortionManifest.json': list([{ Description: 'P-1', Id: 4, PrecinctId: 1 }]),
    'CvrExport.json': JSON.stringify({
      Sessions: [
        { TabulatorId: 1, BatchId: 1, RecordId: 1, Original: { IsCurrent: false, PrecinctPortionId: 4, BallotTypeId: 1, Contests: [] }, Modified: {
          IsCurrent: true, PrecinctPortionId: 4, BallotTypeId: 1, Contests: [{ Id: 7, Marks: [
            { CandidateId: 2, Rank: 1, IsAmbiguous: false, IsVote: true },
            { CandidateId: 1, Rank: 2, IsAmbiguous: true, IsVote: false },
          ] }] } },
        { TabulatorId: 1, BatchId: 1, RecordId: 2, Original: { IsCurrent: false, PrecinctPortionId: 4, BallotTypeId: 1, Contests: [] } },
        { TabulatorId: 1, BatchId: 1, RecordId: 3, Original: { IsCurrent: true, PrecinctPortionId: 4, BallotTypeId: 1, Cards: [{ Contests: [{ Id: 7, Marks: [
          { CandidateId: 1, Rank: 1, IsAmbiguous: false, IsVote: false },
          { CandidateId: 2, Rank: 1, IsAmbiguous: false, IsVote: false },
        ] }] }] } },
      ],
    }),
  };
  for (const [name, text] of Object.entries(files)) if (name !== omit) writeFileSync(join(dir, name), text);
  return dir;
}

describe('Dominion reader rules and errors', () => {
  it('takes Modified when Original is not current, drops ambiguous marks, groups one rank into an overvote, warns of a record with no current version', async () => {
    const dir = tinyExport();
    const warnings: CvrWarning[] = [];
    const { readCvr } = await import('../../../../src/read/cvr/index.js');
    const votes = [];
    for await (const v of readCvr({ path: dir, format: 'dominion', contestId: '7' }, { onWarning: (w) => warnings.push(w) })) votes.push(v);
    rmSync(dir, { recursive: true });
    expect(votes.map((v) => [v.origin.id, v.precinct, v.marks])).toEqual([
      ['1-1-1', 'P-1', [{ rank: 1, choices: ['Bob'] }]],
      ['1-1-3', 'P-1', [{ rank: 1, choices: ['Ann', 'Bob'] }]],
    ]);
    expect(warnings.map((w) => w.at.id)).toEqual(['1-1-2']);
  });

  it.each(['CandidateManifest.json', 'ContestManifest.json', 'PrecinctPortionManifest.json'])('a folder without %s is a DataError naming it', async (missing) => {
    const dir = tinyExport(missing);
    await expect(readAll({ path: dir, format: 'dominion', contestId: '7' })).rejects.toMatchObject({
      exitCode: 1,
      message: expect.stringContaining(missing),
      at: { file: join(dir, missing) },
    });
    rmSync(dir, { recursive: true });
  });

  it('a contest id the manifest does not know is a DataError listing the contests', async () => {
    const dir = tinyExport();
    await expect(readAll({ path: dir, format: 'dominion', contestId: '99' })).rejects.toMatchObject({
      message: 'contest id 99 is not in ContestManifest.json',
      hint: 'the contests are: 7 (MAYOR)',
    });
    rmSync(dir, { recursive: true });
  });
});
