/**
 * Which instance of which source a value came from, without loading the sources (no zod, no undici): the
 * cache keys every entry by source and instance, and serves a run only the entries of the instances it would
 * ask. An instance is its base URL without the scheme ("mempool.space/api", "mempool.space/testnet4/api",
 * "umbrel.local:3006/api"), so a testnet instance on the same host is another instance.
 */
import type { LiveSourceId } from '../types.js';

export const DEFAULT_MEMPOOL_URL = 'https://mempool.space';
export const DEFAULT_BLOCKCHAIN_INFO_URL = 'https://blockchain.info';
export const DEFAULT_BLOCKCHAIN_INFO_API_URL = 'https://api.blockchain.info';
export const DEFAULT_COINGECKO_URL = 'https://api.coingecko.com/api/v3';

export interface SourceConfig {
  /** A mempool instance's base URL (the API is under /api). */
  mempoolUrl: string;
  blockchainInfoUrl: string;
  blockchainInfoApiUrl: string;
  coingeckoUrl: string;
  coingeckoKey?: string;
}

export const DEFAULT_SOURCES: SourceConfig = {
  mempoolUrl: DEFAULT_MEMPOOL_URL,
  blockchainInfoUrl: DEFAULT_BLOCKCHAIN_INFO_URL,
  blockchainInfoApiUrl: DEFAULT_BLOCKCHAIN_INFO_API_URL,
  coingeckoUrl: DEFAULT_COINGECKO_URL,
};

/** Base URL without a trailing slash. */
export function trimSlash(url: string): string {
  return url.replace(/\/+$/, '');
}

/** Accepts an instance's base URL ("http://umbrel.local:3006") or its API URL (".../api"). */
export function mempoolApiBase(baseUrl: string): string {
  const base = trimSlash(baseUrl);
  return base.endsWith('/api') ? base : `${base}/api`;
}

export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** "https://mempool.space/testnet4/api/" -> "mempool.space/testnet4/api". */
export function instanceOf(baseUrl: string): string {
  try {
    const url = new URL(baseUrl);
    return trimSlash(`${url.host}${url.pathname}`);
  } catch {
    return trimSlash(baseUrl);
  }
}

export interface SourceInstance {
  origin: LiveSourceId;
  host: string;
  instance: string;
}

/** The instances a run with these sources asks (and so the only ones whose cache it may use). */
export function sourceInstances(sources: Partial<SourceConfig> = {}): SourceInstance[] {
  const config = { ...DEFAULT_SOURCES, ...sources };
  const at = (origin: LiveSourceId, base: string): SourceInstance => ({
    origin,
    host: hostOf(base),
    instance: instanceOf(base),
  });
  return [
    at('mempool', mempoolApiBase(config.mempoolUrl)),
    at('blockchain.info', config.blockchainInfoUrl),
    at('blockchain.info', config.blockchainInfoApiUrl),
    at('coingecko', config.coingeckoUrl),
  ];
}
