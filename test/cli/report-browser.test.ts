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

/** Debian's chromium; CHROMIUM=path for another (a missing path shows the skip). */
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const available = existsSync(CHROMIUM);
// Said in the run's output, not only in a skipped suite's name (the default reporter shows no skipped names).
if (!available)
  console.warn(`report in chromium: SKIPPED, no ${CHROMIUM}: apt-get install chromium (or CHROMIUM=path)`);
/** The 5-year report on A4: 12 sections, each from a new page; ~21 pages today. */
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
      // Each line chart has its data points: a path with as many points as the series has values.
      const points = (await page.evaluate(
        "[...document.querySelectorAll('svg.chart path[d]')].map((p) => [p.closest('svg').id, (p.getAttribute('d').match(/[ML]/g) || []).length])",
      )) as [string, number][];
      const history = points.find(([id]) => id === 'chart-history');
      expect(history?.[1], 'monthly hashprice points').toBeGreaterThan(70);
      expect(points.find(([id]) => id === 'chart-cash')?.[1]).toBeGreaterThan(60);
      // The NPV frontier: one point per AI share, 0% to 100% in steps of 10%.
      expect(points.find(([id]) => id === 'chart-frontier')?.[1], 'frontier points').toBe(11);
      expect(errors).toEqual([]);
      expect(requests).toEqual([]);
      await page.close();
    });

    // The printable area with the stylesheet's 14 mm margins, in CSS px (96 per inch): A4 182 x 269 mm,
    // Letter 187.9 x 251.4 mm.
    it.each([
      ['A4', 688, 1017],
      ['Letter', 710, 950],
    ])(
      'prints on %s with no chart taller than a page and none allowed to break',
      async (_, width, height) => {
        const page = await browser.newPage({ viewport: { width, height } });
        await page.emulateMedia({ media: 'print' });
        await page.goto(url);
        const figures = (await page.evaluate(
          "[...document.querySelectorAll('figure')].map((f) => [f.querySelector('svg')?.id, f.getBoundingClientRect().height, f.getBoundingClientRect().width, getComputedStyle(f).breakInside])",
        )) as [string, number, number, string][];
        expect(figures.length).toBeGreaterThanOrEqual(5);
        for (const [id, h, w, breakInside] of figures) {
          expect(h, id).toBeLessThan(height);
          expect(w, id).toBeLessThanOrEqual(width);
          expect(breakInside, id).toBe('avoid');
        }
        await page.close();
      },
    );

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
