/**
 * The history cache: history.json beside network.json in the user's cache directory (cacheDirectory(env) of
 * ../cache.ts). One instance's data (store.ts), compact rows:
 *   { version: 1, api, host,
 *     retargets: { fetchedAtMs, rows: [[headerTimeSec, height, difficulty], ...] } | null,
 *     fees:   { fetchedAtMs, settledThrough, days: [[date, feesSats, meanTimeSec, meanHeight, blocks|null, heightEnd|null], ...] } | null,
 *     prices: { fetchedAtMs, settledThrough, days: [[date, usd, priceTimeSec], ...] } | null }
 * Every row is checked on reading; a file that fails any check is corrupt: never trusted, refetched and
 * rewritten. Writes go through the one atomic writer (a unique temporary file, then a rename) after merging
 * with what is on disk at that moment, so concurrent runs never corrupt the file nor lose each other's days.
 * Checked by hand rather than with zod: the file holds thousands of rows and is read on offline runs, which
 * should not load a schema library.
 */
import { join } from 'node:path';
import { isDate } from '../../core/days.js';
import { writeFileAtomic } from '../atomic-file.js';
import { mebibytes, readRegularFile } from '../safe-read.js';
import {
  type DaySeries,
  type FeeDay,
  type HistoryStore,
  mergeStores,
  type PriceDay,
  type Retarget,
  type RetargetSeries,
} from './store.js';

export const HISTORY_CACHE_FILE = 'history.json';
/** Years of daily rows are a few hundred kB; a larger file is ignored (with a note) and rewritten. */
export const MAX_HISTORY_CACHE_BYTES = 16 * 1024 * 1024;
export const HISTORY_CACHE_VERSION = 1;

const MAX_DIFFICULTY = 1e18;
const MAX_FEES_SATS = 50 * 1e8;
const MAX_USD = 1e8;
const MAX_HEIGHT = 10_000_000;

export function historyCachePath(dir: string): string {
  return join(dir, HISTORY_CACHE_FILE);
}

export interface HistoryCacheRead {
  store: HistoryStore | null;
  /** One line when the file was corrupt or unreadable. */
  problem?: string;
  /** The file should be rewritten even if nothing new is fetched. */
  rewrite: boolean;
}

class Corrupt extends Error {}

const fail = (what: string): never => {
  throw new Corrupt(what);
};
const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const finite = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const int = (v: unknown): v is number => finite(v) && Number.isInteger(v);
const nullableInt = (v: unknown): v is number | null => v === null || (int(v) && v >= 0 && v <= MAX_HEIGHT);

function fetchedAt(raw: Record<string, unknown>, what: string): number {
  const v = raw.fetchedAtMs;
  return finite(v) && v > 0 ? v : fail(`${what}.fetchedAtMs`);
}

function retargetSeries(raw: unknown): RetargetSeries | null {
  if (raw === null) return null;
  if (!isObject(raw) || !Array.isArray(raw.rows)) return fail('retargets');
  const rows: Retarget[] = [];
  let previous = -1;
  for (const row of raw.rows as unknown[]) {
    if (!Array.isArray(row) || row.length !== 3) return fail('retargets.rows');
    const [timeSec, height, difficulty] = row as unknown[];
    if (!int(timeSec) || !int(height) || height < 0 || height <= previous) return fail('retargets.rows');
    if (!finite(difficulty) || difficulty <= 0 || difficulty > MAX_DIFFICULTY) return fail('retargets.rows');
    rows.push({ timeSec, height, difficulty });
    previous = height;
  }
  return { fetchedAtMs: fetchedAt(raw, 'retargets'), rows };
}

function daySeries<T extends { date: string }>(
  raw: unknown,
  what: string,
  row: (cells: unknown[]) => T | undefined,
): DaySeries<T> | null {
  if (raw === null) return null;
  if (!isObject(raw) || !Array.isArray(raw.days)) return fail(what);
  const settled = raw.settledThrough;
  if (settled !== null && (typeof settled !== 'string' || !isDate(settled)))
    return fail(`${what}.settledThrough`);
  const days: T[] = [];
  let previous = '';
  for (const cells of raw.days as unknown[]) {
    if (!Array.isArray(cells) || typeof cells[0] !== 'string' || !isDate(cells[0]) || cells[0] <= previous)
      return fail(`${what}.days`);
    const day = row(cells) ?? fail(`${what}.days`);
    days.push(day);
    previous = day.date;
  }
  return { fetchedAtMs: fetchedAt(raw, what), settledThrough: settled, days };
}

function feeRow(cells: unknown[]): FeeDay | undefined {
  if (cells.length !== 6) return undefined;
  const [date, feesSats, timeSec, avgHeight, blocks, heightEnd] = cells;
  if (!finite(feesSats) || feesSats < 0 || feesSats > MAX_FEES_SATS || !int(timeSec)) return undefined;
  if (!finite(avgHeight) || avgHeight < 0 || avgHeight > MAX_HEIGHT) return undefined;
  if (!nullableInt(blocks) || !nullableInt(heightEnd)) return undefined;
  return { date: date as string, feesSats, timeSec, avgHeight, blocks, heightEnd };
}

function priceRow(cells: unknown[]): PriceDay | undefined {
  if (cells.length !== 3) return undefined;
  const [date, usd, timeSec] = cells;
  if (!finite(usd) || usd <= 0 || usd > MAX_USD || !int(timeSec)) return undefined;
  return { date: date as string, usd, timeSec };
}

