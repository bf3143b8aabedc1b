/**
 * A mempool instance's history routes on a loopback server, serving fixtures/mempool/history/ as the server
 * would at two times (fixtures/mempool/history/make-fixtures.mjs):
 *   NOW1 = 2025-12-09 12:00 UTC: all of history (difficulty-adjustments, blocks/fees/all, historical-price);
 *   NOW2 = 2025-12-11 12:20 UTC: the days since (difficulty-adjustments/1w, blocks/fees/3d, and
 *   historical-price&timestamp=T for the three days asked).
 * Every route is always served, so a request the code should not make shows in the counts.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Context } from '../../../src/context.js';
import type { HistoryRequest } from '../../../src/data/history/types.js';
import { fixtureText } from '../helpers/fixtures.js';
import type { RouteSpec } from '../helpers/server.js';

export const NOW1 = Date.UTC(2025, 11, 9, 12, 0, 0);
export const NOW2 = Date.UTC(2025, 11, 11, 12, 20, 0);

export const PATHS = {
  retargets: '/api/v1/mining/difficulty-adjustments',
  retargets1w: '/api/v1/mining/difficulty-adjustments/1w',
  feesAll: '/api/v1/mining/blocks/fees/all',
  fees3d: '/api/v1/mining/blocks/fees/3d',
  prices: '/api/v1/historical-price',
} as const;

export const history = (name: string) => fixtureText(`mempool/history/${name}`);
export const historyJson = <T = unknown>(name: string): T => JSON.parse(history(name)) as T;

const json = (res: ServerResponse, status: number, body: string) => {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(body);
};

/** historical-price: the whole history without &timestamp, else the fixture for that timestamp. */
export function pricesHandler(full: string = history('historical-price.json')) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.searchParams.get('currency') !== 'USD') return json(res, 400, '"currency=USD expected"');
    const timestamp = url.searchParams.get('timestamp');
    if (timestamp === null) return json(res, 200, full);
    try {
      json(res, 200, history(`historical-price-${timestamp}.json`));
    } catch {
      json(res, 500, `"no fixture for timestamp ${timestamp}"`);
    }
  };
}

export function historyRoutes(overrides: Partial<Record<string, RouteSpec>> = {}): Record<string, RouteSpec> {
  const body = (name: string) => ({ headers: { 'content-type': 'application/json' }, body: history(name) });
  return {
    [PATHS.retargets]: body('difficulty-adjustments.json'),
    [PATHS.retargets1w]: body('difficulty-adjustments-1w.json'),
    [PATHS.feesAll]: body('blocks-fees-all.json'),
    [PATHS.fees3d]: body('blocks-fees-3d.json'),
    [PATHS.prices]: pricesHandler(),
    ...(overrides as Record<string, RouteSpec>),
  };
}

export function request(url: string, extra: Partial<HistoryRequest> = {}): HistoryRequest {
  return {
    fromDate: '2025-11-10',
    toDate: '2025-12-11',
    mempoolUrl: url,
    offline: false,
    refresh: false,
    timeoutMs: 2000,
    ...extra,
  };
}

/** A clock the test moves. */
export function clock(startMs: number): { now: () => number; set(ms: number): void } {
  let current = startMs;
  return {
    now: () => current,
    set: (ms) => {
      current = ms;
    },
  };
}

/** Records the URLs requested (path and query). */
export function recorder(): { onRequest: (url: string) => void; urls: string[]; paths(): string[] } {
  const urls: string[] = [];
  return {
    onRequest: (url) => urls.push(url),
    urls,
    paths: () =>
      urls.map((u) => {
        const parsed = new URL(u);
        return `${parsed.pathname}${parsed.search}`;
      }),
  };
}

export type { Context };
