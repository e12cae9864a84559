/**
 * Every single-winner case of RCTab's regression suite that ships an expected detailed report, counted through
 * runRctab and compared round by round: tally, inactive ballots by reason, threshold, eliminated and elected,
 * transfers, the winner, total ballots and undervotes. A case that cannot match yet is listed below with the
 * reason, and the test checks that it still fails, so fixing it forces the list to be updated.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runRctab } from '../../../../src/pipeline/ranked.js';
import type { IrvResult } from '../../../../src/count/irv/index.js';
import { DATA, hasData } from '../../../support/run.js';

const SUITE = `${DATA}rctab/`;

/** Cases that do not match yet, with the reason. */
const KNOWN_DIFFERENCES: Record<string, string> = {
};

interface ExpectedRound {
  round: number;
  tally: Record<string, string>;
  threshold: string;
  inactiveBallots: Record<string, string>;
  tallyResults: { eliminated?: string; elected?: string; transfers: Record<string, string> }[];
}
interface ExpectedReport {
  results: ExpectedRound[];
  summary: { totalNumBallots: string; undervotes: number };
}

const numbers = (record: Record<string, string>): Record<string, number> =>
  Object.fromEntries(Object.entries(record).map(([k, v]) => [k, Number(v)]));
const sorted = (record: Record<string, number>): [string, number][] => Object.entries(record).sort(([a], [b]) => (a < b ? -1 : 1));

/** Our result in the shape of RCTab's report, so that one toEqual shows every difference. */
function asReport(result: IrvResult): unknown {
  return {
    ballots: result.ballots,
    undervotes: result.undervotes,
    rounds: result.rounds.map((r) => ({
      round: r.round,
      tally: sorted(r.tally),
      threshold: r.threshold,
      inactive: sorted({ ...r.inactive }),
      eliminated: [...r.eliminated].sort(),
      elected: r.elected,
      transfers: r.eliminated.map((name) => [name, sorted(r.transfers[name] ?? {})]).sort(),
    })),
  };
}

function expectedReport(report: ExpectedReport): unknown {
  return {
    ballots: Number(report.summary.totalNumBallots),
    undervotes: report.summary.undervotes,
    rounds: report.results.map((r) => ({
      round: r.round,
      tally: sorted(numbers(r.tally)),
      threshold: Number(r.threshold),
      inactive: sorted(numbers(r.inactiveBallots)),
      eliminated: r.tallyResults.flatMap((t) => (t.eliminated ? [t.eliminated] : [])).sort(),
      elected: r.tallyResults.flatMap((t) => (t.elected ? [t.elected] : [])),
      transfers: r.tallyResults
        .flatMap((t) => (t.eliminated ? [[t.eliminated, sorted(numbers(t.transfers))] as const] : []))
        .sort(),
    })),
  };
}

const cases = hasData && existsSync(SUITE)
  ? readdirSync(SUITE).filter((c) => existsSync(`${SUITE}${c}/${c}_expected_detailed_report.json`)).sort()
  : [];

describe.skipIf(cases.length === 0)('RCTab conformance', () => {
  for (const name of cases) {
    const known = KNOWN_DIFFERENCES[name];
    it(known ? `${name} (known difference: ${known})` : name, async () => {
      const report = JSON.parse(readFileSync(`${SUITE}${name}/${name}_expected_detailed_report.json`, 'utf8')) as ExpectedReport;
      const config = `${SUITE}${name}/${name}_config.json`;
      if (known) {
        const outcome = await runRctab(config).then((r) => asReport(r), (e: unknown) => e);
        expect(outcome, 'this case now matches: remove it from KNOWN_DIFFERENCES').not.toEqual(expectedReport(report));
        return;
      }
      const result = await runRctab(config);
      expect(asReport(result)).toEqual(expectedReport(report));
      const last = report.results[report.results.length - 1] as ExpectedRound;
      const elected = report.results.flatMap((r) => r.tallyResults.flatMap((t) => (t.elected ? [t.elected] : [])));
      expect(result.outcome.winner).toBe(elected[0]);
      expect(result.rounds).toHaveLength(last.round);
    });
  }

  it('lists only cases that exist', () => {
    for (const name of Object.keys(KNOWN_DIFFERENCES)) expect(cases).toContain(name);
  });
});

if (cases.length === 0) console.log(`[skip] RCTab conformance: no suite at ${SUITE}`);
