/** The HTML report and the SVG charts as text: structure, numbers, escaping, size and the svg usage rules. */
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlPage } from '../../../src/render/html/page.js';
import { SORT_SCRIPT } from '../../../src/render/html/areas.js';
import { flowRows } from '../../../src/render/html/rounds.js';
import { summaryLine } from '../../../src/render/verdict.js';
import { ALASKA_DOC, ALASKA_ROUNDS } from '../../support/ranked-doc.js';
import { ROOT, run } from '../../support/run.js';

const SEED = 'fixtures/ga-06-2017-04-18-special-jungle.csv';

/** Each bar of the first chart: votes and drawn width. */
function bars(svg: string): { votes: number; width: number }[] {
  return [...svg.matchAll(/<rect class="bar" x="[\d.]+" y="[\d.]+" width="([\d.]+)" height="\d+" data-votes="(\d+)"/g)].map((m) => ({ width: Number(m[1]), votes: Number(m[2]) }));
}

describe('--format html', () => {
  it('draws the seed election: every candidate a bar in proportion, the pair marked, the shortfall said', async () => {
    const r = await run(['--format', 'html', SEED]);
    expect(r.code).toBe(0);
    const page = r.stdout;
    expect(page.startsWith('<!doctype html>')).toBe(true);
    expect(page).toContain('1 race: 1 runoff');
    expect(page).toContain('<strong>Jon Ossoff vs Karen Handel</strong> — nobody cleared 50 %; Jon Ossoff was 3,612 votes short');
    const drawn = bars(page);
    expect(drawn).toHaveLength(18);
    expect(drawn[0]).toMatchObject({ votes: 92673 });
    expect(drawn.reduce((s, b) => s + b.votes, 0)).toBe(192569);
    // Lengths are proportional to votes (to the 0.01 px the SVG is written with).
    const [top] = drawn;
    for (const b of drawn) expect(Math.abs(b.width - (b.votes / (top?.votes ?? 1)) * (top?.width ?? 0))).toBeLessThan(0.02);
    // The threshold line sits at 50 % of the axis, which runs to 60 %: 210 + 370 × 5/6.
    expect(page).toMatch(/<line class="threshold" x1="518.33"/);
    expect(page.match(/class="row runoff"/g)).toHaveLength(2);
    expect(page.match(/>RUNOFF<\/text>/g)).toHaveLength(2);
  });

  it('loads nothing from anywhere and runs no script unless a table must sort', async () => {
    const { stdout } = await run(['--format', 'html', '--by', 'county', 'fixtures/ga-06-2017-06-20-runoff-total-rows.csv']);
    expect(stdout).not.toMatch(/https?:\/\//);
    expect(stdout).not.toMatch(/<script|<link|<img|<iframe|url\(/i);
    expect(stdout).toContain("script-src 'none'");
    // Three counties: three small charts, each leader marked.
    expect(stdout.match(/<svg class="chart small"/g)).toHaveLength(3);
    expect(stdout).toMatch(/DeKalb: 58,045 votes, leader Jon Ossoff/);
  });

  it('shows reporting progress and the outlook', async () => {
    const { stdout } = await run(['--format', 'html', '--outstanding', '10000', SEED]);
    expect(stdout).toContain('class="outlook"');
    expect(stdout).toContain('Jon Ossoff wins outright only with at least 8,612 of the 10,000 outstanding votes');
    // SYNTHETIC figures in the Clarity summary layout: 3 of 4 areas reporting.
    const partial = [
      '"line number","contest name","choice name","party name","total votes","percent of votes","registered voters","ballots cast","num Area total","num Area rptg","over votes","under votes"',
      '1,"Mayor (Vote For 1)","Ann","",600,60.00,0,0,4,3,"0","0"',
      '2,"Mayor (Vote For 1)","Bob","",400,40.00,0,0,4,3,"0","0"',
    ].join('\n') + '\n';
    const clarity = await run(['--format', 'html', '-'], { stdin: partial });
    expect(clarity.stdout).toMatch(/class="progress"/);
    expect(clarity.stdout).toContain('3 of 4 areas reporting (75.00 %)');
    // A certified export whose reporting columns are all zero says nothing about reporting.
    const certified = await run(['--format', 'html', 'fixtures/clarity-co-2024-cp1252.csv']);
    expect(certified.stdout).not.toMatch(/class="progress"/);
  });

  it('gives a big file a summary line and a table of contents, and stays small', async () => {
    // SYNTHETIC: 300 made-up races of six candidates, for size only; race r's leader gets a majority when r is even.
    const lines = ['office,district,party,candidate,votes'];
    for (let r = 1; r <= 300; r++) {
      const lead = r % 2 === 0 ? 60000 : 30000;
      [lead, 20000, 15000, 9000, 4000, 1234 + r].forEach((v, c) => lines.push(`State House,${r},,Candidate ${String.fromCharCode(65 + c)} of district ${r},${v}`));
    }
    const r = await run(['--format', 'html', '-'], { stdin: lines.join('\n') + '\n' });
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('300 races: 150 won outright, 150 runoffs');
    expect(r.stdout.match(/<li><a href="#race-\d+">/g)).toHaveLength(300);
    expect(Buffer.byteLength(r.stdout)).toBeLessThan(5 * 1024 * 1024);
  });

  it('switches to a sortable table for many areas, and lets only that script run', async () => {
    // SYNTHETIC: 80 made-up precincts of one race.
    const lines = ['county,precinct,office,district,party,candidate,votes'];
    for (let p = 1; p <= 80; p++) lines.push(`X,P${p},Mayor,,,Ann,${100 + p}`, `X,P${p},Mayor,,,Bob,${180 - p}`);
    const { stdout } = await run(['--format', 'html', '--by', 'precinct', '-'], { stdin: lines.join('\n') + '\n' });
    expect(stdout).not.toContain('class="chart small"');
    // Areas are keyed by the county above the precinct, so same-named precincts of two counties stay apart.
    expect(stdout.match(/<tr><th scope="row">X · P\d+<\/th>/g)).toHaveLength(80);
    const hash = createHash('sha256').update(SORT_SCRIPT).digest('base64');
    expect(stdout).toContain(`script-src 'sha256-${hash}'`);
    expect(stdout).toContain(`<script>${SORT_SCRIPT}</script>`);
  });

  it('escapes every hostile name, in the page and in the SVG', async () => {
    const long = 'L'.repeat(5000);
    const names = ['<script>alert(1)</script>', '"quoted" & \'single\'', 'end ]]> cdata', 'evil\u202Eexe.txt', '{{constructor.constructor("x")()}}', 'bell\u0007 and esc\u001b[2J', long];
    const csv = ['office,district,party,candidate,votes', ...names.map((n, i) => `"Race <b>",,,"${n.replaceAll('"', '""')}",${1000 - i}`)].join('\n') + '\n';
    for (const format of ['html', 'svg']) {
      const { code, stdout } = await run(['--format', format, '-'], { stdin: csv });
      expect(code).toBe(0);
      expect(stdout).not.toContain('<script>alert');
      expect(stdout).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
      expect(stdout).not.toContain('<b>');
      expect(stdout).not.toContain(']]>');
      expect(stdout).not.toContain('{{');
      expect(stdout).not.toMatch(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u202e]/);
      expect(stdout).toContain('&lt;U+202E&gt;');
      expect(stdout).toContain('&quot;quoted&quot; &amp; &#39;single&#39;');
      // A long name is cut in the chart (its full text stays in the tooltip and the table).
      expect(stdout).toContain(`${'L'.repeat(29)}…</text>`);
    }
  });

  it('draws ranked races as rounds with their transfers', () => {
    // The rounds add up: each round's tally plus what it received is the next round's.
    for (let i = 0; i + 1 < ALASKA_ROUNDS.length; i++) {
      const [now, next] = [ALASKA_ROUNDS[i], ALASKA_ROUNDS[i + 1]];
      for (const [name, votes] of Object.entries(next?.tally ?? {})) {
        const got = Object.values(now?.transfers ?? {}).reduce((s, to) => s + (to[name] ?? 0), 0);
        expect(votes).toBe((now?.tally[name] ?? 0) + got);
      }
    }
    const page = htmlPage(ALASKA_DOC);
    expect(flowRows(ALASKA_ROUNDS)).toEqual(['Mary Peltola', 'Sarah Palin', 'Nick Begich', 'Write-in']);
    expect(page).toContain('Rounds of counting (3)');
    expect(page).toContain('91,266 (+15,467) · ELECTED');
    expect(page).toContain('53,810 (+1,274) · OUT');
    expect(page).toContain('Nick Begich → Sarah Palin: 27,053');
    expect(page.match(/<path class="flow"/g)).toHaveLength(7);
    expect(page).toContain('<th scope="row">Inactive ballots</th><td class="n">0</td><td class="n">84</td><td class="n">11,374</td>');
  });

  it('counts statuses in the summary line', () => {
    expect(summaryLine(['winner', 'runoff', 'winner', 'tie', 'not_applicable'])).toBe('5 races: 2 won outright, 1 runoff, 1 tie, 1 not applicable');
    expect(summaryLine([])).toBe('0 races');
  });
});

describe('documentation of the pictures', () => {
  it('lists html and svg in --help and the completions, and shows the screenshot in the README', async () => {
    const help = await run(['--help']);
    expect(help.stdout.replace(/\s+/g, " ")).toContain('"markdown", "html", "svg")');
    for (const shell of ['bash', 'zsh', 'fish']) expect((await run(['completion', shell])).stdout).toContain('markdown html svg');
    expect(readFileSync(`${ROOT}README.md`, 'utf8')).toContain('](docs/report.png)');
    // A PNG, of a real size (scripts/screenshot.mjs rewrites it).
    const png = readFileSync(`${ROOT}docs/report.png`);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(900);
  });
});

describe('--format svg', () => {
  it('draws one race as a standalone SVG with its title and verdict', async () => {
    const { code, stdout } = await run(['--format', 'svg', SEED]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    expect(stdout).toContain('<text class="h1" x="8" y="20">U.S. House District 6</text>');
    expect(stdout).toContain('RUNOFF  Jon Ossoff vs Karen Handel — nobody cleared 50 %; Jon Ossoff was 3,612 votes short');
    expect(stdout).toContain('@media (prefers-color-scheme:dark)');
  });

  it('refuses several races without --out-dir, and writes one file per race with it', async () => {
    const tx = 'fixtures/tx-2018-03-06-governor-primary.csv';
    const refused = await run(['--format', 'svg', tx]);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('--format svg draws one race, and 2 races matched');
    expect(refused.stderr).toContain('hint: choose one with --race TEXT, or write one file per race with --out-dir DIR');
    const dir = mkdtempSync(join(tmpdir(), 'runoff-svg-'));
    try {
      const r = await run(['--format', 'svg', '--out-dir', join(dir, 'charts'), tx]);
      expect(r.code).toBe(0);
      const files = readdirSync(join(dir, 'charts')).sort();
      expect(files).toEqual(['1-governor-republican-primary.svg', '2-governor-democratic-primary.svg']);
      expect(r.stdout.trim().split('\n')).toEqual(files.map((f) => join(dir, 'charts', f)));
      expect(readFileSync(join(dir, 'charts', files[0] ?? ''), 'utf8')).toContain('data-votes="1400647"');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    const one = await run(['--format', 'svg', '--race', 'rep', tx]);
    expect(one.code).toBe(0);
    const misuse = await run(['--out-dir', 'x', tx]);
    expect(misuse.code).toBe(2);
    expect(misuse.stderr).toContain('--out-dir is for --format svg');
  });
});
