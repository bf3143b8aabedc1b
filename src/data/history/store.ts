/**
 * What the history cache holds, per mempool instance, in the form it was fetched (pure types and merges):
 * - retargets: every difficulty adjustment [header time, height, difficulty], complete from the first row
 *   through `fetchedAtMs` (a later retarget cannot be missing from it);
 * - fees: one record per UTC day (header times), the mean total fees per block in satoshis with the day's mean
 *   block time and height, and, when the day came from per-block rows, its exact block count and end height;
 * - prices: one record per UTC day, the last USD price at or before the day's end and that price's time.
 * A day series is final ("settled") through `settledThrough`; later days (the current one, a day just ended)
 * are provisional and replaced by the next fetch.
 */

export interface Retarget {
  /** Header time of the retarget block, Unix s. */
  timeSec: number;
  height: number;
  difficulty: number;
}

export interface RetargetSeries {
  fetchedAtMs: number;
  /** Ascending by height. */
  rows: Retarget[];
}

export interface FeeDay {
  date: string;
  /** Mean total fees per block, satoshis (fractional when averaged here from per-block rows). */
  feesSats: number;
  /** Mean header time of the day's blocks, Unix s. */
  timeSec: number;
  /** Mean height of the day's blocks. */
  avgHeight: number;
  /** Exact block count (per-block rows); null from daily buckets, which do not give it. */
  blocks: number | null;
  /** Exact height at the day's end (per-block rows); null from daily buckets. */
  heightEnd: number | null;
}

export interface PriceDay {
  date: string;
  /** USD per BTC: the last price at or before the day's end. */
  usd: number;
  /** Time of that price, Unix s. */
  timeSec: number;
}

export interface DaySeries<T extends { date: string }> {
  fetchedAtMs: number;
  /** Days up to and including this one are final; null when none is. */
  settledThrough: string | null;
  /** Ascending by date, one record per date. */
  days: T[];
}

export interface HistoryStore {
  /** The instance's API base ("https://mempool.space/api"): a cache serves only the instance it came from. */
  api: string;
  /** For messages: "mempool.space". */
  host: string;
  retargets: RetargetSeries | null;
  fees: DaySeries<FeeDay> | null;
  prices: DaySeries<PriceDay> | null;
}

const maxDate = (a: string | null, b: string | null): string | null =>
  a === null ? b : b === null ? a : a > b ? a : b;

/** Union by height; where both have a height, the later fetch wins. */
export function mergeRetargets(a: RetargetSeries | null, b: RetargetSeries | null): RetargetSeries | null {
  if (!a || !b) return a ?? b;
  const [older, newer] = a.fetchedAtMs <= b.fetchedAtMs ? [a, b] : [b, a];
  const byHeight = new Map<number, Retarget>();
  for (const row of older.rows) byHeight.set(row.height, row);
  for (const row of newer.rows) byHeight.set(row.height, row);
  return {
    fetchedAtMs: newer.fetchedAtMs,
    rows: [...byHeight.values()].sort((x, y) => x.height - y.height),
  };
}

/**
 * Union by date. Per date: a settled record beats a provisional one; otherwise the later fetch wins. The union
 * is settled through the later of the two settled dates (every day up to it is settled in one of them).
 */
export function mergeDaySeries<T extends { date: string }>(
  a: DaySeries<T> | null,
  b: DaySeries<T> | null,
): DaySeries<T> | null {
  if (!a || !b) return a ?? b;
  const [older, newer] = a.fetchedAtMs <= b.fetchedAtMs ? [a, b] : [b, a];
  const settled = (s: DaySeries<T>, date: string) => s.settledThrough !== null && date <= s.settledThrough;
  const byDate = new Map<string, { day: T; from: DaySeries<T> }>();
  for (const day of older.days) byDate.set(day.date, { day, from: older });
  for (const day of newer.days) {
    const existing = byDate.get(day.date);
    if (existing && settled(existing.from, day.date) && !settled(newer, day.date)) continue;
    byDate.set(day.date, { day, from: newer });
  }
  return {
    fetchedAtMs: newer.fetchedAtMs,
    settledThrough: maxDate(older.settledThrough, newer.settledThrough),
    days: [...byDate.values()]
      .map((x) => x.day)
      .sort((x, y) => (x.date < y.date ? -1 : x.date > y.date ? 1 : 0)),
  };
}

/** Two stores of the same instance merged series by series (concurrent runs, an update onto the cache). */
export function mergeStores(a: HistoryStore, b: HistoryStore): HistoryStore {
  return {
    api: b.api,
    host: b.host,
    retargets: mergeRetargets(a.retargets, b.retargets),
    fees: mergeDaySeries(a.fees, b.fees),
    prices: mergeDaySeries(a.prices, b.prices),
  };
}
