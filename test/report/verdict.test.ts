/**
 * The verdict says what the figures say. compare ranks by NPV over the horizon and compares per kWh like
 * with like (EBITDA, never revenue: the lease's revenue is net of power, mining's is not); an option that
 * loses money is said to lose money; multiples keep their significant digits; a payback that is no useful
 * figure is explained. mining and ai keep their one-line text.
 */
import { describe, expect, it } from 'vitest';
import { economicsOutputSchema } from '../../src/report/schemas.js';
import { runCli } from '../cli/run-cli.js';

async function run(command: string, args: string[]) {
  const { code, stdout, stderr } = await runCli([command, '--offline', '--json', '--mw', '341', ...args]);
  expect(code, stderr).toBe(0);
  return economicsOutputSchema.parse(JSON.parse(stdout));
}

const compareVerdict = async (args: string[]) => {
  const r = await run('compare', args);
  if (typeof r.verdict === 'string') throw new Error('compare verdict is an object');
  return { report: r, verdict: r.verdict };
};

describe('compare verdict', () => {
  it('names the best option by NPV, consistent with the options, and the breakeven that would flip it', async () => {
    const { report, verdict } = await compareVerdict([]);
    const npv = Object.fromEntries(report.options.map((o) => [o.id, o.npvUsd as number]));
    const ranked = Object.entries(npv).sort((a, b) => b[1] - a[1]);
    expect(verdict.basis).toBe('npv');
    expect(verdict.bestOptionId).toBe(ranked[0]?.[0]);
    expect(verdict.runnerUpId).toBe(ranked[1]?.[0]);
    expect(verdict.npvUsd).toBe(ranked[0]?.[1]);
    expect(verdict.marginUsd).toBeCloseTo((ranked[0]?.[1] ?? 0) - (ranked[1]?.[1] ?? 0), 3);
    expect(report.schemaVersion).toBe(2);
    // Per kWh it compares EBITDA: 0.134 / 0.060 = 2.2x for the lease, 0.986 / 0.060 = 16.5x for the GPUs.
    expect(verdict.text).toContain(
      "per kWh today: AI lease 2.2x mining's EBITDA, GPU cloud 16.5x mining's EBITDA",
    );
    expect(verdict.text).not.toContain('revenue');
    expect(verdict.flip).not.toBeNull();
  });

  it('a lease that loses money is said to lose it, not to "earn 1.6x"', async () => {
    const { report, verdict } = await compareVerdict(['--power-price', '0.20', '--landlord-pays-power']);
    const lease = report.options.find((o) => o.id === 'ai-lease');
    // 262,308 kW x $150 x 12 = $472.2M revenue; energy 262,308 kW x 1.3 x 8760 h x $0.20 = $597.4M;
    // other opex 15% = $70.8M -> EBITDA -$196.1M.
    expect(lease?.ebitdaUsdPerYear).toBeCloseTo(472_154_400 - 597_428_661 - 70_823_160, -4);
    expect(verdict.text).toContain('AI lease loses $196M a year');
    expect(verdict.text).toMatch(/today mining loses \$\d+M a year/);
    expect(verdict.text).not.toMatch(/AI lease \d/);
  });

  it('a GPU cloud at $0.05/GPU-h loses money and is said to', async () => {
    const { verdict } = await compareVerdict(['--gpu-hour-price', '0.05']);
    expect(verdict.text).toMatch(/GPU cloud loses \$[\d.]+M a year/);
    expect(verdict.bestOptionId).not.toBe('gpu-cloud');
  });

  it('a multiple under 0.1 keeps two significant digits, never "0.0x"', async () => {
    const { report, verdict } = await compareVerdict(['--lease-rate', '1']);
    const lease = report.options.find((o) => o.id === 'ai-lease');
    // $1/kW-month: EBITDA 262,308 x 12 x 0.85 = $2.68M vs mining's $178.5M -> 0.015x
    expect(lease?.ebitdaMultipleVsMining).toBeCloseTo(0.015, 4);
    expect(verdict.text).toContain("AI lease 0.015x mining's EBITDA");
    expect(verdict.text).not.toContain('0.0x');
  });
});

describe('mining and ai keep one line of text', () => {
  it('ai: each option per kWh of site power, and a loss said as a loss', async () => {
    const ok = await run('ai', []);
    expect(ok.verdict).toMatch(
      /^AI lease earns \$0\.158\/kWh of site power, EBITDA \$401M\/yr; GPU cloud earns/,
    );
    const losing = await run('ai', ['--gpu-hour-price', '0.05']);
    expect(losing.verdict).toMatch(/GPU cloud loses \$[\d.]+M a year \(EBITDA\)/);
  });

  it('explains a payback beyond 30 years and one with no capex', async () => {
    const free = await run('ai', ['--lease-rate', '1', '--fit-out', '0']);
    expect(free.options.find((o) => o.id === 'ai-lease')?.paybackNote).toBe('no capex: nothing to pay back');
    const slow = await run('ai', ['--lease-rate', '8']);
    const lease = slow.options.find((o) => o.id === 'ai-lease');
    expect(lease?.paybackYears).toBeGreaterThan(30);
    expect(lease?.paybackNote).toBe('beyond 30 years: longer than the assets last');
  });
});
