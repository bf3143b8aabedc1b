/** What the network sees when hashrate leaves: the worked cases of FACTS section 9, the clamp, concentration. */
import { describe, expect, it } from 'vitest';
import { concentration, exodus, sharesAfterLeaving } from '../../src/core/network.js';

const D = 152_271_406_129_092;
const H0 = (D * 2 ** 32) / 600; // difficulty-implied: blocks at exactly 600 s

describe('exodus', () => {
  it('reproduces the worked case: 20% leaves halfway through an epoch', () => {
    const r = exodus({
      networkHashrateHs: H0,
      leavingHashrateHs: 0.2 * H0,
      blocksIntoEpoch: 1008,
      difficulty: D,
      hashpriceUsdPerPhDay: 35,
    });
    expect(r.leavingShare).toBeCloseTo(0.2, 12);
    expect(r.blockIntervalBeforeSec).toBeCloseTo(600, 9);
    // tau1 = 600 / 0.8 = 750 s; 1008 blocks left: 756,000 s = 8.75 days
    expect(r.blockIntervalAfterSec).toBeCloseTo(750, 9);
    expect(r.secondsToRetarget).toBeCloseTo(756_000, 3);
    expect(r.secondsToRetarget / 86_400).toBeCloseTo(8.75, 9);
    expect(r.retargetDelaySec).toBeCloseTo(1008 * 150, 3);
    expect(r.secondsToRetargetSd).toBeCloseTo(Math.sqrt(1008) * 750, 3);
    // span = 1007 x 600 + 1008 x 750 = 1,360,200 s; 1,209,600 / 1,360,200 = 0.88929: -11.07%
    expect(r.difficultyChange).toBeCloseTo(1_209_600 / 1_360_200 - 1, 12);
    expect(r.difficultyChange).toBeCloseTo(-0.1107, 4);
    expect(r.clamped).toBe(false);
    // The miners who stay: +12.45% per PH/s after the retarget (1 / 0.88929).
    expect(r.hashpriceUpliftAfterRetarget).toBeCloseTo(1_360_200 / 1_209_600 - 1, 12);
    expect(r.hashpriceAfterRetargetUsdPerPhDay).toBeCloseTo(35 * (1_360_200 / 1_209_600), 9);
  });

  it('states both retargets: the first sees the old rate for part of the epoch, the one after catches up', () => {
    // 341 MW of S21 XP: 24.056 EH/s of the difficulty-implied 1,090.0 EH/s (X = 2.207%), 1,765 blocks in.
    // First: span 1764 x 600 + 251 x 600 / (1 - X) s against 2016 x 600: about -0.23%. The epoch after runs
    // at D1 with H0 (1 - X): its 2015 intervals take 2015 x D1 2^32 / (H0 (1 - X)), so
    // D2 = D1 x 2016 x 600 / that = (2016 / 2015) x D x (1 - X): from now, (2016/2015)(1 - X) - 1 = -2.16%,
    // whatever the first step was (unclamped). Before, the summary stated only the first step ("0.2%").
    const x = 24_056_190 / 1e6 / ((D * 2 ** 32) / 600 / 1e18);
    const r = exodus({
      networkHashrateHs: H0,
      leavingHashrateHs: x * H0,
      blocksIntoEpoch: 1765,
      difficulty: D,
      hashpriceUsdPerPhDay: 35,
    });
    const span = 1764 * 600 + (251 * 600) / (1 - x);
    expect(r.difficultyChange).toBeCloseTo(1_209_600 / span - 1, 12);
    expect(r.difficultyChange).toBeCloseTo(-0.0023, 4);
    const fromNow = (2016 / 2015) * (1 - x) - 1;
    expect(r.nextEpoch.difficultyChangeFromNow).toBeCloseTo(fromNow, 12);
    expect(r.nextEpoch.difficultyChangeFromNow).toBeCloseTo(-0.0216, 4);
    expect((1 + r.difficultyChange) * (1 + r.nextEpoch.difficultyChange) - 1).toBeCloseTo(fromNow, 12);
    expect(r.nextEpoch.hashpriceUpliftFromNow).toBeCloseTo(1 / (1 + fromNow) - 1, 12);
  });

  it('reaches the 4x clamp when 90% leaves at the start of an epoch, and the epoch after recovers further', () => {
    const r = exodus({
      networkHashrateHs: H0,
      leavingHashrateHs: 0.9 * H0,
      blocksIntoEpoch: 0,
      difficulty: D,
      hashpriceUsdPerPhDay: 35,
    });
    // tau1 = 6,000 s; span 2015 x 6,000 = 12.09M s, over 4 x 1,209,600: clamped, difficulty / 4.
    expect(r.blockIntervalAfterSec).toBeCloseTo(6000, 9);
    expect(r.clamped).toBe(true);
    expect(r.difficultyChange).toBeCloseTo(-0.75, 12);
    // Next epoch: D / 4 at 10% of the hashrate: 1,500 s blocks; 2015 x 1,500 = 3,022,500 s -> x0.40020.
    expect(r.nextEpoch.blockIntervalSec).toBeCloseTo(1500, 9);
    expect(r.nextEpoch.difficultyChange).toBeCloseTo(1_209_600 / 3_022_500 - 1, 12);
    expect(r.nextEpoch.clamped).toBe(false);
    expect(r.hashpriceUpliftAfterRetarget).toBeCloseTo(3, 12);
  });

  it("prices an hour of the network's work before and after", () => {
    const r = exodus({
      networkHashrateHs: H0,
      leavingHashrateHs: 0.2 * H0,
      blocksIntoEpoch: 1008,
      difficulty: D,
      hashpriceUsdPerPhDay: 35,
    });
    // 1,090 EH/s = 1,090,000 PH/s x $35 / 24 = $1.59M an hour
    expect(r.networkRevenueUsdPerHour.before).toBeCloseTo((H0 / 1e15) * (35 / 24), 3);
    expect(r.networkRevenueUsdPerHour.untilRetarget).toBeCloseTo(0.8 * r.networkRevenueUsdPerHour.before, 3);
    expect(r.networkRevenueUsdPerHour.afterRetarget).toBeCloseTo(
      0.8 * r.networkRevenueUsdPerHour.before * (1 + r.hashpriceUpliftAfterRetarget),
      3,
    );
  });

  it('rejects a drop of everything and an epoch position out of range', () => {
    expect(() =>
      exodus({
        networkHashrateHs: H0,
        leavingHashrateHs: H0,
        blocksIntoEpoch: 0,
        difficulty: D,
        hashpriceUsdPerPhDay: 1,
      }),
    ).toThrow(RangeError);
    expect(() =>
      exodus({
        networkHashrateHs: H0,
        leavingHashrateHs: 1,
        blocksIntoEpoch: 2016,
        difficulty: D,
        hashpriceUsdPerPhDay: 1,
      }),
    ).toThrow(RangeError);
  });
});

