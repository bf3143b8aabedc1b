/** The daily history the data layer hands to `hashcalc history`: live (mempool, cached), or from a file. Types only. */
import type { DayInput } from '../../core/history.js';

/** A day of history as the data layer delivers it: the core's day input (fields documented there). */
export type HistoryDay = DayInput;

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
