/**
 * Every format over every fixture, pinned against reviewed goldens in __golden__/ (stdout, stderr and exit
 * code together). `npx vitest run -u` rewrites them; read the diff before committing it.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ROOT, run } from '../support/run.js';
import { htmlPage } from '../../src/render/html/page.js';
import { ALASKA_DOC } from '../support/ranked-doc.js';

const fixtures = [
  ...readdirSync(`${ROOT}fixtures`).filter((f) => f.endsWith('.csv')).map((f) => `fixtures/${f}`),
  ...readdirSync(`${ROOT}fixtures/rules`).filter((f) => f.endsWith('.csv')).map((f) => `fixtures/rules/${f}`),
].sort();
const formats = ['table', 'json', 'ndjson', 'csv', 'markdown', 'html', 'svg'] as const;

function pinned(r: { code: number; stdout: string; stderr: string }): string {
  return `exit ${r.code}\n--- stdout\n${r.stdout}--- stderr\n${r.stderr}`;
}

describe.each(fixtures)('%s', (fixture) => {
  const name = fixture.replace(/^fixtures\//, '').replaceAll('/', '__').replace(/\.csv$/, '');
  it.each(formats)('--format %s', async (format) => {
    const r = await run(['--format', format, fixture]);
    await expect(pinned(r)).toMatchFileSnapshot(`__golden__/${name}.${format}.txt`);
  });
});

// ranked-ballot files: the rounds in every format, the HTML drawn from the real ranked document
const irvFixtures = readdirSync(`${ROOT}fixtures/irv`).filter((f) => f.endsWith('.csv')).map((f) => `fixtures/irv/${f}`).sort();
describe.each(irvFixtures)('%s', (fixture) => {
  const name = fixture.replace(/^fixtures\//, '').replaceAll('/', '__').replace(/\.csv$/, '');
  it.each(formats)('--format %s', async (format) => {
    const r = await run(['--format', format, fixture]);
    await expect(pinned(r)).toMatchFileSnapshot(`__golden__/${name}.${format}.txt`);
  });
});

describe('the table on a terminal', () => {
  it('has colour, bars and the threshold marker', async () => {
    const r = await run(['fixtures/ga-06-2017-04-18-special-jungle.csv'], { isTTY: true, columns: 100, env: { FORCE_COLOR: '1' } });
    await expect(pinned(r)).toMatchFileSnapshot('__golden__/ga-06-2017-04-18-special-jungle.tty.txt');
  });

  it('fits a narrow terminal by dropping the bars', async () => {
    const r = await run(['fixtures/ga-06-2017-04-18-special-jungle.csv'], { isTTY: true, columns: 50, env: { NO_COLOR: '1' } });
    expect(r.stdout).not.toContain('█');
    expect(r.stdout).toContain('RUNOFF  Jon Ossoff vs Karen Handel');
  });

  it('election-night extras: outlook and county breakdown', async () => {
    const r = await run(['--outstanding', '10000', 'fixtures/ga-06-2017-04-18-special-jungle.csv']);
    await expect(pinned(r)).toMatchFileSnapshot('__golden__/ga-06-2017-04-18-special-jungle.outstanding.txt');
    const by = await run(['--by', 'county', 'fixtures/ga-06-2017-06-20-runoff-total-rows.csv']);
    await expect(pinned(by)).toMatchFileSnapshot('__golden__/ga-06-2017-06-20-runoff-total-rows.by-county.txt');
  });

  it('the HTML report with the outlook, a county breakdown, and a ranked race', async () => {
    const out = await run(['--format', 'html', '--outstanding', '10000', 'fixtures/ga-06-2017-04-18-special-jungle.csv']);
    await expect(pinned(out)).toMatchFileSnapshot('__golden__/ga-06-2017-04-18-special-jungle.outstanding.html');
    const by = await run(['--format', 'html', '--by', 'county', 'fixtures/ga-06-2017-06-20-runoff-total-rows.csv']);
    await expect(pinned(by)).toMatchFileSnapshot('__golden__/ga-06-2017-06-20-runoff-total-rows.by-county.html');
    await expect(htmlPage(ALASKA_DOC)).toMatchFileSnapshot('__golden__/ranked-ak-2022-special.html');
  });
});
