/** The daily history the data layer hands to `hashcalc history`: live (mempool, cached), or from a file. Types only. */

export interface HistoryDay {
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

export interface HistoryResult {
  /** Ascending by date, one entry per UTC day in [from, to] that has any data; a day without any is absent. */
  days: HistoryDay[];
  source: 'mempool' | 'cache' | 'file';
  host?: string;
  /**
   * Unix ms the data is current as of: the time it was fetched, or the end of the last day returned when that
   * is earlier (a period that ended in the past). From the cache, the cached fetch's time.
   */
  asOfMs: number;
  /** One line each, for stderr (fell back to the cache and why, refetched a corrupt cache, ...). */
  notes: string[];
}

export interface HistoryRequest {
  /** YYYY-MM-DD, inclusive. */
  fromDate: string;
  /** YYYY-MM-DD, inclusive. */
  toDate: string;
  /** Base URL of a mempool instance (API under /api), or its API URL; default https://mempool.space. */
  mempoolUrl: string;
  /** No network: the cache only (obtainHistory returns null when there is none). */
  offline: boolean;
  /** Refetch even what the cache has. */
  refresh: boolean;
  /** Deadline of each request, ms. */
  timeoutMs: number;
}