/** Validates a parsed file; throws Corrupt naming the first part that fails. */
export function storeFromJson(data: unknown): HistoryStore {
  if (!isObject(data)) return fail('top level');
  if (data.version !== HISTORY_CACHE_VERSION) return fail('version');
  if (typeof data.api !== 'string' || typeof data.host !== 'string') return fail('api');
  return {
    api: data.api,
    host: data.host,
    retargets: retargetSeries(data.retargets ?? null),
    fees: daySeries(data.fees ?? null, 'fees', feeRow),
    prices: daySeries(data.prices ?? null, 'prices', priceRow),
  };
}

export function storeToJson(store: HistoryStore): string {
  const series = <T extends { date: string }>(s: DaySeries<T> | null, cells: (d: T) => unknown[]) =>
    s && { fetchedAtMs: s.fetchedAtMs, settledThrough: s.settledThrough, days: s.days.map(cells) };
  return `${JSON.stringify({
    version: HISTORY_CACHE_VERSION,
    api: store.api,
    host: store.host,
    retargets: store.retargets && {
      fetchedAtMs: store.retargets.fetchedAtMs,
      rows: store.retargets.rows.map((r) => [r.timeSec, r.height, r.difficulty]),
    },
    fees: series(store.fees, (d) => [d.date, d.feesSats, d.timeSec, d.avgHeight, d.blocks, d.heightEnd]),
    prices: series(store.prices, (d) => [d.date, d.usd, d.timeSec]),
  })}\n`;
}

function errorText(error: unknown): string {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' ? code : error instanceof Error ? error.message : String(error);
}

export function readHistoryCache(dir: string): HistoryCacheRead {
  const file = historyCachePath(dir);
  let text: string;
  try {
    const read = readRegularFile(file, MAX_HISTORY_CACHE_BYTES);
    if (!read.ok) {
      const why =
        read.reason === 'not-regular'
          ? 'is not a regular file'
          : `is larger than ${mebibytes(MAX_HISTORY_CACHE_BYTES)} (${mebibytes(read.sizeBytes)})`;
      return { store: null, problem: `history cache file ${file} ${why}`, rewrite: true };
    }
    text = read.text;
  } catch (error) {
    if ((error as { code?: unknown })?.code === 'ENOENT') return { store: null, rewrite: false };
    return {
      store: null,
      problem: `history cache file ${file} is unreadable (${errorText(error)})`,
      rewrite: true,
    };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return { store: null, problem: `history cache file ${file} is corrupt (not JSON)`, rewrite: true };
  }
  try {
    return { store: storeFromJson(data), rewrite: false };
  } catch (error) {
    if (!(error instanceof Corrupt)) throw error;
    const layout = isObject(data) && data.version !== HISTORY_CACHE_VERSION;
    return {
      store: null,
      problem: layout
        ? `history cache file ${file} has an unknown layout (version ${JSON.stringify((data as { version?: unknown }).version ?? null)})`
        : `history cache file ${file} is corrupt (invalid ${error.message})`,
      rewrite: true,
    };
  }
}

/**
 * Merges `store` with the file as it is now (same instance: day by day, see mergeStores; another instance's
 * data is replaced) and writes atomically. Returns a one-line warning on failure: the cache is an optimisation,
 * never a reason to fail.
 */
export async function writeHistoryCache(dir: string, store: HistoryStore): Promise<string | undefined> {
  const file = historyCachePath(dir);
  const current = readHistoryCache(dir).store;
  const merged = current && current.api === store.api ? mergeStores(current, store) : store;
  try {
    await writeFileAtomic(file, storeToJson(merged), { makeDirectory: true });
    return undefined;
  } catch (error) {
    return `could not write the history cache file ${file} (${errorText(error)})`;
  }
}

/** One series of history.json as `hashcalc cache` lists it: its rows and the days they cover. */
export interface HistorySeriesDescription {
  series: 'retargets' | 'fees' | 'prices';
  fetchedAtMs: number;
  rows: number;
  /** The first and last day (UTC, YYYY-MM-DD); null without rows. */
  firstDay: string | null;
  lastDay: string | null;
}

export interface HistoryCacheDescription {
  /** The instance whose data it is (its API base) and the host that answered; null when the file is absent or invalid. */
  instance: { api: string; host: string } | null;
  series: HistorySeriesDescription[];
  problem?: string;
}

const utcDay = (timeSec: number) => new Date(timeSec * 1000).toISOString().slice(0, 10);

/** What history.json holds, read by readHistoryCache (every row checked, never blocking). No printing. */
export function describeHistoryCache(dir: string): HistoryCacheDescription {
  const read = readHistoryCache(dir);
  const store = read.store;
  if (!store)
    return read.problem
      ? { instance: null, series: [], problem: read.problem }
      : { instance: null, series: [] };
  const series: HistorySeriesDescription[] = [];
  if (store.retargets) {
    const rows = store.retargets.rows;
    series.push({
      series: 'retargets',
      fetchedAtMs: store.retargets.fetchedAtMs,
      rows: rows.length,
      firstDay: rows.length > 0 ? utcDay((rows[0] as Retarget).timeSec) : null,
      lastDay: rows.length > 0 ? utcDay((rows[rows.length - 1] as Retarget).timeSec) : null,
    });
  }
  for (const [name, s] of [
    ['fees', store.fees],
    ['prices', store.prices],
  ] as const) {
    if (!s) continue;
    series.push({
      series: name,
      fetchedAtMs: s.fetchedAtMs,
      rows: s.days.length,
      firstDay: s.days[0]?.date ?? null,
      lastDay: s.days[s.days.length - 1]?.date ?? null,
    });
  }
  return { instance: { api: store.api, host: store.host }, series };
}
