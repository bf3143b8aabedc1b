/** The three history routes' answers read into day series: shapes and traps of the real responses. */
import { describe, expect, it } from 'vitest';
import {
  feesUrl,
  pricesUrl,
  priceTimestampFor,
  readDailyFees,
  readPerBlockFees,
  readPriceAt,
  readPriceHistory,
  readRetargets,
  retargetsUrl,
} from '../../../src/data/history/mempool.js';
import type { HttpResponse } from '../../../src/data/http.js';
import { history, NOW1, NOW2 } from './helpers.js';

const response = (body: string, contentType = 'application/json'): HttpResponse => ({
  url: 'https://mempool.space/api/x',
  status: 200,
  contentType,
  body,
  attempts: 1,
});
const fixture = (name: string) => response(history(name));
const failure = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    return `${(error as Error).name} ${(error as { kind?: string }).kind}: ${(error as Error).message}`;
  }
  return 'no error';
};

describe('URLs', () => {
  it('are the backend routes', () => {
    const api = 'https://mempool.space/api';
    expect(retargetsUrl(api, null)).toBe('https://mempool.space/api/v1/mining/difficulty-adjustments');
    expect(retargetsUrl(api, '1w')).toBe('https://mempool.space/api/v1/mining/difficulty-adjustments/1w');
    expect(feesUrl(api, 'all')).toBe('https://mempool.space/api/v1/mining/blocks/fees/all');
    expect(pricesUrl(api)).toBe('https://mempool.space/api/v1/historical-price?currency=USD');
    expect(pricesUrl(api, 1765324799)).toBe(
      'https://mempool.space/api/v1/historical-price?currency=USD&timestamp=1765324799',
    );
    // A day's last second; the current day: now.
    expect(priceTimestampFor('2025-12-09', NOW2)).toBe(1765324799);
    expect(priceTimestampFor('2025-12-11', NOW2)).toBe(NOW2 / 1000);
  });
});

describe('difficulty-adjustments', () => {
  it('reads the rows newest first into ascending heights, the genesis row (adjustment 0) included', () => {
    const series = readRetargets(fixture('difficulty-adjustments.json'), NOW1, true);
    expect(series.fetchedAtMs).toBe(NOW1);
    expect(series.rows[0]).toEqual({ timeSec: 1231006505, height: 0, difficulty: 1 });
    expect(series.rows.at(-1)).toEqual({
      timeSec: 1764206208,
      height: 925344,
      difficulty: 149301205959699.9,
    });
    const heights = series.rows.map((r) => r.height);
    expect(heights).toEqual([...heights].sort((a, b) => a - b));
  });

  it('takes an empty window as no retarget since, but not an empty whole history', () => {
    expect(readRetargets(response('[]'), NOW2, false).rows).toEqual([]);
    expect(failure(() => readRetargets(response('[]'), NOW2, true))).toBe(
      'FetchFailure invalid: sent no difficulty adjustments',
    );
  });

  it.each([
    ['[[1765424862,927360,0,0]]', 'reported difficulty 0 (its Bitcoin node may be down)'],
    ['[[1765424862,927360,-1,0]]', 'reported an implausible difficulty (-1)'],
    ['[[1765424862,927361,1.4e14,1]]', 'reported a retarget at an implausible height (927361)'],
    ['[[1999999999,927360,1.4e14,1]]', 'sent an implausible retarget time (1999999999)'],
    [
      '[[1765424862,927360,1.4e14,1],[1764206208,925344,1e13,1]]',
      'reported a difficulty change beyond the 4x clamp at height 927360',
    ],
    ['[[1765424862,927360,1.4e14,1],[1765424862,927360,1.4e14,1]]', 'reported the retarget at 927360 twice'],
    ['[{"time":1765424862,"height":927360}]', 'sent unexpected data (0: expected tuple)'],
  ])('fails on %s', (body, message) => {
    expect(failure(() => readRetargets(response(body), NOW2, false))).toBe(
      `FetchFailure invalid: ${message}`,
    );
  });
});

describe('blocks/fees/all (one bucket per UTC day)', () => {
  const series = readDailyFees(fixture('blocks-fees-all.json'), NOW1);

  it('sorts the unordered rows and keys each by the UTC day of its mean header time', () => {
    const dates = series.days.map((d) => d.date);
    expect(dates).toEqual([...dates].sort());
    // 2009: the genesis day, then nothing until 2009-01-09 (a gap, not zeros).
    expect(dates.slice(0, 3)).toEqual(['2009-01-03', '2009-01-09', '2024-04-19']);
    expect(series.days.find((d) => d.date === '2025-11-21')).toEqual({
      date: '2025-11-21',
      feesSats: 2409007,
      timeSec: 1763727002,
      avgHeight: 924575,
      blocks: null,
      heightEnd: null,
    });
  });

  it('is settled through the last day that ended 3 h before the fetch with later blocks listed', () => {
    // Fetched 2025-12-09 12:00: 12-08 ended 12 h before, and 12-09's blocks are listed.
    expect(series.settledThrough).toBe('2025-12-08');
    // At 02:00 the previous day is not yet final (a late header time, a block not yet linked to a price); at
    // 04:00 it is, since blocks of the next day are listed; without them it is not.
    const two = response(
      '[{"avgHeight":926850,"timestamp":1765108800,"avgFees":2000000,"USD":90000},{"avgHeight":926900,"timestamp":1765155600,"avgFees":2000000,"USD":90000}]',
    );
    expect(readDailyFees(two, Date.UTC(2025, 11, 8, 2)).settledThrough).toBeNull();
    expect(readDailyFees(two, Date.UTC(2025, 11, 8, 4)).settledThrough).toBe('2025-12-07');
    const one = response('[{"avgHeight":926850,"timestamp":1765108800,"avgFees":2000000,"USD":90000}]');
    expect(readDailyFees(one, Date.UTC(2025, 11, 8, 4)).settledThrough).toBeNull();
  });

  it('fails on two buckets for one day (not daily buckets) and on implausible rows', () => {
    const two =
      '[{"avgHeight":1,"timestamp":1765000000,"avgFees":1,"USD":1},{"avgHeight":2,"timestamp":1765000100,"avgFees":1,"USD":1}]';
    expect(failure(() => readDailyFees(response(two), NOW1))).toBe(
      'FetchFailure invalid: sent more than one fee bucket for 2025-12-06 (not daily buckets)',
    );
    expect(
      failure(() => readDailyFees(response('[{"avgHeight":1,"timestamp":1765000000,"avgFees":-5}]'), NOW1)),
    ).toBe('FetchFailure invalid: reported implausible fees (-5 sats per block)');
    expect(failure(() => readDailyFees(response('[]'), NOW1))).toBe('FetchFailure invalid: sent no blocks');
    expect(failure(() => readDailyFees(response('<html></html>', 'text/html'), NOW1))).toBe(
      'FetchFailure invalid: sent an HTML page instead of JSON',
    );
  });
});

