import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectRoundOne, RCTAB, readAll } from './rctab-case.js';

const has = existsSync(RCTAB);
if (!has) console.log(`skipped: the Hart case needs the RCTab regression data in ${RCTAB}`);

describe.skipIf(!has)('Hart XML over the RCTab regression case', () => {
  it('hart_travis_county_officers: with RCTab candidate ids, ballots and round one match the expected report', async () => {
    await expectRoundOne('hart_travis_county_officers', (s) => readAll({ ...s, candidateIds: true }));
  });
});

const dir = mkdtempSync(join(tmpdir(), 'runoff-hart-'));
afterAll(() => rmSync(dir, { recursive: true }));

function sheet(name: string, options: string): void {
  writeFileSync(
    join(dir, name),
    `\uFEFF<?xml version="1.0" encoding="utf-8"?><Cvr xmlns="http://tempuri.org/CVRDesign.xsd"><Contests><Contest><Name>MAYOR</Name><Id>m-1</Id><Options>${options}</Options></Contest></Contests>` +
      `<PrecinctSplit><Name>10-1</Name><Id>p</Id></PrecinctSplit><BatchNumber>1</BatchNumber><CvrGuid>${name}</CvrGuid></Cvr>`,
  );
}

describe('Hart reader rules and errors', () => {
  it('reads each digit of an option value as a rank, names by default, ids on request, write-ins by id', async () => {
    sheet('a.xml', '<Option><Name>Ann</Name><Id>id-ann</Id><Value>0100</Value></Option><Option><Name>Bob</Name><Id>id-bob</Id><Value>1100</Value></Option>');
    sheet('b.xml', '<Option><Id>w-1</Id><Value>1</Value><WriteInData><Text /></WriteInData></Option>');
    const votes = await readAll({ path: dir, format: 'hart', contestId: 'm-1' });
    expect(votes.map((v) => [v.origin.id, v.precinct, v.marks])).toEqual([
      ['a.xml', '10-1', [{ rank: 1, choices: ['Bob'] }, { rank: 2, choices: ['Ann', 'Bob'] }]],
      ['b.xml', '10-1', [{ rank: 1, choices: ['w-1'] }]],
    ]);
    const ids = await readAll({ path: join(dir, 'a.xml'), format: 'hart', contestId: 'm-1', candidateIds: true });
    expect(ids[0]?.marks[0]).toEqual({ rank: 1, choices: ['id-bob'] });
  });

  it('a contest no ballot holds is a DataError listing the contests', async () => {
    sheet('a.xml', '<Option><Name>Ann</Name><Id>id-ann</Id><Value>1</Value></Option>');
    await expect(readAll({ path: join(dir, 'a.xml'), format: 'hart', contestId: 'x' })).rejects.toMatchObject({
      message: 'no ballot holds contest x',
      hint: 'the contests are: m-1 (MAYOR)',
    });
  });
});
