#!/usr/bin/env node
/**
 * Screenshots of the HTML report in headless Chromium: `node scripts/screenshot.mjs` rewrites docs/report.png
 * (the README's picture) from the seed election. `node scripts/screenshot.mjs PAGE.html OUT.png [width]
 * [dark]` shoots any page, for looking at a change. Needs `npm run build` and Chromium at /usr/bin/chromium
 * (Debian's `chromium` package), driven by playwright-core; nothing is downloaded.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** A fresh profile each time, and every background service that would reach the network turned off. */
export async function launch() {
  const profile = mkdtempSync(join(tmpdir(), 'runoff-chromium-'));
  // playwright passes the profile to Chromium as --user-data-dir.
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  return { context, close: async () => { await context.close(); rmSync(profile, { recursive: true, force: true }); } };
}

export async function shoot(page, htmlFile, pngFile, { width = 1000, dark = false, fullPage = true } = {}) {
  await page.setViewportSize({ width, height: 800 });
  await page.emulateMedia({ colorScheme: dark ? 'dark' : 'light' });
  await page.goto(pathToFileURL(htmlFile).href);
  await page.screenshot({ path: pngFile, fullPage });
}

async function cli() {
  const [input, output, width, scheme] = process.argv.slice(2);
  const { context, close } = await launch();
  try {
    const page = await context.newPage();
    if (input && output) {
      await shoot(page, input, output, { width: Number(width) || 1000, dark: scheme === 'dark' });
      return;
    }
    // The README's picture: the seed election, as a reader first sees it.
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/runoff.js'), '--format', 'html', '--outstanding', '10000', 'fixtures/ga-06-2017-04-18-special-jungle.csv'], { cwd: ROOT, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`runoff failed: ${r.stderr}`);
    const html = join(tmpdir(), `runoff-report-${process.pid}.html`);
    writeFileSync(html, r.stdout);
    await shoot(page, html, join(ROOT, 'docs/report.png'), { width: 900, fullPage: false });
    rmSync(html);
  } finally {
    await close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await cli();
