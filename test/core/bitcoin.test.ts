/**
 * Bitcoin protocol arithmetic. Expected values come from Bitcoin Core's consensus rules
 * (reference facts section 1), the public vectors of section 2, or hand calculations written next to them.
 */
import { describe, expect, it } from 'vitest';
import {
  clampRetargetFactor,
  difficultyForHashrate,
  estimateNextHalving,
  impliedHashrateHs,
  nextHalvingHeight,
  retargetDifficulty,
  subsidyBtc,
  subsidySats,
} from '../../src/core/bitcoin.js';

describe('subsidy at halving boundaries', () => {
  // 50 BTC >> floor(height / 210000); tylerkstevens vector covers 0/209999/210000/630000/840000/1049999/1050000.
  it.each([
    [0, 50],
    [209_999, 50],
    [210_000, 25],
    [630_000, 6.25],
    [839_999, 6.25],
    [840_000, 3.125],
    [1_049_999, 3.125],
    [1_050_000, 1.5625],
    [1_259_999, 1.5625],
    [1_260_000, 0.78125], // 5th halving: 50 / 2^5
  ])('height %i pays %f BTC', (height, btc) => {
    expect(subsidyBtc(height)).toBe(btc);
  });

  it.each([
    [0, 5_000_000_000],
    [210_000, 2_500_000_000],
    [840_000, 312_500_000], // 5e9 >> 4
    [1_050_000, 156_250_000], // 5e9 >> 5
    [1_260_000, 78_125_000], // 5e9 >> 6
  ])('height %i pays %i sats', (height, sats) => {
    expect(subsidySats(height)).toBe(sats);
  });

  it('truncates like an integer shift, not a float division', () => {
    // 10 halvings: 5e9 / 1024 = 4882812.5 -> 4882812 sats (Bitcoin Core shifts an int64).
    expect(subsidySats(10 * 210_000)).toBe(4_882_812);
    // 32 halvings: 5e9 / 2^32 = 1.164 -> 1 sat; the last block before the 33rd halving still pays it.
    expect(subsidySats(32 * 210_000)).toBe(1);
    expect(subsidySats(33 * 210_000 - 1)).toBe(1);
  });

  it('pays 0 sats from the 33rd halving (5e9 >> 33 = 0)', () => {
    // 2^33 = 8589934592 > 5e9, so the shifted value is 0 long before the 64-shift cut-off.
    expect(subsidySats(33 * 210_000)).toBe(0); // height 6,930,000
    expect(subsidySats(63 * 210_000)).toBe(0);
  });

  it('pays 0 at 64 halvings and beyond (where a plain >> in C would wrap)', () => {
    expect(subsidySats(64 * 210_000)).toBe(0); // 13,440,000
    expect(subsidySats(64 * 210_000 + 1)).toBe(0);
    expect(subsidySats(100 * 210_000)).toBe(0);
    expect(subsidySats(1_000_000_000)).toBe(0);
    expect(subsidySats(Number.MAX_SAFE_INTEGER)).toBe(0);
    expect(subsidyBtc(13_440_000)).toBe(0);
  });

  it('sums to the known total supply of 20,999,999.9769 BTC', () => {
    // Widely published cap: 2,099,999,997,690,000 sats once every integer-shifted subsidy is paid.
    let total = 0;
    for (let halving = 0; halving < 70; halving++) total += 210_000 * subsidySats(halving * 210_000);
    expect(total).toBe(2_099_999_997_690_000);
  });

  it('rejects heights that are negative or not integers', () => {
    expect(() => subsidySats(-1)).toThrow(RangeError);
    expect(() => subsidySats(1.5)).toThrow(RangeError);
    expect(() => subsidySats(Number.NaN)).toThrow(RangeError);
    expect(() => nextHalvingHeight(-210_000)).toThrow(RangeError);
  });
});

describe('nextHalvingHeight', () => {
  it.each([
    [0, 210_000],
    [1, 210_000],
    [209_999, 210_000],
    [210_000, 420_000], // strictly after: a halving height maps to the following one
    [839_999, 840_000],
    [840_000, 1_050_000],
    [969_763, 1_050_000],
    [1_050_000, 1_260_000],
  ])('after %i comes %i', (height, next) => {
    expect(nextHalvingHeight(height)).toBe(next);
  });
});

