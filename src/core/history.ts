/**
 * Daily hashprice history and its statistics, from the same difficulty-based formula as the live value.
 * Pure. A day's subsidy follows its height; a halving day blends the two subsidies by its blocks. Days with
 * no data are absent (gaps), never zeros; a day without fees has a BTC hashprice "excluding fees".
 */

import { HALVING_INTERVAL_BLOCKS, subsidyBtc } from './bitcoin.js';
import { dateOfMs, dayStartMs, isDate } from './days.js';
import { hashpriceBtcPerPhDay } from './hashprice.js';
import { netMiningRevenueUsdPerDay } from './mining.js';

/** One UTC day of chain and price data, as the data layer delivers it (live, cached, or from a file). */
export interface DayInput {
  /** YYYY-MM-DD, UTC. */
  date: string;
  /**
   * The difficulty in force at the day's end: that of the newest retarget whose block header time falls before
   * the next UTC midnight (so the difficulty of the day's last blocks). null when unknown.
   */
  difficulty: number | null;
  /** Mean total fees per block that day (header times in the UTC day), in BTC (mempool gives satoshis). */
  avgFeesBtcPerBlock: number | null;
  /** The last USD price at or before the day's end (carried at most 8 days over gaps in the price series). */
  btcUsd: number | null;
  /** Blocks whose header time falls in the day, when known exactly (per-block data, or a file's column). */
  blocks: number | null;
  /**
   * The height at the day's end: exact from per-block data, else interpolated from (time, height) points: the
   * retargets' heights and header times and each day's mean block height and time. For the current (partial)
   * day: the height at the time of the data.
   */
  heightEnd: number | null;
}

export interface HashpriceDay extends DayInput {
  /** The day's mean subsidy per block (a halving day blended by its blocks); null without a height. */
  subsidyBtc: number | null;
  hashpriceBtcPerPhDay: number | null;
  hashpriceUsdPerPhDay: number | null;
  /** false: the BTC figure is the subsidy alone (fees unknown that day). */
  feesIncluded: boolean;
  /** A halving happened that day. */
  halving: boolean;
}

const DAY_MS = 86_400_000;
/** Unix ms of a YYYY-MM-DD day's first instant; NaN when it is not a real date (as Date.parse). */
export const dayMs = (date: string) => (isDate(date) ? dayStartMs(date) : Number.NaN);
/** The UTC calendar date of a Unix ms time, YYYY-MM-DD. */
export const dateOf = dateOfMs;

/** The mean subsidy per block of blocks heightStart + 1 .. heightEnd (a halving inside blends the two). */
export function blendedSubsidyBtc(heightStart: number, heightEnd: number): number {
  const a = Math.max(0, Math.floor(heightStart));
  const b = Math.max(0, Math.floor(heightEnd));
  if (b <= a) return subsidyBtc(b);
  let total = 0;
  for (let h = a + 1; h <= b; ) {
    // The last block of h's subsidy era, within the range.
    const eraEnd = Math.min(b, (Math.floor(h / HALVING_INTERVAL_BLOCKS) + 1) * HALVING_INTERVAL_BLOCKS - 1);
    total += (eraEnd - h + 1) * subsidyBtc(h);
    h = eraEnd + 1;
  }
  return total / (b - a);
}

