/**
 * The daily history for `hashcalc history` from a mempool instance, cached on disk (cache.ts):
 *   --offline       the cache only (null when there is none), whatever instance it came from;
 *   otherwise       each route asked only for what the cache lacks (plan.ts: the first run all of history,
 *                   later runs the days since the last settled one, nothing when the cache is fresh or
 *                   already holds every requested day), merged into the cache and written atomically;
 *   --refresh       every route asked for all of history again.
 * A route that fails falls back to what the cache has for it, said in a note; with no difficulty at all (the
 * route failed and nothing is cached) there is no history to give: DataError, one line with the reasons.
 * A corrupt cache is never trusted: refetched (and rewritten), with a note. The data layer never prints:
 * every note is returned.
 */
import { type Context, NO_HOME_NOTE } from '../../context.js';
import { isDate } from '../../core/days.js';
import { ago } from '../../core/duration.js';
import { DataError, UsageError } from '../../errors.js';
import { cacheDirectory } from '../cache-dir.js';
import type { FetchFailure } from '../http.js';
import { buildDays } from './build.js';
import { readHistoryCache, writeHistoryCache } from './cache.js';
import type { HistoryDeps, HistoryFetched } from './fetch.js';
import { type HistoryPlan, planFees, planPrices, planRetargets } from './plan.js';
import { type HistoryStore, mergeStores } from './store.js';
import type { HistoryRequest, HistoryResult } from './types.js';

export type { HistoryDeps } from './fetch.js';
export type { HistoryDay, HistoryRequest, HistoryResult } from './types.js';

