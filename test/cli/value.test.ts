/**
 * What the site is worth on the command line (issue 22, sections 3 and 4): a sale of the site as a fourth
 * option in compare and project (table, JSON, CSV, markdown, the verdict), exit values, a discount rate per
 * option, the valuations catalog, and bad values (exit 2, one line naming the flag).
 */
import { describe, expect, it } from 'vitest';
import { catalogOutputSchema, economicsOutputSchema, projectOutputSchema } from '../../src/report/schemas.js';
import { runCli, usageStderr } from './run-cli.js';

const COMPARE = ['compare', '--mw', '341', '--offline'];
const PROJECT = ['project', '--mw', '341', '--offline'];

describe('--sell-per-mw: sell the site', () => {
  it('compare --json: an option sell worth exactly 341 MW x $6.9M = $2,352,900,000 today, in the ranking', async () => {
    const { code, stdout, stderr } = await runCli([...COMPARE, '--sell-per-mw', '6.9M', '--json']);
    expect(code, stderr).toBe(0);
    const report = economicsOutputSchema.parse(JSON.parse(stdout));
    expect(report.options.map((o) => o.id)).toEqual(['mining', 'ai-lease', 'gpu-cloud', 'sell']);
    const sell = report.options[3];
    expect(sell?.npvUsd).toBe(2_352_900_000);
    expect(sell?.saleUsd).toBe(2_352_900_000);
    expect(sell?.saleMonth).toBe(0);
    expect(sell?.unitLabel).toBe('MW sold');
    expect(sell?.annualDiscountRate).toBe(0.1);
    // At these defaults the sale ranks first (mining's NPV is ~$381M, the GPU cloud's ~$671M).
    const verdict = report.verdict as { bestOptionId: string; text: string };
    expect(verdict.bestOptionId).toBe('sell');
    expect(verdict.text).toMatch(/^Selling the site has the highest NPV/);
    expect(report.assumptionSources.sellPerMw?.value).toBe('6.9M');
  });

  it('takes a sale or bid of the catalog by id, at a month: the Core Scientific bid ($6.923M/MW) at month 12', async () => {
    const { code, stdout, stderr } = await runCli([
      ...PROJECT,
      '--sell-per-mw',
      'coreweave-core-scientific@12',
      '--json',
    ]);
    expect(code, stderr).toBe(0);
    const report = projectOutputSchema.parse(JSON.parse(stdout));
    const sell = report.options.find((o) => o.id === 'sell');
    // 341 x 9e9 / 1300 = 2,360,769,231 (the mark is rounded to the dollar per MW: 341 x 6,923,077).
    expect(sell?.saleUsd).toBe(341 * 6_923_077);
    expect(sell?.saleMonth).toBe(12);
    expect(sell?.months[12]?.otherCashUsd).toBe(341 * 6_923_077);
    expect(sell?.months.slice(13).every((m) => m.cashFlowUsd === 0)).toBe(true);
  });

  it('shows in the table, the CSV and the markdown of compare and project', async () => {
    const table = await runCli([...COMPARE, '--sell-per-mw', '6.9M']);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/Sale/);
    expect(table.stdout).toMatch(/341 MW sold/);
    expect(table.stdout).toMatch(/Sale: the site with its miners for \$2\.35B/);
    const csv = await runCli([...COMPARE, '--sell-per-mw', '6.9M', '--format', 'csv']);
    expect(csv.code, csv.stderr).toBe(0);
    expect(csv.stdout.split('\n').filter((l) => l.includes('sell')).length).toBeGreaterThan(0);
    const md = await runCli([...PROJECT, '--sell-per-mw', '6.9M@6', '--format', 'markdown']);
    expect(md.code, md.stderr).toBe(0);
    expect(md.stdout).toMatch(/Sale/);
  });

  it.each([
    ['abc', /--sell-per-mw: expected USD per MW of grid power/],
    ['6.9M@61', /--sell-per-mw: the sale's month must be within the horizon \(0 to 60 months\)/],
    ['6.9M@1.5', /--sell-per-mw: expected/],
    ['jpm-colocation-2025-11', /--sell-per-mw: expected .*coreweave-core-scientific/],
    ['200M', /--sell-per-mw: expected/],
  ])('refuses %s: exit 2, one line naming the flag', async (value, message) => {
    const stderr = usageStderr(await runCli([...COMPARE, `--sell-per-mw=${value}`]));
    expect(stderr).toMatch(message);
  });
});

