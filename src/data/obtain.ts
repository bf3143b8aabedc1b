/**
 * Getting a NetworkSnapshot for a command. Per quantity:
 *   flag  >  fresh cache (within its TTL; skipped with --refresh / --require-live)
 *         >  live sources (mempool first, then blockchain.info / CoinGecko), all requested at once
 *         >  cache of any age  >  the embedded snapshot,
 * each fallback step said on stderr with its reason. --offline: cache of any age, then the snapshot, and no
 * network (undici is not even loaded). --require-live fails (exit 1) instead of falling back; --max-age fails
 * (exit 1) when the best data is older. When flags give every quantity a command needs, nothing is fetched.
 */

import { CLOSE_BASIS_PREFIX } from '../catalog/snapshot.js';
import { grouped } from '../catalog/text.js';
import { type Context, NO_HOME_NOTE } from '../context.js';
import { formatDuration } from '../core/duration.js';
import { DataError } from '../errors.js';
import {
  type CacheEntries,
  type CacheEntry,
  type CacheRead,
  cacheDirectory,
  fromTheFuture,
  isFresh,
  readCache,
  TTL_MS,
  writeCache,
} from './cache.js';
import { FetchFailure } from './http.js';
import { type LiveValue, SECONDARY_GRACE_MS, type SourceFailure } from './live.js';
import {
  apartLine,
  closeText,
  epochText,
  type FallbackStep,
  fallbackLines,
  offlineLine,
  reasonText,
  snapshotText,
  usingCache,
  usingCacheRange,
} from './notes.js';
import type { NetworkRequest, ObtainDeps } from './request.js';
import { applyOverrides, embeddedSnapshot, newestClose, newestEpoch } from './snapshot.js';
import { sourceInstances } from './sources/instances.js';
import {
  CORE_QUANTITIES,
  type NetworkQuantity,
  type NetworkSnapshot,
  type PoolShares,
  QUANTITY_LABELS,
  type Quantity,
  type RetargetEstimate,
  type Sourced,
} from './types.js';

export const DEFAULT_MAX_DIVERGENCE = 0.02;
/** A live height this far below the cached one is a node still syncing: the cache is kept. */
export const HEIGHT_BEHIND_BLOCKS = 144;

const DIVERGENCE_CHECKED: readonly Quantity[] = ['heightBlocks', 'difficulty', 'btcUsd'];

function fromCache(entry: CacheEntry): Sourced<unknown> {
  return {
    value: entry.value,
    source: 'cache',
    origin: entry.origin,
    asOfMs: entry.asOfMs,
    fetchedAtMs: entry.fetchedAtMs,
    ...(entry.host ? { host: entry.host } : {}),
  };
}

function fromLive(value: LiveValue): Sourced<unknown> {
  return { value: value.value, source: value.source, asOfMs: value.asOfMs, host: value.host };
}

function formatValue(quantity: Quantity, value: number): string {
  if (quantity === 'btcUsd') return `$${grouped(Math.round(value))}`;
  if (quantity === 'difficulty') return `${(value / 1e12).toFixed(2)}T`;
  return grouped(value);
}

const percentText = (fraction: number) => `${Number((fraction * 100).toFixed(2))}%`;

function divergenceLine(
  quantity: Quantity,
  chosen: LiveValue,
  other: LiveValue,
  limit: number,
): string | undefined {
  const a = chosen.value as number;
  const b = other.value as number;
  const apart = Math.abs(b - a) / Math.abs(a);
  if (!(apart > limit)) return undefined;
  return (
    `${QUANTITY_LABELS[quantity]}: ${chosen.host} says ${formatValue(quantity, a)}, ${other.host} says ${formatValue(quantity, b)} ` +
    `(${percentText(apart)} apart, more than --max-divergence ${percentText(limit)}); using ${chosen.host}`
  );
}

/** What the embedded network gave a quantity: the newest difficulty epoch or the snapshot, with its age. */
function embeddedText(q: Sourced<unknown> | null, nowMs: number): string {
  const epoch = newestEpoch();
  if (epoch && q?.asOfMs === epoch.startMs)
    return epochText(epoch.startHeight, epoch.startMs, epoch.estimated, nowMs);
  const close = newestClose();
  if (close && q?.basis?.startsWith(CLOSE_BASIS_PREFIX)) return closeText(close.month, close.asOfMs, nowMs);
  return snapshotText(nowMs);
}