describe('pool concentration', () => {
  const table = [
    { name: 'A', share: 0.4 },
    { name: 'B', share: 0.2 },
    { name: 'C', share: 0.2 },
    { name: 'D', share: 0.1 },
    { name: 'E', share: 0.1 },
  ];

  it('has the Nakamoto coefficient and HHI of a hand-made table', () => {
    const c = concentration(table);
    // 0.4 alone is not a majority; 0.4 + 0.2 = 0.6 is: 2 pools. HHI = 0.16 + 0.04 + 0.04 + 0.01 + 0.01 = 0.26.
    expect(c.nakamotoCoefficient).toBe(2);
    expect(c.hhi).toBeCloseTo(0.26, 12);
    expect(c.topPool).toBe('A');
    expect(c.topShare).toBe(0.4);
    expect(c.top2Share).toBeCloseTo(0.6, 12);
  });

  it('after a fifth of the network leaves pool A: A 0.25, B 0.25, C 0.25, D and E 0.125', () => {
    const after = concentration(sharesAfterLeaving(table, 'A', 0.2));
    // 0.25 + 0.25 = 0.5 is not more than half: 3 pools. HHI = 3 x 0.0625 + 2 x 0.015625 = 0.21875.
    expect(after.nakamotoCoefficient).toBe(3);
    expect(after.hhi).toBeCloseTo(0.21875, 12);
  });
});