describe('estimateNextHalving', () => {
  const tip = 969_763;
  const tipTimeMs = Date.UTC(2026, 9, 3); // 2026-10-03T00:00Z

  it('matches the public vitest vector: tip 969763 on 2026-10-03 at 10 min/block -> 2028-04-12', () => {
    const est = estimateNextHalving(tip, tipTimeMs, 600);
    // 1050000 - 969763 = 80237 blocks x 10 min = 802370 min = 557.20 days -> 2028-04-12T04:50Z
    expect(est.nextHalvingHeight).toBe(1_050_000);
    expect(est.blocksRemaining).toBe(80_237);
    expect(new Date(est.estimatedAtMs).toISOString().slice(0, 10)).toBe('2028-04-12');
    expect(est.estimatedAtMs).toBe(Date.UTC(2028, 3, 12, 4, 50));
    expect(est.subsidyAfterBtc).toBe(1.5625);
  });

  it('defaults to the 600 s target interval', () => {
    expect(estimateNextHalving(tip, tipTimeMs).estimatedAtMs).toBe(Date.UTC(2028, 3, 12, 4, 50));
  });

  it('moves earlier with faster blocks', () => {
    // 80237 blocks x 540 s = 43,327,980 s = 501 d 11 h 33 min -> 2028-02-16T11:33Z
    const est = estimateNextHalving(tip, tipTimeMs, 540);
    expect(est.estimatedAtMs).toBe(Date.UTC(2028, 1, 16, 11, 33));
  });

  it('at a halving height estimates the following halving', () => {
    // From 840000 (2024-04-20): 210000 blocks x 600 s = 1458.33 days.
    const at = Date.UTC(2024, 3, 20);
    const est = estimateNextHalving(840_000, at);
    expect(est.nextHalvingHeight).toBe(1_050_000);
    expect(est.blocksRemaining).toBe(210_000);
    expect(est.estimatedAtMs - at).toBe(210_000 * 600 * 1000);
  });

  it('rejects a non-positive block interval', () => {
    expect(() => estimateNextHalving(tip, tipTimeMs, 0)).toThrow(RangeError);
    expect(() => estimateNextHalving(tip, tipTimeMs, -600)).toThrow(RangeError);
    expect(() => estimateNextHalving(tip, tipTimeMs, Number.NaN)).toThrow(RangeError);
  });
});

describe('difficulty and hashrate', () => {
  it('impliedHashrateHs is D * 2^32 / 600', () => {
    // D = 1: 4294967296 / 600 = 7,158,278.8267 H/s
    expect(impliedHashrateHs(1)).toBeCloseTo(7_158_278.826_667, 3);
    // Foundry vector difficulty 21448277761059 x 2^32 / 600 = 1.535328e20 H/s (153.5 EH/s)
    expect(impliedHashrateHs(21_448_277_761_059) / 1.535_327_525_654_5e20).toBeCloseTo(1, 9);
    // Snapshot difficulty 152271406129092 x 2^32 / 600 = 1.0900e21 H/s, inside FACTS' 1.06-1.12 ZH/s
    expect(impliedHashrateHs(152_271_406_129_092) / 1.090_001_182_4e21).toBeCloseTo(1, 9);
  });

  it('difficultyForHashrate is H * 600 / 2^32', () => {
    // 1000 EH/s = 1e21 H/s: 1e21 x 600 / 4294967296 = 139,698,386,192,321.78
    expect(difficultyForHashrate(1e21) / 139_698_386_192_321.78).toBeCloseTo(1, 12);
    expect(difficultyForHashrate(0)).toBe(0);
  });

  it.each([1, 21_448_277_761_059, 152_271_406_129_092, 1e18])(
    'round trips difficulty %d through hashrate',
    (d) => {
      expect(difficultyForHashrate(impliedHashrateHs(d)) / d).toBeCloseTo(1, 12);
    },
  );
});

describe('retarget clamp', () => {
  it.each([
    [1, 1],
    [1.5, 1.5],
    [4, 4],
    [4.0001, 4],
    [10, 4],
    [0.25, 0.25],
    [0.2499, 0.25],
    [0.01, 0.25],
    [0, 0.25],
  ])('clampRetargetFactor(%f) = %f', (factor, clamped) => {
    expect(clampRetargetFactor(factor)).toBe(clamped);
  });

  // Expected epoch: 2016 blocks x 600 s = 1,209,600 s.
  const expected = 1_209_600;
  const d = 100e12;

  it('keeps difficulty when the epoch took exactly two weeks', () => {
    expect(retargetDifficulty(d, expected)).toBe(d);
  });

  it('scales by expected / actual inside the clamp', () => {
    expect(retargetDifficulty(d, expected / 2)).toBeCloseTo(2 * d, -1); // twice as fast -> x2
    expect(retargetDifficulty(d, expected * 1.1) / (d / 1.1)).toBeCloseTo(1, 12); // 10% slow -> /1.1
  });

  it('never rises more than x4 (+300%)', () => {
    expect(retargetDifficulty(d, expected / 4)).toBeCloseTo(4 * d, -1); // exactly at the clamp
    expect(retargetDifficulty(d, expected / 10)).toBeCloseTo(4 * d, -1); // 302,400 s floor
    expect(retargetDifficulty(d, 1)).toBeCloseTo(4 * d, -1);
  });

  it('never falls more than /4 (-75%)', () => {
    expect(retargetDifficulty(d, expected * 4)).toBeCloseTo(d / 4, -1); // 4,838,400 s ceiling
    expect(retargetDifficulty(d, expected * 100)).toBeCloseTo(d / 4, -1);
  });
});
