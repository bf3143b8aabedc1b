/**
 * The network model's backtest: from the first difficulty epoch of a past month, the chain (chain.ts) runs
 * with the model (network-model.ts) on the realized BTC/USD path (monthly closes, log-linear between them) and
 * constant fees, and each month's modelled difficulty is set against the epoch actually in force at that
 * month's end. Pure: the epochs, the price table and the parameters come in as plain data.
 */
import { MONTH_SEC, projectChain } from './chain.js';
import { type Epoch, epochStartTimes } from './history.js';
import type { NetworkModelParams } from './network-model.js';

export interface BacktestMonth {
  /** 1-based month from the window's start. */
  month: number;
  /** ISO date of the month's end (the comparison's time). */
  date: string;
  modelledDifficulty: number;
  actualDifficulty: number;
  /** modelled / actual - 1. */
  error: number;
  modelledHashrateEhs: number;
  btcUsd: number;
}

export interface BacktestWindow {
  /** YYYY-MM the window starts in; it starts at the first epoch that begins in or after it. */
  from: string;
  startHeight: number;
  startDate: string;
  months: BacktestMonth[];
  /** Mean of |error| over the months. */
  meanAbsError: number;
  /** Largest |error|. */
  maxAbsError: number;
}

/** BTC/USD at a Unix time from monthly closes ([YYYY-MM, close]): log-linear between the closes' times. */
export function priceFromCloses(
  closes: readonly (readonly [string, number])[],
): (timeUnix: number) => number {
  const points = closes.map(([month, usd]) => {
    const [y, m] = month.split('-').map(Number) as [number, number];
    // The close of month m is the price at 00:00 UTC on the first of month m + 1.
    return [Date.UTC(y, m, 1) / 1000, Math.log(usd)] as const;
  });
  return (timeUnix) => {
    const first = points[0];
    const last = points.at(-1);
    if (!first || !last) return Number.NaN;
    if (timeUnix <= first[0]) return Math.exp(first[1]);
    if (timeUnix >= last[0]) return Math.exp(last[1]);
    let i = 1;
    while ((points[i] as readonly [number, number])[0] < timeUnix) i++;
    const [t1, l1] = points[i] as readonly [number, number];
    const [t0, l0] = points[i - 1] as readonly [number, number];
    return Math.exp(l0 + ((l1 - l0) * (timeUnix - t0)) / (t1 - t0));
  };
}

/** The model's parameters, or a constant monthly growth (`--network trend`) to compare with. */
export function backtestWindow(
  network: NetworkModelParams | { growthPerMonth: number },
  epochs: readonly Epoch[],
  closes: readonly (readonly [string, number])[],
  from: string,
  avgFeesBtcPerBlock: number,
): BacktestWindow {
  const times = epochStartTimes(epochs);
  const [y, m] = from.split('-').map(Number) as [number, number];
  const fromUnix = Date.UTC(y, m - 1, 1) / 1000;
  const startIndex = times.findIndex((t) => t.timeUnix >= fromUnix);
  const start = epochs[startIndex];
  const startTime = times[startIndex];
  const lastTime = times.at(-1);
  if (!start || !startTime || !lastTime) throw new RangeError(`backtest: no epoch from ${from}`);
  const t0 = startTime.timeUnix;
  // Months whose end falls before the newest epoch's expected end (two weeks after its start).
  const months = Math.floor((lastTime.timeUnix + 14 * 86_400 - t0) / MONTH_SEC);
  const price = priceFromCloses(closes);
  const chain = projectChain({
    heightBlocks: start.startHeight,
    difficulty: start.difficulty,
    btcUsd: price(t0),
    btcUsdAt: (tSec) => price(t0 + tSec),
    avgFeesBtcPerBlock,
    difficultyGrowthPerMonth: 'growthPerMonth' in network ? network.growthPerMonth : 0,
    networkModel: 'growthPerMonth' in network ? null : network,
    btcGrowthPerYear: 0,
    feesGrowthPerYear: 0,
    months,
  });
  let index = startIndex;
  const rows: BacktestMonth[] = chain.months.map((c) => {
    const at = t0 + c.month * MONTH_SEC;
    while (index + 1 < times.length && (times[index + 1] as { timeUnix: number }).timeUnix <= at) index++;
    const actual = (epochs[index] as Epoch).difficulty;
    return {
      month: c.month,
      date: new Date(at * 1000).toISOString().slice(0, 10),
      modelledDifficulty: c.difficulty,
      actualDifficulty: actual,
      error: c.difficulty / actual - 1,
      modelledHashrateEhs: c.networkHashrateEhs,
      btcUsd: c.btcUsd,
    };
  });
  const abs = rows.map((r) => Math.abs(r.error));
  return {
    from,
    startHeight: start.startHeight,
    startDate: new Date(t0 * 1000).toISOString().slice(0, 10),
    months: rows,
    meanAbsError: abs.reduce((s, e) => s + e, 0) / Math.max(1, abs.length),
    maxAbsError: abs.reduce((s, e) => Math.max(s, e), 0),
  };
}

/** The windows `npm run backtest` and its test run: the 2024 halving's month, January 2025, November 2025. */
export const BACKTEST_WINDOWS = ['2024-04', '2025-01', '2025-11'] as const;

/**
 * Fees a block in the backtest, BTC: no licensed fee history is embedded (FACTS 8), so the embedded snapshot's
 * figure (Hashrate Index, 2026-01-12: 17 BTC over ~1,008 blocks) throughout.
 */
export const BACKTEST_FEES_BTC_PER_BLOCK = 17 / 1008;
