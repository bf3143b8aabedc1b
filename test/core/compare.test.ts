/**
 * Site comparison: each option's revenue and EBITDA as multiples of mining's on the same grid power.
 */
import { describe, expect, it } from 'vitest';
import { gpuCloudEconomics, leaseEconomics } from '../../src/core/ai.js';
import { compareSite, multiple } from '../../src/core/compare.js';
import { type MiningEconomics, miningEconomics } from '../../src/core/mining.js';

describe('multiple', () => {
  it('divides by a positive base', () => {
    expect(multiple(10, 5)).toBe(2);
    expect(multiple(-10, 5)).toBe(-2); // a loss-making option against profitable mining
    expect(multiple(0, 5)).toBe(0);
  });

  it('is null against a zero or negative base', () => {
    expect(multiple(10, 0)).toBeNull();
    expect(multiple(10, -5)).toBeNull();
    expect(multiple(-10, -5)).toBeNull(); // not +2: a ratio of two losses means nothing
  });
});

describe('compareSite on a 130 MW site', () => {
  // Mining: 10,000 S21 XP (270 TH/s, 3645 W) = 2700 PH/s at $40/PH/day, 2.5% fee, 95% uptime, PUE 1.05, $0.045/kWh.
  const miningInputs = {
    siteMw: 130,
    powerUsdPerKwh: 0.045,
    fleet: [{ name: 'Antminer S21 XP', hashrateThs: 270, powerW: 3645, count: 10_000, priceUsdPerTh: 25.7 }],
    poolFee: 0.025,
    uptime: 0.95,
    pueMining: 1.05,
    hashpriceUsdPerPhDay: 40,
    btcUsd: 85_000,
  };
  const mining = miningEconomics(miningInputs);
  // Lease: 100 MW IT x 0.9 x $150 x 12 = $162,000,000; EBITDA 85% = $137,700,000 (see ai.test.ts)
  const lease = leaseEconomics({
    siteMw: 130,
    pueAi: 1.3,
    leaseUsdPerKwMonth: 150,
    occupancy: 0.9,
    landlordPaysPower: false,
    powerUsdPerKwh: 0.045,
    otherOpexShare: 0.15,
    fitOutUsdPerMwIt: 10e6,
  });

  it('puts mining first with multiples of 1', () => {
    const c = compareSite(mining, [lease]);
    expect(c.options).toHaveLength(2);
    expect(c.options[0]?.economics.id).toBe('mining');
    expect(c.mining.revenueMultipleVsMining).toBe(1);
    expect(c.mining.ebitdaMultipleVsMining).toBe(1);
    expect(c.options[1]?.economics.id).toBe('ai-lease');
  });

  it('states the lease as a multiple of mining', () => {
    // Mining revenue 2700 PH x 40 x 0.975 x 0.95 x 365 = $36,512,775
    // Mining energy 10000 x 3.645 kW x 1.05 x 8760 x 0.95 x $0.045 = $14,332,668.53; EBITDA $22,180,106.48
    const c = compareSite(mining, [lease]);
    // 162,000,000 / 36,512,775 = 4.43680
    expect(c.options[1]?.revenueMultipleVsMining).toBeCloseTo(4.436_8, 5);
    // 137,700,000 / 22,180,106.475 = 6.20827
    expect(c.options[1]?.ebitdaMultipleVsMining).toBeCloseTo(6.208_27, 5);
  });

  it('keeps the order of the other options', () => {
    // GPU cloud on 13 MW from ai.test.ts: revenue $145,997,445, EBITDA $111,104,055.645
    const cloud = gpuCloudEconomics({
      siteMw: 13,
      pueAi: 1.3,
      kwPerGpu: 1.275,
      gpuUsdPerHour: 2.5,
      utilization: 0.85,
      powerUsdPerKwh: 0.05,
      otherOpexShare: 0.2,
      capexUsdPerGpu: 27_500,
      fitOutUsdPerMwIt: 12e6,
    });
    const c = compareSite(mining, [cloud, lease]);
    expect(c.options.map((o) => o.economics.id)).toEqual(['mining', 'gpu-cloud', 'ai-lease']);
    // 145,997,445 / 36,512,775 = 3.99853; 111,104,055.645 / 22,180,106.475 = 5.00918
    expect(c.options[1]?.revenueMultipleVsMining).toBeCloseTo(3.998_53, 5);
    expect(c.options[1]?.ebitdaMultipleVsMining).toBeCloseTo(5.009_18, 5);
  });

  it('gives no EBITDA multiple when mining loses money, but still a revenue multiple', () => {
    // At $0.20/kWh mining energy is 14,332,668.53 x 0.20 / 0.045 = $63,700,749 > revenue $36,512,775
    const losing = miningEconomics({ ...miningInputs, powerUsdPerKwh: 0.2 });
    expect(losing.ebitdaUsdPerYear).toBeLessThan(0);
    const c = compareSite(losing, [lease]);
    expect(c.mining.ebitdaMultipleVsMining).toBeNull();
    expect(c.options[1]?.ebitdaMultipleVsMining).toBeNull();
    expect(c.options[1]?.revenueMultipleVsMining).toBeCloseTo(4.436_8, 5);
  });

  it('gives no multiples at all when mining has no revenue', () => {
    const idle: MiningEconomics = miningEconomics({ ...miningInputs, hashpriceUsdPerPhDay: 0 });
    const c = compareSite(idle, [lease]);
    expect(c.mining.revenueMultipleVsMining).toBeNull();
    expect(c.mining.ebitdaMultipleVsMining).toBeNull();
    expect(c.options[1]?.revenueMultipleVsMining).toBeNull();
    expect(c.options[1]?.ebitdaMultipleVsMining).toBeNull();
  });

  it('with no other options lists mining alone', () => {
    const c = compareSite(mining, []);
    expect(c.options).toHaveLength(1);
    expect(c.options[0]).toBe(c.mining);
  });
});
