import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { expectRoundOne, loadCase, RCTAB, type RctabCase, readAll } from './rctab-case.js';

const CDF_CASES = [
  'aliases_cdf_json',
  'nist_xml_cdf_2',
  'test_set_0_skipped_first_choice',
  'test_set_1_exhaust_at_overvote',
  'test_set_2_overvote_skip_to_next',
  'test_set_3_skipped_choice_exhaust',
  'test_set_4_skipped_choice_next',
  'test_set_6_duplicate_exhaust',
  'test_set_8_multi_cdf',
];
const has = existsSync(RCTAB);
if (!has) console.log(`skipped: CDF cases need the RCTab regression data in ${RCTAB}`);

describe.skipIf(!has)('NIST CDF JSON and XML over the RCTab regression cases', () => {
  it.each(CDF_CASES)('%s: ballots and round one match the expected report', async (name) => {
    const { c, r1 } = await expectRoundOne(name);
    expect(r1.skippedRankings).toBe(c.expected.skipped);
    expect(r1.undervotes).toBe(c.expected.undervotes);
  });
});

/** Names after aliases and labels, blank ranks gone: the ballots as RCTab's own CDF export writes them. */
function canonical(c: RctabCase, marks: { rank: number; choices: string[] }[]): string[] {
  const src = c.config.cvrFileSources[0]!;
  const names = new Map<string, string>();
  for (const cand of c.config.candidates) {
    for (const alias of [cand.name, ...(cand.aliases ?? [])]) {
      names.set(alias, cand.name);
      // RCTab writes a selection it does not list under its id, cs-<lower-case name with underscores>.
      names.set(alias.toLowerCase().replace(/ /g, '_'), cand.name);
    }
  }
  if (src.undeclaredWriteInLabel) names.set(src.undeclaredWriteInLabel, 'Undeclared Write-ins');
  return marks.flatMap((m) => m.choices.filter((x) => x !== src.skippedRankLabel).map((x) => `${m.rank}:${names.get(x) ?? x}`)).sort();
}

type Obj = Record<string, unknown>;
/** The "original" snapshot of each CVR in RCTab's CDF export (its current snapshot is the last round's allocation). */
function originalBallots(path: string): { rank: number; choices: string[] }[][] {
  const doc = JSON.parse(readFileSync(path, 'utf8')) as { CVR: Obj[]; Election: { Candidate: Obj[]; Contest: { ContestSelection: Obj[] }[] }[] };
  const election = doc.Election[0]!;
  const candidate = new Map(election.Candidate.map((x) => [x['@id'], x['Name'] as string]));
  const selection = new Map(election.Contest[0]!.ContestSelection.map((x) => [x['@id'], candidate.get((x['CandidateIds'] as string[])[0])]));
  return doc.CVR.map((cvr) => {
    const snap = (cvr['CVRSnapshot'] as Obj[]).find((x) => x['Type'] === 'original')!;
    const marks: { rank: number; choices: string[] }[] = [];
    for (const contest of snap['CVRContest'] as Obj[]) {
      for (const sel of (contest['CVRContestSelection'] ?? []) as Obj[]) {
        const id = sel['ContestSelectionId'] as string;
        // Selections RCTab's export does not list (Dominion ids, some aliases) are named by their id: cs-<id>.
        const name = selection.get(id) ?? id.replace(/^cs-/, '');
        for (const pos of sel['SelectionPosition'] as Obj[]) marks.push({ rank: pos['Rank'] as number, choices: [name] });
      }
    }
    return marks;
  });
}

const CONVERTED = CDF_CASES.filter((n) => existsSync(join(RCTAB, n, `${n}_expected_cdf_cvr.json`))).concat('batch_example', 'conversions_from_dominion');

