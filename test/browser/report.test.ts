/**
 * The report as a person sees it: real headless Chromium (Debian's package, driven by playwright-core) opens
 * the pages, and the test reads what it drew — bar lengths from the DOM, colours under print and dark mode,
 * and screenshots that must not be blank. Skipped, with a notice, only where Chromium is not installed
 * (.ci/run installs it).
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlPage } from '../../src/render/html/page.js';
import { ALASKA_DOC } from '../support/ranked-doc.js';
import { run } from '../support/run.js';
import { fullDepthOnly } from '../support/runs.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const found = existsSync(CHROMIUM);
if (!found) console.log(`[skip] browser tests: no Chromium at ${CHROMIUM} (apt-get install chromium)`);
const available = found && !fullDepthOnly('browser tests');

const work = mkdtempSync(join(tmpdir(), 'runoff-browser-'));
export const SHOTS = join(tmpdir(), 'runoff-screenshots');
let context: BrowserContext;

beforeAll(async () => {
  if (!available) return;
  mkdirSync(SHOTS, { recursive: true });
  context = await chromium.launchPersistentContext(join(work, 'profile'), {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}, 60_000);

afterAll(async () => {
  await context?.close();
  rmSync(work, { recursive: true, force: true });
});

interface Opened {
  page: Page;
  errors: string[];
  requests: string[];
}

/** Open a page from a file, as a mail attachment would be, recording console errors and any request made. */
async function open(name: string, html: string): Promise<Opened> {
  const file = join(work, `${name}.html`);
  writeFileSync(file, html);
  const page = await context.newPage();
  const errors: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => r.url() !== pathToFileURL(file).href && requests.push(r.url()));
  await page.setViewportSize({ width: 1000, height: 800 });
  await page.goto(pathToFileURL(file).href);
  return { page, errors, requests };
}

/** Distinct colours in a PNG, counted by the browser itself from a canvas. */
async function colours(png: Buffer): Promise<number> {
  const page = await context.newPage();
  const n = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = document.createElement('canvas');
    [canvas.width, canvas.height] = [img.width, img.height];
    const g = canvas.getContext('2d');
    if (!g) return 0;
    g.drawImage(img, 0, 0);
    const data = g.getImageData(0, 0, img.width, img.height).data;
    const seen = new Set<number>();
    for (let i = 0; i < data.length; i += 4 * 7) seen.add(((data[i] ?? 0) << 16) | ((data[i + 1] ?? 0) << 8) | (data[i + 2] ?? 0));
    return seen.size;
  }, png.toString('base64'));
  await page.close();
  return n;
}

/** Drawn width against votes for each bar of the given charts: [votes, width] pairs, per chart. */
async function barWidths(page: Page, selector: string): Promise<[number, number][][]> {
  return page.$$eval(selector, (charts) =>
    charts.map((svg) => [...svg.querySelectorAll('rect.bar')].map((r) => [Number(r.getAttribute('data-votes')), r.getBoundingClientRect().width] as [number, number])),
  );
}

/** Bars are in proportion to votes: each against the longest, to half a pixel (bars under 3 px are hairlines). */
function expectProportional(bars: [number, number][]): void {
  const [votes, width] = bars.reduce((a, b) => (b[0] > a[0] ? b : a), [0, 0]);
  expect(width).toBeGreaterThan(50);
  for (const [v, w] of bars) {
    if (w < 3) continue;
    expect(Math.abs(w - (v / votes) * width)).toBeLessThan(0.5);
  }
}

async function shoot(page: Page, name: string): Promise<Buffer> {
  const png = await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage: true });
  expect(await colours(png)).toBeGreaterThan(8);
  return png;
}