function describeSourced(q: Sourced<unknown>, nowMs: number): string {
  if (q.source === 'snapshot') return embeddedText(q, nowMs).replace(/ \([^)]*\)$/, '');
  if (q.source === 'cache') return `the cache (from ${q.host ?? q.origin})`;
  return q.host ?? q.source;
}

export type { NetworkRequest, ObtainDeps } from './request.js';

/** The network data a command asked for, and what is worth saying about where it came from. */
export interface NetworkResult {
  snapshot: NetworkSnapshot;
  /** One line each (fell back, stale cache, sources diverged, cache problems); the command prints them. */
  notes: string[];
}

export async function obtainNetwork(
  request: NetworkRequest,
  ctx: Context,
  deps: ObtainDeps = {},
): Promise<NetworkResult> {
  const nowMs = ctx.now();
  const notes: string[] = [];
  const warn = (line: string) => notes.push(line);
  const overridden = new Set(
    Object.entries(request.overrides)
      .filter(([, v]) => v !== undefined)
      .map(([k]) => k),
  );
  const want = (request.want ?? CORE_QUANTITIES).filter((q) => !overridden.has(q));
  const optional = (request.optional ?? ['estimatedHashrateHs']).filter(
    (q) => !overridden.has(q) && !want.includes(q),
  );
  const wanted = [...want, ...optional];
  const snapshot = embeddedSnapshot();
  const got: Partial<Record<Quantity, Sourced<unknown>>> = {};

  if (wanted.length > 0) {
    const dir = cacheDirectory(ctx.env);
    if (dir === null) warn(NO_HOME_NOTE);
    // Only the entries of the instances this run would ask: never one instance's data for another.
    const scope = sourceInstances(request.sources);
    const cache: CacheRead =
      dir === null ? { entries: {}, stored: {}, rewrite: false } : await readCache(dir, scope);
    if (cache.problem) warn(cache.problem);
    const live = want.length > 0 && !request.offline;
    const cacheFirst = !request.refresh && !request.requireLive;
    const toFetch: Quantity[] = [];
    for (const quantity of wanted) {
      const entry = cache.entries[quantity] as CacheEntry | undefined;
      if (!live) {
        if (entry) got[quantity] = fromCache(entry);
      } else if (entry && cacheFirst && isFresh(quantity, entry, nowMs)) {
        got[quantity] = fromCache(entry);
      } else {
        toFetch.push(quantity);
      }
    }
    // Optional quantities never cost a request of their own: without a needed one to fetch, use what is cached.
    if (!toFetch.some((q) => want.includes(q))) {
      for (const quantity of toFetch.splice(0)) {
        const entry = cache.entries[quantity] as CacheEntry | undefined;
        if (entry) got[quantity] = fromCache(entry);
      }
    }

    const steps: FallbackStep[] = [];
    const divergences: string[] = [];
    const redirects = new Map<string, Quantity[]>();
    const late = new Map<string, Quantity[]>();
    const graceMs = deps.graceMs ?? SECONDARY_GRACE_MS;
    const updates: CacheEntries = {};
    const missingLive: { quantity: Quantity; failures: readonly SourceFailure[] }[] = [];
    if (toFetch.length > 0) {
      // The live machinery (HTTP client, sources and their schemas, undici) loads only when fetching.
      const [{ fetchRound }, { plausibility }] = await Promise.all([
        import('./fetch-round.js'),
        import('./frame.js'),
      ]);
      // The frame of what is possible: the newest cached value of the instances asked, else the snapshot.
      const references = Object.fromEntries(
        (['heightBlocks', 'difficulty', 'btcUsd', 'estimatedHashrateHs'] as const).flatMap((q) => {
          const entry = cache.entries[q];
          return entry ? [[q, { value: entry.value, asOfMs: Math.min(entry.asOfMs, nowMs) }]] : [];
        }),
      );
      const outcome = await fetchRound(toFetch, request, ctx, deps, plausibility(references, nowMs));

      const limit = request.maxDivergence ?? DEFAULT_MAX_DIVERGENCE;
      for (const quantity of toFetch) {
        const result = outcome[quantity];
        const chosen = result?.chosen as LiveValue | undefined;
        const failures = result?.failures ?? [];
        const cachedHeight = cache.entries.heightBlocks;
        if (
          chosen &&
          quantity === 'heightBlocks' &&
          cachedHeight &&
          (chosen.value as number) < cachedHeight.value - HEIGHT_BEHIND_BLOCKS
        ) {
          // A node still syncing (or another chain): its height must not replace the one known.
          got[quantity] = fromCache(cachedHeight);
          steps.push({
            quantity,
            failures: [
              {
                source: chosen.source,
                host: chosen.host,
                failure: new FetchFailure(
                  'invalid',
                  `reports ${grouped(chosen.value as number)}, ${grouped(cachedHeight.value - (chosen.value as number))} blocks below the cached ${grouped(cachedHeight.value)} (its node may still be syncing)`,
                ),
              },
            ],
            using: usingCache(cachedHeight.fetchedAtMs, nowMs),
            cacheFetchedAtMs: cachedHeight.fetchedAtMs,
          });
          continue;
        }
        if (chosen) {
          got[quantity] = fromLive(chosen);
          if (chosen.redirectedFrom) {
            const key = `${chosen.redirectedFrom} redirected to ${chosen.host}`;
            redirects.set(key, [...(redirects.get(key) ?? []), quantity]);
          }
          (updates as Record<string, CacheEntry>)[quantity] = {
            value: chosen.value,
            origin: chosen.source,
            host: chosen.host,
            instance: chosen.instance,
            asOfMs: chosen.asOfMs,
            fetchedAtMs: chosen.fetchedAtMs,
          };
          if (failures.length > 0)
            steps.push({ quantity, failures, using: `using ${chosen.host}`, liveHost: chosen.host });
          if (DIVERGENCE_CHECKED.includes(quantity) && (result?.late ?? []).length > 0) {
            const hosts = [...new Set((result?.late ?? []).map((l) => l.host))].join(', ');
            late.set(hosts, [...(late.get(hosts) ?? []), quantity]);
          }
          if (DIVERGENCE_CHECKED.includes(quantity)) {
            for (const other of (result?.others ?? []) as LiveValue[]) {
              const line = divergenceLine(quantity, chosen, other, limit);
              if (line) divergences.push(line);
            }
          }
          continue;
        }
        if (request.requireLive && want.includes(quantity)) {
          missingLive.push({ quantity, failures });
          continue;
        }
        const entry = cache.entries[quantity] as CacheEntry | undefined;
        if (entry) {
          got[quantity] = fromCache(entry);
          steps.push({
            quantity,
            failures,
            using: usingCache(entry.fetchedAtMs, nowMs),
            cacheFetchedAtMs: entry.fetchedAtMs,
          });
        } else if (quantity === 'retarget' || quantity === 'pools') {
          steps.push({ quantity, failures, using: 'none available' });
        } else {
          steps.push({
            quantity,
            failures,
            using: `using ${embeddedText(snapshot[quantity], nowMs)}`,
            embedded: true,
          });
        }
      }
    }

    if (missingLive.length > 0) {
      const labels = missingLive.map((m) => QUANTITY_LABELS[m.quantity]).join(', ');
      const reasons = reasonText(missingLive.flatMap((m) => m.failures));
      throw new DataError(`--require-live: no live ${labels}${reasons ? ` (${reasons})` : ''}`);
    }
    if (dir !== null && (Object.keys(updates).length > 0 || cache.rewrite)) {
      const problem = await writeCache(dir, updates);
      if (problem) warn(problem);
    }
    for (const line of fallbackLines(steps, nowMs)) warn(line);
    for (const line of divergences) warn(line);
    for (const [what, quantities] of redirects) {
      const to = what.slice(what.lastIndexOf(' ') + 1);
      warn(`${quantities.map((q) => QUANTITY_LABELS[q]).join(', ')}: ${what}; labelled ${to}`);
    }
    for (const [hosts, quantities] of late)
      warn(
        `${quantities.map((q) => QUANTITY_LABELS[q]).join(', ')}: ${hosts} answered too late to be compared ` +
          `(cancelled after the ${graceMs} ms grace period); not checked against --max-divergence`,
      );
    if (request.offline && want.length > 0) {
      const cached = wanted.filter((q) => {
        const s = got[q];
        return s?.source === 'cache' && !(nowMs - (s.fetchedAtMs ?? 0) < TTL_MS[q]);
      });
      const fromSnapshot = wanted.filter(
        (q) =>
          !got[q] &&
          q !== 'retarget' &&
          q !== 'pools' &&
          (q !== 'estimatedHashrateHs' || snapshot[q] !== null),
      );
      const epoch = newestEpoch();
      const fromEpoch = fromSnapshot.filter(
        (q) => epoch !== null && (snapshot[q] as Sourced<unknown> | null)?.asOfMs === epoch.startMs,
      );
      const close = newestClose();
      const fromClose = fromSnapshot.filter(
        (q) =>
          close !== null &&
          ((snapshot[q] as Sourced<unknown> | null)?.basis?.startsWith(CLOSE_BASIS_PREFIX) ?? false),
      );
      const fetched = cached.map((q) => got[q]?.fetchedAtMs ?? nowMs);
      const line = offlineLine([
        { what: usingCacheRange(fetched, nowMs).replace(/^using /, ''), quantities: cached },
        {
          what: epoch ? epochText(epoch.startHeight, epoch.startMs, epoch.estimated, nowMs) : '',
          quantities: fromEpoch,
        },
        { what: close ? closeText(close.month, close.asOfMs, nowMs) : '', quantities: fromClose },
        {
          what: snapshotText(nowMs),
          quantities: fromSnapshot.filter((q) => !fromEpoch.includes(q) && !fromClose.includes(q)),
        },
      ]);
      if (line) warn(line);
    }
  }

  const pick = (q: NetworkQuantity): Sourced<number> =>
    (got[q] as Sourced<number> | undefined) ?? snapshot[q];
  const result: NetworkSnapshot = applyOverrides(
    {
      heightBlocks: pick('heightBlocks'),
      difficulty: pick('difficulty'),
      btcUsd: pick('btcUsd'),
      avgFeesBtcPerBlock: pick('avgFeesBtcPerBlock'),
      estimatedHashrateHs:
        (got.estimatedHashrateHs as Sourced<number> | undefined) ?? snapshot.estimatedHashrateHs,
      retarget: (got.retarget as Sourced<RetargetEstimate> | undefined) ?? null,
      pools: (got.pools as Sourced<PoolShares> | undefined) ?? null,
    },
    request.overrides,
    nowMs,
  );

  if (want.includes('btcUsd') || want.includes('difficulty')) {
    const apart = apartLine(result.btcUsd.asOfMs, result.difficulty.asOfMs);
    if (apart) notes.push(apart);
  }
  if (request.maxAgeMs !== undefined)
    checkMaxAge(result, want, request.maxAgeMs, request.maxAgeText, nowMs, request.maxAgeIsDefault === true);
  return { snapshot: result, notes };
}

