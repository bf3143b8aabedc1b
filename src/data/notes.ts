/**
 * The lines said on stderr about where data came from when it was not the first choice: grouped, so that
 * an offline machine gets one line, not one per quantity and source. Pure.
 */
import { EMBEDDED_SNAPSHOT } from '../catalog/snapshot.js';
import { grouped } from '../catalog/text.js';
import { ago, formatAge, formatDuration } from '../core/duration.js';
import type { SourceFailure } from './live.js';
import { QUANTITY_LABELS, type Quantity } from './types.js';

export interface FallbackStep {
  quantity: Quantity;
  failures: readonly SourceFailure[];
  /** What was used instead, as it reads after the reasons: "using the cache from 3 min ago". */
  using: string;
  /** Set when another live source answered: steps to live sources share one line. */
  liveHost?: string;
  /** Set when the cache was used: steps to the cache share one line, with the range of ages. */
  cacheFetchedAtMs?: number;
  /** Set when the embedded network was used (snapshot or newest epoch): such steps share one line. */
  embedded?: boolean;
}

/**
 * "mempool.space timed out after 5000 ms; api.coingecko.com, blockchain.info refused the connection":
 * hosts sharing a failure are named together, and one host's several failures are listed together.
 */
export function reasonText(failures: readonly SourceFailure[]): string {
  const hostsByMessage = new Map<string, string[]>();
  for (const { host, failure } of failures) {
    const hosts = hostsByMessage.get(failure.message) ?? [];
    if (!hosts.includes(host)) hosts.push(host);
    hostsByMessage.set(failure.message, hosts);
  }
  const messagesByHosts = new Map<string, string[]>();
  for (const [message, hosts] of hostsByMessage) {
    const key = hosts.join(', ');
    messagesByHosts.set(key, [...(messagesByHosts.get(key) ?? []), message]);
  }
  return [...messagesByHosts].map(([hosts, messages]) => `${hosts} ${messages.join(', ')}`).join('; ');
}

/**
 * One line per kind of fallback: all quantities that moved to another live source share a line, and so do
 * those using the cache or the snapshot:
 * "price, fees: mempool.space timed out after 5000 ms; using the cache from 3 min ago".
 */
export function fallbackLines(steps: readonly FallbackStep[], nowMs: number): string[] {
  const groups = new Map<string, FallbackStep[]>();
  for (const step of steps) {
    const key = step.liveHost
      ? LIVE
      : step.cacheFetchedAtMs !== undefined
        ? CACHE
        : step.embedded
          ? EMBEDDED
          : step.using;
    groups.set(key, [...(groups.get(key) ?? []), step]);
  }
  return [...groups].map(([key, group]) => {
    const labels = group.map((s) => QUANTITY_LABELS[s.quantity]).join(', ');
    const reasons = reasonText(group.flatMap((s) => s.failures));
    let using = key;
    if (key === LIVE) using = `using ${[...new Set(group.map((s) => s.liveHost))].join(', ')}`;
    if (key === CACHE)
      using = usingCacheRange(
        group.map((s) => s.cacheFetchedAtMs ?? nowMs),
        nowMs,
      );
    if (key === EMBEDDED) using = embeddedUsing(group);
    return reasons ? `${labels}: ${reasons}; ${using}` : `${labels}: ${using}`;
  });
}

const LIVE = '\u0000live';
const CACHE = '\u0000cache';
const EMBEDDED = '\u0000embedded';

/** "using X", or "using X for height, difficulty; Y for price, fees" when the embedded data has two dates. */
function embeddedUsing(group: readonly FallbackStep[]): string {
  const byUsing = new Map<string, Quantity[]>();
  for (const s of group) byUsing.set(s.using, [...(byUsing.get(s.using) ?? []), s.quantity]);
  if (byUsing.size === 1) return group[0]?.using ?? '';
  const parts = [...byUsing].map(([using, qs]) => ({ what: using.replace(/^using /, ''), quantities: qs }));
  return `using ${usingParts(parts)}`;
}

function usingParts(parts: readonly { what: string; quantities: readonly Quantity[] }[]): string {
  return parts
    .map((p) => `${p.what} for ${p.quantities.map((q) => QUANTITY_LABELS[q]).join(', ')}`)
    .join('; ');
}

/** "using the cache from 3 min ago", or "from 40 s to 8 min ago" when entries differ in age. */
export function usingCacheRange(fetchedAtMs: readonly number[], nowMs: number): string {
  const youngest = formatAge(nowMs - Math.max(...fetchedAtMs));
  const oldest = formatAge(nowMs - Math.min(...fetchedAtMs));
  return youngest === oldest
    ? `using the cache from ${oldest} ago`
    : `using the cache from ${youngest} to ${oldest} ago`;
}

export function usingCache(fetchedAtMs: number, nowMs: number): string {
  return `using the cache from ${ago(fetchedAtMs, nowMs)}`;
}

export function snapshotText(nowMs: number): string {
  const asOfMs = Date.parse(EMBEDDED_SNAPSHOT.asOf);
  return `the embedded snapshot of ${EMBEDDED_SNAPSHOT.asOf.slice(0, 10)} (${formatDuration(nowMs - asOfMs)} old)`;
}

/** "the newest embedded difficulty epoch (from block 953,568, ~2026-06-14, 176 days old)". */
export function epochText(startHeight: number, startMs: number, estimated: boolean, nowMs: number): string {
  const date = `${estimated ? '~' : ''}${new Date(startMs).toISOString().slice(0, 10)}`;
  return `the newest embedded difficulty epoch (from block ${grouped(startHeight)}, ${date}, ${formatDuration(nowMs - startMs)} old)`;
}

/** "the newest embedded monthly BTC/USD close (2026-07, at 2026-08-01, 128 days old)". */
export function closeText(month: string, asOfMs: number, nowMs: number): string {
  return `the newest embedded monthly BTC/USD close (${month}, at ${new Date(asOfMs).toISOString().slice(0, 10)}, ${formatDuration(nowMs - asOfMs)} old)`;
}

/** Price and difficulty further apart than this make a hashprice of two dates: said on stderr. */
export const APART_WARN_MS = 90 * 86_400_000;

/**
 * "price (2026-01-12) and difficulty (~2026-06-14) are 153 days apart: ..." when a hashprice mixes dates; else
 * undefined.
 */
export function apartLine(priceAsOfMs: number, difficultyAsOfMs: number): string | undefined {
  const apartMs = Math.abs(priceAsOfMs - difficultyAsOfMs);
  if (!(apartMs > APART_WARN_MS)) return undefined;
  const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return (
    `price (${day(priceAsOfMs)}) and difficulty (${day(difficultyAsOfMs)}) are ${Math.floor(apartMs / 86_400_000)} days apart, ` +
    'more than 90: the hashprice mixes two dates; give --btc-price and --difficulty of one date, or connect'
  );
}

/** "offline: using the cache from 3 min ago for height; the embedded snapshot of ... for price, fees". */
export function offlineLine(
  parts: readonly { what: string; quantities: readonly Quantity[] }[],
): string | undefined {
  const shown = parts.filter((p) => p.quantities.length > 0);
  if (shown.length === 0) return undefined;
  return `offline: using ${usingParts(shown)}`;
}
