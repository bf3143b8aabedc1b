/** All sources, primary first for each quantity: mempool, then blockchain.info / CoinGecko. */
import type { Quantity } from '../types.js';
import {
  blockchainInfoProviders,
  DEFAULT_BLOCKCHAIN_INFO_API_URL,
  DEFAULT_BLOCKCHAIN_INFO_URL,
} from './blockchain-info.js';
import { coingeckoProviders, DEFAULT_COINGECKO_URL } from './coingecko.js';
import type { Providers } from './common.js';
import { DEFAULT_MEMPOOL_URL, mempoolProviders } from './mempool.js';

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

export function allProviders(config: SourceConfig): Providers {
  const parts = [
    mempoolProviders(config.mempoolUrl),
    blockchainInfoProviders(config.blockchainInfoUrl, config.blockchainInfoApiUrl),
    coingeckoProviders(config.coingeckoUrl, config.coingeckoKey),
  ] as Providers[];
  const merged: Record<string, unknown[]> = {};
  for (const part of parts) {
    for (const [quantity, list] of Object.entries(part) as [Quantity, unknown[]][]) {
      merged[quantity] = [...(merged[quantity] ?? []), ...list];
    }
  }
  return merged as Providers;
}
