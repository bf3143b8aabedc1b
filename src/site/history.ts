/**
 * `history`: daily hashprice from loaded days (a file, a mempool instance, the cache, or the embedded
 * difficulty epochs), the period's statistics and a miner's margin history.
 */

import { BTC_MONTHLY_CLOSE_USD, BTC_MONTHLY_SOURCE } from '../catalog/btc-monthly.js';
import { DIFFICULTY_EPOCHS, DIFFICULTY_EPOCHS_SOURCE } from '../catalog/difficulty-epochs.js';
import { HALVING_INTERVAL_BLOCKS } from '../core/bitcoin.js';
import {
  type DayInput,
  dateOf,
  daysFromEpochs,
  epochStartTimes,
  fillHeights,
  type HashpriceDay,
  type HashpriceMonth,
  type HistoryStats,
  hashpriceDays,
  historyStats,
  type MarginHistory,
  marginHistory,
  monthlyHashprice,
} from '../core/history.js';
import type { FleetModel } from '../core/mining.js';

const EPOCHS = DIFFICULTY_EPOCHS.map(([startHeight, startTimeUnix, difficulty]) => ({
  startHeight,
  startTimeUnix,
  difficulty,
}));

/** The expected end of the last embedded epoch (its start estimated, plus 2016 blocks at 600 s). */
export const EMBEDDED_EPOCHS_END = (() => {
  const times = epochStartTimes(EPOCHS);
  return dateOf(((times.at(-1)?.timeUnix ?? 0) + 2016 * 600) * 1000);
})();

/** Days from the embedded difficulty epochs alone (no fees, no prices), `since` to `until` (YYYY-MM-DD). */
export function embeddedDays(since: string, until: string): DayInput[] {
  return daysFromEpochs(EPOCHS, since, until);
}

/** Each day's hashprice, heights filled from the embedded epochs where a day has none. */
export function hashpriceSeries(days: readonly DayInput[]): HashpriceDay[] {
  return hashpriceDays(fillHeights(days, EPOCHS));
}

/** A miner's margin inputs: its model, the power price and the pool's fee. */
export interface MarginQuestion {
  model: Pick<FleetModel, 'name' | 'powerW' | 'hashrateThs'>;
  powerUsdPerKwh: number;
  poolFee: number;
}

export interface SiteHistory {
  /** The days from `since` to `until` with data. */
  days: HashpriceDay[];
  stats: HistoryStats;
  margin: {
    miner: string;
    efficiencyJPerTh: number;
    powerUsdPerKwh: number;
    poolFee: number;
    history: MarginHistory;
  } | null;
  /** The last day of all that was loaded; undefined when nothing was. */
  lastLoadedDay: string | undefined;
  /** Whether the loaded data reaches into the period at all. */
  anyInPeriod: boolean;
}

/** The period's hashprice days, statistics (against all loaded days) and margin history. */
export function siteHistory(
  loaded: readonly DayInput[],
  since: string,
  until: string,
  margin: MarginQuestion | null,
): SiteHistory {
  const all = hashpriceSeries(loaded);
  const lastLoadedDay = all.at(-1)?.date;
  const days = all.filter((d) => d.date >= since && d.date <= until);
  const efficiency = margin ? margin.model.powerW / margin.model.hashrateThs : 0;
  return {
    days,
    stats: historyStats(days, all),
    margin: margin
      ? {
          miner: margin.model.name,
          efficiencyJPerTh: efficiency,
          powerUsdPerKwh: margin.powerUsdPerKwh,
          poolFee: margin.poolFee,
          history: marginHistory(days, efficiency, margin.powerUsdPerKwh, margin.poolFee),
        }
      : null,
    lastLoadedDay,
    anyInPeriod: !(all.length === 0 || (lastLoadedDay !== undefined && lastLoadedDay < since)),
  };
}

/** A monthly hashprice history and where its figures come from. */
export interface MonthlyHashpriceHistory {
  months: HashpriceMonth[];
  /** 'embedded': the difficulty epochs and BTC/USD monthly closes; 'file': the days of --data. */
  source: 'embedded' | 'file';
  /** The sources' text (with their addresses), for a reader. */
  sources: string[];
}

/** The last day of a YYYY-MM month, YYYY-MM-DD. */
function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return dateOf(Date.UTC(y, m, 1) - 86_400_000);
}

/**
 * Each month's hashprice at its last day: from `loaded` days (a file) when given, else from the embedded
 * difficulty epochs (difficulty and height at each month's end) and BTC/USD monthly closes, fees excluded
 * (none are embedded).
 */
export function monthlyHashpriceHistory(loaded: readonly DayInput[] | null): MonthlyHashpriceHistory {
  if (loaded) return { months: monthlyHashprice(hashpriceSeries(loaded)), source: 'file', sources: [] };
  const closes = new Map(BTC_MONTHLY_CLOSE_USD.map(([month, usd]) => [lastDayOf(month), usd]));
  // Each month's end from the epochs (one day each, not every day: this runs on every report).
  const ends = [...closes].flatMap(([date, usd]) =>
    embeddedDays(date, date).map((d) => ({ ...d, btcUsd: usd })),
  );
  // The halvings' days: in a month whose end crosses a multiple of 210,000 blocks, the day whose height does.
  const era = (d: DayInput) => Math.floor((d.heightEnd ?? 0) / HALVING_INTERVAL_BLOCKS);
  const halvings = new Map<string, string>();
  for (let i = 1; i < ends.length; i++) {
    const end = ends[i] as DayInput;
    if (era(ends[i - 1] as DayInput) === era(end)) continue;
    const month = embeddedDays(`${end.date.slice(0, 8)}01`, end.date);
    const day = month.find((d) => era(d) === era(end));
    if (day) halvings.set(end.date.slice(0, 7), day.date);
  }
  const months = monthlyHashprice(hashpriceDays(ends)).map((m) => ({
    ...m,
    halvingDate: halvings.get(m.month) ?? null,
  }));
  return {
    months,
    source: 'embedded',
    sources: [DIFFICULTY_EPOCHS_SOURCE, BTC_MONTHLY_SOURCE],
  };
}
