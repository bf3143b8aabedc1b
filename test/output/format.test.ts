import { describe, expect, it } from 'vitest';
import {
  grouped,
  hashrateThs,
  multiple,
  NA,
  num,
  percent,
  price,
  si,
  significant,
  usd,
  usdExact,
  years,
} from '../../src/report/format.js';

describe('humane numbers', () => {
  it('groups thousands like en-US without ICU', () => {
    expect(grouped(89_097)).toBe('89,097');
    expect(grouped(324.761_9, 1)).toBe('324.8');
    expect(grouped(-1_234_567.891, 2)).toBe('-1,234,567.89');
    expect(grouped(999.96, 1)).toBe('1,000.0'); // rounds up across a group boundary
    expect(grouped(-0.01, 1)).toBe('0.0'); // no "-0.0"
    expect(grouped(100)).toBe('100');
    expect(usdExact(84_775)).toBe('$84,775');
    expect(usdExact(35.236_9, 2)).toBe('$35.24');
    expect(num(1_000_000)).toBe('1,000,000');
  });

  it('abbreviates money, prices, multiples, percents and SI', () => {
    expect(usd(295_629_765)).toBe('$296M');
    expect(usd(3_829_682_565)).toBe('$3.83B');
    expect(usd(70_823_077)).toBe('$70.8M');
    expect(usd(27_500)).toBe('$27.5k');
    expect(usd(-342_000_000)).toBe('-$342M');
    expect(usd(0)).toBe('$0');
    expect(price(0.098_967)).toBe('0.099');
    expect(price(1.282)).toBe('1.28');
    expect(multiple(1.597)).toBe('1.6x');
    expect(percent(0.025)).toBe('2.5%');
    expect(si(152_271_406_129_092)).toBe('152.27T');
  });

  it('money: one rule, three significant digits from $100 up, cents below, never a long mantissa', () => {
    // The same precision side by side: never "$350.2k" next to "$343k".
    expect(usd(350_200)).toBe('$350k');
    expect(usd(343_000)).toBe('$343k');
    expect(usd(35_000)).toBe('$35.0k');
    expect(usd(1_234)).toBe('$1.23k');
    expect(usd(350)).toBe('$350');
    expect(usd(1_234_567_890)).toBe('$1.23B');
    expect(usd(11_000_000_000)).toBe('$11.0B');
    expect(usd(123_456_789_012)).toBe('$123B');
    expect(usd(13_201_084_234_342)).toBe('$13.2T');
    expect(usd(1.320_108_423_434_2e22)).toBe('$1.32e22'); // was "$13201084234342B"
    expect(usd(-1.5e16)).toBe('-$1.50e16');
    // Rounded before the suffix is picked: never "$1000k".
    expect(usd(999_960)).toBe('$1.00M');
    expect(usd(999.6)).toBe('$1.00k');
    expect(usd(99.996)).toBe('$100');
    expect(usd(35.236_9)).toBe('$35.24');
    expect(usd(0.5)).toBe('$0.50');
    expect(usd(0.004_2)).toBe('$0.0042'); // not "$0.00"
    for (const n of [
      1, 12, 123, 1_234, 12_345, 123_456, 1.2e6, 1.2e7, 1.2e8, 1.2e9, 1.2e10, 1.2e11, 1.2e12, 1.2e14, 9.99e14,
      3e20,
    ])
      expect(usd(n).length).toBeLessThanOrEqual(9);
  });

  it('multiples under 0.1 keep two significant digits', () => {
    expect(multiple(0.006_6)).toBe('0.0066x');
    expect(multiple(0.014_2)).toBe('0.014x');
    expect(multiple(0.099)).toBe('0.099x');
    expect(multiple(0.1)).toBe('0.1x');
    expect(multiple(-0.05)).toBe('-0.05x');
    expect(multiple(140.4)).toBe('140x');
  });

  it('quantities in significant digits: a small site is never "0.0 MW"', () => {
    expect(significant(0.001)).toBe('0.001');
    expect(significant(341)).toBe('341');
    expect(significant(324.761_9)).toBe('324.8');
    expect(significant(9.523_81)).toBe('9.524');
    expect(significant(100_000)).toBe('100,000');
    expect(significant(341.25, 6)).toBe('341.25');
    expect(significant(0)).toBe('0');
    expect(hashrateThs(270_000)).toBe('270 PH/s');
    expect(hashrateThs(317_688)).toBe('317.7 PH/s');
    expect(hashrateThs(24_056_190)).toBe('24.06 EH/s');
    expect(hashrateThs(200)).toBe('200 TH/s');
  });

  it('years and large prices', () => {
    expect(years(3.52)).toBe('3.5 y');
    expect(years(0.01)).toBe('< 0.1 y');
    expect(years(0)).toBe('0.0 y');
    expect(price(1000)).toBe('1,000');
    expect(price(25.7)).toBe('25.7');
  });

  it('never prints NaN or Infinity', () => {
    for (const f of [usd, price, multiple, percent, si, num, usdExact, significant, hashrateThs, years]) {
      expect(f(Number.NaN)).toBe(NA);
      expect(f(Number.POSITIVE_INFINITY)).toBe(NA);
      expect(f(null)).toBe(NA);
    }
  });
});
