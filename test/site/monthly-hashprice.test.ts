/**
 * The report's monthly hashprice history: each month's hashprice at its last day, from the embedded difficulty
 * epochs and BTC/USD monthly closes (fees excluded), or from a file's days. Expected figures worked by hand from
 * the formula hashprice = 86,400 s x 1e15 H/s / (D x 2^32) x (subsidy + fees) x USD, per PH/s per day.
 */
import { describe, expect, test } from 'vitest';
import type { DayInput } from '../../src/core/history.js';
import { monthlyHashpriceHistory } from '../../src/site/history.js';

const TWO_32 = 4_294_967_296;

describe('monthlyHashpriceHistory, embedded', () => {
  const h = monthlyHashpriceHistory(null);
  const month = (m: string) => h.months.find((x) => x.month === m);

  test('2022-11: the epoch from block 764,064 (2022-11-20 23:14 UTC; the next starts 2022-12-06), the close $17,177', () => {
    // D = 36,950,494,067,222.414 (Electrum checkpoints); D x 2^32 = 1.58701e23 hashes per block;
    // 8.64e19 / 1.58701e23 = 5.44418e-4 blocks per PH/s per day; x 6.25 BTC = 0.00340262 BTC;
    // x $17,177 (the 2022-11 close: BTC/USD at 2022-12-01 00:00 UTC) = $58.447 per PH/s per day.
    const m = month('2022-11');
    expect(m?.date).toBe('2022-11-30');
    expect(m?.difficulty).toBe(36950494067222.414);
    expect(m?.subsidyBtc).toBe(6.25);
    expect(m?.btcUsd).toBe(17177);
    expect(m?.feesIncluded).toBe(false);
    expect(m?.hashpriceBtcPerPhDay).toBeCloseTo(0.00340262, 7);
    expect(m?.hashpriceUsdPerPhDay).toBeCloseTo(58.447, 2);
    expect(m?.hashpriceUsdPerPhDay).toBeCloseTo(
      ((86_400 * 1e15) / (36950494067222.414 * TWO_32)) * 6.25 * 17177,
      9,
    );
    expect(m?.halvingDate).toBeNull();
  });

  test('2024-04: the halving month (block 840,000 on 2024-04-20), after it 3.125 BTC, the epoch from block 840,672', () => {
    // D = 88,104,191,118,793.16 (epoch from 2024-04-24 14:51 UTC to 2024-05-09); D x 2^32 = 3.78405e23;
    // 8.64e19 / 3.78405e23 = 2.28327e-4; x 3.125 BTC = 0.000713522 BTC; x $60,678 = $43.295 per PH/s per day.
    const m = month('2024-04');
    expect(m?.difficulty).toBe(88104191118793.16);
    expect(m?.subsidyBtc).toBe(3.125);
    expect(m?.btcUsd).toBe(60678);
    expect(m?.hashpriceBtcPerPhDay).toBeCloseTo(0.000713522, 8);
    expect(m?.hashpriceUsdPerPhDay).toBeCloseTo(43.295, 2);
    // Heights spread evenly over each epoch put block 840,000 on 2024-04-20 (it was mined 2024-04-20 00:09 UTC).
    expect(m?.halvingDate).toBe('2024-04-20');
  });

  test('2021-04: the epoch from block 679,392 (2021-04-15), the close $57,634.77: near the series high', () => {
    // 8.64e19 / (23,581,981,443,663.848 x 2^32 = 1.01284e23) = 8.53049e-4; x 6.25 = 0.00533155 BTC;
    // x $57,634.77 = $307.28 per PH/s per day.
    const m = month('2021-04');
    expect(m?.hashpriceUsdPerPhDay).toBeCloseTo(307.28, 1);
  });

  test('the halvings the epochs span, the months in order, and the sources', () => {
    expect(h.months.filter((m) => m.halvingDate).map((m) => m.month)).toEqual(['2020-05', '2024-04']);
    expect(h.months[0]?.month).toBe('2019-12');
    const names = h.months.map((m) => m.month);
    expect([...names].sort()).toEqual(names);
    expect(new Set(names).size).toBe(names.length);
    expect(h.source).toBe('embedded');
    expect(h.sources.join(' ')).toMatch(/https:\/\/github\.com\/spesmilo\/electrum/);
    expect(h.sources.join(' ')).toMatch(/https:\/\/github\.com\/typedcypher\/historical-bitcoin-prices/);
  });
});

describe('monthlyHashpriceHistory, from days (a file)', () => {
  const day = (date: string, difficulty: number, fees: number | null, usd: number | null): DayInput => ({
    date,
    difficulty,
    avgFeesBtcPerBlock: fees,
    btcUsd: usd,
    blocks: null,
    heightEnd: 900_000,
  });

  test("each month's last day with a USD value, fees counted", () => {
    const h = monthlyHashpriceHistory([
      day('2025-06-29', 1e14, 0.05, 100_000),
      day('2025-06-30', 1e14, 0.025, 100_000),
      day('2025-07-30', 2e14, 0.1, 80_000),
      day('2025-07-31', 2e14, 0.1, null), // no price: July's figure is the 30th's
    ]);
    expect(h.source).toBe('file');
    expect(h.months.map((m) => [m.month, m.date])).toEqual([
      ['2025-06', '2025-06-30'],
      ['2025-07', '2025-07-30'],
    ]);
    // June 30: 8.64e19 / (1e14 x 2^32) = 2.01166e-4; x (3.125 + 0.025) = 6.33673e-4 BTC; x $100,000 = $63.367.
    expect(h.months[0]?.hashpriceUsdPerPhDay).toBeCloseTo(63.367, 2);
    expect(h.months[0]?.feesIncluded).toBe(true);
    // July 30: 8.64e19 / (2e14 x 2^32) = 1.00583e-4; x 3.225 = 3.24380e-4 BTC; x $80,000 = $25.950.
    expect(h.months[1]?.hashpriceUsdPerPhDay).toBeCloseTo(25.95, 2);
  });
});