describe('--residual exit values', () => {
  it("cap-rate:0.07: the lease's residual is its last year's EBITDA over 7% (341 / 1.3 x 1000 x $138 x 12 x 0.85 / 0.07)", async () => {
    const { code, stdout, stderr } = await runCli([...PROJECT, '--residual', 'cap-rate:0.07', '--json']);
    expect(code, stderr).toBe(0);
    const report = projectOutputSchema.parse(JSON.parse(stdout));
    const lease = report.options.find((o) => o.id === 'ai-lease');
    // The default lease: 262,307.69 kW x $138 x 12 = $434,381,538 a year; other opex 15%: EBITDA $369,224,308
    // (no escalator, ramp over by year 5); / 0.07 = $5,274,632,967.
    expect(lease?.residualUsd).toBeCloseTo(((341 / 1.3) * 1000 * 138 * 12 * 0.85) / 0.07, -1);
    expect(report.residualMethod).toMatch(/^cap-rate:0\.07: an exit value/);
  });

  it('per-mw:2M: every option is worth 341 x $2M = $682M at the horizon', async () => {
    const { code, stdout, stderr } = await runCli([...PROJECT, '--residual', 'per-mw:2M', '--json']);
    expect(code, stderr).toBe(0);
    const report = projectOutputSchema.parse(JSON.parse(stdout));
    for (const o of report.options) expect(o.residualUsd, o.id).toBe(682_000_000);
  });

  it.each(['cap-rate:0', 'cap-rate:x', 'multiple:-1', 'per-mw:', 'per-gw:5', 'market'])(
    'refuses %s: exit 2, one line naming the flag',
    async (value) => {
      const stderr = usageStderr(await runCli([...COMPARE, '--residual', value]));
      expect(stderr).toMatch(/^hashcalc: --residual: expected economic, book, none, cap-rate:R/);
    },
  );
});

describe('a discount rate per option', () => {
  it("--discount-rate-lease 8%: the lease's NPV is the one at --discount-rate 8%; the others stay at 10%", async () => {
    const own = await runCli([...COMPARE, '--discount-rate-lease', '8%', '--json']);
    const at8 = await runCli([...COMPARE, '--discount-rate', '8%', '--json']);
    const at10 = await runCli([...COMPARE, '--json']);
    expect(own.code, own.stderr).toBe(0);
    const [o, e, t] = [own, at8, at10].map((r) => economicsOutputSchema.parse(JSON.parse(r.stdout)));
    const npv = (r: typeof o, id: string) => r?.options.find((x) => x.id === id)?.npvUsd;
    expect(npv(o, 'ai-lease')).toBe(npv(e, 'ai-lease'));
    expect(npv(o, 'mining')).toBe(npv(t, 'mining'));
    expect(npv(o, 'gpu-cloud')).toBe(npv(t, 'gpu-cloud'));
    expect(o?.options.find((x) => x.id === 'ai-lease')?.annualDiscountRate).toBe(0.08);
    expect(o?.assumptionSources.discountRateLease?.origin).toBe('flag');
    expect(t?.assumptionSources.discountRateLease?.origin).toBe('default');
    expect(t?.assumptionSources.discountRateLease?.basis).toMatch(/defaults to --discount-rate/);
  });

  it('refuses a rate above 100%: exit 2, one line naming the flag', async () => {
    const stderr = usageStderr(await runCli([...COMPARE, '--discount-rate-gpu', '2']));
    expect(stderr).toMatch(/--discount-rate-gpu: expected an annual rate from 0 to 100%/);
  });
});

describe('hashcalc catalog valuations', () => {
  it('lists the dated marks with provenance, as JSON and as a table', async () => {
    const json = await runCli(['catalog', 'valuations', '--json']);
    expect(json.code, json.stderr).toBe(0);
    const report = catalogOutputSchema.parse(JSON.parse(json.stdout));
    expect(report.kind).toBe('valuations');
    expect(report.entries.map((e) => e.id)).toContain('coreweave-core-scientific');
    for (const e of report.entries) expect(e.provenance.source).toMatch(/^https:\/\//);
    const table = await runCli(['catalog', 'valuations']);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toMatch(/\$6\.92M per gross MW/);
    expect(table.stdout).toMatch(/\$8M-\$17M per IT MW/);
  });
});
