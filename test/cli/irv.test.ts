/**
 * Instant runoff through the command line: a cast-vote-record file is told from a results file by its content,
 * tabulated round by round, and printed in every format; --rctab tabulates a real RCTab case exactly as RCTab's
 * expected report says; bad ballots and configs stop with one line, a hint and exit 1.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { rankedFormatOf } from '../../src/pipeline/ranked-count.js';
import { at, firstInput, firstRace, parseDoc, parseNdjsonLine, ranked } from '../support/doc.js';
import { DATA, hasData, ROOT, run } from '../support/run.js';

const FIXTURE = 'fixtures/irv/hand-counted-four-rounds.csv';

describe('a rank-column ballot file (hand-counted fixture, see fixtures/irv/README.md)', () => {
  it('prints candidates × rounds, inactive ballots, the threshold, transfers and the verdict', async () => {
    const { code, stdout, stderr } = await run([FIXTURE]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Carol\s+4\s+4\s+5\s+7 ✓$/m);
    expect(stdout).toMatch(/^Bob\s+3\s+3\s+3 ✗$/m);
    expect(stdout).toMatch(/^Undeclared Write-ins\s+1 ✗$/m);
    expect(stdout).toMatch(/^Overvotes\s+0\s+0\s+1\s+1$/m);
    expect(stdout).toMatch(/^Threshold\s+8\s+8\s+7\s+7$/m);
    expect(stdout).toContain('Round 2: Dave eliminated; Dave → Carol 1, exhausted 1');
    expect(stdout).toContain('WINNER Carol — 7 of 13 continuing ballots (53.8 %) in round 4');
    expect(stdout).toContain('a two-round rule would send Alice and Carol to a runoff');
    expect(stdout).toContain('Condorcet winner: Carol beats every other candidate head to head; instant runoff elected them');
  });

  it('gives a JSON document the zod schema accepts, with the rounds, Condorcet and first-choice readings', async () => {
    const { code, stdout } = await run(['--json', FIXTURE]);
    expect(code).toBe(0);
    const doc = parseDoc(stdout);
    expect(doc.schemaVersion).toBe(2);
    const race = ranked(firstRace(doc));
    expect(race.method).toBe('instant-runoff');
    expect(race.ballots).toBe(14);
    expect(race.outcome).toMatchObject({ status: 'winner', winner: 'Carol' });
    expect(race.rounds.map((r) => r.tally)).toEqual([
      { Alice: 4, Carol: 4, Bob: 3, Dave: 2, 'Undeclared Write-ins': 1 },
      { Alice: 5, Carol: 4, Bob: 3, Dave: 2 },
      { Alice: 5, Carol: 5, Bob: 3 },
      { Carol: 7, Alice: 6 },
    ]);
    expect(race.rounds[2]?.transfers).toEqual({ Bob: { Carol: 2, Alice: 1 } });
    expect(race.rounds[3]?.inactive).toEqual({ overvotes: 1, skippedRankings: 0, repeatedRankings: 0, exhaustedChoices: 0 });
    expect(race.final).toEqual({ round: 4, votes: 7, threshold: 7, continuing: 13 });
    expect(race.condorcet.winner).toBe('Carol');
    expect(race.condorcet.irvAgrees).toBe(true);
    expect(race.firstChoices).toMatchObject({ total: 14, majority: null, topTwo: ['Alice', 'Carol'] });
    expect(firstInput(doc).layout).toBe('cvr-rank-columns');
  });

  it('carries the rounds in csv, markdown and ndjson', async () => {
    const csv = await run(['--format', 'csv', FIXTURE]);
    expect(csv.stdout.split('\r\n')[0]).toMatch(/,round,round_status$/);
    expect(csv.stdout).toContain('hand-counted-four-rounds,hand-counted-four-rounds,,,1,Carol,,7,0.538462,13,winner,yes,Carol,,,ranked,instant-runoff,4,elected');
    const md = await run(['--format', 'markdown', FIXTURE]);
    expect(md.stdout).toContain('| Carol | 4 | 4 | 5 | 7 ✓ |');
    expect(md.stdout).toContain('**WINNER** Carol — 7 of 13 continuing ballots (53.8 %) in round 4');
    const nd = await run(['--format', 'ndjson', FIXTURE]);
    const line = parseNdjsonLine(nd.stdout.trim());
    expect(line.schemaVersion).toBe(2);
    expect(ranked(line).rounds).toHaveLength(4);
  });

  it('--by precinct gives first choices per precinct', async () => {
    const { stdout } = await run(['--json', '--by', 'precinct', FIXTURE]);
    const race = ranked(firstRace(parseDoc(stdout)));
    expect(race.precincts).toEqual([
      { area: 'P1', firstChoices: { Alice: 4, Bob: 2 } },
      { area: 'P2', firstChoices: { Carol: 4, Dave: 2, Bob: 1, 'Undeclared Write-ins': 1 } },
    ]);
  });

  it('applies the tabulation flags: --overvote always-skip sends the overvoted ballot on to Carol', async () => {
    const { stdout } = await run(['--json', '--overvote', 'always-skip', FIXTURE]);
    const race = ranked(firstRace(parseDoc(stdout)));
    expect(at(race.rounds, 2, 'round').tally).toEqual({ Carol: 6, Alice: 5, Bob: 3 });
    expect(race.outcome.winner).toBe('Carol');
  });

  it('keeps every results fixture on the results path', async () => {
    const files = [
      ...readdirSync(`${ROOT}fixtures`).filter((f) => f.endsWith('.csv')).map((f) => `${ROOT}fixtures/${f}`),
      ...readdirSync(`${ROOT}fixtures/rules`).filter((f) => f.endsWith('.csv')).map((f) => `${ROOT}fixtures/rules/${f}`),
    ];
    for (const f of files) expect(await rankedFormatOf(f), f).toBeNull();
    expect(await rankedFormatOf(`${ROOT}${FIXTURE}`)).toBe('rank-columns');
  });
});

describe('bad ranked input stops with one line and a hint', () => {
  const dir = mkdtempSync(join(tmpdir(), 'runoff-irv-'));
  const config = (name: string, extra: Record<string, unknown>, cvr = 'ballots.csv', candidates = ['Alice', 'Bob']): string => {
    const path = join(dir, `${name}_config.json`);
    const body = {
      tabulatorVersion: 'TEST',
      outputSettings: { contestName: name },
      cvrFileSources: [{ filePath: cvr, provider: 'genericCsv', firstVoteColumnIndex: '1', firstVoteRowIndex: '2' }],
      candidates: candidates.map((n) => ({ name: n })),
      rules: { tiebreakMode: 'useCandidateOrder', overvoteRule: 'exhaustImmediately', winnerElectionMode: 'singleWinnerMajority', numberOfWinners: '1', maxRankingsAllowed: 'max', maxSkippedRanksAllowed: '1', ...extra },
    };
    writeFileSync(path, JSON.stringify(body));
    return path;
  };
  writeFileSync(join(dir, 'ballots.csv'), 'Alice,Bob,Carol\n1,2,\n2,1,\n,1,2\n');

  const expectDataError = (r: { code: number; stderr: string; stdout: string }, message: RegExp): void => {
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(message);
    expect(r.stderr).toContain('hint:');
    expect(r.stderr.trim().split('\n')).toHaveLength(2); // the message and its hint
  };

  it('a candidate the config does not list, with the line', async () => {
    expectDataError(await run(['--rctab', config('unknown', {})]), /ballots\.csv:4: .*"Carol", who is not a candidate/);
  });

  it('a rank past --max-rankings, with the line', async () => {
    expectDataError(await run(['--max-rankings', '2', FIXTURE]), /hand-counted-four-rounds\.csv:5: rank 3 is past the maximum of 2 rankings/);
  });

  it('a Dominion export without its manifests', async () => {
    const folder = join(dir, 'dominion');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'CvrExport.json'), '{"Version":"5.10","ElectionId":"x","Sessions":[]}');
    expectDataError(await run(['--contest', '1', folder]), /no ContestManifest\.json/);
  });

  it('an RCTab config with an option RCTab does not have, or a CVR file that is not there', async () => {
    expectDataError(await run(['--rctab', config('typo', { batchEliminaton: true })]), /unknown option rules\.batchEliminaton/);
    expectDataError(await run(['--rctab', config('missing', {}, 'nowhere.csv')]), /nowhere\.csv named by the config does not exist/);
  });

  it('refuses multi-winner modes, naming RCTab', async () => {
    expectDataError(await run(['--rctab', config('stv', { winnerElectionMode: 'multiWinnerAllowOnlyOneWinnerPerRound', numberOfWinners: '2' })]), /multi-winner .*RCTab/);
  });

  it('refuses tabulation flags with --rctab (the config sets them)', async () => {
    const r = await run(['--rctab', config('flags', {}), '--batch-elimination']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--batch-elimination cannot be added');
  });
});

describe('--rctab on a real RCTab case (Portland, Maine, 2015 mayor: real ballots)', () => {
  const folder = `${DATA}rctab/2015_portland_mayor/`;
  const present = hasData && existsSync(folder);
  if (!present) console.log(`skipping the RCTab case: ${folder} is absent`);
  it.skipIf(!present)('matches RCTab\'s expected report round for round', async () => {
    const { code, stdout, stderr } = await run(['--json', '--rctab', `${folder}2015_portland_mayor_config.json`]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const race = ranked(firstRace(parseDoc(stdout)));
    const expected = JSON.parse(readFileSync(`${folder}2015_portland_mayor_expected_detailed_report.json`, 'utf8')) as {
      results: { round: number; tally: Record<string, string>; threshold: string; inactiveBallots: Record<string, string> }[];
    };
    expect(race.rounds).toHaveLength(expected.results.length);
    expected.results.forEach((want, i) => {
      const got = race.rounds[i];
      const nonZero = Object.fromEntries(Object.entries(want.tally).map(([k, v]) => [k, Number(v)]));
      expect(Object.fromEntries(Object.entries(got?.tally ?? {}).filter(([k]) => k in nonZero))).toEqual(nonZero);
      expect(got?.threshold).toBe(Number(want.threshold));
      expect(got?.inactive.overvotes).toBe(Number(want.inactiveBallots.overvotes));
    });
    expect(race.outcome.winner).toBe('Mavodones, Nicholas M. Jr.');
  });
});
