import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeXlsx, writeZip } from './tiny-xlsx.js';
import { expectRoundOne, RCTAB, readAll } from './rctab-case.js';

const ESS_CASES = [
  '2015_portland_mayor',
  '2015_portland_mayor_codes',
  'aliases_ess_xlsx',
  'batch_example',
  'continue_until_two_with_batch_elimination_test',
  'duplicate_test',
  'excluded_test',
  'exhaust_if_multiple_continuing',
  'first_round_determines_threshold_test',
  'skip_to_next_test',
  'test_set_overvote_delimiter',
  'test_set_treat_blank_as_undeclared_write_in',
  'tiebreak_use_permutation_in_config_test',
  'uwi_cannot_win_test',
];
const has = existsSync(RCTAB);
if (!has) console.log(`skipped: ES&S cases need the RCTab regression data in ${RCTAB}`);

describe.skipIf(!has)('ES&S xlsx over the RCTab regression cases', () => {
  it.each(ESS_CASES)('%s: ballots and round one match the expected report', async (name) => {
    const { c, r1 } = await expectRoundOne(name);
    expect(r1.skippedRankings).toBe(c.expected.skipped);
  });
});

const dir = mkdtempSync(join(tmpdir(), 'runoff-ess-'));
afterAll(() => rmSync(dir, { recursive: true }));
let n = 0;
const path = () => join(dir, `${n++}.xlsx`);

// Shared strings: 0 header, 1 Ann, 2 Bob, 3 "Ann|Bob", 4 precinct; 5 is a rich-text run with a phonetic hint.
const SHARED = ['Cast Vote Record', 'Ann', 'Bob', ' Ann | Bob ', 'Ward 1', '<r><t>C</t></r><r><t>y</t></r><rPh><t>x</t></rPh>'];
const SHEET =
  '<row r="1"><c r="A1" t="s"><v>0</v></c></row>' +
  '<row r="2"><c r="A2"><v>101</v></c><c r="B2" t="s"><v>4</v></c><c r="C2" t="s"><v>1</v></c><c r="E2" t="inlineStr"><is><t>Bob</t></is></c><c r="F2" t="s"><v>2</v></c></row>' +
  '<row r="3"><c r="A3"><v>102</v></c><c r="C3" t="s"><v>3</v></c><c r="D3" t="s"><v>5</v></c><c r="E3" s="4"/></row>' +
  // a row and its cells without references follow the previous ones
  '<row><c><v>103</v></c><c t="s"><v>4</v></c><c t="str"><v>  </v></c><c t="s"><v>2</v></c></row>';
const EMPTY_ROW = '<row r="7" spans="1:5"/>';

describe('ES&S reader rules and errors', () => {
  it('reads shared, inline, rich and numeric cells, the first sheet in workbook order, ranks up to maxRankings', async () => {
    for (const sharedLast of [false, true]) {
      const file = path();
      writeXlsx(file, SHEET, SHARED, { sharedLast });
      const votes = await readAll({
        path: file, format: 'ess', firstVoteColumnIndex: 3, firstVoteRowIndex: 2, idColumnIndex: 1, precinctColumnIndex: 2, overvoteDelimiter: '|', maxRankings: 3,
      });
      expect(votes.map((v) => [v.origin.line, v.origin.id, v.precinct, v.marks])).toEqual([
        [2, '101', 'Ward 1', [{ rank: 1, choices: ['Ann'] }, { rank: 3, choices: ['Bob'] }]],
        [3, '102', undefined, [{ rank: 1, choices: ['Ann', 'Bob'] }, { rank: 2, choices: ['Cy'] }]],
        [4, '103', 'Ward 1', [{ rank: 2, choices: ['Bob'] }]],
      ]);
      expect(votes).toHaveLength(3);
    }
  });

  it('a row with no cells at all is still a ballot (an undervote), as RCTab counts it', async () => {
    const file = path();
    writeXlsx(file, SHEET + EMPTY_ROW, SHARED);
    const votes = await readAll({ path: file, format: 'ess', firstVoteColumnIndex: 3, firstVoteRowIndex: 2 });
    expect(votes.map((v) => v.origin.line)).toEqual([2, 3, 4, 7]);
    expect(votes[3]?.marks).toEqual([]);
  });

  it('errors: not an xlsx, no workbook, a missing setting, a missing ballot id, an empty name in an overvote', async () => {
    const text = join(dir, 'text.xlsx');
    writeFileSync(text, 'Cast Vote Record,1st Choice\n');
    await expect(readAll({ path: text, format: 'ess', firstVoteColumnIndex: 2, firstVoteRowIndex: 2 })).rejects.toMatchObject({
      exitCode: 1, message: expect.stringContaining('not an xlsx workbook'), hint: expect.stringContaining('Excel Workbook'),
    });
    const zip = path();
    writeZip(zip, [['hello.txt', 'hi']]);
    await expect(readAll({ path: zip, format: 'ess', firstVoteColumnIndex: 2, firstVoteRowIndex: 2 })).rejects.toMatchObject({ message: expect.stringContaining('xl/workbook.xml') });
    const file = path();
    writeXlsx(file, SHEET, SHARED);
    await expect(readAll({ path: file, format: 'ess', firstVoteRowIndex: 2 })).rejects.toMatchObject({ message: 'an ES&S source needs firstVoteColumnIndex' });
    await expect(readAll({ path: file, format: 'ess', firstVoteColumnIndex: 3, firstVoteRowIndex: 2, idColumnIndex: 2 })).rejects.toMatchObject({
      message: 'row 3 has no ballot id in column 2', at: { file, line: 3 },
    });
    const bad = path();
    writeXlsx(bad, '<row r="2"><c r="B2" t="inlineStr"><is><t>Ann||Bob</t></is></c></row>', []);
    await expect(readAll({ path: bad, format: 'ess', firstVoteColumnIndex: 2, firstVoteRowIndex: 2, overvoteDelimiter: '|' })).rejects.toMatchObject({ at: { line: 2 } });
    await expect(readAll({ path: join(dir, 'none.xlsx'), format: 'ess', firstVoteColumnIndex: 2, firstVoteRowIndex: 2 })).rejects.toMatchObject({ exitCode: 3 });
  });
});
