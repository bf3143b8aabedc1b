/** All sources, primary first for each quantity: mempool, then blockchain.info / CoinGecko. */
import type { Quantity } from '../types.js';
import { blockchainInfoProviders } from './blockchain-info.js';
import { coingeckoProviders } from './coingecko.js';
import type { Providers } from './common.js';
import { DEFAULT_SOURCES, type SourceConfig } from './instances.js';
import { mempoolProviders } from './mempool.js';

export type { SourceConfig } from './instances.js';
export { DEFAULT_SOURCES };

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
