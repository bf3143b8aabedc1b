/**
 * The daily series a command gets, built from what the cache holds (store.ts). Pure.
 * - difficulty: that of the newest retarget whose header time is before the day's end (the difficulty of the
 *   day's last blocks), for days that began before the retargets were fetched (a later retarget could be
 *   missing otherwise);
 * - fees: the day's mean per block, satoshis to BTC;
 * - price: the day's record (the last price at or before the day's end);
 * - blocks: exact only (per-block data), else null;
 * - heightEnd: exact when known, else interpolated in time between (time, height) points: the retargets'
 *   header times and heights, each day's mean block time and mean height, and the exact day ends. Between
 *   two days' means this is the midpoint of their mean heights, within a few blocks of the true end height.
 *   The current day ends at the time of the data; past the last point it is extrapolated at the recent pace,
 *   for at most two days.
 * A day with none of difficulty, fees and price is absent: a gap, never zeros.
 */
import { SATS_PER_BTC } from '../../core/bitcoin.js';
import { addDays, DAY_SEC, dateOfMs, dateOfSec, dayEndMs, dayStartMs } from '../../core/days.js';
import type { FeeDay, HistoryStore, PriceDay } from './store.js';
import type { HistoryDay } from './types.js';

interface Point {
  t: number;
  h: number;
}

const EXTRAPOLATE_MAX_SEC = 2 * DAY_SEC;
const PACE_SPAN_SEC = DAY_SEC / 2;
const DEFAULT_BLOCKS_PER_SEC = 1 / 600;
const POINTS_MARGIN_SEC = 40 * DAY_SEC;

/** (time, height) points sorted by time, heights made non-decreasing (header times are not monotonic). */
export function heightPoints(
  store: Pick<HistoryStore, 'retargets' | 'fees'>,
  fromSec = Number.NEGATIVE_INFINITY,
  toSec = Number.POSITIVE_INFINITY,
): Point[] {
  // Only the neighbourhood of the period matters (retargets are about two weeks apart).
  const lo = fromSec - POINTS_MARGIN_SEC;
  const hi = toSec + POINTS_MARGIN_SEC;
  const points: Point[] = [];
  const fetchedAtMs = store.fees?.fetchedAtMs ?? Number.POSITIVE_INFINITY;
  for (const r of store.retargets?.rows ?? [])
    if (r.timeSec >= lo && r.timeSec <= hi) points.push({ t: r.timeSec, h: r.height });
  for (const d of store.fees?.days ?? []) {
    if (d.timeSec < lo || d.timeSec > hi) continue;
    points.push({ t: d.timeSec, h: d.avgHeight });
    // Between the day's last block and the next one, as a mean point sits between its blocks.
    // (The current day's "end" is the time of the data.)
    if (d.heightEnd !== null)
      points.push({ t: Math.min(dayEndMs(d.date), fetchedAtMs) / 1000, h: d.heightEnd + 0.5 });
  }
  points.sort((a, b) => a.t - b.t || a.h - b.h);
  let top = Number.NEGATIVE_INFINITY;
  for (const p of points) {
    top = Math.max(top, p.h);
    p.h = top;
  }
  return points;
}

/** The height at time `t` (Unix s), or null before the first point or too far past the last. */
export function heightAt(points: readonly Point[], t: number): number | null {
  const n = points.length;
  const first = points[0];
  const last = points[n - 1];
  if (!first || !last || t < first.t) return null;
  if (t >= last.t) {
    if (t - last.t > EXTRAPOLATE_MAX_SEC) return null;
    // The pace over the last half day or more of points.
    let pace = DEFAULT_BLOCKS_PER_SEC;
    for (let i = n - 2; i >= 0; i--) {
      const p = points[i] as Point;
      if (last.t - p.t >= PACE_SPAN_SEC) {
        pace = (last.h - p.h) / (last.t - p.t);
        break;
      }
    }
    return Math.floor(last.h + (t - last.t) * pace + 1e-9);
  }
  let lo = 0;
  let hi = n - 1;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    if ((points[mid] as Point).t <= t) lo = mid;
    else hi = mid;
  }
  const a = points[lo] as Point;
  const b = points[hi] as Point;
  const h = b.t === a.t ? b.h : a.h + ((b.h - a.h) * (t - a.t)) / (b.t - a.t);
  return Math.floor(h + 1e-9);
}

