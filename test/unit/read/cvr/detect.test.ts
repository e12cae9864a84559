import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { detectCvrFormat } from '../../../../src/read/cvr/index.js';
import { RCTAB } from './rctab-case.js';

const has = existsSync(RCTAB);
if (!has) console.log(`skipped: format detection over RCTab cases needs the regression data in ${RCTAB}`);

/** Every CVR source of every RCTab case: the format found from content must be the config's provider. */
function sources(): [string, string][] {
  const out: [string, string][] = [];
  for (const name of readdirSync(RCTAB)) {
    const config = join(RCTAB, name, `${name}_config.json`);
    if (!existsSync(config)) continue;
    const parsed = JSON.parse(readFileSync(config, 'utf8')) as { cvrFileSources: { filePath: string; provider: string }[] };
    for (const s of parsed.cvrFileSources) out.push([join(RCTAB, name, s.filePath), s.provider]);
  }
  return out;
}

describe.skipIf(!has)('detectCvrFormat over every RCTab case source', () => {
  it.each(has ? sources() : [])('%s is %s', async (path, provider) => {
    expect(await detectCvrFormat(path)).toBe(provider);
  });
});

const dir = mkdtempSync(join(tmpdir(), 'runoff-detect-'));
afterAll(() => rmSync(dir, { recursive: true }));
function file(name: string, text: string): string {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
}

describe('detectCvrFormat from content, whatever the name', () => {
  it.each([
    ['a.txt', '4 1\n1 1 2 0\n0\n"A"\n"B"\n"C"\n"D"\n"T"\n', 'blt'],
    ['b.txt', 'Ballot ID,Precinct,1st Choice,2nd Choice\n1,P1,Ann,Bob\n', 'rank-columns'],
    ['c.txt', 'id,Ann,Bob,Cy\n1,1,2,\n2,,1,2\n', 'genericCsv'],
    ['d.txt', '\uFEFF  {"Version": "5", "Sessions": []}', 'dominion'],
    ['e.txt', '{"@type": "CVR.CastVoteRecordReport", "CVR": []}', 'cdf'],
    ['f.txt', '<?xml version="1.0"?>\n<!-- x --><cdf:CastVoteRecordReport xmlns:cdf="x"/>', 'cdf'],
    ['g.txt', '<?xml version="1.0"?><Cvr xmlns="http://tempuri.org/CVRDesign.xsd"></Cvr>', 'hart'],
    // The header and the first rows decide: quoted cells, a BOM, CRLF and empty lines read as CSV; damage after the
    // first twenty rows is the ballot reader's to report, with its line.
    ['k.txt', '\uFEFFBallot ID,"Precinct, Ward","1st Choice"\r\n\r\n1,"P1, W2","Ann ""A"" Lee"\r\n', 'rank-columns'],
    ['l.txt', `id,Ann,Bob\n${'1,1,2\n'.repeat(30)}2,"1"x,2\n`, 'genericCsv'],
  ])('%s', async (name, text, format) => {
    expect(await detectCvrFormat(file(name, text))).toBe(format);
  });

  it('looks past the head of a JSON object whose keys come late', async () => {
    const path = file('late.json', `{"Filler": "${'x'.repeat(70_000)}", "Sessions": []}`);
    expect(await detectCvrFormat(path)).toBe('dominion');
  });

  it.each([
    ['h.txt', 'name,party\nAnn,X\n', 'neither BLT nor a CSV'],
    ['m.txt', 'Ballot ID,1st Choice\n1,"Ann\n', 'first lines are not well-formed CSV'],
    ['n.txt', 'Ballot ID,1st Choice\n1,"Ann"x\n', 'first lines are not well-formed CSV'],
    ['i.txt', '{"results": []}', 'neither "Sessions"'],
    ['j.txt', '<html></html>', 'root is <html>'],
  ])('%s is a DataError naming what was found', async (name, text, message) => {
    await expect(detectCvrFormat(file(name, text))).rejects.toMatchObject({ exitCode: 1, message: expect.stringContaining(message) });
  });

  it('a missing path is an InputError', async () => {
    await expect(detectCvrFormat(join(dir, 'nope'))).rejects.toMatchObject({ exitCode: 3 });
  });
});
