/**
 * The three history routes of a mempool instance: URLs, zod/mini schemas and the checks that turn a response
 * into the day series the cache holds. Shapes and traps (mempool backend source; reference facts, section 8):
 * - difficulty-adjustments: [time, height, difficulty, adjustment] NEWEST FIRST; time = the retarget block's
 *   header time, Unix s; adjustment a ratio new/old (0 on the genesis row). Difficulty 0 or below is a
 *   failed source (an instance without its node), never a value.
 * - blocks/fees: [{ avgHeight, timestamp, avgFees, USD }] with NO ORDER BY (sorted here); avgFees = CAST(AVG(fees)
 *   AS INT), satoshis per block; timestamp the bucket's mean header time, so it falls inside its bucket and its
 *   UTC day (every bucket size divides 86,400 s). Header times are not monotonic: a block belongs to the day
 *   of its header time, whatever its height. Blocks appear only once linked to a later price row, so the
 *   newest hour or so may be missing (hence the settling delay in plan.ts).
 * - historical-price: { prices: [{ time, USD }], exchangeRates } NEWEST FIRST, mixed granularity; prices are
 *   saved at the hour rounded to the nearest. USD 0 is a placeholder (the fake row before 2010-07-19, a price
 *   the server rejected), a negative one missing: both skipped, the day keeps the last price before it.
 */
import * as z from 'zod/mini';
import { DAY_MS, DAY_SEC, dateOfMs, dateOfSec, dayEndMs, dayStartMs } from '../../core/days.js';
import { FetchFailure, type HttpResponse } from '../http.js';
import { parseJson } from '../sources/common.js';
import { INTERVAL_DAYS, SETTLE_MS, settledAt, WINDOW_MARGIN_MS } from './plan.js';
import type { DaySeries, FeeDay, PriceDay, Retarget, RetargetSeries } from './store.js';

/** Header time of the genesis block. */
export const GENESIS_TIME_SEC = 1_231_006_505;
const MAX_DIFFICULTY = 1e18;
const MAX_FEES_SATS = 50 * 1e8;
const MAX_USD = 1e8;
const MAX_HEIGHT = 10_000_000;
/** Header times may run up to two hours ahead of the network's clock. */
const FUTURE_SLACK_SEC = 2 * 3600 + 600;
/** A day's price is the last one at or before its end, if no older than this (weekly rows before 2013). */
export const PRICE_MAX_AGE_MS = 8 * DAY_MS;
/** Consensus clamps each retarget to a factor of 4 of the target. */
const CLAMP = 4 * (1 + 1e-6);

const invalid = (message: string) => new FetchFailure('invalid', message);

export const retargetsSchema = z.array(z.tuple([z.number(), z.number(), z.number(), z.number()]));
export const feeBucketsSchema = z.array(
  z.object({
    avgHeight: z.number(),
    timestamp: z.number(),
    avgFees: z.number(),
    USD: z.optional(z.nullable(z.number())),
  }),
);
export const historicalPriceSchema = z.object({
  prices: z.array(z.object({ time: z.number(), USD: z.number() })),
  exchangeRates: z.optional(z.unknown()),
});

export function retargetsUrl(api: string, interval: string | null): string {
  return `${api}/v1/mining/difficulty-adjustments${interval ? `/${interval}` : ''}`;
}
export function feesUrl(api: string, interval: string): string {
  return `${api}/v1/mining/blocks/fees/${interval}`;
}
export function pricesUrl(api: string, timestampSec?: number): string {
  return `${api}/v1/historical-price?currency=USD${timestampSec === undefined ? '' : `&timestamp=${timestampSec}`}`;
}

const isInt = (n: number) => Number.isInteger(n);

function checkTime(timeSec: number, fetchedAtMs: number, what: string): void {
  if (
    !isInt(timeSec) ||
    timeSec < GENESIS_TIME_SEC - DAY_SEC ||
    timeSec > fetchedAtMs / 1000 + FUTURE_SLACK_SEC
  )
    throw invalid(`sent an implausible ${what} time (${timeSec})`);
}

