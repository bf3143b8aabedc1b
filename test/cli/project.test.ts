/** `hashcalc project` end to end (in-process): the JSON contract, formats, layout, bad input. */
import { describe, expect, it } from 'vitest';
import { MONTH_SEC } from '../../src/core/chain.js';
import { npv } from '../../src/core/finance.js';
import { newestEpoch } from '../../src/data/snapshot.js';
import { projectOutputSchema } from '../../src/report/schemas.js';
import { TEST_NOW_MS } from '../clock.js';
import { runCli } from './run-cli.js';

const D = '152271406129092';

async function project(args: string[], env: Record<string, string> = {}) {
  const r = await runCli(['project', '--offline', '--mw', '341', ...args], env);
  return r;
}

async function projectJson(args: string[] = []) {
  const { code, stdout, stderr } = await project([...args, '--json']);
  expect(code, stderr).toBe(0);
  return projectOutputSchema.parse(JSON.parse(stdout));
}

describe('project --json', () => {
  it('has the fields scripts rely on, each option with its monthly series', async () => {
    const r = await projectJson(['--years', '5']);
    expect(r.command).toBe('project');
    expect(r.options.map((o) => o.id)).toEqual(['mining', 'ai-lease', 'gpu-cloud']);
    for (const o of r.options) {
      expect(o.months).toHaveLength(61);
      expect(o.years).toHaveLength(5);
      expect(o.months[0]?.month).toBe(0);
      const m = o.months[30];
      for (const key of [
        'month',
        'date',
        'revenueUsd',
        'opexUsd',
        'ebitdaUsd',
        'capexUsd',
        'cashFlowUsd',
        'cumulativeCashUsd',
      ])
        expect(m, key).toHaveProperty(key);
      // NPV is the monthly flows discounted at 10%/yr, month m by 1.1^(-m/12).
      const monthly = 1.1 ** (1 / 12) - 1;
      expect(o.npvUsd).toBeCloseTo(
        npv(
          monthly,
          o.months.map((x) => x.cashFlowUsd),
        ),
        0,
      );
      expect(o.totalCashUsd).toBeCloseTo(
        o.months.reduce((s, x) => s + x.cashFlowUsd, 0),
        0,
      );
    }
    expect(r.options[0]?.months[12]?.heightBlocks).toBeGreaterThan(0);
    for (const o of r.options.slice(1)) {
      expect(o.breakevenVsMining).toBeDefined();
      expect(o.breakevenVsMining).toHaveProperty('btcUsd');
      expect(o.breakevenVsMining).toHaveProperty('hashpriceUsdPerPhDay');
      expect(o.breakevenVsMining).toHaveProperty('powerUsdPerKwh');
    }
    expect(r.options[1]?.breakevenVsMining).toHaveProperty('leaseUsdPerKwMonth');
    expect(r.options[2]?.breakevenVsMining).toHaveProperty('gpuUsdPerHour');
    const best = [...r.options].sort((a, b) => b.npvUsd - a.npvUsd)[0];
    expect(r.verdict.bestOptionId).toBe(best?.id);
  });

  it('carries an old snapshot to today: the height advanced at 600 s a block', async () => {
    const r = await projectJson();
    // Offline, the height is the first block of the newest embedded difficulty epoch, 953,568, whose start the
    // retarget rule dates ~2026-06-14T00:32:58Z. runCli's clock, TEST_NOW_MS (2026-12-01), is 170 days less
    // 1,978 s later: (14,688,000 - 1,978) s / 600 = 24,476.7 -> 24,476 blocks.
    const epoch = newestEpoch();
    expect(epoch?.startHeight).toBe(953_568);
    expect(r.networkCarriedForward?.fromAsOf).toBe(new Date(epoch?.startMs ?? 0).toISOString());
    expect(TEST_NOW_MS - (epoch?.startMs ?? 0)).toBe((170 * 86_400 - 1_978) * 1000);
    expect(r.networkCarriedForward?.blocksAdded).toBe(24_476);
    expect(r.networkCarriedForward?.heightBlocks).toBe(953_568 + 24_476);
  });

  it("takes given network values as today's and lands the halving where the protocol puts it", async () => {
    // 5,000 blocks before the halving, 712 into an epoch, flat hashrate: 3,001,101 s (see the core test).
    const r = await projectJson([
      '--height',
      '1045000',
      '--difficulty',
      D,
      '--difficulty-growth',
      '0',
      '--years',
      '1',
    ]);
    expect(r.networkCarriedForward).toBeNull();
    const seconds = 1304 * 600 + 3696 * ((600 * 2016) / 2015);
    expect(r.horizon.halvingMonth).toBeCloseTo(seconds / MONTH_SEC, 6);
    const mining = r.options[0];
    expect(mining?.months[1]?.heightBlocks).toBeLessThan(1_050_000);
    expect(mining?.months[2]?.heightBlocks).toBeGreaterThanOrEqual(1_050_000);
  });

  it('a 20-year horizon runs and is as long as asked', async () => {
    const r = await projectJson(['--years', '20']);
    expect(r.options[2]?.months).toHaveLength(241);
    expect(r.horizon.months).toBe(240);
  });
});