describe.skipIf(!has)("our ballots match the original snapshot of RCTab's own CDF export of each case", () => {
  it.each(CONVERTED)('%s', async (name) => {
    const c = loadCase(name, false);
    const ours = (await Promise.all(c.sources.map((s) => readAll(s.format === 'dominion' ? { ...s, candidateIds: true } : s)))).flat();
    const theirs = originalBallots(join(c.dir, `${name}_expected_cdf_cvr.json`));
    expect(theirs).toHaveLength(ours.length);
    expect(theirs.map((m) => canonical(c, m))).toEqual(ours.map((v) => canonical(c, v.marks)));
  });
});

describe('CDF reader rules and errors', () => {
  const dir = mkdtempSync(join(tmpdir(), 'runoff-cdf-'));
  afterAll(() => rmSync(dir, { recursive: true }));
  const election = {
    '@id': 'e',
    Candidate: [{ '@id': 'c-ann', Name: 'Ann' }, { '@id': 'c-bob', Name: 'Bob' }],
    Contest: [{ '@id': 'k-1', Name: 'Mayor', ContestSelection: [
      { '@id': 'cs-ann', CandidateIds: ['c-ann'] }, { '@id': 'cs-bob', CandidateIds: ['c-bob'] }, { '@id': 'cs-w', IsWriteIn: true },
    ] }],
  };
  const cvr = (id: string, selections: object[]) => ({
    BallotPrePrintedId: id, BallotStyleUnitId: 'u-1', CurrentSnapshotId: 's2',
    CVRSnapshot: [{ '@id': 's1', CVRContest: [] }, { '@id': 's2', CVRContest: [{ ContestId: 'k-1', CVRContestSelection: selections }] }],
  });
  const pos = (rank: number, extra: object = {}) => ({ SelectionPosition: [{ Rank: rank, HasIndication: 'yes', IsAllocable: 'yes', ...extra }] });

  it('current snapshot, ranks on positions or selections, not-allocable and unindicated positions left out, write-ins, units', async () => {
    const path = join(dir, 'a.json');
    // CVR before Election, as RCTab writes its exports.
    writeFileSync(path, JSON.stringify({
      CVR: [
        cvr('1', [{ ContestSelectionId: 'cs-bob', ...pos(1) }, { ContestSelectionId: 'cs-ann', Rank: 2 }, { ContestSelectionId: 'cs-w', ...pos(3) }]),
        cvr('2', [{ ContestSelectionId: 'cs-ann', ...pos(1, { IsAllocable: 'no' }) }, { ContestSelectionId: 'cs-bob', ...pos(1, { HasIndication: 'no' }) }]),
        { BallotPrePrintedId: '3', CurrentSnapshotId: 's1', CVRSnapshot: [{ '@id': 's1', CVRContest: [{ ContestId: 'other' }] }] },
      ],
      Election: [election],
      GpUnit: [{ '@id': 'u-1', Name: 'Ward 1' }],
    }, null, 1));
    const votes = await readAll({ path, format: 'cdf', contestId: 'Mayor' });
    expect(votes.map((v) => [v.origin.id, v.precinct, v.marks])).toEqual([
      ['1', 'Ward 1', [{ rank: 1, choices: ['Bob'] }, { rank: 2, choices: ['Ann'] }, { rank: 3, choices: ['Undeclared Write-ins'] }]],
      ['2', 'Ward 1', []],
    ]);
    expect(votes[0]?.origin.line).toBe(3);
    await expect(readAll({ path, format: 'cdf', contestId: 'Council' })).rejects.toMatchObject({ message: 'contest "Council" is not in the file', hint: 'the contests are: "Mayor"' });
  });

  it('a selection the contest does not list is a DataError with the CVR line', async () => {
    const path = join(dir, 'b.json');
    writeFileSync(path, JSON.stringify({ Election: [election], GpUnit: [{ '@id': 'u-1', Name: 'W' }], CVR: [cvr('9', [{ ContestSelectionId: 'cs-zed', ...pos(1) }])] }, null, 1));
    await expect(readAll({ path, format: 'cdf', contestId: 'Mayor' })).rejects.toMatchObject({
      message: 'CVR 9: contest selection "cs-zed" is not in the contest', at: { file: path, line: expect.any(Number) },
    });
  });
});