/** Each day's hashprice in BTC and USD. */
export function hashpriceDays(days: readonly DayInput[]): HashpriceDay[] {
  const out: HashpriceDay[] = [];
  let previousHeight: number | null = null;
  let previousMs: number | null = null;
  for (const day of days) {
    const ms = dayMs(day.date);
    const consecutive = previousMs !== null && ms - previousMs === DAY_MS;
    let subsidy: number | null = null;
    let halving = false;
    if (day.heightEnd !== null) {
      const start =
        consecutive && previousHeight !== null
          ? previousHeight
          : day.blocks !== null
            ? day.heightEnd - day.blocks
            : day.heightEnd - 144;
      subsidy = blendedSubsidyBtc(start, day.heightEnd);
      halving =
        Math.floor(Math.floor(start) / HALVING_INTERVAL_BLOCKS) !==
        Math.floor(Math.floor(day.heightEnd) / HALVING_INTERVAL_BLOCKS);
    }
    const reward = subsidy === null ? null : subsidy + (day.avgFeesBtcPerBlock ?? 0);
    const btc =
      day.difficulty !== null && day.difficulty > 0 && reward !== null
        ? hashpriceBtcPerPhDay(day.difficulty, reward)
        : null;
    // Field by field, not a spread: the same fields in the same order, several times faster on a cold run.
    out.push({
      date: day.date,
      difficulty: day.difficulty,
      avgFeesBtcPerBlock: day.avgFeesBtcPerBlock,
      btcUsd: day.btcUsd,
      blocks: day.blocks,
      heightEnd: day.heightEnd,
      subsidyBtc: subsidy,
      hashpriceBtcPerPhDay: btc,
      hashpriceUsdPerPhDay: btc !== null && day.btcUsd !== null ? btc * day.btcUsd : null,
      feesIncluded: day.avgFeesBtcPerBlock !== null,
      halving,
    });
    previousHeight = day.heightEnd;
    previousMs = ms;
  }
  return out;
}

export interface DatedValue {
  date: string;
  hashpriceUsdPerPhDay: number;
}

export interface HistoryStats {
  /** The last day with a USD hashprice. */
  latest: DatedValue | null;
  average7dUsdPerPhDay: number | null;
  average30dUsdPerPhDay: number | null;
  low: DatedValue | null;
  high: DatedValue | null;
  /** The lowest in all the data loaded, and the first date of that data. */
  lowestSince: { date: string; hashpriceUsdPerPhDay: number; since: string } | null;
  /** From the first day of the latest year in the data (its first USD value) to the latest: a fraction. */
  ytdChange: number | null;
  ytdFrom: DatedValue | null;
  /** From the period's first USD value to the latest: a fraction. */
  periodChange: number | null;
  /** latest / high - 1 (<= 0). */
  drawdownFromHigh: number | null;
  /** Days from the last halving seen in the data (or given) to the latest day. */
  daysSinceHalving: number | null;
  lastHalvingDate: string | null;
  /** BTC-denominated: latest and the period's low, with dates (available offline). */
  latestBtc: { date: string; hashpriceBtcPerPhDay: number; feesIncluded: boolean } | null;
}

function mean(values: number[]): number | null {
  return values.length === 0 ? null : values.reduce((s, v) => s + v, 0) / values.length;
}

/**
 * Statistics of the period `days` (ascending); `all` is every day loaded (for "lowest since"), and
 * `lastHalvingDate` a halving known from outside the period (else the last one found in `all`).
 */
