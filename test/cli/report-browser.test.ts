/**
 * The board report in a real headless browser: Debian's chromium (/usr/bin/chromium, installed by .ci/run)
 * driven by playwright-core. No console error, no request but the file itself, every section present, every
 * chart drawn with a size, no horizontal scrolling at 1280 and 390 px, and an A4 PDF within its page count.
 * Skipped, saying why, where there is no chromium.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORT_SECTIONS } from '../../src/output/html-report.js';
import { runCli } from './run-cli.js';

const CHROMIUM = '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
/** The 5-year report on A4: 10 sections, each from a new page; ~17 pages today. */
const MAX_PDF_PAGES = 24;

type Browser = Awaited<ReturnType<typeof import('playwright-core')['chromium']['launch']>>;

describe.skipIf(!available)(
  `report in chromium${available ? '' : ` (skipped: no ${CHROMIUM}; apt-get install chromium)`}`,
  () => {
    let browser: Browser;
    let url: string;

    beforeAll(async () => {
      const file = join(mkdtempSync(join(tmpdir(), 'hashcalc-browser-')), 'site-report.html');
      const r = await runCli(['report', '--mw', '341', '--offline', '--out', file]);
      expect(r.code).toBe(0);
      url = pathToFileURL(file).href;
      const { chromium } = await import('playwright-core');
      browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    }, 30_000);

    afterAll(async () => {
      await browser?.close();
    });

    it('opens with no console error and no request but the file, every section and chart drawn', async () => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
      const errors: string[] = [];
      const requests: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') errors.push(m.text());
      });
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('request', (r) => {
        if (r.url() !== url) requests.push(r.url());
      });
      await page.goto(url, { waitUntil: 'load' });
      for (const [id] of REPORT_SECTIONS) expect(await page.locator(`section#${id} h2`).count(), id).toBe(1);
      const sizes = await page.$$eval('svg.chart', (svgs) =>
        svgs.map((s) => {
          const r = s.getBoundingClientRect();
          return { id: s.id, width: r.width, height: r.height };
        }),
      );
      expect(sizes.length).toBeGreaterThanOrEqual(4);
      for (const s of sizes) {
        expect(s.width, s.id).toBeGreaterThan(0);
        expect(s.height, s.id).toBeGreaterThan(0);
      }
      expect(errors).toEqual([]);
      expect(requests).toEqual([]);
      await page.close();
    });

    it.each([1280, 390])('does not scroll sideways at %i px wide', async (width) => {
      const page = await browser.newPage({ viewport: { width, height: 800 } });
      await page.goto(url);
      // A string: this project's types have no DOM.
      const [scrollWidth, innerWidth] = (await page.evaluate(
        '[document.documentElement.scrollWidth, window.innerWidth]',
      )) as [number, number];
      expect(scrollWidth).toBeLessThanOrEqual(innerWidth);
      await page.close();
    });

    it(`prints to an A4 and a Letter PDF of at most ${MAX_PDF_PAGES} pages`, async () => {
      const page = await browser.newPage();
      await page.goto(url);
      for (const format of ['A4', 'Letter'] as const) {
        const pdf = await page.pdf({ format });
        const pages = pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
        expect(pages, format).toBeGreaterThan(1);
        expect(pages, format).toBeLessThanOrEqual(MAX_PDF_PAGES);
      }
      await page.close();
    });
  },
);
