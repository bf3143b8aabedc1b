/**
 * The network model's catalog parameters against the dated public figures they rest on
 * (src/catalog/network-model.ts, NETWORK_MODEL_SOURCES): each derived figure recomputed by hand here.
 */
import { describe, expect, it } from 'vitest';
import {
  derivedFleetMeanJPerTh2025,
  impliedJPerTh,
  NETWORK_MODEL,
  NETWORK_MODEL_SOURCES as S,
} from '../../src/catalog/network-model.js';
import { fleetMeanJPerTh, meanPowerUsdPerKwh, unprofitableShare } from '../../src/core/network-model.js';

describe('the bands rest on Hashrate Index revenue per MWh', () => {
  it('the implied efficiencies, by hand', () => {
    // e = hashprice x 1000 / (24 x $/MWh): 39.53 x 1000 / (24 x 97) = 39,530 / 2,328 = 16.98 J/TH;
    // / (24 x 75) = 39,530 / 1,800 = 21.96; / (24 x 51) = 39,530 / 1,224 = 32.30;
    // 2026-08-17: 31.89 x 1000 / (24 x 107) = 31,890 / 2,568 = 12.42.
    expect(impliedJPerTh(S.hashprice20260112.value, S.revenueUnder19.value)).toBeCloseTo(16.98, 2);
    expect(impliedJPerTh(S.hashprice20260112.value, S.revenue19to25.value)).toBeCloseTo(21.96, 2);
    expect(impliedJPerTh(S.hashprice20260112.value, S.revenue25to38.value)).toBeCloseTo(32.3, 2);
    expect(impliedJPerTh(S.hashprice20260817.value, S.revenueUnder14.value)).toBeCloseTo(12.42, 2);
  });
  it("each band's efficiency is within 0.5 J/TH of its implied one", () => {
    const implied = [
      impliedJPerTh(S.hashprice20260817.value, S.revenueUnder14.value),
      impliedJPerTh(S.hashprice20260112.value, S.revenueUnder19.value),
      impliedJPerTh(S.hashprice20260112.value, S.revenue19to25.value),
      impliedJPerTh(S.hashprice20260112.value, S.revenue25to38.value),
    ];
    NETWORK_MODEL.bands.forEach((b, i) => {
      expect(Math.abs(b.jPerTh - (implied[i] as number))).toBeLessThan(0.5);
    });
  });
});

describe('the shares match the sourced mean; the tiers the sourced power cost and loss share', () => {
  it('the derived late-2025 mean, by hand', () => {
    // 176.69e12 Wh / 8,760 h = 20.170e9 W; / 811e6 TH/s = 24.870 J/TH (March 2025).
    // (811 x 24.870 + (1,090 - 811) x 15) / 1,090 = (20,169.6 + 4,185) / 1,090 = 22.344 J/TH.
    expect(derivedFleetMeanJPerTh2025()).toBeCloseTo(22.344, 2);
  });
  it("the bands' mean is within 0.5 J/TH of it", () => {
    // 0.1 x 12.5 + 0.3 x 17 + 0.3 x 22 + 0.3 x 32 = 1.25 + 5.1 + 6.6 + 9.6 = 22.55 J/TH.
    expect(fleetMeanJPerTh(NETWORK_MODEL)).toBeCloseTo(22.55, 9);
    expect(Math.abs(fleetMeanJPerTh(NETWORK_MODEL) - derivedFleetMeanJPerTh2025())).toBeLessThan(0.5);
    // Below Cambridge's 2024 mean (28.2 J/TH): the fleet has improved since.
    expect(fleetMeanJPerTh(NETWORK_MODEL)).toBeLessThan(S.networkEfficiency2024.value);
  });
  it("the tiers' mean is within half a cent of Cambridge's median delivered cost", () => {
    // 0.25 x 0.025 + 0.35 x 0.04 + 0.25 x 0.055 + 0.15 x 0.07 = 0.00625 + 0.014 + 0.01375 + 0.0105 = 0.0445.
    expect(meanPowerUsdPerKwh(NETWORK_MODEL)).toBeCloseTo(0.0445, 9);
    expect(Math.abs(meanPowerUsdPerKwh(NETWORK_MODEL) - S.medianPowerUsdPerMwh.value / 1000)).toBeLessThan(
      0.005,
    );
  });
  it("the share under water at $33 is in CoinShares' 15-20%", () => {
    // Cost 24 x e x p above $33: 22 J/TH at $0.07 (36.96): 0.3 x 0.15 = 0.045; 32 J/TH at $0.04 (30.72) is
    // under, at $0.055 (42.24) and $0.07 (53.76) over: 0.3 x (0.25 + 0.15) = 0.12. Total 0.165.
    expect(unprofitableShare(NETWORK_MODEL, 33)).toBeCloseTo(0.165, 9);
    expect(unprofitableShare(NETWORK_MODEL, 33)).toBeGreaterThanOrEqual(0.15);
    expect(unprofitableShare(NETWORK_MODEL, 33)).toBeLessThanOrEqual(0.2);
  });
});
