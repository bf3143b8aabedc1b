/** `hashcalc report`: the board report written as one self-contained HTML file (in-process). */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPORT_SECTIONS, renderHtmlReport } from '../../src/output/html-report.js';
import { boardReport } from '../../src/report/board.js';
import { usd } from '../../src/report/format.js';
import type { ProjectReport } from '../../src/report/schemas.js';
import type { SensitivityReport } from '../../src/report/sensitivity-schema.js';
import type { StrategyReport } from '../../src/report/strategy-schema.js';
import { runCli } from './run-cli.js';

const dir = () => mkdtempSync(join(tmpdir(), 'hashcalc-report-'));

/** The 3-year report, offline, on stdout, with more inputs. */
const report3 = (extra: string[]) =>
  runCli(['report', '--mw', '341', '--years', '3', '--offline', ...extra, '--out', '-']);

/** One section's HTML, from its opening tag to the next section's. */
const sectionOf = (html: string, id: string) => {
  const start = html.indexOf(`<section id="${id}"`);
  return html.slice(start, html.indexOf('<section ', start + 1));
};

/** The same figures as text in the report: usd() HTML-escaped as the renderer escapes (no entity in a USD). */
const figures = (s: StrategyReport) => ({
  best: usd(s.best.npvUsd),
  vsMining: usd(s.best.npvVsMiningUsd),
  pure: s.pureOptions.map((o) => [usd(o.npvUsd), usd(o.bestPlanMarginUsd)]),
  frontier: s.frontier.map((p) => [p.planFlag, usd(p.npvUsd), usd(p.npvVsMiningUsd)]),
  waiting: [s.waiting.afterHalving, s.waiting.inAYear].map((w) => w && usd(w.valueOfWaitingUsd ?? 0)),
});

