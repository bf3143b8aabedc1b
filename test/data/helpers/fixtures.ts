/** The API fixtures (fixtures/, shaped like the real responses) and routes that serve them. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Reply, RouteSpec } from './server.js';

const root = new URL('../../../fixtures/', import.meta.url);

export function fixtureText(name: string): string {
  return readFileSync(fileURLToPath(new URL(name, root)), 'utf8');
}

export function fixtureJson(name: string): Record<string, unknown> {
  return JSON.parse(fixtureText(name)) as Record<string, unknown>;
}

/** The network state the fixtures describe: 2025-12-08 12:00 UTC. */
export const FIXTURE_NOW_MS = Date.UTC(2025, 11, 8, 12, 0, 0);

export const json = (body: unknown, extra: Reply = {}): Reply => ({
  ...extra,
  headers: { 'content-type': 'application/json', ...extra.headers },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});
export const text = (body: string, extra: Reply = {}): Reply => ({
  ...extra,
  headers: { 'content-type': 'text/plain', ...extra.headers },
  body,
});

export const MEMPOOL_PATHS = {
  tip: '/api/blocks/tip/height',
  hashrate: '/api/v1/mining/hashrate/3d',
  rewards: '/api/v1/mining/reward-stats/144',
  prices: '/api/v1/prices',
  adjustment: '/api/v1/difficulty-adjustment',
  pools: '/api/v1/mining/pools/1w',
} as const;

export const BCI_PATHS = {
  count: '/q/getblockcount',
  difficulty: '/q/getdifficulty',
  stats: '/stats',
} as const;
export const COINGECKO_PATH = '/simple/price';

/**
 * The routes of each source. With `nowMs`, the data times in the bodies (price time, stats timestamp) are
 * moved to just before `nowMs`, for tests that run on the real clock.
 */
export function mempoolRoutes(nowMs?: number): Record<string, RouteSpec> {
  const prices =
    nowMs === undefined
      ? fixtureText('mempool/prices.json')
      : { ...fixtureJson('mempool/prices.json'), time: Math.floor(nowMs / 1000) - 40 };
  return {
    [MEMPOOL_PATHS.tip]: text(fixtureText('mempool/tip-height.txt')),
    [MEMPOOL_PATHS.hashrate]: json(fixtureText('mempool/hashrate-3d.json')),
    [MEMPOOL_PATHS.rewards]: json(fixtureText('mempool/reward-stats-144.json')),
    [MEMPOOL_PATHS.prices]: json(prices),
    [MEMPOOL_PATHS.adjustment]: json(fixtureText('mempool/difficulty-adjustment.json')),
    [MEMPOOL_PATHS.pools]: json(fixtureText('mempool/pools-1w.json')),
  };
}

export function blockchainInfoRoutes(nowMs?: number): Record<string, RouteSpec> {
  const stats =
    nowMs === undefined
      ? fixtureText('blockchain-info/stats.json')
      : { ...fixtureJson('blockchain-info/stats.json'), timestamp: nowMs - 60_000 };
  return {
    [BCI_PATHS.count]: text(fixtureText('blockchain-info/getblockcount.txt')),
    [BCI_PATHS.difficulty]: text(fixtureText('blockchain-info/getdifficulty.txt')),
    [BCI_PATHS.stats]: json(stats),
  };
}

export function coingeckoRoutes(nowMs?: number): Record<string, RouteSpec> {
  const price =
    nowMs === undefined
      ? fixtureText('coingecko/simple-price.json')
      : { bitcoin: { usd: 91_300, last_updated_at: Math.floor(nowMs / 1000) - 50 } };
  return { [COINGECKO_PATH]: json(price) };
}
