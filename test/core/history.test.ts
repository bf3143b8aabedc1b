/** Daily hashprice history: reconstruction on known days (a halving day included) and the statistics. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DIFFICULTY_EPOCHS } from '../../src/catalog/difficulty-epochs.js';
import {
  blendedSubsidyBtc,
  type DayInput,
  dateOf,
  daysFromEpochs,
  epochStartTimes,
  fillHeights,
  hashpriceDays,
  historyStats,
  marginHistory,
} from '../../src/core/history.js';

const D = 149_301_206_437_464;
const day = (date: string, over: Partial<DayInput> = {}): DayInput => ({
  date,
  difficulty: D,
  avgFeesBtcPerBlock: 0.02,
  btcUsd: 90_000,
  blocks: 144,
  heightEnd: 927_000,
  ...over,
});

describe('reconstruction', () => {
  it('a day: 86400 x 1e15 / (D x 2^32) x (subsidy + fees), in BTC and at the day price', () => {
    const [d] = hashpriceDays([day('2025-12-08')]);
    const btc = ((86_400 * 1e15) / (D * 2 ** 32)) * (3.125 + 0.02);
    expect(d?.hashpriceBtcPerPhDay).toBeCloseTo(btc, 12);
    expect(d?.hashpriceUsdPerPhDay).toBeCloseTo(btc * 90_000, 9);
    // 86400e15 / (149.30T x 2^32) = 0.134741 PH-days per block; x 3.145 = 0.42376... BTC? no: 4.2376e-4 BTC
    expect(d?.hashpriceBtcPerPhDay).toBeCloseTo(0.00042376, 7);
    expect(d?.feesIncluded).toBe(true);
  });

  it('a halving day blends the subsidies by its blocks', () => {
    // Blocks 839,901..840,050: 99 at 6.25 BTC (to 839,999), 51 at 3.125 (840,000 on): 5.1875 BTC a block.
    expect(blendedSubsidyBtc(839_900, 840_050)).toBeCloseTo((99 * 6.25 + 51 * 3.125) / 150, 12);
    const days = hashpriceDays([
      day('2024-04-19', { heightEnd: 839_900, difficulty: 86e12 }),
      day('2024-04-20', { heightEnd: 840_050, difficulty: 86e12, avgFeesBtcPerBlock: 0 }),
      day('2024-04-21', { heightEnd: 840_200, difficulty: 86e12, avgFeesBtcPerBlock: 0 }),
    ]);
    expect(days[1]?.halving).toBe(true);
    expect(days[1]?.subsidyBtc).toBeCloseTo(5.1875, 12);
    expect(days[2]?.halving).toBe(false);
    expect(days[2]?.subsidyBtc).toBe(3.125);
  });

  it('a day without fees is the subsidy alone, and without a price has no USD figure', () => {
    const [d] = hashpriceDays([day('2025-12-08', { avgFeesBtcPerBlock: null, btcUsd: null })]);
    expect(d?.feesIncluded).toBe(false);
    expect(d?.hashpriceBtcPerPhDay).toBeCloseTo(((86_400 * 1e15) / (D * 2 ** 32)) * 3.125, 12);
    expect(d?.hashpriceUsdPerPhDay).toBeNull();
  });
});

describe('statistics', () => {
  // A USD series built from prices so that hashprice is exactly 10, 8, 12, 6, 9 $/PH/day.
  const unit = ((86_400 * 1e15) / (D * 2 ** 32)) * (3.125 + 0.02);
  const series = (values: (number | null)[], start = '2025-11-20') =>
    hashpriceDays(
      values.map((v, i) =>
        day(new Date(Date.parse(`${start}T00:00:00Z`) + i * 86_400_000).toISOString().slice(0, 10), {
          btcUsd: v === null ? null : v / unit,
          heightEnd: 927_000 + i * 144,
        }),
      ),
    );

  it('latest, averages, low and high with dates, changes and drawdown', () => {
    const s = historyStats(series([10, 8, 12, 6, 9]));
    expect(s.latest).toEqual({ date: '2025-11-24', hashpriceUsdPerPhDay: expect.closeTo(9, 9) });
    expect(s.average7dUsdPerPhDay).toBeCloseTo((10 + 8 + 12 + 6 + 9) / 5, 9);
    expect(s.low?.date).toBe('2025-11-23');
    expect(s.low?.hashpriceUsdPerPhDay).toBeCloseTo(6, 9);
    expect(s.high?.date).toBe('2025-11-22');
    expect(s.periodChange).toBeCloseTo(9 / 10 - 1, 9);
    expect(s.drawdownFromHigh).toBeCloseTo(9 / 12 - 1, 9);
  });

  it('gaps are skipped, never zeros: a null day leaves the average of the others', () => {
    const s = historyStats(series([10, null, 12]));
    expect(s.average7dUsdPerPhDay).toBeCloseTo(11, 9);
    expect(s.low?.hashpriceUsdPerPhDay).toBeCloseTo(10, 9);
  });

  it('year to date from the first value of the latest year; the lowest in all the data loaded', () => {
    const all = series([20, 18, 16, 14, 12], '2024-12-30');
    const s = historyStats(all.slice(3), all);
    // 2025 starts at 2025-01-01 (16): latest 12 -> 12/16 - 1 = -25%.
    expect(s.ytdFrom?.date).toBe('2025-01-01');
    expect(s.ytdChange).toBeCloseTo(12 / 16 - 1, 9);
    expect(s.lowestSince?.since).toBe('2024-12-30');
    expect(s.lowestSince?.hashpriceUsdPerPhDay).toBeCloseTo(12, 9);
  });

  it('a single point has itself for every statistic', () => {
    const s = historyStats(series([7]));
    expect(s.latest?.hashpriceUsdPerPhDay).toBeCloseTo(7, 9);
    expect(s.average30dUsdPerPhDay).toBeCloseTo(7, 9);
    expect(s.periodChange).toBe(0);
    expect(s.drawdownFromHigh).toBe(0);
  });

  it("a miner's margin per kWh and the days at a loss", () => {
    const m = marginHistory(series([40, 10]), 15, 0.04, 0.025);
    // $40/PH/day x 0.975 / (24 h x 15 J/TH) = $0.108333/kWh - $0.04 = $0.068333; $10 -> -$0.012917: a loss.
    expect(m.days[0]?.marginUsdPerKwh).toBeCloseTo((40 * 0.975) / 360 - 0.04, 9);
    expect(m.days[1]?.marginUsdPerKwh).toBeCloseTo((10 * 0.975) / 360 - 0.04, 9);
    expect(m.daysAtLoss).toBe(1);
  });
});

describe('epochs', () => {
  it('estimates a missing start time by the retarget rule run backwards', () => {
    // D 100 -> 50: the span of 2015 intervals was 1,209,600 x 100 / 50 = 2,419,200 s; x 2016/2015 for 2016.
    const t = epochStartTimes([
      { startHeight: 0, startTimeUnix: 1_000_000, difficulty: 100 },
      { startHeight: 2016, startTimeUnix: null, difficulty: 50 },
    ]);
    expect(t[1]?.estimated).toBe(true);
    expect(t[1]?.timeUnix).toBeCloseTo(1_000_000 + (2_419_200 * 2016) / 2015, 6);
  });

  it('days from epochs: the difficulty in force at the day end, heights spread over each epoch', () => {
    const start = Date.parse('2025-11-12T00:00:00Z') / 1000;
    const days = daysFromEpochs(
      [
        { startHeight: 923_328, startTimeUnix: start, difficulty: 152e12 },
        { startHeight: 925_344, startTimeUnix: start + 14 * 86_400, difficulty: 149e12 },
      ],
      '2025-11-12',
      '2025-11-27',
    );
    expect(days[0]).toMatchObject({ date: '2025-11-12', difficulty: 152e12, heightEnd: 923_328 + 143 });
    expect(days[13]?.difficulty).toBe(152e12);
    expect(days[14]).toMatchObject({ date: '2025-11-26', difficulty: 149e12 });
    expect(days[0]?.btcUsd).toBeNull();
  });
});

describe('dateOf', () => {
  it("is toISOString's UTC date for any time from 1970 to 2400 (integer civil-from-days arithmetic)", () => {
    fc.assert(
      // A boolean property (fast-check reports the counterexample): an expect() per run costs more than
      // the arithmetic it checks.
      fc.property(
        fc.double({ min: 0, max: Date.UTC(2400, 0, 1), noNaN: true }),
        (ms) => dateOf(ms) === new Date(ms).toISOString().slice(0, 10),
      ),
      { numRuns: 2000 },
    );
    // Leap days and the ends of centuries.
    for (const day of ['2000-02-29', '2024-02-29', '2100-02-28', '2100-03-01', '1999-12-31', '2028-04-08'])
      expect(dateOf(Date.parse(`${day}T23:59:59.999Z`))).toBe(day);
  });
});

describe('fillHeights (heights from the epochs, for days without one)', () => {
  const epochs = DIFFICULTY_EPOCHS.map(([startHeight, startTimeUnix, difficulty]) => ({
    startHeight,
    startTimeUnix,
    difficulty,
  }));
  /** The definition: the height daysFromEpochs gives that date; past the epochs, 144 blocks a day more. */
  function reference(days: readonly DayInput[]): DayInput[] {
    if (days.every((d) => d.heightEnd !== null) || days.length === 0) return [...days];
    const known = new Map(
      daysFromEpochs(epochs, (days[0] as DayInput).date, (days.at(-1) as DayInput).date).map((d) => [
        d.date,
        d.heightEnd as number,
      ]),
    );
    const lastEpochDay = [...known.keys()].at(-1);
    return days.map((d) => {
      if (d.heightEnd !== null) return d;
      const h = known.get(d.date);
      if (h !== undefined) return { ...d, heightEnd: h };
      if (lastEpochDay && d.date > lastEpochDay) {
        const extra = Math.round((Date.parse(d.date) - Date.parse(lastEpochDay)) / 86_400_000) * 144;
        return { ...d, heightEnd: (known.get(lastEpochDay) as number) + extra };
      }
      return d;
    });
  }
  const dateArb = fc
    .integer({ min: Date.UTC(2008, 11, 1), max: Date.UTC(2027, 0, 1) })
    .map((ms) => dateOf(Math.floor(ms / 86_400_000) * 86_400_000));

  it('is the definition on random days: sorted or not, with gaps, some with a height, before and past the epochs', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(dateArb, fc.boolean()), { minLength: 1, maxLength: 60 }),
        fc.boolean(),
        (entries, sorted) => {
          const unique = [...new Map(entries).entries()];
          if (sorted) unique.sort(([a], [b]) => (a < b ? -1 : 1));
          const days = unique.map(([date, known]) => day(date, { heightEnd: known ? 900_000 : null }));
          expect(fillHeights(days, epochs)).toEqual(reference(days));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('three years of consecutive days without heights: the same as the definition, day by day', () => {
    const days: DayInput[] = [];
    for (let t = Date.UTC(2022, 11, 1); t <= Date.UTC(2025, 10, 30); t += 86_400_000)
      days.push(day(dateOf(t), { heightEnd: null }));
    expect(fillHeights(days, epochs)).toEqual(reference(days));
  });
});
