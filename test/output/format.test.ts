import { describe, expect, it } from 'vitest';
import { grouped, multiple, NA, num, percent, price, si, usd, usdExact } from '../../src/report/format.js';

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

  it('never prints NaN or Infinity', () => {
    for (const f of [usd, price, multiple, percent, si, num, usdExact]) {
      expect(f(Number.NaN)).toBe(NA);
      expect(f(Number.POSITIVE_INFINITY)).toBe(NA);
      expect(f(null)).toBe(NA);
    }
  });
});
