/**
 * Hashprice. Expected values are the public vectors of reference facts section 2, or hand calculations
 * from the definition: BTC per PH/s per day = 86400 * 1e15 / (D * 2^32) * (subsidy + fees).
 */
import { describe, expect, it } from 'vitest';
import {
  computeHashprice,
  computeHashpriceFromHashrate,
  hashpriceBtcPerPhDay,
  hashpriceBtcPerPhDayFromHashrate,
} from '../../src/core/hashprice.js';

/** |actual / expected - 1| < rel */
function expectRel(actual: number, expected: number, rel = 1e-9): void {
  expect(Math.abs(actual / expected - 1)).toBeLessThan(rel);
}

describe('difficulty-based hashprice', () => {
  it('matches the Foundry USA payout FAQ vector: 0.0058619 BTC per PH/s per day', () => {
    // D = 21448277761059, subsidy 6.25, fees 0
    expect(hashpriceBtcPerPhDay(21_448_277_761_059, 6.25)).toBeCloseTo(0.005_861_9, 7);
    const hp = computeHashprice({
      difficulty: 21_448_277_761_059,
      subsidyBtc: 6.25,
      avgFeesBtcPerBlock: 0,
      btcUsd: 30_000,
    });
    expect(hp.hashpriceBtcPerPhDay).toBeCloseTo(0.005_861_9, 7);
    // per TH/s: 0.0058619 / 1000 = 5.8619e-6 BTC = 586.19 sats
    expect(hp.hashpriceBtcPerThDay).toBeCloseTo(5.861_9e-6, 10);
    expect(hp.hashpriceSatsPerThDay).toBeCloseTo(586.19, 2);
    // x $30000: 0.0058619 x 30000 = $175.86/PH/day = $0.17586/TH/day
    expect(hp.hashpriceUsdPerPhDay).toBeCloseTo(175.86, 1);
    expect(hp.hashpriceUsdPerThDay).toBeCloseTo(0.175_86, 4);
    expect(hp.feeShare).toBe(0);
  });

  it('computes a round-number case by hand', () => {
    // D = 1e14: 86400e15 / (1e14 x 4294967296) = 2.011656761e-4 per BTC of reward; x 3.125 = 6.28642738e-4
    expectRel(hashpriceBtcPerPhDay(1e14, 3.125), 6.286_427_378_654_48e-4);
    // Halving the difficulty doubles it; doubling the reward doubles it.
    expectRel(hashpriceBtcPerPhDay(0.5e14, 3.125), 2 * 6.286_427_378_654_48e-4);
    expectRel(hashpriceBtcPerPhDay(1e14, 6.25), 2 * 6.286_427_378_654_48e-4);
  });

  it('adds fees to the subsidy and reports their share', () => {
    // subsidy 3.125 + fees 0.125 = 3.25; share = 0.125 / 3.25 = 0.0384615
    const hp = computeHashprice({
      difficulty: 1e14,
      subsidyBtc: 3.125,
      avgFeesBtcPerBlock: 0.125,
      btcUsd: 100_000,
    });
    expect(hp.feeShare).toBeCloseTo(0.038_461_5, 7);
    // 2.011656761e-4 x 3.25 = 6.53788447e-4 BTC/PH/day; x 100000 = $65.3788/PH/day
    expectRel(hp.hashpriceBtcPerPhDay, 6.537_884_473_800_66e-4);
    expect(hp.hashpriceUsdPerPhDay).toBeCloseTo(65.378_84, 4);
  });

  it('reports feeShare 0, not NaN, when the reward is 0', () => {
    const hp = computeHashprice({ difficulty: 1e14, subsidyBtc: 0, avgFeesBtcPerBlock: 0, btcUsd: 100_000 });
    expect(hp.feeShare).toBe(0);
    expect(hp.hashpriceUsdPerPhDay).toBe(0);
  });

  it('is linear in the BTC price', () => {
    const at = (btcUsd: number) =>
      computeHashprice({ difficulty: 1e14, subsidyBtc: 3.125, avgFeesBtcPerBlock: 0.02, btcUsd })
        .hashpriceUsdPerPhDay;
    expectRel(at(120_000), 1.5 * at(80_000));
  });
});

