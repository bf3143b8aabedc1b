/**
 * Which request each route needs, given what the cache holds (pure). The routes and why these intervals
 * (mempool backend: mining-routes.ts, mining.ts getTimeRange, repositories; reference facts, section 8):
 * - difficulty: /api/v1/mining/difficulty-adjustments[/:interval], raw rows, one per retarget (~20 kB for all
 *   of history). First run: no interval (all history). Later: the shortest interval whose window (relative to
 *   the server's clock) reaches back past the last fetch by a day, so no retarget since can be missing.
 * - fees: /api/v1/mining/blocks/fees/:interval buckets blocks by UNIX_TIMESTAMP(header time) DIV a size set by
 *   the interval: 24h and 3d per block (1 s), 1w 5 min, 1m 30 min, 3m 2 h, 6m 3 h, 1y/2y 8 h, 3y/4y 12 h, and
 *   any other interval (`all`) no time filter and 1-day buckets. Only the two ends give a day's mean per block
 *   exactly: a bucket's row has no block count, so sub-daily buckets cannot be weighted into a day. First run
 *   and long gaps: `all` (one row per UTC day since genesis, ~400 kB). Later runs whose first unsettled day
 *   lies inside the last 24 hours or 3 days: `24h` or `3d`, per-block rows (~10-30 kB), which also give each
 *   day's exact block count and end height.
 * - USD price: /api/v1/historical-price?currency=USD is the whole history (no interval; ~1-2 MB on
 *   mempool.space: weekly before late 2013, daily, then hourly); with &timestamp=T it is one row, the last price
 *   at or before T. First run and gaps of more than 4 days: the whole history; otherwise one &timestamp request
 *   per missing day (its last second; the current day: now).
 * A route is not asked at all when the cache fetched it less than 10 minutes ago, or when every requested day
 * is settled in the cache (a period that ended in the past).
 * Not used: the hashrate route's `difficulty` (averaged per 86,400 s bucket, not per retarget, and only with an
 * interval); /blocks/fees?from=&to= (mempool 2024-05 on: its bucket size follows the span, daily only beyond
 * 4 years, so it is no lighter than `all`, and older self-hosted instances lack it).
 */
import { addDays, DAY_MS, dateOfMs, dayEndMs, dayStartMs } from '../../core/days.js';
import type { DaySeries, RetargetSeries } from './store.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
/** A cached route younger than this is not asked again. */
export const FRESH_MS = 10 * MINUTE;
/**
 * A day is final this long after it ends: a block's header time may lag its finding by an hour or more, and
 * mempool lists a block only once a price row after it exists (blocks_prices), which can take an hour.
 */
export const SETTLE_MS = 3 * HOUR;
/** Slack between our clock and the server's when a window must reach back to a day's start. */
export const WINDOW_MARGIN_MS = HOUR;
/** Gaps up to this many days of prices are filled one &timestamp request per day. */
export const PRICE_REQUESTS_MAX = 4;

/** The mining routes' intervals with the shortest window each can mean (a month is at least 28 days). */
export const INTERVAL_DAYS: readonly (readonly [string, number])[] = [
  ['24h', 1],
  ['3d', 3],
  ['1w', 7],
  ['1m', 28],
  ['3m', 89],
  ['6m', 181],
  ['1y', 365],
  ['2y', 730],
  ['3y', 1095],
  ['4y', 1460],
];

/** interval null: the route without one (all history). */
export type RetargetPlan = { interval: string | null };
export type FeesPlan = { interval: 'all' | '24h' | '3d' };
/** days null: the whole history; else one &timestamp request per day. */
export type PricesPlan = { days: string[] | null };

export interface HistoryPlan {
  retargets?: RetargetPlan;
  fees?: FeesPlan;
  prices?: PricesPlan;
}

/** From these days on every day has blocks (fees) and a daily price row (mempool: weekly before late 2013). */
export const FEES_DAILY_SINCE = '2011-01-01';
export const PRICES_DAILY_SINCE = '2014-01-01';

