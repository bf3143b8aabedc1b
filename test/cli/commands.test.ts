import { describe, expect, it } from 'vitest';
import {
  catalogOutputSchema,
  economicsOutputSchema,
  hashpriceOutputSchema,
} from '../../src/report/schemas.js';
import { runCli } from './run-cli.js';

describe('hashprice', () => {
  it('gives USD, BTC and per-TH figures from the snapshot', async () => {
    const { code, stdout } = await runCli(['hashprice', '--offline', '--json']);
    expect(code).toBe(0);
    const report = hashpriceOutputSchema.parse(JSON.parse(stdout));
    // 86400e15 / (152271406129092 x 2^32) x (3.125 + 0.021259) = 0.00041565 BTC/PH/day; x 84,775 = $35.237
    expect(report.hashpriceBtcPerPhDay).toBeCloseTo(0.00041565, 8);
    expect(report.hashpriceUsdPerPhDay).toBeCloseTo(35.237, 2);
    expect(report.hashpriceUsdPerThDay).toBeCloseTo(0.035237, 5);
    // 152271406129092 x 2^32 / 600 = 6.54006e23 / 600 = 1.090001e21 H/s = 1090.00 EH/s
    expect(report.impliedHashrateEhs).toBeCloseTo(1090.0, 1);
    // fee share 0.021259 / 3.146259 = 0.6757%
    expect(report.feeShare).toBeCloseTo(0.006757, 5);
    // Estimated-hashrate variant at 1.09 ZH/s: 144 x 3.146259 x 1e15 / 1.09e21 = 0.00041565 BTC/PH/day
    expect(report.estimatedHashrateVariant?.hashpriceBtcPerPhDay).toBeCloseTo(0.00041565, 7);
  });

  it('prints a human table with provenance', async () => {
    const { stdout } = await runCli(['hashprice', '--offline']);
    expect(stdout).toContain('$35.24');
    expect(stdout).toContain('embedded snapshot of 2025-11-22');
    expect(stdout).toContain('Estimated-hashrate variant');
  });
});

describe('mining', () => {
  it('reports breakevens at which EBITDA is zero', async () => {
    const { stdout } = await runCli(['mining', '--mw', '341', '--offline', '--json']);
    const report = economicsOutputSchema.parse(JSON.parse(stdout));
    expect(report.options.map((o) => o.id)).toEqual(['mining']);
    const mining = report.options[0];
    // S21 XP: 89,097 x 3.645 kW x 1.05 x 8760 x 0.98 = 2,927.39M kWh a year; the other opex at $8/MWh is
    // 2,927,387 MWh x $8 = $23.419M. Breakeven power = (revenue - other opex) / kWh = (35.2369 x 0.975 x
    // 0.98 x 365 x 24,056.19 PH = 295.63M - 23.419M) / 2,927.39M kWh = $0.09299/kWh
    expect(mining?.breakevens?.powerUsdPerKwh).toBeCloseTo(0.09299, 4);
    // breakeven hashprice = (energy + other opex) / PH-days = (117.095M + 23.419M) / (24,056.19 x 0.975 x
    // 0.98 x 365 = 8.3898M) = $16.748
    expect(mining?.breakevens?.hashpriceUsdPerPhDay).toBeCloseTo(16.748, 2);
    // breakeven BTC = 84,775 x 16.748 / 35.2369 = $40,294
    expect(mining?.breakevens?.btcUsd).toBeCloseTo(40_294, -1);
    expect(report.options[0]?.revenueMultipleVsMining).toBe(1); // mining against itself
  });
});

describe('ai', () => {
  it('shows the lease and the GPU cloud without network data', async () => {
    const { code, stdout } = await runCli([
      'ai',
      '--mw',
      '100',
      '--json',
      '--landlord-pays-power',
      '--gpu',
      'b200',
    ]);
    expect(code).toBe(0);
    const report = economicsOutputSchema.parse(JSON.parse(stdout));
    expect(report.network).toBeNull();
    const [lease, gpu] = report.options;
    // 100 / 1.3 = 76.923 MW IT; landlord pays 76,923 kW x 1.3 x 8760 h = 876.0 GWh x $0.04 = $35.04M
    expect(lease?.energyUsdPerYear).toBeCloseTo(35_040_000, -2);
    // B200 at 14.3/8 = 1.7875 kW x 1.10 (network, storage) = 1.96625 kW: floor(76,923.08 / 1.96625) = 39,121
    expect(gpu?.units).toBe(39_121);
    expect(gpu?.gpuModel).toBe('NVIDIA B200');
  });
});

describe('catalog', () => {
  it.each(['miners', 'gpus', 'deals'])('lists %s with provenance, as JSON and as a table', async (kind) => {
    const json = await runCli(['catalog', kind, '--json']);
    expect(json.code).toBe(0);
    const report = catalogOutputSchema.parse(JSON.parse(json.stdout));
    expect(report.entries.length).toBeGreaterThanOrEqual(6);
    const table = await runCli(['catalog', kind]);
    expect(table.code).toBe(0);
    expect(table.stdout.split('\n')[0]?.length).toBeLessThanOrEqual(120);
  });
});
