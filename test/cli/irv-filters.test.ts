/**
 * --race and --status pick ranked contests as they pick two-round races: --race by the contest's title (the
 * ballot file's name, or the RCTab config's contestName) or id, --status by the outcome the document gives
 * (an instant runoff ends with a winner). The outcomes asserted are the hand counts of fixtures/irv/README.md
 * and the Georgia 6th district special election of 2017 (fixtures/README.md), which went to a runoff.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, run } from '../support/run.js';

const IRV = `${ROOT}fixtures/irv/`;
const FOUR = `${IRV}hand-counted-four-rounds.csv`;
const TIE = `${IRV}tie.blt`;
const MAJORITY = `${IRV}majority.blt`;
const GA6 = `${ROOT}fixtures/ga-06-2017-04-18-special-jungle.csv`;

interface Doc {
  races: { id: string; office: string; method?: string; outcome: { status: string; winner: string | null } }[];
}

async function races(args: string[]): Promise<Doc['races']> {
  const { code, stdout, stderr } = await run(['--json', ...args]);
  expect(stderr).toBe('');
  expect(code).toBe(0);
  return (JSON.parse(stdout) as Doc).races;
}

describe('--race on ranked contests', () => {
  it('keeps the contest whose title holds every word, in any case', async () => {
    const kept = await races(['--race', 'TIE', FOUR, TIE, MAJORITY]);
    expect(kept.map((r) => [r.office, r.outcome.winner])).toEqual([['tie', 'A']]);
  });

  it('takes several queries, and a contest matched by its id', async () => {
    const kept = await races(['--race', 'majority', '--race', 'rounds four', FOUR, TIE, MAJORITY]);
    expect(kept.map((r) => [r.id, r.outcome.winner])).toEqual([
      ['hand-counted-four-rounds', 'Carol'],
      ['majority', 'A'],
    ]);
  });

  it('a query that matches nothing is an error naming the closest contests', async () => {
    const r = await run(['--race', 'majorty', FOUR, TIE, MAJORITY]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/no race matches --race "majorty"\n {2}hint: the closest races are "majority"/);
  });

  it('beside a results file, a query may match only the ranked contest, or only the results race', async () => {
    const ranked = await races(['--race', 'four rounds', GA6, FOUR]);
    expect(ranked.map((r) => [r.office, r.method])).toEqual([['hand-counted-four-rounds', 'instant-runoff']]);
    const results = await races(['--race', 'house 6', GA6, FOUR]);
    expect(results.map((r) => [r.office, r.outcome.status])).toEqual([['U.S. House', 'runoff']]);
    const neither = await run(['--race', 'senate', GA6, FOUR]);
    expect(neither.code).toBe(1);
    expect(neither.stderr).toContain('no race matches --race "senate"');
  });

  it('--rctab: the config\'s contestName is the title', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'runoff-irv-race-'));
    writeFileSync(join(dir, 'ballots.csv'), 'Alice,Bob\n1,2\n1,\n2,1\n');
    const config = join(dir, 'council_config.json');
    writeFileSync(config, JSON.stringify({
      tabulatorVersion: 'TEST',
      outputSettings: { contestName: 'City Council Ward 3' },
      cvrFileSources: [{ filePath: 'ballots.csv', provider: 'genericCsv', firstVoteColumnIndex: '1', firstVoteRowIndex: '2' }],
      candidates: [{ name: 'Alice' }, { name: 'Bob' }],
      rules: { tiebreakMode: 'useCandidateOrder', overvoteRule: 'exhaustImmediately', winnerElectionMode: 'singleWinnerMajority', numberOfWinners: '1', maxRankingsAllowed: 'max', maxSkippedRanksAllowed: '1' },
    }));
    const kept = await races(['--race', 'ward 3', '--rctab', config, TIE]);
    expect(kept.map((r) => [r.office, r.outcome.winner])).toEqual([['City Council Ward 3', 'Alice']]);
  });
});

describe('runoff races lists ranked contests, as the --race hint says', () => {
  it('by id and title, with their ballots and first choices', async () => {
    const { code, stdout } = await run(['races', TIE, MAJORITY]);
    expect(code).toBe(0);
    expect(stdout).toContain('2 races\n\ntie  tie · instant runoff · 14 ballots\n  A                     5 first choices\n  C                     4 first choices\n');
    expect(stdout).toContain('majority  majority · instant runoff · 10 ballots\n  A                     6 first choices\n');
    const json = JSON.parse((await run(['races', '--json', '--race', 'majority', TIE, MAJORITY])).stdout);
    expect(json.races.map((r: { id: string; method?: string; rows: number }) => [r.id, r.method, r.rows])).toEqual([['majority', 'instant-runoff', 10]]);
  });
});

describe('--status on ranked contests', () => {
  it('winner keeps every instant runoff; runoff and tie keep none', async () => {
    expect((await races(['--status', 'winner', FOUR, TIE])).map((r) => r.office)).toEqual(['hand-counted-four-rounds', 'tie']);
    expect(await races(['--status', 'runoff', FOUR, TIE])).toEqual([]);
    expect(await races(['--status', 'tie', FOUR])).toEqual([]);
  });

  it('applies to results races and ranked contests of one run alike', async () => {
    expect((await races(['--status', 'runoff', GA6, FOUR])).map((r) => r.outcome.status)).toEqual(['runoff']);
    expect((await races(['--status', 'winner', GA6, FOUR])).map((r) => r.office)).toEqual(['hand-counted-four-rounds']);
    expect((await races(['--status', 'runoff,winner', GA6, FOUR])).map((r) => r.office)).toEqual(['U.S. House', 'hand-counted-four-rounds']);
  });

  it('with every contest left out, the table says so and still counts the ballots read', async () => {
    const { code, stdout } = await run(['--status', 'runoff', FOUR]);
    expect(code).toBe(0);
    expect(stdout).toBe('No races matched.\n\nfixtures/irv/hand-counted-four-rounds.csv · 14 ballots · read as cast-vote records (rank-columns)\n'.replace('fixtures/', `${ROOT}fixtures/`));
  });

  it('combines with --race: both must hold', async () => {
    expect((await races(['--race', 'tie', '--status', 'winner', FOUR, TIE])).map((r) => r.office)).toEqual(['tie']);
    expect(await races(['--race', 'tie', '--status', 'runoff', FOUR, TIE])).toEqual([]);
  });
});
