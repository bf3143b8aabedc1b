/** The API fixtures (fixtures/, shaped like the real responses) and routes that serve them. */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Reply, RouteSpec } from './server.js';

const root = new URL('../../../fixtures/', import.meta.url);

export function fixtureText(name: string): string {
  return readFileSync(fileURLToPath(new URL(name, root)), 'utf8');
}

export function fixtureJson<T = Record<string, unknown>>(name: string): T {
  return JSON.parse(fixtureText(name)) as T;
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
} as const;

export const BCI_PATHS = {
  count: '/q/getblockcount',
  difficulty: '/q/getdifficulty',
  stats: '/stats',
} as const;
export const COINGECKO_PATH = '/simple/price';

export function mempoolRoutes(): Record<string, RouteSpec> {
  return {
    [MEMPOOL_PATHS.tip]: text(fixtureText('mempool/tip-height.txt')),
    [MEMPOOL_PATHS.hashrate]: json(fixtureText('mempool/hashrate-3d.json')),
    [MEMPOOL_PATHS.rewards]: json(fixtureText('mempool/reward-stats-144.json')),
    [MEMPOOL_PATHS.prices]: json(fixtureText('mempool/prices.json')),
    [MEMPOOL_PATHS.adjustment]: json(fixtureText('mempool/difficulty-adjustment.json')),
  };
}

export function blockchainInfoRoutes(): Record<string, RouteSpec> {
  return {
    [BCI_PATHS.count]: text(fixtureText('blockchain-info/getblockcount.txt')),
    [BCI_PATHS.difficulty]: text(fixtureText('blockchain-info/getdifficulty.txt')),
    [BCI_PATHS.stats]: json(fixtureText('blockchain-info/stats.json')),
  };
}

export function coingeckoRoutes(): Record<string, RouteSpec> {
  return { [COINGECKO_PATH]: json(fixtureText('coingecko/simple-price.json')) };
}
