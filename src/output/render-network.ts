/** Human lines for network data and its provenance. */

import { ageText, isoDate, num, si, usd, usdExact } from '../report/format.js';
import type { NetworkReport } from '../report/schemas.js';

const SOURCE_NAMES: Record<string, string> = {
  mempool: 'mempool',
  'blockchain.info': 'blockchain.info',
  coingecko: 'CoinGecko',
  cache: 'cache',
  snapshot: 'embedded snapshot',
  flag: 'flag',
};

export interface ProvenanceLike {
  source: string;
  asOf: string;
  origin?: string;
  host?: string;
}

/**
 * Where a figure came from and how old it is: "mempool.space, 4 s old", "cache (mempool.space), 3 min old",
 * "embedded snapshot of 2025-11-22, 367 days old", "flag".
 */
export function describeSource(p: ProvenanceLike, nowMs: number, short = false): string {
  if (p.source === 'flag') return 'flag';
  const asOfMs = Date.parse(p.asOf);
  const age = ageText(asOfMs, nowMs);
  if (p.source === 'snapshot')
    return `${short ? 'snapshot' : 'embedded snapshot'} of ${isoDate(asOfMs)}, ${age}`;
  if (p.source === 'cache')
    return `cache (${p.host ?? SOURCE_NAMES[p.origin ?? ''] ?? p.origin ?? '?'}), ${age}`;
  return `${p.host ?? SOURCE_NAMES[p.source] ?? p.source}, ${age}`;
}

/** "Network: embedded snapshot of 2025-11-22 (367 days old): height 924,700, ..." */
export function provenanceLine(network: NetworkReport, nowMs: number): string {
  const p = network.provenance;
  const sources = new Set(Object.values(p).map((q) => q.source));
  const tag = (q: ProvenanceLike) => (sources.size > 1 ? ` (${describeSource(q, nowMs)})` : '');
  const head = sources.size === 1 ? `Network data: ${describeSource(p.height, nowMs)}` : 'Network data';
  return (
    `${head}: height ${num(network.height)}${tag(p.height)}, difficulty ${si(network.difficulty)}${tag(p.difficulty)}, ` +
    `BTC ${usdExact(network.btcUsd)}${tag(p.btcUsd)}, fees ${network.avgFeesBtcPerBlock.toFixed(4)} BTC/block${tag(p.avgFeesBtcPerBlock)} ` +
    `-> hashprice ${usd(network.hashpriceUsdPerPhDay)}/PH/day`
  );
}
