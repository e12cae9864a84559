import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { choiceHeader } from '../../../../src/read/cvr/clear-ballot.js';
import { expectRoundOne, RCTAB, readAll } from './rctab-case.js';

const has = existsSync(RCTAB);
if (!has) console.log(`skipped: the Clear Ballot case needs the RCTab regression data in ${RCTAB}`);

describe.skipIf(!has)('Clear Ballot CSV over the RCTab regression case', () => {
  it('clear_ballot_with_inline_comma: ballots and round one match the expected report', async () => {
    const { votes } = await expectRoundOne('clear_ballot_with_inline_comma');
    expect(votes[0]?.origin).toMatchObject({ line: 2, id: 'RCV-0255+10003' });
    expect(votes[0]?.precinct).toBe('76');
  });
});

const dir = mkdtempSync(join(tmpdir(), 'runoff-clearballot-'));
afterAll(() => rmSync(dir, { recursive: true }));
const HEADER = 'RowNumber,BoxID,BoxPosition,BallotID,PrecinctID,BallotStyleID,PrecinctStyleName,ScanComputerName,Status,Remade';
function file(rows: string[]): string {
  const path = join(dir, `${rows.length}-${Math.random()}.csv`);
  writeFileSync(path, rows.join('\r\n') + '\r\n');
  return path;
}

describe('Clear Ballot reader rules and errors', () => {
  it('reads contest names with commas and colons, and several marks at one rank as an overvote', async () => {
    const h = (cand: string, rank: number) => `"Choice_1_1:Mayor, City: At Large:${rank}:Number of Winners 1:${cand}:NON"`;
    const path = file([
      `${HEADER},${h('Ann', 1)},${h('Ann', 2)},${h('Bob', 1)},${h('Bob', 2)},"Choice_9_1:Other:1:Number of Winners 1:Zed:NON"`,
      '1,B,1,B-1,7,1,S,PC,0,0,0,1,1,0,1',
      '2,B,2,B-2,7,1,S,PC,0,0,1,0,1,0,0',
    ]);
    const votes = await readAll({ path, format: 'clearBallot', contestId: 'Mayor, City: At Large' });
    expect(votes.map((v) => v.marks)).toEqual([
      [{ rank: 1, choices: ['Bob'] }, { rank: 2, choices: ['Ann'] }],
      [{ rank: 1, choices: ['Ann', 'Bob'] }],
    ]);
    expect(choiceHeader('Choice_1_1:A:B:3:rule:Name:Party')).toEqual({ contest: 'A:B', rank: 3, choice: 'Name' });
  });

  it('a contest the file does not hold, a mark that is not 0/1, a rank past the maximum: DataErrors with line', async () => {
    const path = file([`${HEADER},"Choice_1_1:Mayor:1:r:Ann:NON","Choice_1_1:Mayor:4:r:Ann:NON"`, '1,B,1,B-1,7,1,S,PC,0,0,x,0']);
    await expect(readAll({ path, format: 'clearBallot', contestId: 'Council' })).rejects.toMatchObject({
      message: 'contest "Council" has no choice columns in the file',
      hint: 'the contests are: "Mayor"',
    });
    await expect(readAll({ path, format: 'clearBallot', contestId: 'Mayor' })).rejects.toMatchObject({ at: { file: path, line: 2 } });
    await expect(readAll({ path, format: 'clearBallot', contestId: 'Mayor', maxRankings: 3 })).rejects.toMatchObject({
      message: 'column 12 is rank 4, past the 3 ranks allowed',
    });
  });
});
