/** buildDays and the height interpolation, on small hand-made stores. */
import { describe, expect, it } from 'vitest';
import { buildDays, heightAt, heightPoints } from '../../../src/data/history/build.js';
import type { HistoryStore } from '../../../src/data/history/store.js';

const t = (iso: string) => Date.parse(iso) / 1000;
const ms = (iso: string) => Date.parse(iso);

function store(partial: Partial<HistoryStore>): HistoryStore {
  return { api: 'https://x/api', host: 'x', retargets: null, fees: null, prices: null, ...partial };
}

describe('heightAt', () => {
  const points = [
    { t: 1000, h: 100 },
    { t: 2200, h: 102 },
    { t: 3400, h: 104 },
  ];

  it('interpolates linearly and floors (a height is a whole block)', () => {
    expect(heightAt(points, 1000)).toBe(100);
    expect(heightAt(points, 1599)).toBe(100); // 100 + 2 * 599 / 1200 = 100.998
    expect(heightAt(points, 1600)).toBe(101);
    expect(heightAt(points, 2800)).toBe(103);
  });

  it('is null before the first point and more than two days after the last', () => {
    expect(heightAt(points, 999)).toBeNull();
    expect(heightAt(points, 3400 + 2 * 86_400 + 1)).toBeNull();
  });

  it('extrapolates at the pace of the last half day, else at 600 s a block', () => {
    // Only 2400 s of points: 600 s a block. 104 + 1200 / 600 = 106.
    expect(heightAt(points, 4600)).toBe(106);
    const day = [
      { t: 0, h: 0 },
      { t: 86_400, h: 160 },
    ];
    // 160 blocks a day: 43,200 s later, 80 more.
    expect(heightAt(day, 129_600)).toBe(240);
  });

  it('keeps heights non-decreasing when header times are not', () => {
    const points = heightPoints(
      store({
        retargets: {
          fetchedAtMs: ms('2025-01-03T00:00:00Z'),
          rows: [{ timeSec: 5000, height: 2016, difficulty: 1 }],
        },
        fees: {
          fetchedAtMs: ms('2025-01-03T00:00:00Z'),
          settledThrough: null,
          // A day mean at an earlier time than the retarget but a higher height: the retarget's point rises.
          days: [
            {
              date: '1970-01-01',
              feesSats: 0,
              timeSec: 4000,
              avgHeight: 2020,
              blocks: null,
              heightEnd: null,
            },
          ],
        },
      }),
    );
    expect(points).toEqual([
      { t: 4000, h: 2020 },
      { t: 5000, h: 2020 },
    ]);
  });
});

describe('buildDays', () => {
  const s = store({
    retargets: {
      fetchedAtMs: ms('2025-11-24T06:00:00Z'),
      rows: [
        { timeSec: t('2025-11-12T18:30:30Z'), height: 923328, difficulty: 152e12 },
        { timeSec: t('2025-11-22T23:59:59Z'), height: 925344, difficulty: 149e12 },
      ],
    },
    fees: {
      fetchedAtMs: ms('2025-11-24T06:00:00Z'),
      settledThrough: '2025-11-22',
      days: [
        {
          date: '2025-11-20',
          feesSats: 2_000_000,
          timeSec: t('2025-11-20T12:00:00Z'),
          avgHeight: 925000,
          blocks: null,
          heightEnd: null,
        },
        {
          date: '2025-11-22',
          feesSats: 3_000_000,
          timeSec: t('2025-11-22T12:00:00Z'),
          avgHeight: 925270,
          blocks: 150,
          heightEnd: 925344,
        },
      ],
    },
    prices: {
      fetchedAtMs: ms('2025-11-24T06:00:00Z'),
      settledThrough: '2025-11-22',
      days: [{ date: '2025-11-21', usd: 84_000, timeSec: t('2025-11-21T23:00:00Z') }],
    },
  });

  it('one entry per day with any data; difficulty at the day end; gaps as null, never 0', () => {
    const { days } = buildDays(s, '2025-11-19', '2025-11-30');
    expect(days.map((d) => d.date)).toEqual([
      '2025-11-19',
      '2025-11-20',
      '2025-11-21',
      '2025-11-22',
      '2025-11-23',
      '2025-11-24',
    ]);
    // 11-22's last second saw the retarget (23:59:59): the day ends at the new difficulty.
    expect(days.find((d) => d.date === '2025-11-22')).toEqual({
      date: '2025-11-22',
      difficulty: 149e12,
      avgFeesBtcPerBlock: 0.03,
      btcUsd: null,
      blocks: 150,
      heightEnd: 925344,
    });
    expect(days.find((d) => d.date === '2025-11-21')).toMatchObject({
      difficulty: 152e12,
      avgFeesBtcPerBlock: null,
      btcUsd: 84_000,
    });
    // 11-25 began after the retargets were fetched (11-24 06:00): nothing is known of it: absent.
    expect(days.at(-1)?.date).toBe('2025-11-24');
  });

  it('interpolates the end heights it does not know', () => {
    const { days } = buildDays(s, '2025-11-20', '2025-11-21');
    // 11-20 ends between its mean (11-20 12:00, 925000) and the next point, 11-22's mean (11-22 12:00, 925270):
    // half way: 925000 + 270 / 4 = 925067.5 -> 925067. 11-21 ends at three quarters: 925202.5 -> 925202.
    expect(days.map((d) => d.heightEnd)).toEqual([925067, 925202]);
  });

  it("is as of the fetch for a current period, the last day's end for a past one", () => {
    expect(buildDays(s, '2025-11-01', '2025-11-30').asOfMs).toBe(ms('2025-11-24T06:00:00Z'));
    expect(buildDays(s, '2025-11-01', '2025-11-21').asOfMs).toBe(ms('2025-11-22T00:00:00Z'));
    expect(buildDays(store({}), '2025-11-01', '2025-11-21')).toEqual({ days: [], asOfMs: null });
  });
});
