/**
 * blockchain.info: a fallback for height and difficulty (plain-text /q/ endpoints), and for fees and the
 * estimated hashrate (api.blockchain.info/stats). Traps (reference facts, section 3):
 * - /q/getblockcount and /q/getdifficulty answer plain text ("927000", "1.49301206437464E14").
 * - /stats: hash_rate is in GH/s; total_fees_btc and n_btc_mined are in SATOSHIS despite their names;
 *   fees cover the last 24 h (n_blocks_mined blocks), not exactly 144 blocks; timestamp is Unix ms.
 */
import * as z from 'zod/mini';
import { SATS_PER_BTC } from '../../core/bitcoin.js';
import { checkDifficulty, checkFees, checkHashrate, checkHeight, invalid } from '../sanity.js';
import type { Quantity } from '../types.js';
import {
  type Endpoint,
  hostOf,
  type Provider,
  parseJson,
  parseNumberText,
  provider,
  trimSlash,
} from './common.js';

import { DEFAULT_BLOCKCHAIN_INFO_API_URL, DEFAULT_BLOCKCHAIN_INFO_URL, instanceOf } from './instances.js';

export { DEFAULT_BLOCKCHAIN_INFO_API_URL, DEFAULT_BLOCKCHAIN_INFO_URL };

const HS_PER_GHS = 1e9;

export const statsSchema = z.object({
  hash_rate: z.number(),
  total_fees_btc: z.number(),
  n_blocks_mined: z.number(),
  timestamp: z.number(),
});

/** total_fees_btc is satoshis: fees per block = total_fees_btc / 1e8 / n_blocks_mined. */
export function statsFeesPerBlockBtc(stats: z.infer<typeof statsSchema>): number {
  if (!(stats.n_blocks_mined > 0)) throw invalid('reported 0 blocks mined in its fee window');
  return stats.total_fees_btc / SATS_PER_BTC / stats.n_blocks_mined;
}

export function blockchainInfoProviders(
  baseUrl: string = DEFAULT_BLOCKCHAIN_INFO_URL,
  apiUrl: string = DEFAULT_BLOCKCHAIN_INFO_API_URL,
): { [Q in Quantity]?: Provider<Q>[] } {
  const q = trimSlash(baseUrl);
  const api = trimSlash(apiUrl);
  const endpoint = <T>(id: string, url: string, parse: Endpoint<T>['parse']): Endpoint<T> => ({
    id: `blockchain.info:${id}`,
    source: 'blockchain.info',
    host: hostOf(url),
    instance: instanceOf(url.startsWith(api) ? api : q),
    url,
    parse,
  });
  const count = endpoint('getblockcount', `${q}/q/getblockcount`, (r) => parseNumberText(r, 'integer'));
  const difficulty = endpoint('getdifficulty', `${q}/q/getdifficulty`, (r) => parseNumberText(r, 'decimal'));
  const stats = endpoint('stats', `${api}/stats`, (r) => parseJson(r, statsSchema));
  const statsTime = (s: z.infer<typeof statsSchema>, at: number) =>
    s.timestamp > 0 && s.timestamp <= at ? s.timestamp : at;
  return {
    heightBlocks: [provider(count, (h, at) => ({ value: checkHeight(h), asOfMs: at }))],
    difficulty: [provider(difficulty, (d, at) => ({ value: checkDifficulty(d), asOfMs: at }))],
    avgFeesBtcPerBlock: [
      provider(stats, (s, at) => ({ value: checkFees(statsFeesPerBlockBtc(s)), asOfMs: statsTime(s, at) })),
    ],
    estimatedHashrateHs: [
      provider(stats, (s, at) => ({
        value: checkHashrate(s.hash_rate * HS_PER_GHS),
        asOfMs: statsTime(s, at),
      })),
    ],
  };
}