export function historyStats(
  days: readonly HashpriceDay[],
  all: readonly HashpriceDay[] = days,
  lastHalvingDate: string | null = null,
): HistoryStats {
  const usd = days.filter(
    (d): d is HashpriceDay & { hashpriceUsdPerPhDay: number } => d.hashpriceUsdPerPhDay !== null,
  );
  const last = usd.at(-1);
  const latest = last ? { date: last.date, hashpriceUsdPerPhDay: last.hashpriceUsdPerPhDay } : null;
  const window = (n: number) => {
    if (!last) return null;
    const from = dayMs(last.date) - (n - 1) * DAY_MS;
    return mean(usd.filter((d) => dayMs(d.date) >= from).map((d) => d.hashpriceUsdPerPhDay));
  };
  let low: DatedValue | null = null;
  let high: DatedValue | null = null;
  for (const d of usd) {
    if (!low || d.hashpriceUsdPerPhDay < low.hashpriceUsdPerPhDay)
      low = { date: d.date, hashpriceUsdPerPhDay: d.hashpriceUsdPerPhDay };
    if (!high || d.hashpriceUsdPerPhDay > high.hashpriceUsdPerPhDay)
      high = { date: d.date, hashpriceUsdPerPhDay: d.hashpriceUsdPerPhDay };
  }
  const allUsd = all.filter((d) => d.hashpriceUsdPerPhDay !== null);
  let lowest: HistoryStats['lowestSince'] = null;
  for (const d of allUsd) {
    const v = d.hashpriceUsdPerPhDay as number;
    if (!lowest || v < lowest.hashpriceUsdPerPhDay)
      lowest = { date: d.date, hashpriceUsdPerPhDay: v, since: allUsd[0]?.date ?? d.date };
  }
  const year = last?.date.slice(0, 4);
  const ytdStart = year ? allUsd.find((d) => d.date.startsWith(year)) : undefined;
  const first = usd[0];
  const halvings = all.filter((d) => d.halving).map((d) => d.date);
  const halvingDate = halvings.at(-1) ?? lastHalvingDate;
  const lastBtc = [...days].reverse().find((d) => d.hashpriceBtcPerPhDay !== null);
  const latestDate = last?.date ?? lastBtc?.date;
  return {
    latest,
    average7dUsdPerPhDay: window(7),
    average30dUsdPerPhDay: window(30),
    low,
    high,
    lowestSince: lowest,
    ytdChange:
      ytdStart && last ? last.hashpriceUsdPerPhDay / (ytdStart.hashpriceUsdPerPhDay as number) - 1 : null,
    ytdFrom: ytdStart
      ? { date: ytdStart.date, hashpriceUsdPerPhDay: ytdStart.hashpriceUsdPerPhDay as number }
      : null,
    periodChange: first && last ? last.hashpriceUsdPerPhDay / first.hashpriceUsdPerPhDay - 1 : null,
    drawdownFromHigh: high && last ? last.hashpriceUsdPerPhDay / high.hashpriceUsdPerPhDay - 1 : null,
    daysSinceHalving:
      halvingDate && latestDate ? Math.round((dayMs(latestDate) - dayMs(halvingDate)) / DAY_MS) : null,
    lastHalvingDate: halvingDate,
    latestBtc: lastBtc
      ? {
          date: lastBtc.date,
          hashpriceBtcPerPhDay: lastBtc.hashpriceBtcPerPhDay as number,
          feesIncluded: lastBtc.feesIncluded,
        }
      : null,
  };
}

export interface MarginHistory {
  /** Per day: revenue per kWh = hashprice x (1 - pool fee) / (24 x J/TH), minus the power price. */
  days: { date: string; marginUsdPerKwh: number }[];
  daysAtLoss: number;
  daysWithData: number;
}

/** A miner's daily margin per kWh over the days with a USD hashprice, and the days it ran at a loss. */
export function marginHistory(
  days: readonly HashpriceDay[],
  efficiencyJPerTh: number,
  powerUsdPerKwh: number,
  poolFee: number,
): MarginHistory {
  const out = days
    .filter((d) => d.hashpriceUsdPerPhDay !== null)
    .map((d) => ({
      date: d.date,
      // A kW of machines: 1000 / efficiency TH/s earning all day (per kWh: a day's revenue over 24 kWh).
      marginUsdPerKwh:
        netMiningRevenueUsdPerDay(1000 / efficiencyJPerTh, d.hashpriceUsdPerPhDay as number, poolFee, 1) /
          24 -
        powerUsdPerKwh,
    }));
  return { days: out, daysAtLoss: out.filter((d) => d.marginUsdPerKwh < 0).length, daysWithData: out.length };
}

export interface Epoch {
  startHeight: number;
  /** Unix s; null where unknown (estimated by epochStartTimes). */
  startTimeUnix: number | null;
  difficulty: number;
}

/**
 * Epoch start times, the missing ones estimated from Bitcoin Core's rule run backwards: an epoch whose next
 * difficulty is D' after D spanned T x D / D' over 2015 intervals, so it lasted 2016/2015 of that.
 */
