/** Every format carries every option: --by and --outstanding in CSV and Markdown, not only the table and JSON. */
import { describe, expect, it } from 'vitest';
import { fixture, run } from '../support/run.js';

const RUNOFF_2017 = fixture('ga-06-2017-06-20-runoff-total-rows.csv');
const SEED = fixture('ga-06-2017-04-18-special-jungle.csv');

function parseCsv(text: string): Record<string, string>[] {
  const [head, ...lines] = text.trimEnd().split('\r\n');
  const names = (head ?? '').split(',');
  // No quoted commas in the rows read below except the outlook sentence, which is last.
  return lines.map((line) => {
    const cells = line.split(',');
    return Object.fromEntries(names.map((n, i) => [n, i === names.length - 1 ? cells.slice(i).join(',') : cells[i] ?? '']));
  });
}

describe('--by county', () => {
  it('CSV: one row per race × area × candidate, with an area column (county sums of the 2017 runoff)', async () => {
    const r = await run(['--format', 'csv', '--by', 'county', RUNOFF_2017]);
    expect(r.code).toBe(0);
    const rows = parseCsv(r.stdout);
    const byArea = rows.filter((row) => row.area !== '');
    expect(byArea.map((row) => [row.area, row.candidate, row.votes, row.total_votes, row.leads_area])).toEqual([
      ['Cobb', 'Karen Handel', '45688', '78802', 'yes'],
      ['Cobb', 'Jon Ossoff', '33114', '78802', 'no'],
      ['DeKalb', 'Karen Handel', '24117', '58045', 'no'],
      ['DeKalb', 'Jon Ossoff', '33928', '58045', 'yes'],
      ['Fulton', 'Karen Handel', '64994', '123469', 'yes'],
      ['Fulton', 'Jon Ossoff', '58475', '123469', 'no'],
    ]);
    // The race-wide rows are still there, with the area empty.
    expect(rows.filter((row) => row.area === '').map((row) => [row.candidate, row.votes])).toEqual([['Karen Handel', '134799'], ['Jon Ossoff', '125517']]);
  });

  it('Markdown: a breakdown table under the race', async () => {
    const r = await run(['--format', 'markdown', '--by', 'county', RUNOFF_2017]);
    expect(r.stdout).toContain('| county | Karen Handel | Jon Ossoff | Total | Leader |\n|:--|--:|--:|--:|:--|\n| Cobb | 45,688 | 33,114 | 78,802 | Karen Handel |');
    expect(r.stdout).toContain('| DeKalb | 24,117 | 33,928 | 58,045 | Jon Ossoff |');
  });

  it('without --by, CSV has no area column', async () => {
    const r = await run(['--format', 'csv', RUNOFF_2017]);
    expect(r.stdout.split('\r\n')[0]).not.toContain('area');
  });
});

describe('--outstanding', () => {
  it('CSV: the outlook as columns — Ossoff needs 8,612 of 10,000; the pairing is locked', async () => {
    const r = await run(['--format', 'csv', '--outstanding', '10000', SEED]);
    const rows = parseCsv(r.stdout);
    const ossoff = rows.find((row) => row.candidate === 'Jon Ossoff');
    expect(ossoff).toMatchObject({ outstanding: '10000', votes_needed_to_win: '8612', runoff_locked: 'yes' });
    expect(ossoff?.outlook).toContain('Jon Ossoff wins outright only with at least 8,612 of the 10,000 outstanding votes');
    // Handel cannot reach a majority with 10,000 more: 38,071 + 10,000 of 202,569 is not > 50 %.
    expect(rows.find((row) => row.candidate === 'Karen Handel')?.votes_needed_to_win).toBe('');
  });

  it('Markdown: the outlook sentence under the verdict', async () => {
    const r = await run(['--format', 'markdown', '--outstanding', '20000', SEED]);
    expect(r.stdout).toContain('**OUTLOOK** Jon Ossoff wins outright only with at least 13,612 of the 20,000 outstanding votes; Bob Gray can still overtake Karen Handel by winning the outstanding votes by 17,270 more than Karen Handel.');
  });
});