describe('project formats and layout', () => {
  it('csv is the monthly series, one row per option and month', async () => {
    const { code, stdout } = await project(['--format', 'csv', '--years', '2']);
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\r\n');
    expect(lines[0]).toMatch(/^option,month,date,heightBlocks,revenueUsd,opexUsd,ebitdaUsd,/);
    expect(lines).toHaveLength(1 + 3 * 25);
  });

  it('markdown has the tables and the chart in a code block', async () => {
    const { code, stdout } = await project(['--format', 'markdown']);
    expect(code).toBe(0);
    expect(stdout).toContain('| NPV |');
    expect(stdout).toContain('```text');
  });

  it.each([60, 80, 100, 140])('fits %i columns, chart included, with the halving marked', async (columns) => {
    const { code, stdout } = await project([], { COLUMNS: String(columns) });
    expect(code).toBe(0);
    for (const line of stdout.split('\n')) expect(line.length, line).toBeLessThanOrEqual(columns);
    expect(stdout).toMatch(/\^ halving ~\d{4}-\d{2}-\d{2}/);
    expect(stdout).toContain('Cumulative cash by month');
  });

  it('colours the chart only when colour is on', async () => {
    expect((await project([], { NO_COLOR: '1' })).stdout).not.toContain('\u001b[');
    expect((await project([], { FORCE_COLOR: '1' })).stdout).toContain('\u001b[');
  });

  it('ends with the decision: who leads, by how much, and what would flip it', async () => {
    const { stdout } = await project([]);
    expect(stdout).toMatch(/Too close to call over\s+5\s+years/);
    expect(stdout).toMatch(/hands\s+it\s+to/);
    // Clear: a lease rate no plausible driver brings the others near.
    const clear = (await project(['--lease-rate', '1000'])).stdout;
    expect(clear).toMatch(/The AI lease has the highest NPV over\s+5 years/);
    expect(clear).toMatch(/\(robust: no single driver in its plausible range\s+changes it\)/);
  });
});

describe('project bad input: one line naming the flag and the range, exit 2', () => {
  it.each([
    [['--years', '0'], '--years: expected whole years from 1 to 20'],
    [['--years', '50'], '--years: expected whole years from 1 to 20'],
    [['--discount-rate', '-5%'], '--discount-rate: expected an annual rate from 0 to 100%'],
    [['--gpu-life', '0'], '--gpu-life: expected years above 0 up to 15'],
    [
      ['--conversion-months', '100'],
      '--conversion-months: expected whole months from 0 to the horizon (60 months for --years 5)',
    ],
    [['--fleet', 'rented'], "--fleet <OWNERSHIP>' argument 'rented' is invalid"],
  ])('%j', async (args, message) => {
    const { code, stdout, stderr } = await project(args);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toContain(message);
  });

  it('names the env var or scenario key when the bad value came from there', async () => {
    const { code, stderr } = await project([], { HASHCALC_YEARS: '99' });
    expect(code).toBe(2);
    expect(stderr).toContain('HASHCALC_YEARS: expected whole years from 1 to 20');
  });
});

describe('project: how sure the verdict is', () => {
  it('counts the simulation: clear needs the first to beat the second on 3 paths in 4', async () => {
    const close = await projectJson(['--simulations', '500', '--workers', '1']);
    expect(close.verdict.robust).toBe(false);
    const share = close.verdict.simulatedShareFirst as number;
    const best = close.simulation?.options.find((o) => o.id === close.verdict.bestOptionId);
    expect(share).toBe(best?.probabilityBeats?.[close.verdict.runnerUpId]);
    expect(close.simulation?.model.btcDrift).toBe('mean');
    // A lease rate far above every other option's reach: clear on every driver and on the paths.
    const clear = await projectJson(['--lease-rate', '1000', '--simulations', '500', '--workers', '1']);
    expect(clear.verdict.bestOptionId).toBe('ai-lease');
    expect(clear.verdict.robust).toBe(true);
    expect(clear.verdict.flips).toEqual([]);
    expect(clear.verdict.simulatedShareFirst).toBeGreaterThanOrEqual(0.75);
    expect(clear.verdict.text).toMatch(
      /\(robust: no single driver in its plausible range changes it, and it leads on 100% of simulated paths\)/,
    );
  });
});
