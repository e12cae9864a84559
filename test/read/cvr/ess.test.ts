import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectedTally, loadCase, RCTAB, readAll, roundOne } from './rctab-case.js';

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
    const c = loadCase(name);
    const votes = (await Promise.all(c.sources.map(readAll))).flat();
    const r1 = roundOne(c, votes);
    expect(r1.ballots).toBe(c.expected.totalBallots);
    expect(Object.fromEntries(r1.tally)).toEqual(expectedTally(c));
    expect(r1.overvotes).toBe(c.expected.overvotes);
    expect(r1.skippedRankings).toBe(c.expected.skipped);
  });
});
