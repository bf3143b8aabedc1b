/**
 * `strategy` and `--plan` end to end, in-process and offline: the documents, the formats, the plan beside the
 * pure options, and bad plans (exit 2, one line naming --plan and what it accepts).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ProjectReport } from '../../src/report/schemas.js';
import type { StrategyReport } from '../../src/report/strategy-schema.js';
import { runCli, usageStderr } from './run-cli.js';

describe('project and compare --plan', () => {
  it('reports the plan beside the pure options, its tranches and what keeps mining', async () => {
    const { code, stdout, stderr } = await runCli([
      'project',
      '--mw',
      '341',
      '--offline',
      '--json',
      '--plan',
      'lease:150@12,gpu:50@30',
    ]);
    expect(code, stderr).toBe(0);
    const report = JSON.parse(stdout) as ProjectReport;
    const plan = report.plan;
    expect(plan?.id).toBe('plan');
    expect(plan?.tranches).toEqual([
      { optionId: 'ai-lease', mw: 150, share: 150 / 341, goLiveMonth: 12 },
      { optionId: 'gpu-cloud', mw: 50, share: 50 / 341, goLiveMonth: 30 },
    ]);
    expect(plan?.miningMw).toBeCloseTo(141, 9);
    expect(plan?.text).toBe('AI lease 150 MW live month 12, GPU cloud 50 MW live month 30, 141 MW mining');
    expect(plan?.months).toHaveLength(61);
    // The verdict still ranks the pure options; the plan is said beside them.
    expect(report.options.map((o) => o.id)).toEqual(['mining', 'ai-lease', 'gpu-cloud']);
    expect(report.verdict.text).toContain('the plan (AI lease 150 MW live month 12');
    const mining = report.options.find((o) => o.id === 'mining');
    expect(plan?.npvVsMiningUsd).toBeCloseTo((plan?.npvUsd ?? 0) - (mining?.npvUsd ?? 0), 3);
  });

  it('a plan at 100% lease at the default go-live is the pure lease (pre-tax)', async () => {
    const { code, stdout } = await runCli([
      'project',
      '--mw',
      '341',
      '--offline',
      '--json',
      '--plan',
      'lease:100%@12',
    ]);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as ProjectReport;
    const lease = report.options.find((o) => o.id === 'ai-lease');
    expect(Math.abs((report.plan?.npvUsd ?? 0) - (lease?.npvUsd ?? 0))).toBeLessThanOrEqual(
      1e-6 * Math.abs(lease?.npvUsd ?? 1),
    );
  });

  it('takes the plan from a scenario file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hashcalc-plan-'));
    const file = join(dir, 'scenario.json');
    writeFileSync(file, JSON.stringify({ conversion: { plan: 'gpu:100@24' } }));
    const { code, stdout, stderr } = await runCli([
      'compare',
      '--mw',
      '341',
      '--offline',
      '--json',
      '--scenario',
      file,
    ]);
    expect(code, stderr).toBe(0);
    const report = JSON.parse(stdout) as { plan?: { tranches: unknown[]; text: string } };
    expect(report.plan?.tranches).toEqual([
      { optionId: 'gpu-cloud', mw: 100, share: 100 / 341, goLiveMonth: 24 },
    ]);
  });

  it.each([
    ['lease:400@12', "the tranches' 400 MW exceed the site's 341 MW"],
    ['lease:200@12,gpu:200@24', "the tranches' 400 MW exceed the site's 341 MW"],
    ['lease:100@60', 'go-live month 60 is beyond the 60-month horizon'],
    ['sell:100@12', "unknown option 'sell'"],
    ['lease:100', "'lease:100' is not OPTION:MW@MONTH"],
    ['lease:0@12', "a tranche's MW must be above 0"],
  ])('refuses %s: exit 2, one line naming --plan and what it accepts', async (plan, why) => {
    const { code, stdout, stderr } = await runCli(['project', '--mw', '341', '--offline', '--plan', plan]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    const line = stderr.trim();
    expect(line.split('\n')).toHaveLength(1);
    expect(line).toContain(`--plan: ${why}`);
    expect(line).toContain('expected OPTION:MW@MONTH[,...] with OPTION lease or gpu');
  });

  it.each([
    [
      ['compare', '--plan', 'lease:100@12', '--residual', 'multiple:8'],
      '--residual: --plan takes economic, book or none',
    ],
    [['strategy', '--residual', 'cap-rate:0.07'], '--residual: strategy takes economic, book or none'],
    [['strategy', '--discount-rate-gpu', '0.12'], "--discount-rate-gpu: not used by 'strategy'"],
  ])('refuses %j: plans take a residual rule and one rate (exit 2, one line)', async (args, why) => {
    const stderr = usageStderr(await runCli([...args, '--mw', '341', '--offline']));
    expect(stderr).toContain(why);
  });

  it('is not taken by report or sensitivity', async () => {
    const { code } = await runCli(['sensitivity', '--mw', '341', '--offline', '--plan', 'lease:100@12']);
    expect(code).toBe(2);
  });
});

describe('strategy', () => {
  it('finds the best plan on its stated grid, no worse than any pure option', async () => {
    const { code, stdout, stderr } = await runCli(['strategy', '--mw', '341', '--offline', '--json']);
    expect(code, stderr).toBe(0);
    const report = JSON.parse(stdout) as StrategyReport;
    for (const pure of report.pureOptions) {
      expect(pure.bestPlanMarginUsd).toBeGreaterThanOrEqual(-1e-6 * Math.abs(pure.npvUsd));
      expect(pure.bestPlanMarginUsd).toBeCloseTo(report.best.npvUsd - pure.npvUsd, 3);
    }
    expect(report.frontier.map((p) => p.aiShare)).toEqual([
      0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1,
    ]);
    expect(report.frontier[0]?.text).toBe('keep mining all 341 MW');
    expect(Math.max(...report.frontier.map((p) => p.npvUsd))).toBe(report.best.npvUsd);
    expect(report.search.text).toMatch(/steps of 10%/);
    expect(report.search.startMonths[0]).toBe(0);
    expect(report.search.startMonths).toContain(12);
    expect(report.waiting.now?.firstStartMonth).toBe(0);
    expect(report.waiting.inAYear?.firstStartMonth).toBeGreaterThanOrEqual(12);
    expect(report.top[0]?.npvUsd).toBe(report.best.npvUsd);
  });

  it('prints a table, markdown and CSV', async () => {
    const table = await runCli(['strategy', '--mw', '341', '--offline']);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('NPV frontier');
    expect(table.stdout).toContain('Value of waiting');
    expect(table.stdout).toContain('Searched:');
    const md = await runCli(['strategy', '--mw', '341', '--offline', '--format', 'markdown']);
    expect(md.code).toBe(0);
    expect(md.stdout).toContain('|');
    const csv = await runCli(['strategy', '--mw', '341', '--offline', '--format', 'csv']);
    expect(csv.code).toBe(0);
    expect(csv.stdout.split('\r\n')[0]).toBe('aiShare,plan,planFlag,firstStartMonth,npvUsd,npvVsMiningUsd');
    expect(csv.stdout.trim().split('\r\n')).toHaveLength(12);
  });
});

describe('strategy --simulations', () => {
  it('ranks the best plans on the paths project draws: the pure GPU cloud as a plan has its figures', async () => {
    // The same seed draws the same BTC, network and rent paths for every option: a plan that is the whole site
    // as a GPU cloud at the default go-live has the pure GPU cloud's mean NPV and chance of beating mining.
    const args = ['--mw', '341', '--offline', '--json', '--simulations', '2000', '--workers', '1'];
    const project = await runCli(['project', ...args]);
    const strategy = await runCli(['strategy', ...args]);
    expect(strategy.code, strategy.stderr).toBe(0);
    const sim = (JSON.parse(strategy.stdout) as StrategyReport).simulation;
    const gpu = (JSON.parse(project.stdout) as ProjectReport).simulation?.options.find(
      (o) => o.id === 'gpu-cloud',
    );
    const same = sim?.plans.find((p) => p.planFlag === 'gpu:341@12');
    expect(same?.meanNpvUsd).toBeCloseTo(gpu?.npvUsd.mean ?? Number.NaN, 0);
    expect(same?.probabilityBeatsMining).toBe(gpu?.probabilityBeatsMining);
    const means = sim?.plans.map((p) => p.meanNpvUsd) ?? [];
    expect(means).toEqual([...means].sort((a, b) => b - a));
    expect(sim?.plans.length).toBeLessThanOrEqual(5);
  });
});
