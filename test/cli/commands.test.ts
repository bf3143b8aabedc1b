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
    // Offline: difficulty of the newest embedded epoch (from block 953,568), price of the newest embedded monthly
    // close (July 2026: $62,829.09 at 2026-08-01), fees of the 2026-01-12 snapshot:
    // 86400e15 / (124932866006548.16 x 2^32) x (3.125 + 17/1008 = 3.141865) = 0.00050590 BTC/PH/day;
    // x 62,829.09 = $31.7852
    expect(report.hashpriceBtcPerPhDay).toBeCloseTo(0.0005059, 8);
    expect(report.hashpriceUsdPerPhDay).toBeCloseTo(31.7852, 2);
    expect(report.hashpriceUsdPerThDay).toBeCloseTo(0.0317852, 5);
    // 124932866006548.16 x 2^32 / 600 = 5.36583e23 / 600 = 8.94304e20 H/s = 894.30 EH/s
    expect(report.impliedHashrateEhs).toBeCloseTo(894.3, 1);
    // fee share 0.016865 / 3.141865 = 0.5368%
    expect(report.feeShare).toBeCloseTo(0.005368, 5);
    // Estimated-hashrate variant at the snapshot's 1.024 ZH/s: 144 x 3.141865 x 1e15 / 1.024e21
    // = 0.00044182 BTC/PH/day
    expect(report.estimatedHashrateVariant?.hashpriceBtcPerPhDay).toBeCloseTo(0.00044182, 7);
  });

  it('prints a human table with provenance', async () => {
    const { stdout } = await runCli(['hashprice', '--offline']);
    expect(stdout).toContain('$31.79');
    expect(stdout).toContain('embedded snapshot of 2026-01-12');
    expect(stdout).toContain('embedded monthly closes, close at 2026-08-01');
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
    // 2,927,387 MWh x $8 = $23.419M. Breakeven power = (revenue - other opex) / kWh = (31.7852 x 0.975 x
    // 0.98 x 365 x 24,056.19 PH = 266.67M - 23.419M) / 2,927.39M kWh = $0.08310/kWh
    expect(mining?.breakevens?.powerUsdPerKwh).toBeCloseTo(0.0831, 4);
    // breakeven hashprice = (energy + other opex) / PH-days = (117.095M + 23.419M) / (24,056.19 x 0.975 x
    // 0.98 x 365 = 8.3898M) = $16.748
    expect(mining?.breakevens?.hashpriceUsdPerPhDay).toBeCloseTo(16.748, 2);
    // breakeven BTC = 62,829.09 x 16.748 / 31.7852 = $33,106 (hashprice moves one for one with BTC/USD)
    expect(mining?.breakevens?.btcUsd).toBeCloseTo(33_106, -1);
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
