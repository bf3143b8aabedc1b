/**
 * An analyst's price deck as paths over the projection's months: one value per month (index m - 1 for month
 * m, which covers months m - 1 to m from the start), null where the deck says nothing. A month with a value
 * takes it, constant over the month; a month without one continues from the last value before it, from the
 * end of that value's month, at the stated growth (from the start's value when no month before has one).
 * Pure.
 */
import { powersOf } from './units.js';

export type MonthPath = readonly (number | null)[];

/** The projection's price paths from a deck (each optional; absent: the stated growth from today's value). */
export interface PriceDeckPaths {
  btcUsd?: MonthPath;
  feesBtcPerBlock?: MonthPath;
  powerUsdPerKwh?: MonthPath;
  gpuUsdPerHour?: MonthPath;
  leaseUsdPerKwMonth?: MonthPath;
}

/** For each month index, the index of the last value given at or before it (-1: none). */
export function lastGivenIndex(path: MonthPath | undefined): (i: number) => number {
  if (!path || path.length === 0) return () => -1;
  const last = new Int32Array(path.length);
  let j = -1;
  for (let i = 0; i < path.length; i++) {
    if (path[i] !== null && path[i] !== undefined) j = i;
    last[i] = j;
  }
  return (i) => (i < 0 ? -1 : (last[Math.min(i, path.length - 1)] as number));
}

/**
 * The value at `tSec` seconds from the start: `start` grown by `growthPerYear` (compounded continuously over
 * `yearSec`), or the path's where it has one (see the module). `monthIndex` names the month when `tSec` lies
 * on a month's end (the end of month m belongs to index m - 1).
 */
export function pathAt(
  start: number,
  growthPerYear: number,
  path: MonthPath | undefined,
  monthSec: number,
  yearSec: number,
): (tSec: number, monthIndex?: number) => number {
  const growthTo = powersOf(1 + growthPerYear);
  const stated = (tSec: number) => start * growthTo(tSec / yearSec);
  if (!path || path.length === 0) return stated;
  const last = lastGivenIndex(path);
  return (tSec, monthIndex = Math.floor(tSec / monthSec)) => {
    const j = last(monthIndex);
    if (j < 0) return stated(tSec);
    const value = path[j] as number;
    return j === monthIndex ? value : value * growthTo((tSec - (j + 1) * monthSec) / yearSec);
  };
}

/**
 * A value with no growth of its own (a power price, a lease's market rent) in month index i: the path's
 * value there, else the last one before it, else `start`.
 */
export function flatPathAt(start: number, path: MonthPath | undefined): (i: number) => number {
  const last = lastGivenIndex(path);
  return (i) => {
    const j = last(i);
    return j < 0 ? start : ((path as MonthPath)[j] as number);
  };
}

/** The columns a price deck may have besides its month. */
export const DECK_COLUMNS = [
  'btcUsd',
  'feesBtcPerBlock',
  'powerUsdPerKwh',
  'gpuUsdPerHour',
  'leaseUsdPerKwMonth',
] as const;
export type DeckColumn = (typeof DECK_COLUMNS)[number];

/** One month of a deck: the prices it gives (a column left empty gives none). */
export interface DeckRow {
  /** YYYY-MM. */
  month: string;
  values: Partial<Record<DeckColumn, number>>;
}

/** A price deck as read (data/deck.ts): its rows by calendar month. */
export interface PriceDeck {
  path: string;
  /** The columns the file has (besides month). */
  columns: DeckColumn[];
  /** Ascending by month. */
  rows: DeckRow[];
}

/** Calendar month index (year x 12 + month - 1) of YYYY-MM, or of a Unix ms time (UTC). */
export const monthIndexOf = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
const monthIndexAt = (ms: number) => {
  const d = new Date(ms);
  return d.getUTCFullYear() * 12 + d.getUTCMonth();
};

/** The deck as the projection's paths and the projection months it covers (null: none). */
export interface DeckPaths {
  paths: PriceDeckPaths;
  /** 1-based projection months of the deck's first and last rows within the horizon; null when none fall in it. */
  covered: { first: number; last: number } | null;
}

/**
 * The deck on the projection's months: projection month m (1-based) takes the row of the calendar month
 * m - 1 months after the start's own (month 1 is the one that starts at the start, in its calendar month;
 * a start on the 1st, as --start gives, lines the two up exactly). Rows before the start's month or past
 * the horizon are left out.
 */
export function deckPaths(deck: PriceDeck, startMs: number, months: number): DeckPaths {
  const start = monthIndexAt(startMs);
  const paths: Record<string, (number | null)[]> = {};
  for (const column of deck.columns) paths[column] = new Array<number | null>(months).fill(null);
  let first = 0;
  let last = 0;
  for (const row of deck.rows) {
    const i = monthIndexOf(row.month) - start;
    if (i < 0 || i >= months) continue;
    first ||= i + 1;
    last = i + 1;
    for (const column of deck.columns) {
      const value = row.values[column];
      if (value !== undefined) (paths[column] as (number | null)[])[i] = value;
    }
  }
  return { paths: paths as PriceDeckPaths, covered: first > 0 ? { first, last } : null };
}
