/**
 * The picture of a ranked race: a bar group per round on one vote scale, the votes needed to win each round as
 * a line, the eliminated greyed with OUT, the winner marked. Numbers are read back from the markup: the 2022
 * Alaska special election's certified rounds (test/support/ranked-doc.ts), the hand-counted fixture through
 * the CLI, and, when RCTab's data is present, the 14 rounds of Portland, Maine's 2015 mayoral count.
 */
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { htmlPage } from '../../../src/render/html/page.js';
import { drawnRounds, MAX_GROUPS, roundBars, voteStep } from '../../../src/render/html/round-bars.js';
import { ALASKA_DOC, ALASKA_RACE, ALASKA_ROUNDS } from '../../support/ranked-doc.js';
import { DATA, hasData, run } from '../../support/run.js';

interface Bar {
  round: number;
  state: string;
  name: string;
  votes: number;
  width: number;
  tag: string | null;
}

/** Every bar of the picture, with its round, its row's state, name, votes, drawn width and word. */
function barsOf(svg: string): Bar[] {
  const out: Bar[] = [];
  for (const group of svg.matchAll(/<g class="round" data-round="(\d+)">(.*?)<line class="threshold"/g)) {
    for (const row of (group[2] ?? '').matchAll(/<g class="row (\w+)">.*?<text class="name"[^>]*>([^<]*)<\/text><rect class="bar" x="210" y="[\d.]+" width="([\d.]+)" height="14" data-votes="(\d+)"\/>(?:<text class="val"[^>]*>[^<]*<\/text>)(?:<text class="tag"[^>]*>(\w+)<\/text>)?<\/g>/g)) {
      out.push({ round: Number(group[1]), state: row[1] ?? '', name: row[2] ?? '', width: Number(row[3]), votes: Number(row[4]), tag: row[5] ?? null });
    }
  }
  return out;
}

/** The threshold line of each drawn round: [round, x]. */
function thresholds(svg: string): [number, number][] {
  return [...svg.matchAll(/<g class="round" data-round="(\d+)">.*?<line class="threshold" x1="([\d.]+)"/g)].map((m) => [Number(m[1]), Number(m[2])]);
}

describe('the rounds as bar groups (Alaska, U.S. House special general, 16 August 2022)', () => {
  const svg = roundBars(ALASKA_RACE, { id: 'ak', title: 'U.S. House (Alaska at-large special)' });
  const bars = barsOf(svg);

  it('draws every candidate of every round with its certified votes, most first', () => {
    expect(bars.map((b) => [b.round, b.name, b.votes])).toEqual(
      ALASKA_ROUNDS.flatMap((r) => Object.entries(r.tally).sort((a, b) => b[1] - a[1]).map(([name, votes]) => [r.round, name, votes])),
    );
    expect(bars.filter((b) => b.round === 3).map((b) => [b.name, b.votes])).toEqual([['Mary Peltola', 91266], ['Sarah Palin', 86026]]);
  });

  it('puts every round on one scale: width per vote is the same in every group', () => {
    const perVote = (bars[0]?.width ?? 0) / (bars[0]?.votes ?? 1);
    for (const b of bars) expect(Math.abs(b.width - b.votes * perVote)).toBeLessThan(0.01);
    // the scale runs to the next tick above the largest bar or line (94,334 to win in round 1), ticks of 20,000
    expect(voteStep(94334)).toBe(20000);
    expect(svg).toMatch(/<text class="tick" x="[\d.]+" y="\d+">100,000<\/text><\/svg>$/);
    // narrowed so that the longest bar's value and ELECTED end inside the 720-pixel picture
    const words = [...svg.matchAll(/<text class="tag" x="([\d.]+)"[^>]*>(\w+)</g)].map((m) => Number(m[1]) + (m[2] ?? '').length * 8);
    expect(Math.max(...words)).toBeLessThanOrEqual(720);
    expect(perVote * 100000).toBeLessThanOrEqual(370);
  });

  it('draws the votes needed to win each round where the bars would reach them', () => {
    const perVote = (bars[0]?.width ?? 0) / (bars[0]?.votes ?? 1);
    for (const [round, x] of thresholds(svg)) {
      const want = ALASKA_ROUNDS.find((r) => r.round === round)?.threshold ?? 0;
      expect(Math.abs(x - (210 + want * perVote))).toBeLessThan(0.02);
    }
    expect(thresholds(svg).map(([round]) => round)).toEqual([1, 2, 3]);
  });

  it('greys the eliminated with OUT, and marks the winner in every round and ELECTED in the last', () => {
    expect(bars.filter((b) => b.state === 'out').map((b) => [b.round, b.name, b.tag])).toEqual([[1, 'Write-in', 'OUT'], [2, 'Nick Begich', 'OUT']]);
    expect(bars.filter((b) => b.state === 'won').map((b) => [b.round, b.tag])).toEqual([[1, null], [2, null], [3, 'ELECTED']]);
    expect(svg.match(/<path class="marker"/g)).toHaveLength(1);
    // shares are of the round's continuing ballots: 91,266 of 177,292
    expect(svg).toContain('91,266 · 51.48 %');
    expect(svg).toContain('Round 3 · 177,292 continuing, 11,374 inactive');
  });

  it('is the main picture of a ranked race in the HTML report, beside the flow of transfers', () => {
    const page = htmlPage(ALASKA_DOC);
    expect(page.match(/<svg class="chart bars round-bars"/g)).toHaveLength(1);
    expect(page).toContain('<svg class="chart rounds"');
    expect(page).not.toContain('votes per candidate, as shares of'); // the first-choice-only chart is gone
    expect(page).toContain('One group of bars per round');
  });
});

