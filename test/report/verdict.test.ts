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
    // Per kWh it compares EBITDA: mining $266.67M revenue - $117.10M energy - $23.42M other opex ($8/MWh) =
    // $126.15M; lease $369.22M / $126.15M = 2.927 -> 2.9x; GPU cloud $4.3417B x 0.8 - $119.0M energy = $3.354B /
    // $126.15M = 26.59 -> 26.6x (the figures of test/cli/compare.test.ts).
    expect(verdict.text).toContain(
      "per kWh today: AI lease 2.9x mining's EBITDA, GPU cloud 26.6x mining's EBITDA",
    );
    expect(verdict.text).not.toContain('revenue');
    expect(verdict.flip).not.toBeNull();
  });

  it('a lease that loses money is said to lose it, not to "earn 1.6x"', async () => {
    const { report, verdict } = await compareVerdict(['--power-price', '0.20', '--landlord-pays-power']);
    const lease = report.options.find((o) => o.id === 'ai-lease');
    // 262,307.69 kW x $138 x 12 = $434.38M revenue; energy 262,307.69 kW x 1.3 = 341,000 kW x 8760 h x $0.20
    // = $597.43M; other opex 15% = $65.16M -> EBITDA -$228.2M.
    expect(lease?.ebitdaUsdPerYear).toBeCloseTo(434_381_538 - 597_432_000 - 65_157_231, -4);
    expect(verdict.text).toContain('AI lease loses $228M a year');
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
    // $1/kW-month: EBITDA 262,308 x 12 x 0.85 = $2.6755M vs mining's $126.15M -> 0.021209 -> 0.021x
    expect(lease?.ebitdaMultipleVsMining).toBeCloseTo(0.021209, 5);
    expect(verdict.text).toContain("AI lease 0.021x mining's EBITDA");
    expect(verdict.text).not.toContain('0.0x');
  });
});

describe('mining and ai keep one line of text', () => {
  it('ai: each option per kWh of site power, and a loss said as a loss', async () => {
    const ok = await run('ai', []);
    expect(ok.verdict).toMatch(
      // $434.38M / (341,000 kW x 8760 h) = $0.145/kWh; EBITDA $434.38M x 0.85 = $369.2M
      /^AI lease earns \$0\.145\/kWh of site power, EBITDA \$369M\/yr; GPU cloud earns/,
    );
    const losing = await run('ai', ['--gpu-hour-price', '0.05']);
    expect(losing.verdict).toMatch(/GPU cloud loses \$[\d.]+M a year \(EBITDA\)/);
  });

  it('explains capex / year-1 EBITDA beyond 30 years and with no capex (null, never 0); no payback without a horizon', async () => {
    const free = await run('ai', ['--lease-rate', '1', '--fit-out', '0']);
    const freeLease = free.options.find((o) => o.id === 'ai-lease');
    expect(freeLease?.capexOverYear1EbitdaYears).toBeNull();
    expect(freeLease?.capexOverYear1EbitdaNote).toBe('no capex: nothing to pay back');
    const slow = await run('ai', ['--lease-rate', '8']);
    const lease = slow.options.find((o) => o.id === 'ai-lease');
    expect(lease?.capexOverYear1EbitdaYears).toBeGreaterThan(30);
    expect(lease?.capexOverYear1EbitdaNote).toBe('beyond 30 years: longer than the assets last');
    // "Payback" is the horizon-aware figure only: ai has no horizon.
    expect(lease?.paybackYears).toBeNull();
    expect(lease?.paybackNote).toMatch(/^no horizon: payback .* is in compare and project/);
  });
});