describe('blocks/fees/3d (one row per block)', () => {
  const series = readPerBlockFees(fixture('blocks-fees-3d.json'), NOW2, '3d');

  it('keeps only the days that began inside the window, each with its exact count and end height', () => {
    // The window is 2025-12-08 12:20 to 2025-12-11 12:20 (+1 h of margin): 12-08 is partial, left out.
    expect(series.days.map((d) => d.date)).toEqual(['2025-12-09', '2025-12-10', '2025-12-11']);
    // 12-09: heights 927,058-927,193 but 927,192 (header time 00:00:30 on 12-10), 135 blocks, 67 even (+150,000)
    // and 68 odd (-150,000) around the day's 2,050,000 sats.
    expect(series.days[0]).toMatchObject({
      date: '2025-12-09',
      blocks: 135,
      heightEnd: 927193,
      feesSats: 2_050_000 - 150_000 / 135,
    });
    // 12-10 contains 927,192 but not 927,193 (header time 23:59:40 on 12-09): the end height is still the
    // highest block before midnight, 927,335.
    expect(series.days[1]).toMatchObject({
      blocks: 143,
      heightEnd: 927335,
      feesSats: 2_380_000 + 150_000 / 143,
    });
    expect(series.settledThrough).toBe('2025-12-10');
  });

  it('24h: only the days that began in the last 24 hours', () => {
    const day = readPerBlockFees(fixture('blocks-fees-3d.json'), NOW2, '24h');
    expect(day.days.map((d) => d.date)).toEqual(['2025-12-11']);
    expect(day.settledThrough).toBeNull();
  });
});

describe('historical-price', () => {
  const series = readPriceHistory(fixture('historical-price.json'), NOW1);

  it('gives each day the last price before its end, skipping 0 and -1 rows', () => {
    const usd = (date: string) => series.days.find((d) => d.date === date)?.usd;
    expect(usd('2025-11-21')).toBe(84889); // 23:00
    expect(usd('2025-11-20')).toBe(84371); // 23:00 is USD 0 (rejected): 22:00
    expect(usd('2025-11-15')).toBe(95651); // 23:00 is -1 (missing): 22:00
    expect(usd('2025-11-25')).toBe(89974); // no 23:00 row: 22:00
    expect(usd('2025-12-09')).toBe(92515); // the current day: the newest row, 12:00
    expect(series.settledThrough).toBe('2025-12-08');
  });

  it('carries weekly rows (MtGox, 2010) at most 8 days, and starts at the first price', () => {
    const dates = series.days.map((d) => d.date);
    expect(dates[0]).toBe('2010-07-19');
    // The last weekly row is 2010-08-16 00:00: days up to 08-23 (ending 8 days after it) carry it.
    expect(series.days.find((d) => d.date === '2010-08-23')).toEqual({
      date: '2010-08-23',
      usd: 0.0667,
      timeSec: 1281916800,
    });
    expect(dates).not.toContain('2010-08-24');
    // Daily rows (2024): 2024-04-25 00:00 is the last, carried to 2024-05-02.
    expect(dates).toContain('2024-05-02');
    expect(dates).not.toContain('2024-05-03');
  });

  it('&timestamp: one row at or before the time; the USD 0 placeholder is no price', () => {
    const at = readPriceAt(fixture('historical-price-1765324799.json'), '2025-12-09', 1765324799, NOW2);
    expect(at).toEqual({ date: '2025-12-09', usd: 92212, timeSec: 1765321200 });
    // Asked for 2010-01-01 23:59:59, before the first price: the fake row {time 1279497600, USD 0}.
    const placeholder = fixture('historical-price-1262390399.json');
    expect(readPriceAt(placeholder, '2010-01-01', 1262390399, NOW2)).toBeUndefined();
    const late = response('{"prices":[{"time":1765324800,"USD":9}],"exchangeRates":{}}');
    expect(failure(() => readPriceAt(late, '2025-12-09', 1765324799, NOW2))).toBe(
      'FetchFailure invalid: sent a price from after the time asked (1765324800 > 1765324799)',
    );
    expect(failure(() => readPriceAt(response('null'), '2025-12-09', 1765324799, NOW2))).toBe(
      'FetchFailure invalid: sent unexpected data (body: expected object)',
    );
  });
});
