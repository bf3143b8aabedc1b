/**
 * The network that answers hashprice (issue 19, "a network that responds"): hand-worked months of the model,
 * the chain driven by it, and the backtest's errors within what docs/model.md states (embedded data only).
 */
import { describe, expect, it } from 'vitest';
import { BTC_MONTHLY_CLOSE_USD } from '../../src/catalog/btc-monthly.js';
import { DIFFICULTY_EPOCHS } from '../../src/catalog/difficulty-epochs.js';
import { NETWORK_MODEL } from '../../src/catalog/network-model.js';
import { BACKTEST_FEES_BTC_PER_BLOCK, BACKTEST_WINDOWS, backtestWindow } from '../../src/core/backtest.js';
import { projectChain } from '../../src/core/chain.js';
import {
  deploymentEhs,
  fleetMeanJPerTh,
  meanPowerUsdPerKwh,
  NetworkModel,
  type NetworkModelParams,
  newMachinePaybackMonths,
  unprofitableShare,
} from '../../src/core/network-model.js';

/**
 * Two bands, one power tier each at $0.05/kWh:
 *   20 J/TH costs 24 x 20 x 0.05 = $24 per PH/s a day; 30 J/TH costs 24 x 30 x 0.05 = $36.
 * New machines: 15 J/TH at $0.05 cost $18/PH/day; $20/TH; 24-month payback time; at most 10 EH/s a month.
 */
const P: NetworkModelParams = {
  bands: [
    { jPerTh: 20, share: 0.5 },
    { jPerTh: 30, share: 0.5 },
  ],
  powerTiers: [{ usdPerKwh: 0.05, share: 1 }],
  offLagMonths: 2,
  newJPerTh: 15,
  newUsdPerTh: 20,
  newPowerUsdPerKwh: 0.05,
  paybackMonths: 24,
  maxDeployEhsPerMonth: 10,
};

describe('network model, by hand', () => {
  it("the fleet's mean efficiency, mean power price and share under water", () => {
    // 0.5 x 20 + 0.5 x 30 = 25 J/TH; one tier: $0.05/kWh.
    expect(fleetMeanJPerTh(P)).toBe(25);
    expect(meanPowerUsdPerKwh(P)).toBe(0.05);
    // Costs $24 and $36 per PH/s a day: at $40 none loses, at $30 the 30 J/TH half, at $20 both.
    expect(unprofitableShare(P, 40)).toBe(0);
    expect(unprofitableShare(P, 30)).toBe(0.5);
    expect(unprofitableShare(P, 20)).toBe(1);
  });

  it('a crash switches off the bands that lose money, after the lag', () => {
    // $40 today: both bands earn; 1,000 EH/s online, 500 each. Payback of a new machine at $40:
    // margin (40 - 18) / 1000 = $0.022/TH/day, 0.022 x 365/12 = $0.669/month, 20 / 0.669 = 29.9 months > 24:
    // nothing deployed.
    const m = new NetworkModel(P, 1000, 40);
    expect(m.step(40)).toBeCloseTo(1000, 9);
    expect(m.deployedEhs).toBe(0);
    // $30: the 30 J/TH band ($36) loses money; lag 2: on in the first losing month, off in the second.
    expect(m.step(30)).toBeCloseTo(1000, 9);
    expect(m.step(30)).toBeCloseTo(500, 9);
    // $20: the 20 J/TH band ($24) loses too: off after two months.
    expect(m.step(20)).toBeCloseTo(500, 9);
    expect(m.step(20)).toBeCloseTo(0, 9);
    // Back to $40: both earn again and switch on at once.
    expect(m.step(40)).toBeCloseTo(1000, 9);
  });

  it('a rally adds hashrate at no more than the maximum rate', () => {
    // $100: margin (100 - 18) / 1000 = 0.082/TH/day, x 30.4167 = $2.494/month, payback 8.02 months <= 12
    // (half of 24): the full 10 EH/s.
    expect(newMachinePaybackMonths(P, 100)).toBeCloseTo(20 / ((82 / 1000) * (365 / 12)), 9);
    expect(deploymentEhs(P, 100)).toBe(10);
    // $50: margin 0.032 -> $0.9733/month, payback 20.55 months: 10 x 2 x (1 - 20.55/24) = 2.877 EH/s.
    const payback = 20 / ((32 / 1000) * (365 / 12));
    expect(deploymentEhs(P, 50)).toBeCloseTo(10 * 2 * (1 - payback / 24), 9);
    const m = new NetworkModel(P, 1000, 100);
    let previous = 1000;
    for (let i = 0; i < 12; i++) {
      const now = m.step(1e6);
      expect(now - previous).toBeLessThanOrEqual(10 + 1e-9);
      previous = now;
    }
    expect(previous).toBeCloseTo(1120, 9);
    // Below the new machines' power cost ($18) nothing is deployed.
    expect(deploymentEhs(P, 17)).toBe(0);
  });

  it("today: cells losing money at today's hashprice are already off, the rest run today's hashrate", () => {
    // $30: only the 20 J/TH band earns; its half of the installed fleet is today's 600 EH/s: 1,200 installed.
    const m = new NetworkModel(P, 600, 30);
    expect(m.installedEhs()).toBeCloseTo(1200, 9);
    expect(m.step(30)).toBeCloseTo(600, 9);
    expect(m.step(40)).toBeCloseTo(1200, 9);
  });
});

