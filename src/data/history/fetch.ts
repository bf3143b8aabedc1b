/**
 * Fetching the planned history routes over one HTTP client (http.ts: deadline per request, retries with
 * backoff through ctx.sleep, size cap), on the context's dispatcher as fetch-round.ts does. Loaded lazily by
 * obtain.ts: runs served by the cache never load undici, zod or the schemas.
 */
import { networkInterfaces } from 'node:os';
import type { Context } from '../../context.js';
import { type DispatcherHandle, openDispatcher, proxySettings } from '../dispatcher.js';
import { createHttpClient, FetchFailure, type HttpClient, type HttpOptions } from '../http.js';
import {
  feesUrl,
  priceSeriesOf,
  pricesUrl,
  priceTimestampFor,
  readDailyFees,
  readPerBlockFees,
  readPriceAt,
  readPriceHistory,
  readRetargets,
  retargetsUrl,
} from './mempool.js';
import type { HistoryPlan } from './plan.js';
import type { DaySeries, FeeDay, PriceDay, RetargetSeries } from './store.js';

/** The whole price history is ~1-2 MB on mempool.space and grows by an hourly row; fees/all ~400 kB. */
export const HISTORY_MAX_BYTES = 16 * 1024 * 1024;

export interface HistoryDeps {
  http?: Partial<HttpOptions>;
  /** Called as each request starts, with its URL. */
  onRequest?: (url: string) => void;
  /** Whether any non-loopback network interface is up (default: os.networkInterfaces()). */
  hasNetwork?: () => boolean;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; failure: FetchFailure };

export interface HistoryFetched {
  retargets?: Outcome<RetargetSeries>;
  fees?: Outcome<DaySeries<FeeDay>>;
  prices?: Outcome<DaySeries<PriceDay>>;
}

function hasNetworkInterface(): boolean {
  return Object.values(networkInterfaces()).some((list) => list?.some((i) => !i.internal));
}

function isLoopback(url: string): boolean {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}

async function settle<T>(work: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    if (error instanceof FetchFailure) return { ok: false, failure: error };
    throw error;
  }
}

export async function fetchHistory(
  plan: HistoryPlan,
  api: string,
  ctx: Context,
  timeoutMs: number,
  deps: HistoryDeps = {},
): Promise<HistoryFetched> {
  // With no interface up (and no proxy, no injected dispatcher), a remote host fails at once instead of
  // waiting on DNS.
  const proxy = proxySettings(ctx.env);
  if (
    !ctx.dispatcher &&
    !proxy.httpProxy &&
    !proxy.httpsProxy &&
    !isLoopback(api) &&
    !(deps.hasNetwork ?? hasNetworkInterface)()
  ) {
    const failure = new FetchFailure('unreachable', 'is unreachable (no network interface is up)');
    const failed = { ok: false as const, failure };
    return {
      ...(plan.retargets ? { retargets: failed } : {}),
      ...(plan.fees ? { fees: failed } : {}),
      ...(plan.prices ? { prices: failed } : {}),
    };
  }

  let handle: DispatcherHandle | undefined;
  try {
    handle = await openDispatcher(ctx.dispatcher, ctx.env, timeoutMs);
    const client: HttpClient = createHttpClient(handle.dispatcher, {
      timeoutMs,
      maxBytes: HISTORY_MAX_BYTES,
      now: ctx.now,
      ...(ctx.sleep ? { sleep: ctx.sleep } : {}),
      ...deps.http,
    });
    const get = (url: string) => {
      deps.onRequest?.(url);
      return client.get(url);
    };

    const jobs: Promise<void>[] = [];
    const out: HistoryFetched = {};
    const { retargets, fees, prices } = plan;
    if (retargets) {
      jobs.push(
        settle(async () => {
          const response = await get(retargetsUrl(api, retargets.interval));
          return readRetargets(response, ctx.now(), retargets.interval === null);
        }).then((o) => {
          out.retargets = o;
        }),
      );
    }
    if (fees) {
      jobs.push(
        settle(async () => {
          const response = await get(feesUrl(api, fees.interval));
          return fees.interval === 'all'
            ? readDailyFees(response, ctx.now())
            : readPerBlockFees(response, ctx.now(), fees.interval);
        }).then((o) => {
          out.fees = o;
        }),
      );
    }
    if (prices) {
      const days = prices.days;
      jobs.push(
        settle(async () => {
          if (days === null) return readPriceHistory(await get(pricesUrl(api)), ctx.now());
          const startMs = ctx.now();
          const answers = await Promise.all(
            days.map(async (date) => {
              const t = priceTimestampFor(date, startMs);
              return readPriceAt(await get(pricesUrl(api, t)), date, t, ctx.now());
            }),
          );
          return priceSeriesOf(days, answers, startMs);
        }).then((o) => {
          out.prices = o;
        }),
      );
    }
    await Promise.all(jobs);
    return out;
  } finally {
    await handle?.close();
  }
}