describe.skipIf(!available)('the report in a browser', () => {
  it('shows the seed election: bars in proportion, no errors, no requests, not blank', async () => {
    const { stdout } = await run(['--format', 'html', '--outstanding', '10000', 'fixtures/ga-06-2017-04-18-special-jungle.csv']);
    const { page, errors, requests } = await open('seed', stdout);
    const [chart] = await barWidths(page, 'svg.bars');
    expect(chart).toHaveLength(18);
    expectProportional(chart ?? []);
    // Ossoff's bar against Handel's: 92,673 / 38,071.
    expect((chart?.[0]?.[1] ?? 0) / (chart?.[1]?.[1] ?? 1)).toBeCloseTo(92673 / 38071, 2);
    expect(await page.locator('svg.bars title').first().textContent()).toContain('U.S. House District 6');
    await shoot(page, 'seed');
    await page.setViewportSize({ width: 390, height: 800 });
    await shoot(page, 'seed-phone');
    // Dark mode turns the page dark; print turns the marked bars black and the page white.
    await page.emulateMedia({ colorScheme: 'dark' });
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(21, 24, 28)');
    await shoot(page, 'seed-dark');
    await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(255, 255, 255)');
    expect(await page.$eval('.runoff .bar', (r) => getComputedStyle(r).fill)).toBe('rgb(0, 0, 0)');
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
  }, 120_000);

  it('shows a county breakdown as small multiples, each in proportion to its county', async () => {
    const { stdout } = await run(['--format', 'html', '--by', 'county', 'fixtures/ga-06-2017-06-20-runoff-total-rows.csv']);
    const { page, errors, requests } = await open('by-county', stdout);
    const small = await barWidths(page, 'svg.small');
    expect(small.map((bars) => bars.map(([v]) => v))).toEqual([[45688, 33114], [24117, 33928], [64994, 58475]]);
    for (const bars of small) {
      const total = bars.reduce((s, [v]) => s + v, 0);
      const scale = (bars[0]?.[1] ?? 0) / ((bars[0]?.[0] ?? 1) / total);
      for (const [v, w] of bars) expect(Math.abs(w - (v / total) * scale)).toBeLessThan(0.5);
    }
    await shoot(page, 'by-county');
    expect(errors).toEqual([]);
    expect(requests).toEqual([]);
  }, 120_000);

  it('shows a ranked race as rounds, every bar on one scale', async () => {
    const { page, errors } = await open('ranked', htmlPage(ALASKA_DOC));
    const [rounds] = await barWidths(page, 'svg.rounds');
    expect(rounds?.length).toBe(4 + 3 + 2 + 3); // candidates per round, plus the inactive row in each round
    expectProportional(rounds ?? []);
    await shoot(page, 'ranked');
    expect(errors).toEqual([]);
  }, 120_000);

  it('draws the rounds of a real ranked document (the hand-counted fixture, read by the CLI)', async () => {
    const { stdout, code } = await run(['--format', 'html', 'fixtures/irv/hand-counted-four-rounds.csv']);
    expect(code).toBe(0);
    const { page, errors } = await open('ranked-fixture', stdout);
    const [rounds] = await barWidths(page, 'svg.rounds');
    expect(rounds?.length).toBe(5 + 4 + 3 + 2 + 4); // candidates per round, plus the inactive row in each round
    expectProportional(rounds ?? []);
    expect(errors).toEqual([]);
  }, 120_000);

  it('draws a ranked race round by round, every round on one scale, in the page and as a standalone SVG', async () => {
    const { page, errors } = await open('ranked-round-bars', htmlPage(ALASKA_DOC));
    const [groups] = await barWidths(page, 'svg.round-bars');
    expect(groups?.map(([v]) => v)).toEqual([74817, 58339, 52536, 2974, 75799, 58973, 53810, 91266, 86026]);
    expectProportional(groups ?? []);
    expect(errors).toEqual([]);
    const svg = await run(['--format', 'svg', 'fixtures/irv/hand-counted-four-rounds.csv']);
    const file = join(work, 'hand-counted.svg');
    writeFileSync(file, svg.stdout);
    const standalone = await context.newPage();
    await standalone.setViewportSize({ width: 720, height: 500 });
    await standalone.goto(pathToFileURL(file).href);
    const [bars] = await barWidths(standalone, 'svg');
    expect(bars?.map(([v]) => v)).toEqual([4, 4, 3, 2, 1, 5, 4, 3, 2, 5, 5, 3, 7, 6]);
    expectProportional(bars ?? []);
    // an SVG document has no body to measure a full page by: a shot of the picture's own size
    expect(await colours(await standalone.screenshot({ path: join(SHOTS, 'ranked-svg.png') }))).toBeGreaterThan(8);
    await standalone.close();
  }, 120_000);

  it('sorts a long area table with its script, and parses hostile names as well-formed SVG', async () => {
    const lines = ['county,precinct,office,district,party,candidate,votes'];
    // SYNTHETIC: 80 made-up precincts.
    for (let p = 1; p <= 80; p++) lines.push(`X,P${p},Mayor,,,Ann,${100 + p}`, `X,P${p},Mayor,,,Bob,${180 - p}`);
    const { stdout } = await run(['--format', 'html', '--by', 'precinct', '-'], { stdin: lines.join('\n') + '\n' });
    const { page, errors } = await open('sortable', stdout);
    await page.click('table.sortable th:nth-child(2) button');
    await page.click('table.sortable th:nth-child(2) button');
    expect(await page.$eval('table.sortable tbody tr th', (th) => th.textContent)).toBe('X · P80');
    expect(errors).toEqual([]);
    const hostile = ['office,district,party,candidate,votes', '"<svg onload=alert(1)>",,,"]]> <script>x</script> \u202E{{a}}",10', '"<svg onload=alert(1)>",,,"a""b\'c&d",5'].join('\n') + '\n';
    const svg = await run(['--format', 'svg', '-'], { stdin: hostile });
    const parsed = await page.evaluate((text) => {
      const d = new DOMParser().parseFromString(text, 'image/svg+xml');
      return { broken: d.getElementsByTagName('parsererror').length, scripts: d.getElementsByTagName('script').length, handlers: d.querySelectorAll('[onload]').length };
    }, svg.stdout);
    expect(parsed).toEqual({ broken: 0, scripts: 0, handlers: 0 });
  }, 120_000);
});