describe('hashrate-based hashprice', () => {
  it('matches tylerkstevens: 3.125 BTC, 800 EH/s -> 56.25 sats/TH/day and $0.05625/TH/day at $100000', () => {
    // 144 x 3.125 x 1e15 / 8e20 = 5.625e-4 BTC/PH/day = 5.625e-7 BTC/TH/day = 56.25 sats/TH/day
    expectRel(hashpriceBtcPerPhDayFromHashrate(8e20, 3.125), 5.625e-4);
    const hp = computeHashpriceFromHashrate({
      networkHashrateHs: 8e20,
      subsidyBtc: 3.125,
      avgFeesBtcPerBlock: 0,
      btcUsd: 100_000,
    });
    expect(hp.hashpriceSatsPerThDay).toBeCloseTo(56.25, 6);
    expect(hp.hashpriceUsdPerThDay).toBeCloseTo(0.056_25, 8);
    expect(hp.hashpriceUsdPerPhDay).toBeCloseTo(56.25, 6); // 1 $/TH/day = 1000 $/PH/day
  });

  it('matches tylerkstevens: a 10% fee share (total 3.125 / 0.9) -> 62.5 sats/TH/day', () => {
    const total = 3.125 / 0.9;
    const hp = computeHashpriceFromHashrate({
      networkHashrateHs: 8e20,
      subsidyBtc: 3.125,
      avgFeesBtcPerBlock: total - 3.125,
      btcUsd: 100_000,
    });
    expect(hp.hashpriceSatsPerThDay).toBeCloseTo(62.5, 6);
    expect(hp.feeShare).toBeCloseTo(0.1, 12);
  });

  it('matches the btcmath pytest: 312500000 + 5000000 sats, 9.5e20 H/s, $80000 -> 48126.3 sats/PH/day, $38.501', () => {
    const hp = computeHashpriceFromHashrate({
      networkHashrateHs: 9.5e20,
      subsidyBtc: 3.125,
      avgFeesBtcPerBlock: 0.05,
      btcUsd: 80_000,
    });
    // sats per PH/day = BTC/PH/day x 1e8
    expect(hp.hashpriceBtcPerPhDay * 1e8).toBeCloseTo(48_126.3, 1);
    expect(hp.hashpriceUsdPerPhDay).toBeCloseTo(38.501, 3);
    // and the per-TH figure is a thousandth: 48126.3 sats/PH = 48.1263 sats/TH
    expect(hp.hashpriceSatsPerThDay).toBeCloseTo(48.126_3, 4);
  });

  it('matches the public vitest: $84714, 964 EH/s, 3.125 + 0.027 -> $39.8866/PH/day', () => {
    const hp = computeHashpriceFromHashrate({
      networkHashrateHs: 964e18,
      subsidyBtc: 3.125,
      avgFeesBtcPerBlock: 0.027,
      btcUsd: 84_714,
    });
    expect(hp.hashpriceUsdPerPhDay).toBeCloseTo(39.886_6, 4);
  });

  it('matches libai: 3.125 BTC, 1000 EH/s -> 4.5e-7 BTC/TH/day, $45/PH/day at $100000', () => {
    const hp = computeHashpriceFromHashrate({
      networkHashrateHs: 1e21,
      subsidyBtc: 3.125,
      avgFeesBtcPerBlock: 0,
      btcUsd: 100_000,
    });
    expect(hp.hashpriceBtcPerThDay).toBeCloseTo(4.5e-7, 12);
    expect(hp.hashpriceUsdPerPhDay).toBeCloseTo(45, 9);
  });
});

describe('difficulty-based vs hashrate-based', () => {
  it('agree when the hashrate estimate equals D * 2^32 / 600', () => {
    // D = 1e14 -> 1e14 x 4294967296 / 600 = 7.158278826666667e20 H/s
    const byDifficulty = hashpriceBtcPerPhDay(1e14, 3.125);
    const byHashrate = hashpriceBtcPerPhDayFromHashrate(7.158_278_826_666_668e20, 3.125);
    expectRel(byHashrate, byDifficulty, 1e-12);
  });

  it('differ by the ratio of the estimate to the implied hashrate', () => {
    // An estimate 10% above the implied hashrate gives a hashprice 1/1.1 of the difficulty-based one.
    const byHashrate = hashpriceBtcPerPhDayFromHashrate(1.1 * 7.158_278_826_666_668e20, 3.125);
    expectRel(byHashrate, 6.286_427_378_654_48e-4 / 1.1);
  });

  it('the 1000 EH/s libai network has difficulty 1.39698e14 and gives $45/PH/day either way', () => {
    // D = 1e21 x 600 / 2^32 = 139698386192321.78
    const hp = computeHashprice({
      difficulty: 139_698_386_192_321.78,
      subsidyBtc: 3.125,
      avgFeesBtcPerBlock: 0,
      btcUsd: 100_000,
    });
    expect(hp.hashpriceUsdPerPhDay).toBeCloseTo(45, 9);
  });
});