describe('report', () => {
  it('writes one self-contained HTML file and says so on stderr in one line', async () => {
    const file = join(dir(), 'site-report.html');
    const r = await runCli(['report', '--mw', '341', '--years', '3', '--offline', '--out', file]);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      new RegExp(`wrote ${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} \\(\\d+ KB\\)\\n$`),
    );
    const html = readFileSync(file, 'utf8');
    expect(html.startsWith('<!doctype html>')).toBe(true);
    // Nothing to fetch, nothing to run: no script, no external stylesheet, image or font.
    expect(html).not.toMatch(/<script|<link|<img|<iframe|@import|url\(/i);
    expect(html.match(/\s(src|srcset)=/g)).toBeNull();
    for (const href of html.match(/href="[^"]*"/g) ?? []) expect(href).toMatch(/^href="https?:\/\//);
  });

  it('has every section, in the order a board reads, and charts with text alternatives', async () => {
    const r = await runCli(['report', '--mw', '341', '--years', '3', '--offline', '--out', '-']);
    expect(r.code).toBe(0);
    const positions = REPORT_SECTIONS.map(([id]) => r.stdout.indexOf(`<section id="${id}"`));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    const svgs = r.stdout.match(/<svg [^>]*class="chart"[\s\S]*?<\/svg>/g) ?? [];
    expect(svgs.length).toBeGreaterThanOrEqual(4);
    for (const svg of svgs) {
      expect(svg).toMatch(/role="img"/);
      expect(svg).toMatch(/<title id="[^"]+">[^<]+<\/title><desc id="[^"]+">[^<]+<\/desc>/);
      expect(svg).toMatch(/width="\d+" height="\d+"/);
      expect(svg).not.toContain('NaN');
    }
    expect(r.stdout).toContain('halving');
    expect(r.stdout).toContain('https://');
  });

  it('dates each network input on its own: offline, the price, the difficulty and the fees are of three dates', async () => {
    const r = await runCli(['report', '--mw', '341', '--years', '3', '--offline', '--out', '-']);
    expect(r.code).toBe(0);
    // The embedded data: the 2026-07 monthly close (at 2026-08-01), the epoch from block 953,568 (~2026-06-14)
    // and the January snapshot's fees. The test clock is 2026-12-01: 122, 170 and 323 days later.
    expect(r.stdout).toContain(
      'network data: BTC/USD 2026-08-01, difficulty 2026-06-14, fees 2026-01-12 (snapshot)',
    );
    expect(r.stdout).toContain(
      'The network data is not today&#39;s: BTC/USD of 2026-08-01 (122 days before this report, snapshot), difficulty of 2026-06-14 (170 days before this report, snapshot), fees of 2026-01-12 (323 days before this report, snapshot): run connected, or give --btc-price, --difficulty and --fees-btc, for today&#39;s.',
    );
    // A price the user gives is as of when they say: only the embedded difficulty and fees are called old.
    const given = await runCli([
      'report',
      '--mw',
      '341',
      '--years',
      '3',
      '--offline',
      '--btc-price',
      '90000',
      '--out',
      '-',
    ]);
    expect(given.stdout).toContain('not today&#39;s: difficulty of 2026-06-14');
  });

  it('links each assumption to its public source, in the assumptions table and the sources', async () => {
    const r = await runCli(['report', '--mw', '341', '--years', '3', '--offline', '--out', '-']);
    expect(r.code).toBe(0);
    const assumptions = r.stdout.slice(
      r.stdout.indexOf('<section id="assumptions"'),
      r.stdout.indexOf('<section id="sources"'),
    );
    // A documented source a default's basis cites, a catalog model's specification, the snapshot's source.
    expect(assumptions).toContain(
      '(source: <a href="https://nfmconsulting.com/knowledge/ercot-4cp-reduce-costs">nfmconsulting.com</a>)',
    );
    expect(assumptions).toContain(
      '<a href="https://docs.nvidia.com/dgx/dgxh100-user-guide/introduction-to-dgxh100.html">docs.nvidia.com</a>',
    );
    expect(assumptions).toContain(
      '<a href="https://hashrateindex.com/blog/hashrate-index-roundup-january-12-2026">hashrateindex.com</a>',
    );
    // A value given by flag has none.
    expect(assumptions).toMatch(
      /<td class="text">siteMw<\/td><td>341<\/td><td>flag<\/td><td class="text">given by --mw<\/td>/,
    );
  });

  it('tunes the tornado with the ranges of sensitivity (--swing, --range)', async () => {
    const tornadoOf = (html: string) =>
      html.slice(html.indexOf('<section id="tornado"'), html.indexOf('<section id="simulation"'));
    const base = await runCli(['report', '--mw', '341', '--years', '3', '--offline', '--out', '-']);
    const tuned = await runCli([
      'report',
      '--mw',
      '341',
      '--years',
      '3',
      '--offline',
      '--out',
      '-',
      '--swing',
      '10%',
      '--range',
      'btc-price=50k:150k',
    ]);
    expect(tuned.code).toBe(0);
    // The base BTC price is the newest embedded close, $62,829.09: +-20% by default ($50,263 to $75,395), the
    // given range here.
    expect(tornadoOf(base.stdout)).toContain('$50.3k to $75.4k');
    expect(tornadoOf(tuned.stdout)).toContain('$50.0k to $150k');
    // Power price $0.04/kWh: +-20% ($0.032 to $0.048) by default, +-10% with --swing 10%.
    expect(tornadoOf(tuned.stdout)).toMatch(/\$0\.036\/kWh to \$0\.044\/kWh/);
    expect(tornadoOf(base.stdout)).toMatch(/\$0\.032\/kWh to \$0\.048\/kWh/);
    const bad = await runCli(['report', '--mw', '341', '--offline', '--out', '-', '--swing', '2']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^hashcalc: --swing: expected a fraction above 0 up to 0\.9/);
  });

  it('draws the hashprice history: embedded by default, the --data file when given', async () => {
    const historyOf = (html: string) =>
      html.slice(html.indexOf('<section id="history"'), html.indexOf('<section id="years"'));
    const embedded = historyOf(
      (await runCli(['report', '--mw', '341', '--years', '3', '--offline', '--out', '-'])).stdout,
    );
    expect(embedded).toContain('id="chart-history"');
    expect(embedded).toContain('halving 2020-05');
    expect(embedded).toContain('halving 2024-04');
    expect(embedded).toContain('2019-12 to 2026-05');
    // 2022's year end, 2022-12-31: the epoch from block 768,096 (2022-12-19 15:17 UTC to 2023-01-03), D =
    // 35,364,065,900,457.12; 8.64e19 / (D x 2^32 = 1.51887e23) = 5.68844e-4 x 6.25 BTC = 0.00355528 BTC
    // x $16,532 (the 2022-12 close) = $58.78. November's $58.4 is the low, March's $200 the high.
    expect(embedded).toContain(
      '<td>2022</td><td>$58.4 (Nov)</td><td>$200 (Mar)</td><td>$58.8 (Dec)</td><td>$16,532</td>',
    );
    expect(embedded).toContain('https://github.com/typedcypher/historical-bitcoin-prices');
    const file = join(dir(), 'days.csv');
    writeFileSync(
      file,
      'date,difficulty,avgFeesBtcPerBlock,btcUsd\n2025-06-30,100000000000000,0.025,100000\n2025-07-31,200000000000000,0.1,80000\n',
    );
    const fromFile = historyOf(
      (await runCli(['report', '--mw', '341', '--years', '3', '--offline', '--out', '-', '--data', file]))
        .stdout,
    );
    expect(fromFile).toContain('2025-06 to 2025-07');
    expect(fromFile).toContain(`${file} (--data)`);
    // 2025-07-31: 8.64e19 / (2e14 x 2^32) = 1.005828e-4 x (3.125 + 0.1) = 3.243797e-4 BTC x $80,000 = $25.950.
    expect(fromFile).toContain('$26.0 (Jul)');
    // 2025-06-30: 8.64e19 / (1e14 x 2^32) = 2.011657e-4 x 3.15 = 6.336719e-4 BTC x $100,000 = $63.37.
    expect(fromFile).toContain('$63.4 (Jun)');
  });

  it('takes the inputs of project, and no --json', async () => {
    const r = await runCli(['report', '--mw', '100', '--years', '3', '--offline', '--json']);
    expect(r.code).toBe(2);
  });

  it('fails in one line naming the file when it cannot write it', async () => {
    const file = join(dir(), 'missing', 'r.html');
    const r = await runCli(['report', '--mw', '341', '--years', '3', '--offline', '--out', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`cannot write '${file}': no such directory`);
  });

  it('escapes every text from data (catalog notes, URLs) for HTML', async () => {
    const project = JSON.parse(
      (await runCli(['project', '--mw', '341', '--years', '3', '--offline', '--json'])).stdout,
    ) as ProjectReport;
    const sensitivity = JSON.parse(
      (await runCli(['sensitivity', '--mw', '341', '--years', '3', '--offline', '--json'])).stdout,
    ) as SensitivityReport;
    const evil = `<img src=x onerror="alert(1)"> & "quoted" https://example.com/a?b=1&c="><script>x</script>`;
    const first = Object.keys(project.assumptionSources)[0] as string;
    project.assumptionSources[first] = {
      ...project.assumptionSources[first],
      value: 1,
      origin: 'default',
      basis: evil,
    };
    const html = renderHtmlReport(boardReport(project, sensitivity, '2026-12-07T00:00:00.000Z', 'test'));
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; &quot;quoted&quot;');
    // The link stops at the quote; the rest stays text, escaped.
    expect(html).toContain('<a href="https://example.com/a?b=1&amp;c=">');
  });

  describe("the best plan (strategy on the report's inputs)", () => {
    const run = async (extra: string[]) => {
      const args = ['--mw', '341', '--years', '3', '--offline', ...extra];
      const [report, strategy] = await Promise.all([
        runCli(['report', ...args, '--out', '-']),
        runCli(['strategy', ...args, '--json']),
      ]);
      expect(report.code).toBe(0);
      expect(strategy.code).toBe(0);
      return { html: report.stdout, strategy: JSON.parse(strategy.stdout) as StrategyReport };
    };

    it("shows strategy's best plan, its margins, the frontier (a chart with its text) and the value of waiting", async () => {
      const { html, strategy: s } = await run([]);
      const plans = sectionOf(html, 'plans');
      expect(html.indexOf('<section id="plans"')).toBeGreaterThan(html.indexOf('<section id="options"'));
      expect(html.indexOf('<section id="plans"')).toBeLessThan(html.indexOf('<section id="cash"'));
      expect(s.best.tranches.length).toBeGreaterThan(0);
      const f = figures(s);
      expect(plans).toContain(
        `${s.best.text}</strong> (<span class="flag">--plan ${s.best.planFlag}</span>)`,
      );
      expect(plans).toContain(`NPV <strong>${f.best}</strong>, ${f.vsMining} more than keeping mining`);
      for (const [npv, margin] of f.pure) expect(plans).toContain(`<td>${npv}</td><td>+${margin}</td>`);
      for (const [flag, npv, vs] of f.frontier)
        expect(plans).toContain(
          `<span class="flag">${flag ? `--plan ${flag}` : 'keep mining'}</span></td><td>${npv}</td><td>${vs}</td>`,
        );
      for (const w of f.waiting) if (w) expect(plans).toContain(`<td>${w}</td>`);
      expect(plans).toContain(`${s.search.plansEvaluated} plans: the AI share from 0 to 100%`);
      // The frontier chart: its title, axes with units, a text alternative naming each share's NPV.
      const chart = /<svg [^>]*id="chart-frontier"[\s\S]*?<\/svg>/.exec(plans)?.[0] ?? '';
      expect(chart).toContain('NPV frontier: the best plan at each AI share of the site (USD)');
      expect(chart).toContain('AI share of the site (% of its MW converted)');
      expect(chart).toContain('NPV (USD)');
      expect(chart).toContain(
        `<desc id="chart-frontier-d">The best plan&#39;s NPV at each AI share: 0% ${f.frontier[0]?.[1]}`,
      );
    });

    it('says so when keeping mining is best', async () => {
      const { html, strategy: s } = await run([
        '--btc-price',
        '400000',
        '--gpu-hour-price',
        '0.5',
        '--lease-rate',
        '50',
      ]);
      expect(s.best.tranches).toEqual([]);
      const plans = sectionOf(html, 'plans');
      expect(plans).toContain(
        `<strong>Keeping mining all 341 MW is best</strong>: no plan on the grid that converts part or all of the site to AI beats it (NPV <strong>${usd(s.best.npvUsd)}</strong>)`,
      );
      expect(plans).not.toContain("The best plan's figures");
      expect(plans).not.toContain('<td>Keeping mining</td>');
      for (const o of s.pureOptions.filter((x) => x.id !== 'mining'))
        expect(plans).toContain(`<td>${usd(o.npvUsd)}</td><td>+${usd(o.bestPlanMarginUsd)}</td>`);
    });

    it("says when the search's pure options are not the options above (a loan, the options' own rates)", async () => {
      const plain = sectionOf((await run([])).html, 'plans');
      expect(plain).not.toContain('As hashcalc strategy');
      const r = await report3(['--debt-share', '0.5', '--discount-rate-lease', '6%']);
      expect(sectionOf(r.stdout, 'plans')).toContain(
        'As hashcalc strategy, the search values the plans without the loan and every plan and pure option at --discount-rate, not at the options&#39; own rates: its NPVs of the pure options may differ from those above.',
      );
    });

    it('puts the sale (--sell-per-mw) beside the best plan, as strategy does, and says when it is worth more', async () => {
      const { html, strategy: s } = await run(['--sell-per-mw', '20M']);
      const sale = s.sale;
      expect(sale?.beatsBestPlan).toBe(true);
      const plans = sectionOf(html, 'plans');
      expect(plans).toContain(
        `<td>Selling the site</td><td>${usd(sale?.npvUsd)}</td><td>${usd(-(sale?.vsBestPlanUsd ?? 0))}</td>`,
      );
      expect(plans).toContain(
        `<strong>selling the site</strong> at $20.0M/MW today is worth more: NPV <strong>${usd(sale?.npvUsd)}</strong>, ${usd(sale?.vsBestPlanUsd)} above the best plan.`,
      );
    });

    it('is not searched with an exit value (strategy refuses one), and says why', async () => {
      const r = await report3(['--residual', 'cap-rate:8%']);
      expect(r.code).toBe(0);
      const plans = sectionOf(r.stdout, 'plans');
      expect(plans).toContain('Not searched: an exit value');
      expect(plans).not.toContain('<svg');
    });
  });

  it('shows a plan (--plan) and the sale (--sell-per-mw) beside the options, and in the cash chart', async () => {
    const args = [
      '--mw',
      '341',
      '--years',
      '3',
      '--offline',
      '--plan',
      'lease:150@12',
      '--sell-per-mw',
      '6.9M@12',
    ];
    const [r, project] = await Promise.all([
      runCli(['report', ...args, '--out', '-']),
      runCli(['project', ...args, '--json']),
    ]);
    expect(r.code).toBe(0);
    const p = JSON.parse(project.stdout) as ProjectReport;
    const options = sectionOf(r.stdout, 'options');
    expect(options).toContain('<th>Mining</th><th>AI lease</th><th>GPU cloud</th><th>Sale</th><th>Plan</th>');
    const npvs = [...p.options, p.plan].map((o) => `<td>${usd(o?.npvUsd)}</td>`).join('');
    expect(options).toContain(`<tr><td>NPV</td>${npvs}</tr>`);
    expect(options).toContain('--plan lease:150@12</span>): AI lease 150 MW live month 12, 191 MW mining.');
    const cash = sectionOf(r.stdout, 'cash');
    expect(cash).toContain('>Sale</text>');
    expect(cash).toContain('>Plan</text>');
  });
});