/**
 * A day missing inside the cached series (after `dailySince`, up to its settledThrough): an interrupted or
 * partial fetch. The settled mark must not hide it, nor make "latest" an older day: the series is refetched.
 */
export function hasGap(
  series: DaySeries<{ date: string }>,
  dailySince: string,
  fromDate = dailySince,
  toDate = '9999-12-31',
): boolean {
  const { days, settledThrough } = series;
  if (settledThrough === null) return false;
  const from = fromDate > dailySince ? fromDate : dailySince;
  const to = toDate < settledThrough ? toDate : settledThrough;
  if (from > to) return false;
  // Every day from `from` to `to` must be there (the days are ascending, one per date).
  let expected = from;
  for (const { date } of days) {
    if (date < from) continue;
    if (date > to) break;
    if (date !== expected) return true;
    expected = addDays(expected, 1);
  }
  return expected <= to;
}

const fresh = (fetchedAtMs: number, nowMs: number) =>
  nowMs - fetchedAtMs >= 0 && nowMs - fetchedAtMs < FRESH_MS;

export function planRetargets(
  series: RetargetSeries | null,
  toDate: string,
  nowMs: number,
  refresh: boolean,
): RetargetPlan | undefined {
  if (!series || refresh || series.fetchedAtMs > nowMs) return { interval: null };
  if (fresh(series.fetchedAtMs, nowMs) || dayEndMs(toDate) + SETTLE_MS <= series.fetchedAtMs)
    return undefined;
  const needMs = nowMs - series.fetchedAtMs + DAY_MS;
  const found = INTERVAL_DAYS.find(([, days]) => days * DAY_MS >= needMs);
  return { interval: found ? found[0] : null };
}

export function planFees(
  series: DaySeries<{ date: string }> | null,
  toDate: string,
  nowMs: number,
  refresh: boolean,
  fromDate?: string,
): FeesPlan | undefined {
  if (!series || refresh || series.settledThrough === null || series.fetchedAtMs > nowMs)
    return { interval: 'all' };
  if (fresh(series.fetchedAtMs, nowMs)) return undefined;
  // Days missing inside the cache are refetched (the whole series: the light requests cover only recent days).
  if (hasGap(series, FEES_DAILY_SINCE, fromDate, toDate)) return { interval: 'all' };
  if (toDate <= series.settledThrough) return undefined;
  const firstStartMs = dayStartMs(addDays(series.settledThrough, 1));
  if (firstStartMs >= nowMs - DAY_MS + WINDOW_MARGIN_MS) return { interval: '24h' };
  if (firstStartMs >= nowMs - 3 * DAY_MS + WINDOW_MARGIN_MS) return { interval: '3d' };
  return { interval: 'all' };
}

export function planPrices(
  series: DaySeries<{ date: string }> | null,
  toDate: string,
  nowMs: number,
  refresh: boolean,
  fromDate?: string,
): PricesPlan | undefined {
  if (!series || refresh || series.settledThrough === null || series.fetchedAtMs > nowMs)
    return { days: null };
  if (fresh(series.fetchedAtMs, nowMs)) return undefined;
  // Days missing inside the cache are refetched (the whole series: the light requests cover only recent days).
  if (hasGap(series, PRICES_DAILY_SINCE, fromDate, toDate)) return { days: null };
  if (toDate <= series.settledThrough) return undefined;
  const days: string[] = [];
  const today = dateOfMs(nowMs);
  for (let d = addDays(series.settledThrough, 1); d <= today; d = addDays(d, 1)) {
    days.push(d);
    if (days.length > PRICE_REQUESTS_MAX) return { days: null };
  }
  return days.length > 0 ? { days } : undefined;
}

/** A day is final when fetched at least SETTLE_MS after its end. */
export function settledAt(date: string, fetchedAtMs: number): boolean {
  return dayEndMs(date) + SETTLE_MS <= fetchedAtMs;
}
