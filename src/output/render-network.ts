/** Human lines for network data and its provenance. */
import type { NetworkReport } from '../cli/reports.js';
import { ageText, isoDate, num, si, usd, usdExact } from './format.js';

const SOURCE_TEXT: Record<string, string> = {
  snapshot: 'embedded snapshot',
  flag: 'flag',
  cache: 'cache',
  mempool: 'mempool',
  'blockchain.info': 'blockchain.info',
  coingecko: 'CoinGecko',
};

export function describeSource(source: string, asOfIso: string, nowMs: number): string {
  const name = SOURCE_TEXT[source] ?? source;
  if (source === 'flag') return 'flag';
  const asOfMs = Date.parse(asOfIso);
  return source === 'snapshot'
    ? `${name} of ${isoDate(asOfMs)}, ${ageText(asOfMs, nowMs)}`
    : `${name}, ${ageText(asOfMs, nowMs)}`;
}

/** "Network: embedded snapshot of 2025-11-22 (367 days old): height 924,700, ..." */
export function provenanceLine(network: NetworkReport, nowMs: number): string {
  const p = network.provenance;
  const sources = new Set(Object.values(p).map((q) => q.source));
  const tag = (q: { source: string; asOf: string }) =>
    sources.size > 1 ? ` (${describeSource(q.source, q.asOf, nowMs)})` : '';
  const head =
    sources.size === 1
      ? `Network data: ${describeSource(p.height.source, p.height.asOf, nowMs)}`
      : 'Network data';
  return (
    `${head}: height ${num(network.height)}${tag(p.height)}, difficulty ${si(network.difficulty)}${tag(p.difficulty)}, ` +
    `BTC ${usdExact(network.btcUsd)}${tag(p.btcUsd)}, fees ${network.avgFeesBtcPerBlock.toFixed(4)} BTC/block${tag(p.avgFeesBtcPerBlock)} ` +
    `-> hashprice ${usd(network.hashpriceUsdPerPhDay)}/PH/day`
  );
}