export function epochStartTimes(epochs: readonly Epoch[]): { timeUnix: number; estimated: boolean }[] {
  const out: { timeUnix: number; estimated: boolean }[] = [];
  for (let i = 0; i < epochs.length; i++) {
    const e = epochs[i] as Epoch;
    if (e.startTimeUnix !== null) {
      out.push({ timeUnix: e.startTimeUnix, estimated: false });
      continue;
    }
    const prev = epochs[i - 1];
    const prevTime = out[i - 1];
    if (!prev || !prevTime) throw new RangeError('epochStartTimes: the first epoch needs a time');
    const span2015 = (2016 * 600 * prev.difficulty) / e.difficulty;
    out.push({ timeUnix: prevTime.timeUnix + (span2015 * 2016) / 2015, estimated: true });
  }
  return out;
}

/**
 * Days from epochs: each UTC day's difficulty (the one in force at the day's end) and height at the day's
 * end (blocks spread evenly over each epoch). Fees and prices are unknown (null): an offline history.
 */
export function daysFromEpochs(epochs: readonly Epoch[], fromDate: string, toDate: string): DayInput[] {
  const times = epochStartTimes(epochs);
  const days: DayInput[] = [];
  const { from, end } = epochDayRange(times, fromDate, toDate);
  let i = 0;
  for (let t = from; t <= end; t += DAY_MS) {
    const dayEnd = t / 1000 + 86_399;
    i = epochFrom(times, i, dayEnd);
    days.push({
      date: dateOf(t),
      difficulty: (epochs[i] as Epoch).difficulty,
      avgFeesBtcPerBlock: null,
      btcUsd: null,
      blocks: null,
      heightEnd: heightInEpoch(epochs, times, i, dayEnd),
    });
  }
  return days;
}

type EpochTimes = readonly { timeUnix: number }[];

/**
 * The days from `fromDate` to `toDate` the epochs cover, as the first and last day's start (Unix ms; the
 * range is empty when from > end): from the first epoch's start to the last epoch's expected end (its end is
 * not known: 2016 blocks at 600 s).
 */
function epochDayRange(times: EpochTimes, fromDate: string, toDate: string): { from: number; end: number } {
  const first = times[0]?.timeUnix ?? 0;
  const lastStart = times.at(-1)?.timeUnix ?? 0;
  return {
    from: Math.max(dayMs(fromDate), Math.ceil((first * 1000) / DAY_MS) * DAY_MS),
    end: Math.min(dayMs(toDate), (lastStart + 2016 * 600) * 1000),
  };
}

/** The epoch in force at Unix s `time`, walking on from epoch `i`: the last whose start is at or before it. */
function epochFrom(times: EpochTimes, i: number, time: number): number {
  let at = i;
  while (at + 1 < times.length && (times[at + 1] as { timeUnix: number }).timeUnix <= time) at++;
  return at;
}

/** The height at Unix s `time` within epoch i: its 2016 blocks spread evenly over it. */
function heightInEpoch(epochs: readonly Epoch[], times: EpochTimes, i: number, time: number): number {
  const start = (times[i] as { timeUnix: number }).timeUnix;
  const next = times[i + 1]?.timeUnix ?? start + 2016 * 600;
  return (
    (epochs[i] as Epoch).startHeight + Math.min(2016, Math.floor((2016 * (time - start)) / (next - start)))
  );
}

/**
 * Days without a height (a file with none) get the height at their end estimated from the epochs (blocks
 * spread evenly over each epoch; past the last epoch, 144 a day): enough for the subsidy, exact at halvings
 * to within a few hours.
 */
