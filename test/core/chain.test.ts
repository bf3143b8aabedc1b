/**
 * The chain integrates the hashrate's growth exactly within each segment (issue 18, "small truths"): checked
 * against the closed form, with the working shown.
 *
 * With the network hashrate growing continuously at g a month, H(t) = H0 e^(k t), k = ln(1 + g) / month (in
 * seconds). A segment of N blocks at difficulty D takes the time tau that solves
 *   integral from t0 to t0 + tau of H0 e^(k t) dt = N D 2^32
 *   H(t0) (e^(k tau) - 1) / k = N D 2^32
 *   tau = ln(1 + N k D 2^32 / H(t0)) / k.
 * Taking the hashrate at the segment's start instead (tau = N D 2^32 / H(t0), what the chain did before) makes
 * each epoch last too long by about half an epoch's growth: difficulty ~0.2% low at +1%/month.
 */
import { describe, expect, it } from 'vitest';
import { retargetDifficulty } from '../../src/core/bitcoin.js';
import { MONTH_SEC, projectChain, segmentClock } from '../../src/core/chain.js';

const D = 152_271_406_129_092;
const TWO32 = 2 ** 32;
const EPOCH = 2016;

const chainFrom = (heightBlocks: number, growth: number, months: number) =>
  projectChain({
    heightBlocks,
    difficulty: D,
    btcUsd: 84_775,
    avgFeesBtcPerBlock: 0,
    difficultyGrowthPerMonth: growth,
    btcGrowthPerYear: 0,
    feesGrowthPerYear: 0,
    months,
  });

describe('the chain integrates hashrate growth within a segment (closed form)', () => {
  it('two epochs at +1%/month from an epoch start: the retargets and the month-end height of the closed form', () => {
    const g = 0.01;
    const k = Math.log(1 + g) / MONTH_SEC;
    // Height 925,344 = 459 x 2016 is an epoch's first block; the next halving (1,050,000) is far away.
    const start = 459 * EPOCH;
    // Today's hashrate is the difficulty's: H0 = D 2^32 / 600.
    const h0 = (D * TWO32) / 600;
    // Epoch 1: 2016 blocks at D from t = 0.
    const tau1 = Math.log(1 + (EPOCH * k * D * TWO32) / h0) / k; // = ln(1 + 2016 x 600 k) / k
    // pow.cpp: the span covers 2015 of the 2016 intervals (scaled as the chain scales it).
    const d1 = retargetDifficulty(D, (tau1 * 2015) / 2016);
    // Epoch 2: 2016 blocks at d1 from t = tau1, where the hashrate is h0 e^(k tau1).
    const h1 = h0 * Math.exp(k * tau1);
    const tau2 = Math.log(1 + (EPOCH * k * d1 * TWO32) / h1) / k;
    const d2 = retargetDifficulty(d1, (tau2 * 2015) / 2016);
    // The rest of month 1 at d2: blocks = H(tau1 + tau2) (e^(k rest) - 1) / (k d2 2^32).
    const rest = MONTH_SEC - tau1 - tau2;
    const h2 = h0 * Math.exp(k * (tau1 + tau2));
    const blocksAfter = (h2 * Math.expm1(k * rest)) / (k * d2 * TWO32);

    const chain = chainFrom(start, g, 1);
    const month = chain.months[0];
    expect(tau1 + tau2).toBeLessThan(MONTH_SEC);
    expect(month?.retargets).toBe(2);
    expect(month?.difficulty).toBeCloseTo(d2, -2); // to the hash-unit: ~1e-13 relative
    expect(Math.abs((month?.difficulty as number) / d2 - 1)).toBeLessThan(1e-12);
    expect(month?.heightBlocks).toBe(Math.floor(start + 2 * EPOCH + blocksAfter));

    // The start-of-segment approximation would have had the first epoch at exactly 2016 x 600 s, so its
    // first retarget at D x 2016/2015: 0.23% below the exact one at +1%/month.
    const approx = (D * 2016) / 2015;
    expect(d1 / approx - 1).toBeGreaterThan(0.002);
    expect(d1 / approx - 1).toBeLessThan(0.0025);
  });

  it('the halving lands where the closed form puts it with a falling hashrate (-5%/month)', () => {
    const g = -0.05;
    const k = Math.log(1 + g) / MONTH_SEC;
    // 1,049,000 is 680 blocks into the epoch from 1,048,320 (520 x 2016); the next retarget is at 1,050,336,
    // after the halving: one segment of 1,000 blocks at D.
    const height = 1_049_000;
    expect(height % EPOCH).toBe(680);
    expect(521 * EPOCH).toBeGreaterThan(1_050_000);
    const h0 = (D * TWO32) / 600;
    const tau = Math.log(1 + (1_000 * k * D * TWO32) / h0) / k;
    const chain = chainFrom(height, g, 1);
    expect(chain.halvingMonth).toBeCloseTo(tau / MONTH_SEC, 12);
    // Longer than 1,000 blocks at 600 s: the hashrate falls while they are found.
    expect(tau).toBeGreaterThan(600_000);
  });

  it('segmentClock: blocksIn and secondsFor are inverses; flat growth is n D 2^32 / H; a decay that never finds the blocks is Infinity', () => {
    const h = (D * TWO32) / 600;
    for (const k of [0, 3.8e-9, -2e-8, 1e-6]) {
      const clock = segmentClock(D, h, k);
      const t = clock.secondsFor(1234.5);
      expect(clock.blocksIn(t)).toBeCloseTo(1234.5, 9);
    }
    expect(segmentClock(D, h, 0).secondsFor(10)).toBe(6000);
    // With H e^(k t), k < 0, at most H / (-k D 2^32) blocks are ever found: with H = D 2^32 / 600 that is
    // 1 / (600 |k|) = 1,666.7 blocks for k = -1e-6.
    expect(segmentClock(D, h, -1e-6).secondsFor(1_666)).toBeLessThan(Number.POSITIVE_INFINITY);
    expect(segmentClock(D, h, -1e-6).secondsFor(1_667)).toBe(Number.POSITIVE_INFINITY);
  });
});