/** difficulty-adjustments: every row checked, sorted by height. `all`: the whole history was asked for. */
export function readRetargets(response: HttpResponse, fetchedAtMs: number, all: boolean): RetargetSeries {
  const rows = parseJson(response, retargetsSchema);
  if (all && rows.length === 0) throw invalid('sent no difficulty adjustments');
  const out: Retarget[] = rows.map(([timeSec, height, difficulty]) => {
    if (difficulty === 0) throw invalid('reported difficulty 0 (its Bitcoin node may be down)');
    if (!(difficulty > 0) || difficulty > MAX_DIFFICULTY)
      throw invalid(`reported an implausible difficulty (${difficulty})`);
    if (!isInt(height) || height < 0 || height > MAX_HEIGHT || height % 2016 !== 0)
      throw invalid(`reported a retarget at an implausible height (${height})`);
    checkTime(timeSec, fetchedAtMs, 'retarget');
    return { timeSec, height, difficulty };
  });
  out.sort((a, b) => a.height - b.height);
  for (let i = 1; i < out.length; i++) {
    const a = out[i - 1] as Retarget;
    const b = out[i] as Retarget;
    if (a.height === b.height) throw invalid(`reported the retarget at ${b.height} twice`);
    const ratio = b.difficulty / a.difficulty;
    if (b.height - a.height === 2016 && (ratio > CLAMP || ratio < 1 / CLAMP))
      throw invalid(`reported a difficulty change beyond the 4x clamp at height ${b.height}`);
  }
  return { fetchedAtMs, rows: out };
}

interface Bucket {
  height: number;
  timeSec: number;
  fees: number;
}

function readBuckets(response: HttpResponse, fetchedAtMs: number): Bucket[] {
  const rows = parseJson(response, feeBucketsSchema);
  if (rows.length === 0) throw invalid('sent no blocks');
  const out = rows.map((row) => {
    if (!isInt(row.avgHeight) || row.avgHeight < 0 || row.avgHeight > MAX_HEIGHT)
      throw invalid(`sent an implausible height (${row.avgHeight})`);
    if (!(row.avgFees >= 0) || row.avgFees > MAX_FEES_SATS)
      throw invalid(`reported implausible fees (${row.avgFees} sats per block)`);
    checkTime(row.timestamp, fetchedAtMs, 'block');
    return { height: row.avgHeight, timeSec: row.timestamp, fees: row.avgFees };
  });
  // No ORDER BY on the server: sort by time (then height).
  return out.sort((a, b) => a.timeSec - b.timeSec || a.height - b.height);
}

/**
 * Days final in a fee response: fetched SETTLE_MS after the day's end, with blocks of a later day listed
 * (so the day's last blocks were linked to a price and are in the answer).
 */
function settledThrough(dates: readonly string[], newestTimeSec: number, fetchedAtMs: number): string | null {
  let last: string | null = null;
  for (const date of dates) {
    if (settledAt(date, fetchedAtMs) && newestTimeSec * 1000 >= dayEndMs(date)) last = date;
  }
  return last;
}

/** A fee series of `days` from sorted `buckets`, with the days the response settles. */
function feeSeries(days: FeeDay[], buckets: readonly Bucket[], fetchedAtMs: number): DaySeries<FeeDay> {
  const newest = (buckets[buckets.length - 1] as Bucket).timeSec;
  return {
    fetchedAtMs,
    settledThrough: settledThrough(
      days.map((d) => d.date),
      newest,
      fetchedAtMs,
    ),
    days,
  };
}

/** blocks/fees/all: one bucket per UTC day; the bucket is the day. */
export function readDailyFees(response: HttpResponse, fetchedAtMs: number): DaySeries<FeeDay> {
  const buckets = readBuckets(response, fetchedAtMs);
  const days: FeeDay[] = [];
  for (const b of buckets) {
    const date = dateOfSec(b.timeSec);
    if (days[days.length - 1]?.date === date)
      throw invalid(`sent more than one fee bucket for ${date} (not daily buckets)`);
    days.push({
      date,
      feesSats: b.fees,
      timeSec: b.timeSec,
      avgHeight: b.height,
      blocks: null,
      heightEnd: null,
    });
  }
  return feeSeries(days, buckets, fetchedAtMs);
}

/**
 * blocks/fees/24h or /3d: one row per block (per distinct header second: two blocks in the same second share
 * a row, which this counts as one). Only days that began inside the window (less a margin for clocks) are
 * complete; each gets its mean fees, exact block count and exact end height (the highest block whose header
 * time is before the day's end).
 */