export function fillHeights(days: readonly DayInput[], epochs: readonly Epoch[]): DayInput[] {
  if (days.every((d) => d.heightEnd !== null) || days.length === 0) return [...days];
  const first = days[0] as DayInput;
  const last = days.at(-1) as DayInput;
  // The days daysFromEpochs(epochs, first.date, last.date) dates, from `from` to `end` (day starts, ms),
  // each day's height computed as it does, without building them.
  const times = epochStartTimes(epochs);
  const { from, end } = epochDayRange(times, first.date, last.date);
  const lastKnownMs = end >= from ? from + Math.floor((end - from) / DAY_MS) * DAY_MS : Number.NaN;
  const lastEpochDay = Number.isNaN(lastKnownMs) ? undefined : dateOf(lastKnownMs);
  let i = 0;
  let previousEnd = Number.NEGATIVE_INFINITY;
  const heightAt = (t: number) => {
    const dayEnd = t / 1000 + 86_399;
    // Days ascending: walk on from the last day's epoch (from the first when a day comes earlier).
    if (dayEnd < previousEnd) i = 0;
    previousEnd = dayEnd;
    i = epochFrom(times, i, dayEnd);
    return heightInEpoch(epochs, times, i, dayEnd);
  };
  // Field by field, not a spread (several times faster on a cold run).
  const withHeight = (d: DayInput, heightEnd: number): DayInput => ({
    date: d.date,
    difficulty: d.difficulty,
    avgFeesBtcPerBlock: d.avgFeesBtcPerBlock,
    btcUsd: d.btcUsd,
    blocks: d.blocks,
    heightEnd,
  });
  return days.map((d) => {
    if (d.heightEnd !== null) return d;
    const t = dayMs(d.date);
    if (t >= from && t <= end) return withHeight(d, heightAt(t));
    if (lastEpochDay && d.date > lastEpochDay) {
      const extra = Math.round((t - lastKnownMs) / DAY_MS) * 144;
      return withHeight(d, heightAt(lastKnownMs) + extra);
    }
    return d;
  });
}

/** One month of a monthly hashprice history: its last day with a USD hashprice. */
export interface HashpriceMonth {
  /** YYYY-MM. */
  month: string;
  /** The day the figures are of (the month's last day with a USD hashprice), YYYY-MM-DD. */
  date: string;
  hashpriceUsdPerPhDay: number;
  hashpriceBtcPerPhDay: number;
  btcUsd: number;
  difficulty: number;
  /** That day's mean subsidy per block. */
  subsidyBtc: number;
  /** false: that day's fees are unknown, the hashprice counts the subsidy alone. */
  feesIncluded: boolean;
  /** The halving's day when one happened in the month; else null. */
  halvingDate: string | null;
}

/**
 * A monthly series from daily hashprices (ascending): each calendar month's last day with a USD hashprice (a
 * month-end figure, as monthly price closes are), with the halvings of the month's days. Months without a
 * USD value are absent.
 */
export function monthlyHashprice(days: readonly HashpriceDay[]): HashpriceMonth[] {
  const out: HashpriceMonth[] = [];
  let halving: string | null = null;
  for (let i = 0; i < days.length; i++) {
    const d = days[i] as HashpriceDay;
    const month = d.date.slice(0, 7);
    if (d.halving) halving = d.date;
    const next = days[i + 1];
    const lastOfMonth = !next || next.date.slice(0, 7) !== month;
    if (d.hashpriceUsdPerPhDay !== null && d.hashpriceBtcPerPhDay !== null) {
      // A later day of the month replaces an earlier one.
      const entry: HashpriceMonth = {
        month,
        date: d.date,
        hashpriceUsdPerPhDay: d.hashpriceUsdPerPhDay,
        hashpriceBtcPerPhDay: d.hashpriceBtcPerPhDay,
        btcUsd: d.btcUsd as number,
        difficulty: d.difficulty as number,
        subsidyBtc: d.subsidyBtc as number,
        feesIncluded: d.feesIncluded,
        halvingDate: null,
      };
      if (out.at(-1)?.month === month) out[out.length - 1] = entry;
      else out.push(entry);
    }
    if (lastOfMonth) {
      const last = out.at(-1);
      if (last?.month === month) last.halvingDate = halving;
      halving = null;
    }
  }
  return out;
}
