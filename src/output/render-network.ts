/** Human lines for network data and its provenance. */

import { ageText, isoDate, num, si, usd, usdExact } from '../report/format.js';
import { fromEmbeddedClose, fromEmbeddedEpoch } from '../report/network.js';
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
  basis?: string;
}

/**
 * Where a figure came from and how old it is: "mempool.space, 4 s old", "cache (mempool.space), 3 min old",
 * "embedded snapshot of 2025-11-22, 367 days old", "flag".
 */
export function describeSource(p: ProvenanceLike, nowMs: number, short = false): string {
  if (p.source === 'flag') return 'flag';
  const asOfMs = Date.parse(p.asOf);
  const age = ageText(asOfMs, nowMs);
  if (fromEmbeddedEpoch(p))
    return `${short ? 'epochs' : 'embedded difficulty epochs'}, epoch of ~${isoDate(asOfMs)}, ${age}`;
  if (fromEmbeddedClose(p))
    return `${short ? 'closes' : 'embedded monthly closes'}, close at ${isoDate(asOfMs)}, ${age}`;
  if (p.source === 'snapshot')
    return `${short ? 'snapshot' : 'embedded snapshot'} of ${isoDate(asOfMs)}, ${age}`;
  if (p.source === 'cache')
    return `cache (${p.host ?? SOURCE_NAMES[p.origin ?? ''] ?? p.origin ?? '?'}), ${age}`;
  return `${p.host ?? SOURCE_NAMES[p.source] ?? p.source}, ${age}`;
}

/** A source without its age: "mempool.space", "cache (mempool.space)", "embedded snapshot", "flag". */
function sourceName(p: ProvenanceLike): string {
  if (fromEmbeddedEpoch(p)) return 'epochs';
  if (fromEmbeddedClose(p)) return 'closes';
  if (p.source === 'snapshot') return 'snapshot';
  if (p.source === 'cache') return `cache (${p.host ?? p.origin ?? '?'})`;
  return p.host ?? p.source;
}

/**
 * "Network data: embedded snapshot of 2025-11-22, 367 days old: height 924,700, ...". Figures are grouped by
 * source, each group said once with the age of its oldest figure (never the youngest):
 * "Network data: height 924,700, difficulty 152.27T (mempool.space, 4 min old); BTC $91,000 (flag) -> ...".
 */
export function provenanceLine(network: NetworkReport, nowMs: number): string {
  const p = network.provenance;
  const figures: [string, ProvenanceLike][] = [
    [`height ${num(network.height)}`, p.height],
    [`difficulty ${si(network.difficulty)}`, p.difficulty],
    [`BTC ${usdExact(network.btcUsd)}`, p.btcUsd],
    [`fees ${network.avgFeesBtcPerBlock.toFixed(4)} BTC/block`, p.avgFeesBtcPerBlock],
  ];
  const groups = new Map<string, { parts: string[]; oldest: ProvenanceLike }>();
  for (const [part, q] of figures) {
    const group = groups.get(sourceName(q));
    if (!group) groups.set(sourceName(q), { parts: [part], oldest: q });
    else {
      group.parts.push(part);
      if (Date.parse(q.asOf) < Date.parse(group.oldest.asOf)) group.oldest = q;
    }
  }
  const hashprice = `-> hashprice ${usd(network.hashpriceUsdPerPhDay)}/PH/day`;
  const list = [...groups.values()];
  if (list.length === 1 && list[0])
    return `Network data: ${describeSource(list[0].oldest, nowMs)}: ${list[0].parts.join(', ')} ${hashprice}`;
  const said = list.map((g) => `${g.parts.join(', ')} (${describeSource(g.oldest, nowMs)})`);
  return `Network data: ${said.join('; ')} ${hashprice}`;
}