describe('the chain with the model', () => {
  const base = {
    heightBlocks: 930_000,
    difficulty: 146e12,
    btcUsd: 91_000,
    avgFeesBtcPerBlock: 0.017,
    difficultyGrowthPerMonth: 0.014,
    btcGrowthPerYear: 0,
    feesGrowthPerYear: 0,
    months: 60,
  };
  it('reports each month its hashrate, difficulty and hashprice; after the 2028 halving the network shrinks', () => {
    const chain = projectChain({ ...base, networkModel: NETWORK_MODEL });
    for (const m of chain.months) {
      expect(m.networkHashrateEhs).toBeGreaterThan(0);
      expect(Number.isFinite(m.difficulty)).toBe(true);
    }
    const halving = chain.months.findIndex((m) => m.halving);
    const before = chain.months[halving - 1]?.networkHashrateEhs ?? 0;
    const after = chain.months[halving + 3]?.networkHashrateEhs ?? 0;
    expect(after).toBeLessThan(before);
    // The difficulty follows down: the hashprice a year after the halving is above the trend's.
    const trend = projectChain(base);
    expect(chain.months[halving + 12]?.hashpriceUsdPerPhDay).toBeGreaterThan(
      trend.months[halving + 12]?.hashpriceUsdPerPhDay ?? 0,
    );
  });
  it('without the model the trend is as before', () => {
    const chain = projectChain(base);
    const h0 = (146e12 * 2 ** 32) / 600 / 1e18;
    expect(chain.months[11]?.networkHashrateEhs).toBeCloseTo(h0 * 1.014 ** 12, 6);
  });
});

describe('the embedded network carried to today', () => {
  it('stands still under the catalog model at the embedded hashprice ($31.79: the July 2026 close)', () => {
    // (3.125 + 17/1008) x 62,829.09 x 86400e15 / (124,932,866,006,548.16 x 2^32) = $31.785/PH/day.
    const h = ((3.125 + 17 / 1008) * 62_829.09 * 86400e15) / (124_932_866_006_548.16 * 2 ** 32);
    expect(h).toBeCloseTo(31.785, 3);
    // A new S21 XP at $0.045/kWh costs 24 x 13.5 x 0.045 = $14.58/PH/day; margin (31.785 - 14.58) / 1000 =
    // $0.017205/TH/day, x 365/12 = $0.52332/month: 25.7 / 0.52332 = 49.1 months > 36: nothing deployed.
    expect(newMachinePaybackMonths(NETWORK_MODEL, h)).toBeCloseTo(49.11, 1);
    expect(deploymentEhs(NETWORK_MODEL, h)).toBe(0);
    // No cell changes state at a constant hashprice: the hashrate online stays today's, month after month.
    const m = new NetworkModel(NETWORK_MODEL, 894.3, h);
    for (let month = 0; month < 6; month++) expect(m.step(h)).toBeCloseTo(894.3, 9);
  });
});

describe('the backtest (embedded epochs and monthly closes)', () => {
  const epochs = DIFFICULTY_EPOCHS.map(([startHeight, startTimeUnix, difficulty]) => ({
    startHeight,
    startTimeUnix,
    difficulty,
  }));
  // docs/model.md: mean |error| within 10% and the largest within 20% in every window.
  it.each(BACKTEST_WINDOWS)('window from %s: errors within the stated bounds', (from) => {
    const w = backtestWindow(NETWORK_MODEL, epochs, BTC_MONTHLY_CLOSE_USD, from, BACKTEST_FEES_BTC_PER_BLOCK);
    expect(w.months.length).toBeGreaterThanOrEqual(6);
    expect(w.meanAbsError).toBeLessThan(0.1);
    expect(w.maxAbsError).toBeLessThan(0.2);
  });
});