export interface BuiltDays {
  days: HistoryDay[];
  /** The data is current as of this time: each series' fetch time, or the end of its last day returned. */
  asOfMs: number | null;
}

export function buildDays(store: HistoryStore, fromDate: string, toDate: string): BuiltDays {
  const retargets = store.retargets?.rows ?? [];
  const retargetsUntilMs = store.retargets?.fetchedAtMs ?? Number.NEGATIVE_INFINITY;
  const fees = store.fees?.days ?? [];
  const prices = store.prices?.days ?? [];
  const feesUntilMs = store.fees?.fetchedAtMs ?? Number.NEGATIVE_INFINITY;

  const firsts: string[] = [];
  const lasts: string[] = [];
  const firstRetarget = retargets[0];
  if (firstRetarget) {
    firsts.push(dateOfSec(firstRetarget.timeSec));
    lasts.push(dateOfMs(retargetsUntilMs));
  }
  for (const series of [fees, prices] as { date: string }[][]) {
    const a = series[0];
    const b = series[series.length - 1];
    if (a && b) {
      firsts.push(a.date);
      lasts.push(b.date);
    }
  }
  if (firsts.length === 0) return { days: [], asOfMs: null };
  const first = [...firsts].sort()[0] as string;
  const last = [...lasts].sort()[lasts.length - 1] as string;
  const begin = first > fromDate ? first : fromDate;
  const end = last < toDate ? last : toDate;

  const points = heightPoints(store, dayStartMs(begin) / 1000, dayEndMs(end) / 1000);
  const days: HistoryDay[] = [];
  let r = -1;
  let f = 0;
  let p = 0;
  let lastFee: FeeDay | undefined;
  let lastPrice: PriceDay | undefined;
  let lastDifficultyDate: string | undefined;
  for (let date = begin; date <= end; date = addDays(date, 1)) {
    const endMs = dayEndMs(date);
    while (r + 1 < retargets.length && (retargets[r + 1]?.timeSec ?? 0) * 1000 < endMs) r++;
    const retarget = r >= 0 && dayStartMs(date) <= retargetsUntilMs ? retargets[r] : undefined;
    while (f < fees.length && (fees[f]?.date ?? '') < date) f++;
    const fee = fees[f]?.date === date ? fees[f] : undefined;
    while (p < prices.length && (prices[p]?.date ?? '') < date) p++;
    const price = prices[p]?.date === date ? prices[p] : undefined;
    if (!retarget && !fee && !price) continue;
    const at = Math.min(endMs, Math.max(feesUntilMs, retargetsUntilMs));
    days.push({
      date,
      difficulty: retarget?.difficulty ?? null,
      avgFeesBtcPerBlock: fee ? fee.feesSats / SATS_PER_BTC : null,
      btcUsd: price?.usd ?? null,
      blocks: fee?.blocks ?? null,
      heightEnd: fee?.heightEnd ?? heightAt(points, at / 1000),
    });
    if (fee) lastFee = fee;
    if (price) lastPrice = price;
    if (retarget) lastDifficultyDate = date;
  }

  const asOf: number[] = [];
  const upTo = (date: string, fetchedAtMs: number) => Math.min(dayEndMs(date), fetchedAtMs);
  if (lastFee && store.fees) asOf.push(upTo(lastFee.date, store.fees.fetchedAtMs));
  if (lastPrice && store.prices) asOf.push(upTo(lastPrice.date, store.prices.fetchedAtMs));
  if (lastDifficultyDate && store.retargets) asOf.push(upTo(lastDifficultyDate, store.retargets.fetchedAtMs));
  return { days, asOfMs: asOf.length > 0 ? Math.max(...asOf) : null };
}