/** An instance's base URL ("http://umbrel.local:3006") or its API URL (".../api"), as sources/mempool.ts reads it. */
export function historyApiBase(url: string): string {
  const base = url.replace(/\/+$/, '');
  return base.endsWith('/api') ? base : `${base}/api`;
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

const LABELS = { retargets: 'difficulty', fees: 'fees', prices: 'USD prices' } as const;
type Route = keyof typeof LABELS;
const ROUTES: readonly Route[] = ['retargets', 'fees', 'prices'];

function checkRequest(request: HistoryRequest): void {
  for (const [name, value] of [
    ['fromDate', request.fromDate],
    ['toDate', request.toDate],
  ] as const) {
    if (!isDate(value)) throw new UsageError(`history ${name} '${value}' is not a date (YYYY-MM-DD)`);
  }
  if (request.fromDate > request.toDate)
    throw new UsageError(`history from ${request.fromDate} is after to ${request.toDate}`);
  try {
    new URL(historyApiBase(request.mempoolUrl));
  } catch {
    throw new UsageError(`mempool URL '${request.mempoolUrl}' is not a URL`);
  }
}

function emptyStore(api: string, host: string): HistoryStore {
  return { api, host, retargets: null, fees: null, prices: null };
}

function newestCachedDay(store: HistoryStore): string | null {
  const dates = [store.fees?.days.at(-1)?.date, store.prices?.days.at(-1)?.date].filter(
    (d): d is string => d !== undefined,
  );
  return dates.length > 0 ? (dates.sort().at(-1) as string) : null;
}

function oldestFetch(store: HistoryStore): number | null {
  const times = ROUTES.map((r) => store[r]?.fetchedAtMs).filter((t): t is number => t !== undefined);
  return times.length > 0 ? Math.min(...times) : null;
}

function result(
  store: HistoryStore,
  request: HistoryRequest,
  source: HistoryResult['source'],
  notes: string[],
  nowMs: number,
): HistoryResult {
  const built = buildDays(store, request.fromDate, request.toDate);
  return {
    days: built.days,
    source,
    host: store.host,
    asOfMs: built.asOfMs ?? oldestFetch(store) ?? nowMs,
    notes,
  };
}

export async function obtainHistory(
  request: HistoryRequest,
  ctx: Context,
  deps: HistoryDeps = {},
): Promise<HistoryResult | null> {
  checkRequest(request);
  const nowMs = ctx.now();
  const notes: string[] = [];
  const api = historyApiBase(request.mempoolUrl);
  const host = hostOf(api);

  const dir = cacheDirectory(ctx.env);
  if (dir === null) notes.push(NO_HOME_NOTE);
  const read = dir === null ? { store: null, rewrite: false } : readHistoryCache(dir);
  const cached = read.store;

  if (request.offline) {
    if (read.problem) notes.push(`${read.problem}; ignoring it`);
    if (!cached) return null;
    const fetched = oldestFetch(cached);
    const newest = newestCachedDay(cached);
    notes.push(
      `offline: using the cached history from ${cached.host}${fetched !== null ? `, fetched ${ago(fetched, nowMs)}` : ''}` +
        (newest ? ` (newest day ${newest})` : ''),
    );
    const out = result(cached, request, 'cache', notes, nowMs);
    if (out.days.length === 0)
      notes.push(`the cached history has no days from ${request.fromDate} to ${request.toDate}`);
    return out;
  }

  if (read.problem) notes.push(`${read.problem}; refetching the history`);
  // A cache serves only the instance it came from; another instance's is kept as a last resort.
  const base = cached && cached.api === api ? cached : emptyStore(api, host);
  const plan: HistoryPlan = {};
  const retargets = planRetargets(base.retargets, request.toDate, nowMs, request.refresh);
  const fees = planFees(base.fees, request.toDate, nowMs, request.refresh, request.fromDate);
  const prices = planPrices(base.prices, request.toDate, nowMs, request.refresh, request.fromDate);
  if (retargets) plan.retargets = retargets;
  if (fees) plan.fees = fees;
  if (prices) plan.prices = prices;

  if (!plan.retargets && !plan.fees && !plan.prices) {
    if (read.rewrite && dir !== null) {
      const problem = await writeHistoryCache(dir, base);
      if (problem) notes.push(problem);
    }
    return result(base, request, 'cache', notes, nowMs);
  }

  const { fetchHistory } = await import('./fetch.js');
  const fetched: HistoryFetched = await fetchHistory(plan, api, ctx, request.timeoutMs, deps);

  const update: HistoryStore = emptyStore(api, host);
  const failed: { route: Route; failure: FetchFailure }[] = [];
  if (fetched.retargets?.ok) update.retargets = fetched.retargets.value;
  else if (fetched.retargets) failed.push({ route: 'retargets', failure: fetched.retargets.failure });
  if (fetched.fees?.ok) update.fees = fetched.fees.value;
  else if (fetched.fees) failed.push({ route: 'fees', failure: fetched.fees.failure });
  if (fetched.prices?.ok) update.prices = fetched.prices.value;
  else if (fetched.prices) failed.push({ route: 'prices', failure: fetched.prices.failure });
  const live = ROUTES.some((r) => fetched[r]?.ok === true);
  let store = mergeStores(base, update);

  if (dir !== null && (live || read.rewrite)) {
    const problem = await writeHistoryCache(dir, store);
    if (problem) notes.push(problem);
  }

  // What each failed route falls back to, one line per reason.
  const fallback = cached && cached.api !== api && failed.length > 0 ? cached : null;
  if (fallback) {
    // Nothing of this instance was cached: the other instance's cache stands in for the failed routes (for
    // all of them when nothing came live, then named as the source).
    store = live
      ? ({
          ...store,
          ...Object.fromEntries(failed.map((f) => [f.route, store[f.route] ?? fallback[f.route]])),
        } as HistoryStore)
      : fallback;
  }
  // One line per reason: "history (fees, USD prices): mempool.space timed out after 5000 ms; using the cached
  // history from 2 days ago".
  const byReason = new Map<string, Route[]>();
  for (const { route, failure } of failed) {
    const key = `${host} ${failure.message}`;
    byReason.set(key, [...(byReason.get(key) ?? []), route]);
  }
  const reasons: string[] = [];
  for (const [reason, routes] of byReason) {
    const labels = routes.map((r) => LABELS[r]).join(', ');
    reasons.push(`${labels}: ${reason}`);
    const usable = routes.filter((r) => store[r] !== null);
    let using: string;
    if (usable.length === routes.length) {
      const fetchedAt = Math.min(...usable.map((r) => store[r]?.fetchedAtMs ?? nowMs));
      using = `using the cached history${fallback ? ` of ${fallback.host}` : ''} from ${ago(fetchedAt, nowMs)}`;
    } else if (usable.length > 0) {
      using = `using the cache for ${usable.map((r) => LABELS[r]).join(', ')}; the days have no ${routes
        .filter((r) => !usable.includes(r))
        .map((r) => LABELS[r])
        .join(', ')}`;
    } else {
      using = `the days have no ${labels}`;
    }
    notes.push(`history (${labels}): ${reason}; ${using}`);
  }

  if (!store.retargets) {
    // Without any difficulty there is no hashprice to show: the command falls back (embedded epochs).
    throw new DataError(
      `${reasons.join('; ') || `${host} sent no difficulty history`}; no cached difficulty history`,
    );
  }
  return result(store, request, live ? 'mempool' : 'cache', notes, nowMs);
}