export function readPerBlockFees(
  response: HttpResponse,
  fetchedAtMs: number,
  interval: '24h' | '3d',
): DaySeries<FeeDay> {
  const buckets = readBuckets(response, fetchedAtMs);
  const windowDays = INTERVAL_DAYS.find(([name]) => name === interval)?.[1] ?? 1;
  const windowStartMs = fetchedAtMs - windowDays * DAY_MS + WINDOW_MARGIN_MS;
  const groups = new Map<string, Bucket[]>();
  for (const b of buckets) {
    const date = dateOfSec(b.timeSec);
    if (dayStartMs(date) < windowStartMs) continue;
    const list = groups.get(date) ?? [];
    list.push(b);
    groups.set(date, list);
  }
  const days: FeeDay[] = [];
  let i = 0;
  let maxHeight = -1;
  for (const [date, blocks] of [...groups].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const endSec = dayEndMs(date) / 1000;
    while (i < buckets.length && (buckets[i] as Bucket).timeSec < endSec) {
      maxHeight = Math.max(maxHeight, (buckets[i] as Bucket).height);
      i++;
    }
    const n = blocks.length;
    const sum = (pick: (b: Bucket) => number) => blocks.reduce((s, b) => s + pick(b), 0);
    days.push({
      date,
      feesSats: sum((b) => b.fees) / n,
      timeSec: Math.round(sum((b) => b.timeSec) / n),
      avgHeight: sum((b) => b.height) / n,
      blocks: n,
      heightEnd: maxHeight,
    });
  }
  return feeSeries(days, buckets, fetchedAtMs);
}

interface PriceRow {
  timeSec: number;
  usd: number;
}

function readPriceRows(response: HttpResponse, fetchedAtMs: number): PriceRow[] {
  const body = parseJson(response, historicalPriceSchema);
  const rows: PriceRow[] = [];
  for (const row of body.prices) {
    checkTime(row.time, fetchedAtMs, 'price');
    // 0: the placeholder before 2010-07-19 or a price the server rejected; negative: missing.
    if (!(row.USD > 0) || row.USD > MAX_USD) continue;
    rows.push({ timeSec: row.time, usd: row.USD });
  }
  return rows.sort((a, b) => a.timeSec - b.timeSec);
}

/** historical-price (whole history): each day from the first price to today gets the last price before its end. */
export function readPriceHistory(response: HttpResponse, fetchedAtMs: number): DaySeries<PriceDay> {
  const rows = readPriceRows(response, fetchedAtMs);
  const first = rows[0];
  const newest = rows[rows.length - 1];
  if (!first || !newest) throw invalid('sent no USD prices');
  const days: PriceDay[] = [];
  const today = dateOfMs(fetchedAtMs);
  let i = -1;
  let settled: string | null = null;
  for (let ms = dayStartMs(dateOfSec(first.timeSec)); ms <= dayStartMs(today); ms += DAY_MS) {
    const endMs = ms + DAY_MS;
    while (i + 1 < rows.length && (rows[i + 1] as PriceRow).timeSec * 1000 < endMs) i++;
    const row = rows[i];
    const date = dateOfMs(ms);
    if (row && row.timeSec * 1000 >= endMs - PRICE_MAX_AGE_MS)
      days.push({ date, usd: row.usd, timeSec: row.timeSec });
    if (endMs + SETTLE_MS <= fetchedAtMs && newest.timeSec * 1000 >= endMs) settled = date;
  }
  return { fetchedAtMs, settledThrough: settled, days };
}

/** The last second of a day, or now for the current day: the &timestamp to ask for. */
export function priceTimestampFor(date: string, nowMs: number): number {
  return Math.min(Math.floor(dayEndMs(date) / 1000) - 1, Math.floor(nowMs / 1000));
}

/**
 * historical-price&timestamp=T: one row, the last price at or before T (a USD 0 placeholder before
 * 2010-07-19). Undefined when the price is missing or older than PRICE_MAX_AGE_MS.
 */
export function readPriceAt(
  response: HttpResponse,
  date: string,
  timestampSec: number,
  fetchedAtMs: number,
): PriceDay | undefined {
  const rows = readPriceRows(response, fetchedAtMs);
  const row = rows[rows.length - 1];
  if (!row) return undefined;
  if (row.timeSec > timestampSec)
    throw invalid(`sent a price from after the time asked (${row.timeSec} > ${timestampSec})`);
  if (row.timeSec * 1000 < dayEndMs(date) - PRICE_MAX_AGE_MS) return undefined;
  return { date, usd: row.usd, timeSec: row.timeSec };
}

/** The per-day answers as a series: settled through the last of the leading days fetched SETTLE_MS after their end. */
export function priceSeriesOf(
  dates: readonly string[],
  answers: readonly (PriceDay | undefined)[],
  fetchedAtMs: number,
): DaySeries<PriceDay> {
  let settled: string | null = null;
  for (const date of dates) {
    if (!settledAt(date, fetchedAtMs)) break;
    settled = date;
  }
  return {
    fetchedAtMs,
    settledThrough: settled,
    days: answers.filter((d): d is PriceDay => d !== undefined),
  };
}
