/**
 * The layout found decides which columns make a race, so it is shown (table footer, `runoff races`, JSON) and
 * `--layout <family>` overrides it. The MEDSL file is the case that shows why: read as a plain long file, the
 * state is no longer part of the race, and NY-1 and FL-1 become one race.
 */
import { describe, expect, it } from 'vitest';
import { firstInput } from '../support/doc.js';
import { fixture, json, run } from '../support/run.js';

const MEDSL = fixture('medsl-house-2018-fusion-duplicates.csv');

describe('--layout', () => {
  it('names the layout found in the table footer', async () => {
    const r = await run([fixture('ga-06-2017-04-18-special-jungle.csv')]);
    expect(r.stdout).toContain('ga-06-2017-04-18-special-jungle.csv · layout openelections · 18 rows, 18 counted');
    const medsl = await run(['-q', MEDSL]);
    expect(medsl.stdout).toContain('medsl-house-2018-fusion-duplicates.csv · layout medsl-constituency · ');
  });

  it('names it in Markdown too, with the rows left out, where a newsroom pastes the result', async () => {
    const r = await run(['--format', 'markdown', fixture('ga-06-2017-06-20-runoff-total-rows.csv')]);
    expect(r.stdout).toContain('ga-06-2017-06-20-runoff-total-rows.csv · layout openelections · 24 rows, 6 counted · left out: 12 total-row, 6 turnout_\n\n_Ballot: ');
    expect(r.stdout).toMatch(/^_Source: \S+ga-06-2017-06-20-runoff-total-rows\.csv · /m);
  });

  it('reads the header with the family named: MEDSL House results as a plain long file', async () => {
    const found = await json(['-q', MEDSL]);
    expect(firstInput(found.doc).layout).toBe('medsl-constituency');
    expect(found.doc.races.map((r) => [r.id, r.totalVotes])).toEqual([
      ['u.s. representative|ny-1|', 270053],
      ['u.s. representative|ak-al|', 282166],
      ['u.s. representative|fl-7|', 317398],
      ['u.s. representative|fl-1|', 322388],
    ]);
    const forced = await json(['-q', '--layout', 'long', MEDSL]);
    expect(firstInput(forced.doc).layout).toBe('openelections');
    // No state in the race: New York's and Florida's 1st district are one race of 270,053 + 322,388 votes.
    expect(forced.doc.races.map((r) => [r.id, r.totalVotes])).toEqual([
      ['u.s. representative|1|', 592441],
      ['u.s. representative|0|', 282166],
      ['u.s. representative|7|', 317398],
    ]);
  });

  it('refuses a header the family cannot read, with the file, line and what the family needs', async () => {
    const r = await run(['--layout', 'wide', fixture('ga-06-2017-04-18-special-jungle.csv')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('ga-06-2017-04-18-special-jungle.csv:1: the header does not fit --layout wide: found "office", "district", "party", "candidate", "votes"');
    expect(r.stderr).toContain('hint: that layout needs wide candidate columns coded like G22USSDWAR (RDH / VEST); leave out --layout to detect the layout');
  });

  it('rejects a family it does not know, listing the ones it does', async () => {
    const r = await run(['--layout', 'openelections', fixture('ga-06-2017-04-18-special-jungle.csv')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Allowed choices are medsl, civicfs, clarity, clerk, long, wide');
  });

  it('reads every file as results: a ballot file is not taken for ballots', async () => {
    const ballots = fixture('irv/aliases.csv');
    expect((await run([ballots])).stdout).toContain('read as cast-vote records (rank-columns)');
    const r = await run(['--layout', 'long', ballots]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('aliases.csv:1: the header does not fit --layout long: found "1st Choice", "2nd Choice"');
  });

  it('also in `runoff races`', async () => {
    const r = await run(['races', '-q', '--layout', 'long', MEDSL]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('medsl-house-2018-fusion-duplicates.csv · layout openelections · ');
  });
});
