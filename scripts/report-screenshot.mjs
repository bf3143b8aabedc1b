#!/usr/bin/env node
/**
 * Screenshots of the board report in Debian's chromium (playwright-core), for docs/report-first-page.png and for
 * looking at a section as a reader would:
 *   node scripts/report-screenshot.mjs site-report.html docs/report-first-page.png          # the first page
 *   node scripts/report-screenshot.mjs site-report.html /tmp/history.png --section history  # one section
 *   node scripts/report-screenshot.mjs site-report.html /tmp/narrow.png --width 390
 * --print lays the page out with the print stylesheet (at A4's printable width, 182 mm).
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const [file, out, ...rest] = process.argv.slice(2);
if (!file || !out) {
  console.error(
    'usage: node scripts/report-screenshot.mjs REPORT.html OUT.png [--section ID] [--width PX] [--print]',
  );
  process.exit(2);
}
if (!existsSync(CHROMIUM)) {
  console.error(`no ${CHROMIUM}: apt-get install chromium (or set CHROMIUM)`);
  process.exit(1);
}
const opt = (name) => {
  const i = rest.indexOf(name);
  return i >= 0 ? rest[i + 1] : undefined;
};
const print = rest.includes('--print');
const width = Number(opt('--width') ?? (print ? 688 : 1000));
const section = opt('--section');
const { chromium } = await import('playwright-core');
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
try {
  const page = await browser.newPage({ viewport: { width, height: 1300 } });
  if (print) await page.emulateMedia({ media: 'print' });
  await page.goto(pathToFileURL(resolve(file)).href);
  if (section) await page.locator(`section#${section}`).screenshot({ path: out });
  else await page.screenshot({ path: out });
  console.error(`wrote ${out}`);
} finally {
  await browser.close();
}
