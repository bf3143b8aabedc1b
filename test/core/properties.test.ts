/**
 * Property tests (fast-check): monotonicity and sanity that must hold for every valid input,
 * not only for the hand-worked cases in the other files.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gpuCloudEconomics, leaseEconomics } from '../../src/core/ai.js';
import {
  difficultyForHashrate,
  impliedHashrateHs,
  retargetDifficulty,
  subsidySats,
} from '../../src/core/bitcoin.js';
import { computeHashprice } from '../../src/core/hashprice.js';
import { type FleetModel, type MiningInputs, miningEconomics } from '../../src/core/mining.js';
import { type OptionEconomics, power, powersOf } from '../../src/core/units.js';

const RUNS = { numRuns: 200 };

const num = (min: number, max: number) => fc.double({ min, max, noNaN: true, noDefaultInfinity: true });

const minerArb = fc.record({
  hashrateThs: num(10, 600),
  powerW: num(1000, 8000),
  priceUsdPerTh: num(1, 40),
});

const siteArb = fc.record({
  siteMw: num(0.05, 500),
  powerUsdPerKwh: num(0, 0.3),
  poolFee: num(0, 0.1),
  uptime: num(0.5, 1),
  pueMining: num(1, 1.5),
});

const networkArb = fc.record({
  difficulty: num(1e12, 1e15),
  subsidyBtc: fc.constantFrom(6.25, 3.125, 1.5625),
  avgFeesBtcPerBlock: num(0, 1),
  btcUsd: num(1000, 1e6),
});

type Site = { siteMw: number; powerUsdPerKwh: number; poolFee: number; uptime: number; pueMining: number };
type Miner = { hashrateThs: number; powerW: number; priceUsdPerTh: number };

function mine(site: Site, miner: Miner, network: Parameters<typeof computeHashprice>[0]) {
  const fleet: FleetModel[] = [{ name: 'm', count: null, ...miner }];
  const inputs: MiningInputs = {
    ...site,
    fleet,
    hashpriceUsdPerPhDay: computeHashprice(network).hashpriceUsdPerPhDay,
    btcUsd: network.btcUsd,
  };
  return miningEconomics(inputs);
}

function numericFields(e: OptionEconomics): number[] {
  return [
    e.itMw,
    e.units,
    e.revenueUsdPerYear,
    e.energyKwhPerYear,
    e.energyUsdPerYear,
    e.otherOpexUsdPerYear,
    e.opexUsdPerYear,
    e.ebitdaUsdPerYear,
    e.revenueUsdPerKwh,
    e.ebitdaUsdPerKwh,
    e.capexUsd,
    ...(e.capexOverYear1EbitdaYears === null ? [] : [e.capexOverYear1EbitdaYears]),
  ];
}

describe('mining revenue follows the network', () => {
  it('rises (never falls) with the BTC price', () => {
    fc.assert(
      fc.property(siteArb, minerArb, networkArb, num(1.001, 10), (site, miner, network, factor) => {
        const low = mine(site, miner, network);
        const high = mine(site, miner, { ...network, btcUsd: network.btcUsd * factor });
        expect(high.revenueUsdPerYear).toBeGreaterThanOrEqual(low.revenueUsdPerYear);
        if (low.hashrateThs > 0) expect(high.revenueUsdPerYear).toBeGreaterThan(low.revenueUsdPerYear);
      }),
      RUNS,
    );
  });

  it('falls (never rises) with difficulty', () => {
    fc.assert(
      fc.property(siteArb, minerArb, networkArb, num(1.001, 10), (site, miner, network, factor) => {
        const easy = mine(site, miner, network);
        const hard = mine(site, miner, { ...network, difficulty: network.difficulty * factor });
        expect(hard.revenueUsdPerYear).toBeLessThanOrEqual(easy.revenueUsdPerYear);
        if (easy.hashrateThs > 0) expect(hard.revenueUsdPerYear).toBeLessThan(easy.revenueUsdPerYear);
      }),
      RUNS,
    );
  });

  it('a more efficient miner (fewer W at the same TH/s) never earns less per kWh on the same site', () => {
    fc.assert(
      fc.property(siteArb, minerArb, networkArb, num(0.3, 0.999), (site, miner, network, wattShare) => {
        const base = mine(site, miner, network);
        const efficient = mine(site, { ...miner, powerW: miner.powerW * wattShare }, network);
        expect(efficient.revenueUsdPerKwh).toBeGreaterThanOrEqual(base.revenueUsdPerKwh);
      }),
      RUNS,
    );
  });

  it('EBITDA recomputed at the breakeven power price is ~0', () => {
    fc.assert(
      fc.property(siteArb, minerArb, networkArb, (site, miner, network) => {
        const e = mine(site, miner, network);
        fc.pre(e.hashrateThs > 0);
        const at = mine(
          { ...site, powerUsdPerKwh: e.breakevens.powerUsdPerKwh ?? Number.NaN },
          miner,
          network,
        );
        expect(Math.abs(at.ebitdaUsdPerYear)).toBeLessThanOrEqual(1e-9 * e.revenueUsdPerYear);
      }),
      RUNS,
    );
  });
});

const leaseArb = fc.record({
  siteMw: num(0.05, 1000),
  pueAi: num(1.05, 1.6),
  leaseUsdPerKwMonth: num(50, 300),
  occupancy: num(0.05, 1),
  landlordPaysPower: fc.boolean(),
  powerUsdPerKwh: num(0, 0.5),
  otherOpexShare: num(0, 0.5),
  fitOutUsdPerMwIt: num(0, 20e6),
});

const cloudArb = fc.record({
  siteMw: num(0.05, 1000),
  pueAi: num(1.05, 1.6),
  kwPerGpu: num(0.5, 2.5),
  gpuUsdPerHour: num(0.05, 15),
  utilization: num(0.05, 1),
  powerUsdPerKwh: num(0, 0.5),
  otherOpexShare: num(0, 0.9),
  capexUsdPerGpu: num(0, 60_000),
  fitOutUsdPerMwIt: num(0, 20e6),
});

describe('capex / year-1 EBITDA', () => {
  // Never paid back when EBITDA <= 0, whatever the capex; nothing to pay back with no capex (null, never 0);
  // otherwise capex / EBITDA.
  const check = (e: OptionEconomics) => {
    expect(e.capexOverYear1EbitdaYears === null).toBe(e.ebitdaUsdPerYear <= 0 || e.capexUsd <= 0);
    if (e.capexOverYear1EbitdaYears !== null)
      expect(e.capexOverYear1EbitdaYears).toBeCloseTo(e.capexUsd / e.ebitdaUsdPerYear, 9);
  };

  it('is null iff EBITDA <= 0 or no capex (mining)', () => {
    fc.assert(
      fc.property(siteArb, minerArb, networkArb, (s, m, n) => check(mine(s, m, n))),
      RUNS,
    );
  });

  it('is null iff EBITDA <= 0 or no capex (lease)', () => {
    fc.assert(
      fc.property(leaseArb, (inputs) => check(leaseEconomics(inputs))),
      RUNS,
    );
  });

  it('is null iff EBITDA <= 0 or no capex (GPU cloud)', () => {
    fc.assert(
      fc.property(cloudArb, (inputs) => check(gpuCloudEconomics(inputs))),
      RUNS,
    );
  });
});

describe('no NaN or Infinity for valid positive inputs', () => {
  const allFinite = (values: number[]) => {
    for (const v of values) expect(Number.isFinite(v)).toBe(true);
  };

  it('mining', () => {
    fc.assert(
      fc.property(siteArb, minerArb, networkArb, (site, miner, network) => {
        const e = mine(site, miner, network);
        const { powerUsdPerKwh, hashpriceUsdPerPhDay, btcUsd } = e.breakevens;
        allFinite([...numericFields(e), e.hashrateThs]);
        for (const v of [e.efficiencyJPerTh, powerUsdPerKwh, hashpriceUsdPerPhDay, btcUsd])
          if (v !== null) allFinite([v]);
        for (const a of e.fleet) allFinite([a.units, a.hashrateThs, a.powerMw, a.efficiencyJPerTh]);
      }),
      RUNS,
    );
  });

  it('lease', () => {
    fc.assert(
      fc.property(leaseArb, (inputs) => allFinite(numericFields(leaseEconomics(inputs)))),
      RUNS,
    );
  });

  it('GPU cloud', () => {
    fc.assert(
      fc.property(cloudArb, (inputs) => allFinite(numericFields(gpuCloudEconomics(inputs)))),
      RUNS,
    );
  });

  it('hashprice', () => {
    fc.assert(
      fc.property(networkArb, (network) => {
        const hp = computeHashprice(network);
        allFinite(Object.values(hp));
        expect(hp.feeShare).toBeGreaterThanOrEqual(0);
        expect(hp.feeShare).toBeLessThan(1);
      }),
      RUNS,
    );
  });
});

describe('protocol invariants', () => {
  it('subsidy never rises, and halves exactly (integer shift) across a halving', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 14_000_000 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        (h, step) => {
          expect(subsidySats(h + step)).toBeLessThanOrEqual(subsidySats(h));
          expect(subsidySats(h + 210_000)).toBe(Math.floor(subsidySats(h) / 2));
        },
      ),
      RUNS,
    );
  });

  it('a retarget moves difficulty by at most x4 either way', () => {
    fc.assert(
      fc.property(num(1, 1e15), num(1, 1e8), (d, timespan) => {
        const next = retargetDifficulty(d, timespan);
        expect(next).toBeLessThanOrEqual(4 * d * (1 + 1e-12));
        expect(next).toBeGreaterThanOrEqual((d / 4) * (1 - 1e-12));
      }),
      RUNS,
    );
  });

  it('difficulty -> hashrate -> difficulty round trips', () => {
    fc.assert(
      fc.property(num(1, 1e18), (d) => {
        expect(Math.abs(difficultyForHashrate(impliedHashrateHs(d)) / d - 1)).toBeLessThan(1e-12);
      }),
      RUNS,
    );
  });
});

describe('powersOf (the logarithm taken once)', () => {
  it('is power(base, exponent) to the bit, for positive, zero and negative bases and exponents 0 and 1', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.double({ min: -10, max: 10, noNaN: true }), fc.constantFrom(0, 1, 0.5, 1.01)),
        fc.oneof(fc.double({ min: -500, max: 500, noNaN: true }), fc.constantFrom(0, 1, 2, 1 / 12)),
        // A boolean property (fast-check reports the counterexample): cheaper than an expect() per run.
        (base, exponent) => Object.is(powersOf(base)(exponent), power(base, exponent)),
      ),
      { numRuns: 2000 },
    );
  });
});
