/** `--tax us`: after-tax figures, and its inputs' errors (exit 2, one line). */
import { describe, expect, it } from 'vitest';
import { projectOutputSchema } from '../../src/report/schemas.js';
import { runCli, usageStderr } from './run-cli.js';

const SITE = ['--offline', '--mw', '341'];

describe('--tax us', () => {
  it('shows after-tax NPVs, the tax shield and the tax by year; --json has the monthly tax depreciation and NOL', async () => {
    const table = await runCli(['project', ...SITE, '--tax', 'us']);
    expect(table.code).toBe(0);
    expect(table.stdout).toContain('Tax shield (present value)');
    expect(table.stdout).toContain('Tax depr.');
    const json = await runCli(['project', ...SITE, '--tax', 'us', '--json']);
    const report = projectOutputSchema.parse(JSON.parse(json.stdout));
    const gpu = report.options.find((o) => o.id === 'gpu-cloud');
    expect(gpu?.taxShieldUsd).toBeGreaterThan(0);
    expect(gpu?.months[1]?.taxDepreciationUsd).toBeTypeOf('number');
    expect(gpu?.months[1]?.nolBalanceUsd).toBeTypeOf('number');
    expect(report.assumptions.taxRate).toBe(0.21);
  });

  it('the default stays pre-tax and says so, with no tax rows', async () => {
    const { stdout } = await runCli(['project', ...SITE]);
    expect(stdout).toContain('pre-tax');
    expect(stdout).not.toContain('Tax shield');
  });

  it.each([
    [['--state-tax-rate', '5%'], '--state-tax-rate: only with --tax us'],
    [
      ['--tax', 'us', '--fit-out-classes', '5:0.5,15:0.1,39:0.5'],
      '--fit-out-classes: the shares must sum to 1',
    ],
    [['--tax', 'us', '--fit-out-classes', '7:1'], '--fit-out-classes: expected 5:SHARE,15:SHARE,39:SHARE'],
    [['--tax', 'us', '--nol-limit', '0'], '--nol-limit: expected a fraction above 0 up to 1'],
    [['--tax', 'us', '--bonus-depreciation', '2'], '--bonus-depreciation: expected a fraction from 0 to 1'],
    [['--tax', 'uk'], '--tax'],
  ])('%j: exit 2, one line', async (args, message) => {
    const stderr = usageStderr(await runCli(['project', ...SITE, ...args]));
    expect(stderr).toContain(message);
  });
});
