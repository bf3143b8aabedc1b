/**
 * The verdict line says what the figures say: an option that loses money loses money; multiples keep their
 * significant digits; a payback that is no useful figure is explained (issue: "the verdict line misleads").
 */
import { describe, expect, it } from 'vitest';
import { economicsOutputSchema } from '../../src/report/schemas.js';
import { runCli } from '../cli/run-cli.js';

async function compare(args: string[]) {
  const { code, stdout, stderr } = await runCli(['compare', '--offline', '--json', '--mw', '341', ...args]);
  expect(code, stderr).toBe(0);
  return economicsOutputSchema.parse(JSON.parse(stdout));
}

describe('verdict', () => {
  it('the default site: the AI options beat mining per kWh; the GPU cloud with its capex', async () => {
    const r = await compare([]);
    expect(r.verdict).toBe(
      'AI lease earns 1.6x mining revenue per kWh; GPU cloud 13.0x, but needs $8.28B of capex',
    );
  });

  it('a lease that loses money is said to lose it, not to "earn 1.6x"', async () => {
    const r = await compare(['--power-price', '0.20', '--landlord-pays-power']);
    const lease = r.options.find((o) => o.id === 'ai-lease');
    // 262,308 kW x $150 x 12 = $472.2M revenue; energy 262,308 kW x 1.3 x 8760 h x $0.20 = $597.4M;
    // other opex 15% = $70.8M -> EBITDA -$196.1M.
    expect(lease?.ebitdaUsdPerYear).toBeCloseTo(472_154_400 - 597_428_661 - 70_823_160, -4);
    expect(r.verdict).toMatch(/^AI lease loses \$196M a year \(EBITDA\)/);
    expect(r.verdict).not.toMatch(/AI lease earns/);
    expect(r.verdict).toMatch(/mining loses \$\d+M a year at this power price$/);
  });

  it('a GPU cloud at $0.10/GPU-h never repays its capex, and the verdict says so', async () => {
    const r = await compare(['--gpu-hour-price', '0.1']);
    const gpu = r.options.find((o) => o.id === 'gpu-cloud');
    // 205,731 GPUs x $0.10 x 8760 h x 85% = $153.2M revenue; energy $119.3M; other opex 20% = $30.6M
    // -> EBITDA $3.06M a year against $8.28B of capex: a 2,700-year payback.
    expect(gpu?.ebitdaUsdPerYear).toBeCloseTo(3_063_746, -2);
    expect(r.verdict).toMatch(
      /GPU cloud 0\.5x, but its EBITDA of \$3\.06M a year would take over 30 years to repay \$8\.28B of capex$/,
    );
  });

  it('a GPU cloud at $0.05/GPU-h loses money and is said to', async () => {
    const r = await compare(['--gpu-hour-price', '0.05']);
    expect(r.verdict).toMatch(/GPU cloud loses \$[\d.]+M a year \(EBITDA\)/);
  });

  it('a multiple under 0.1 keeps two significant digits, never "0.0x"', async () => {
    const r = await compare(['--lease-rate', '1']);
    const lease = r.options.find((o) => o.id === 'ai-lease');
    // $1/kW-month: revenue 262,308 x 12 = $3.15M vs mining $295.5M -> 0.0107x
    expect(lease?.revenueMultipleVsMining).toBeCloseTo(0.01065, 4);
    expect(r.verdict).toMatch(/^AI lease earns 0\.011x mining revenue per kWh/);
    expect(r.verdict).not.toContain('0.0x');
  });

  it('explains a payback beyond 30 years and one with no capex', async () => {
    const r = await compare(['--lease-rate', '1', '--fit-out', '0', '--miner-price', '0']);
    const lease = r.options.find((o) => o.id === 'ai-lease');
    const mining = r.options.find((o) => o.id === 'mining');
    expect(lease?.paybackNote).toBe('no capex: nothing to pay back');
    expect(mining?.paybackNote).toBe('no capex: nothing to pay back');
    const slow = await compare(['--lease-rate', '8']);
    const slowLease = slow.options.find((o) => o.id === 'ai-lease');
    expect(slowLease?.paybackYears).toBeGreaterThan(30);
    expect(slowLease?.paybackNote).toBe('beyond 30 years: longer than the assets last');
  });
});