function ageText(asOfMs: number, nowMs: number): string {
  return fromTheFuture(asOfMs, nowMs)
    ? `is dated ${formatDuration(asOfMs - nowMs)} ahead (written by a clock ahead)`
    : `is ${formatDuration(nowMs - asOfMs)} old`;
}

function checkMaxAge(
  snapshot: NetworkSnapshot,
  want: readonly Quantity[],
  maxAgeMs: number,
  text: string | undefined,
  nowMs: number,
  isDefault = false,
): void {
  const old = want
    .map((q) => ({ quantity: q, sourced: snapshot[q] as Sourced<unknown> | null }))
    .filter(
      (x): x is { quantity: Quantity; sourced: Sourced<unknown> } =>
        x.sourced !== null && (nowMs - x.sourced.asOfMs > maxAgeMs || fromTheFuture(x.sourced.asOfMs, nowMs)),
    );
  if (old.length === 0) return;
  const oldest =
    old.find((o) => fromTheFuture(o.sourced.asOfMs, nowMs)) ??
    old.reduce((a, b) => (b.sourced.asOfMs < a.sourced.asOfMs ? b : a));
  const labels = old.map((o) => QUANTITY_LABELS[o.quantity]).join(', ');
  const limit = text ?? formatDuration(maxAgeMs);
  const what =
    `${QUANTITY_LABELS[oldest.quantity]} from ${describeSourced(oldest.sourced, nowMs)} ` +
    ageText(oldest.sourced.asOfMs, nowMs);
  throw new DataError(
    isDefault
      ? `${labels} ${old.length === 1 ? 'is' : 'are'} older than the ${limit} a check accepts by default (${what}); ` +
          'connect to the network, or accept the data with --allow-stale or --max-age DURATION'
      : `${labels} ${old.length === 1 ? 'is' : 'are'} older than --max-age ${limit} (${what}); ` +
          'connect to the network, or raise --max-age',
  );
}