describe('--format svg of a ranked race', () => {
  it('draws the rounds with the title and verdict (hand-counted fixture, fixtures/irv/README.md)', async () => {
    const { code, stdout } = await run(['--format', 'svg', 'fixtures/irv/hand-counted-four-rounds.csv']);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg" class="chart bars round-bars"/);
    // the verdict in full, on two lines when one is too narrow for it
    const verdict = [...stdout.matchAll(/<text class="h2"[^>]*>([^<]*)</g)].map((m) => m[1]);
    expect(verdict.join(' ')).toBe('WINNER Carol — Carol was elected in round 4 of the instant runoff with 7 of 13 continuing ballots');
    const bars = barsOf(stdout);
    expect([1, 2, 3, 4].map((n) => Object.fromEntries(bars.filter((b) => b.round === n).map((b) => [b.name, b.votes])))).toEqual([
      { Alice: 4, Carol: 4, Bob: 3, Dave: 2, 'Undeclared Write-ins': 1 },
      { Alice: 5, Carol: 4, Bob: 3, Dave: 2 },
      { Alice: 5, Carol: 5, Bob: 3 },
      { Carol: 7, Alice: 6 },
    ]);
    expect(bars.filter((b) => b.tag !== null).map((b) => `${b.round} ${b.name} ${b.tag}`)).toEqual(['1 Undeclared Write-ins OUT', '2 Dave OUT', '3 Bob OUT', '4 Carol ELECTED']);
    expect(stdout.match(/<text class="tlabel"[^>]*>to win: (\d+)</g)?.map((t) => t.replace(/.*: /, '').replace('<', ''))).toEqual(['8', '8', '7', '7']);
    expect(stdout).not.toContain('class="skipped"');
  });
});

describe('a count of many rounds', () => {
  it('keeps the first round and the last ones, and names the rounds between', () => {
    const nine = Array.from({ length: 9 }, (_, i) => ({ ...ALASKA_ROUNDS[0], round: i + 1 })) as typeof ALASKA_ROUNDS;
    const { first, skipped, last } = drawnRounds(nine);
    expect([first, skipped, last].map((part) => part.map((r) => r.round))).toEqual([[1], [2, 3, 4], [5, 6, 7, 8, 9]]);
    expect(first.length + last.length).toBe(MAX_GROUPS);
    expect(drawnRounds(ALASKA_ROUNDS).skipped).toEqual([]);
  });

  const config = `${DATA}rctab/2015_portland_mayor/2015_portland_mayor_config.json`;
  const present = hasData && existsSync(config);
  if (!present) console.log(`skipping the 14-round picture: ${config} is absent`);
  it.skipIf(!present)('Portland, Maine, 2015 mayor (14 rounds, RCTab\'s config): rounds 1 and 10 to 14 drawn, 2 to 9 named in order', async () => {
    const { code, stdout } = await run(['--format', 'svg', '--rctab', config]);
    expect(code).toBe(0);
    const bars = barsOf(stdout);
    expect([...new Set(bars.map((b) => b.round))]).toEqual([1, 10, 11, 12, 13, 14]);
    expect(bars.filter((b) => b.round === 14).map((b) => [b.name, b.votes, b.tag])).toEqual([['Mavodones, Nicholas M. Jr.', 54, 'ELECTED'], ['Carmona, Ralph C.', 40, null]]);
    const note = [...stdout.matchAll(/<text class="skipped"[^>]*>([^<]*)</g)].map((m) => m[1]).join(' ');
    expect(note).toBe('Rounds 2 to 9, not drawn: out in turn Rathband, Jed; Marshall, David A.; Eder, John M.; Miller, Markos S.; Brennan, Michael F.; Vail, Christopher L.; Lapchick, Jodie L.; Duson, Jill C.');
  });
});
