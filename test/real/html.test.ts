/** The HTML report over a real statewide file: every race drawn, the summary matching the JSON, the page small. */
import { describe, expect, it } from 'vitest';
import { summaryLine } from '../../src/render/verdict.js';
import { DATA, hasData, json, run } from '../support/run.js';

if (!hasData) console.warn(`notice: ${DATA} is absent; the real-data HTML report test is skipped`);

describe.skipIf(!hasData)('the HTML report on real files', () => {
  it('RDH Georgia 2022 general: 263 races in one page under 5 MB, summary and contents as in --json', async () => {
    const file = `${DATA}rdh_ga_2022-11-08_general_precinct_WIDE.csv`;
    const args = ['--names', `${DATA}rdh_ga_2022-11-08_general_precinct_WIDE_README.txt`, file];
    const { doc } = await json(args);
    const r = await run(['--format', 'html', ...args]);
    expect(r.code).toBe(0);
    expect(doc.races).toHaveLength(263);
    expect(r.stdout).toContain(`<p class="summary">${summaryLine(doc.races.map((x) => x.outcome.status))}</p>`);
    expect(r.stdout).toMatch(/<p class="summary">263 races: \d+ won outright, 1 runoff/);
    expect(r.stdout.match(/<li><a href="#race-\d+">/g)).toHaveLength(263);
    expect(r.stdout.match(/<svg class="chart bars"/g)).toHaveLength(263);
    expect(r.stdout).toContain('<strong>Raphael Warnock vs Herschel Junior Walker</strong>');
    expect(Buffer.byteLength(r.stdout)).toBeLessThan(5 * 1024 * 1024);
  });
});
