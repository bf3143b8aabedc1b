/**
 * The cache of live values, one JSON file in the user's cache directory:
 *   HASHCALC_CACHE_DIR, else $XDG_CACHE_HOME/hashcalc, else the platform's cache dir (~/.cache/hashcalc on
 *   Linux, ~/Library/Caches/hashcalc on macOS, %LOCALAPPDATA%\hashcalc\Cache on Windows); none without a
 *   usable home directory.
 * Each quantity is stored per source and instance (the base URL without the scheme: "mempool.space/api" and
 * "mempool.space/testnet4/api" are two instances) with its value, its data time and its fetch time; a run is
 * served only the entries of the instances it would ask (readCache's scope), never another instance's. It is fresh for a per-quantity TTL (price 60 s; the others 10 min). Writes are atomic (a unique temp file,
 * then rename) after merging with what is on disk, so concurrent runs never leave a broken file. A corrupt or
 * unreadable file is ignored with a warning and rewritten.
 */
// Synchronous fs on purpose: node:fs is already loaded at startup, while fs/promises (and crypto for a random
// name) would cost several ms of module loading on every run; the files are a few kB.
import { join } from 'node:path';
import * as z from 'zod/mini';
import { writeFileAtomic } from './atomic-file.js';
import { mebibytes, readRegularFile } from './safe-read.js';
import { CHECKS } from './sanity.js';
import type { SourceInstance } from './sources/instances.js';
import type { LiveSourceId, Quantity, QuantityValues } from './types.js';

export const CACHE_FILE = 'network.json';
export const CACHE_VERSION = 2;
/** A larger network.json is ignored (with a note) and rewritten: the real one is a few kB. */
export const MAX_CACHE_BYTES = 1024 * 1024;
/** Entries kept per quantity (one per source and instance), the most recently fetched first. */
const MAX_ENTRIES_PER_QUANTITY = 16;

const MINUTE = 60_000;
export const TTL_MS: Record<Quantity, number> = {
  btcUsd: MINUTE,
  heightBlocks: 10 * MINUTE,
  difficulty: 10 * MINUTE,
  avgFeesBtcPerBlock: 10 * MINUTE,
  estimatedHashrateHs: 10 * MINUTE,
  retarget: 10 * MINUTE,
  pools: 10 * MINUTE,
};

export interface CacheEntry<Q extends Quantity = Quantity> {
  value: QuantityValues[Q];
  origin: LiveSourceId;
  host?: string;
  /** The instance it came from (base URL without the scheme); without it, the entry's host names it. */
  instance?: string;
  asOfMs: number;
  fetchedAtMs: number;
}

export type CacheEntries = { [Q in Quantity]?: CacheEntry<Q> };
type StoredEntries = { [Q in Quantity]?: CacheEntry<Q>[] };

/** The instances a run would ask: only their entries are served to it. */
export type CacheScope = readonly SourceInstance[];

export interface CacheRead {
  /** Per quantity, the most recently fetched entry of an instance in scope (any instance without a scope). */
  entries: CacheEntries;
  /** Every valid entry on disk, per quantity. */
  stored: StoredEntries;
  /** A one-line warning when the file was corrupt or unreadable. */
  problem?: string;
  /** The file should be rewritten (it was corrupt), even if nothing new was fetched. */
  rewrite: boolean;
}

export { cacheDirectory } from './cache-dir.js';

export function cachePath(dir: string): string {
  return join(dir, CACHE_FILE);
}

const fileSchema = z.object({
  version: z.literal(CACHE_VERSION),
  entries: z.record(z.string(), z.array(z.unknown())),
});

const entrySchema = z.object({
  value: z.unknown(),
  origin: z.enum(['mempool', 'blockchain.info', 'coingecko']),
  host: z.optional(z.string()),
  instance: z.optional(z.string()),
  asOfMs: z.number(),
  fetchedAtMs: z.number(),
});

const QUANTITIES = Object.keys(TTL_MS) as Quantity[];

function validEntry(quantity: Quantity, raw: unknown): CacheEntry | undefined {
  const parsed = entrySchema.safeParse(raw);
  if (!parsed.success) return undefined;
  try {
    const value = CHECKS[quantity](parsed.data.value);
    const { host, instance, origin, asOfMs, fetchedAtMs } = parsed.data;
    return {
      value,
      origin,
      ...(host ? { host } : {}),
      ...(instance ? { instance } : {}),
      asOfMs,
      fetchedAtMs,
    } as CacheEntry;
  } catch {
    return undefined;
  }
}

function errorText(error: unknown): string {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' ? code : error instanceof Error ? error.message : String(error);
}

const entryKey = (e: CacheEntry) => `${e.origin} ${e.instance ?? e.host ?? ''}`;

function inScope(entry: CacheEntry, scope: CacheScope): boolean {
  return scope.some(
    (s) =>
      s.origin === entry.origin &&
      (entry.instance !== undefined ? entry.instance === s.instance : entry.host === s.host),
  );
}

/** Per quantity, the most recently fetched entry of the instances in scope (every instance without one). */
export function servedEntries(stored: StoredEntries, scope?: CacheScope): CacheEntries {
  const served: Record<string, CacheEntry> = {};
  for (const [quantity, list] of Object.entries(stored) as [Quantity, CacheEntry[]][]) {
    for (const entry of list) {
      if (scope && !inScope(entry, scope)) continue;
      const best = served[quantity];
      if (!best || best.fetchedAtMs < entry.fetchedAtMs) served[quantity] = entry;
    }
  }
  return served as CacheEntries;
}

const EMPTY: CacheRead = { entries: {}, stored: {}, rewrite: false };

export async function readCache(dir: string, scope?: CacheScope): Promise<CacheRead> {
  const file = cachePath(dir);
  let text: string;
  try {
    const read = readRegularFile(file, MAX_CACHE_BYTES);
    if (!read.ok) {
      const why =
        read.reason === 'not-regular'
          ? 'is not a regular file'
          : `is larger than ${mebibytes(MAX_CACHE_BYTES)} (${mebibytes(read.sizeBytes)})`;
      return { ...EMPTY, problem: `cache file ${file} ${why}; ignoring it and rewriting it`, rewrite: true };
    }
    text = read.text;
  } catch (error) {
    if ((error as { code?: unknown })?.code === 'ENOENT') return { ...EMPTY };
    return {
      ...EMPTY,
      problem: `cache file ${file} is unreadable (${errorText(error)}); ignoring it`,
      rewrite: true,
    };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return {
      ...EMPTY,
      problem: `cache file ${file} is corrupt (not JSON); ignoring it and rewriting it`,
      rewrite: true,
    };
  }
  // Version 1 kept one entry per quantity, whatever the instance: not trusted for any instance, rewritten.
  if ((data as { version?: unknown } | null)?.version === 1) return { ...EMPTY, rewrite: true };
  const parsed = fileSchema.safeParse(data);
  if (!parsed.success) {
    return {
      ...EMPTY,
      problem: `cache file ${file} has an unknown layout; ignoring it and rewriting it`,
      rewrite: true,
    };
  }
  const stored: Record<string, CacheEntry[]> = {};
  let dropped = 0;
  for (const [key, list] of Object.entries(parsed.data.entries)) {
    if (!QUANTITIES.includes(key as Quantity)) continue;
    for (const raw of list) {
      const entry = validEntry(key as Quantity, raw);
      if (!entry) {
        dropped++;
        continue;
      }
      stored[key] = [...(stored[key] ?? []), entry];
    }
  }
  const entries = servedEntries(stored as StoredEntries, scope);
  if (dropped > 0) {
    return {
      entries,
      stored: stored as StoredEntries,
      problem: `cache file ${file} has ${dropped} invalid ${dropped === 1 ? 'entry' : 'entries'}; ignoring ${dropped === 1 ? 'it' : 'them'}`,
      rewrite: true,
    };
  }
  return { entries, stored: stored as StoredEntries, rewrite: false };
}

/** Clocks disagree by this much at most; data "from the future" beyond it was written with a clock ahead. */
export const MAX_CLOCK_SKEW_MS = 5 * MINUTE;

/** Dated beyond the clock skew after now: written by a clock ahead, so stale whatever it says. */
export function fromTheFuture(asOfMs: number, nowMs: number): boolean {
  return asOfMs - nowMs > MAX_CLOCK_SKEW_MS;
}

/** Fresh when fetched less than the quantity's TTL ago (and neither fetched nor dated in the future). */
export function isFresh(quantity: Quantity, entry: CacheEntry, nowMs: number): boolean {
  const age = nowMs - entry.fetchedAtMs;
  return age >= 0 && age < TTL_MS[quantity] && !fromTheFuture(entry.asOfMs, nowMs);
}

/**
 * Merges `updates` into the file on disk (the newer fetch wins per quantity, source and instance) and writes atomically.
 * Returns a one-line warning on failure; the cache is an optimisation, never a reason to fail.
 */
export async function writeCache(dir: string, updates: CacheEntries): Promise<string | undefined> {
  const file = cachePath(dir);
  const current = await readCache(dir);
  const merged: Record<string, CacheEntry[]> = {};
  for (const quantity of QUANTITIES) {
    const byKey = new Map<string, CacheEntry>();
    const incoming = [...(current.stored[quantity] ?? []), updates[quantity]] as (CacheEntry | undefined)[];
    for (const entry of incoming) {
      if (!entry) continue;
      const existing = byKey.get(entryKey(entry));
      if (!existing || existing.fetchedAtMs <= entry.fetchedAtMs) byKey.set(entryKey(entry), entry);
    }
    const list = [...byKey.values()].sort((a, b) => b.fetchedAtMs - a.fetchedAtMs);
    if (list.length > 0) merged[quantity] = list.slice(0, MAX_ENTRIES_PER_QUANTITY);
  }
  const text = `${JSON.stringify({ version: CACHE_VERSION, entries: merged }, null, 2)}\n`;
  try {
    await writeFileAtomic(file, text, { makeDirectory: true });
    return undefined;
  } catch (error) {
    return `could not write the cache file ${file} (${errorText(error)})`;
  }
}

/** One stored entry as `hashcalc cache` lists it. */
export interface CacheEntryDescription {
  quantity: Quantity;
  origin: LiveSourceId;
  /** The instance (base URL without the scheme), else the host that answered; null when the entry names neither. */
  instance: string | null;
  asOfMs: number;
  fetchedAtMs: number;
  fresh: boolean;
}

export interface CacheDescription {
  /** Every valid entry on disk, per quantity (in TTL_MS order), the most recently fetched first. */
  entries: CacheEntryDescription[];
  /** One line when the file is not what hashcalc writes (corrupt, foreign, an older layout, not a regular file). */
  problem?: string;
}

/**
 * What network.json holds, read by readCache (the same checks, never blocking on a FIFO or a device): for
 * `hashcalc cache`. No printing, no writing.
 */
export async function describeCache(dir: string, nowMs: number): Promise<CacheDescription> {
  const read = await readCache(dir);
  const entries: CacheEntryDescription[] = [];
  for (const quantity of QUANTITIES) {
    const list = [...(read.stored[quantity] ?? [])] as CacheEntry[];
    list.sort((a, b) => b.fetchedAtMs - a.fetchedAtMs);
    for (const entry of list)
      entries.push({
        quantity,
        origin: entry.origin,
        instance: entry.instance ?? entry.host ?? null,
        asOfMs: entry.asOfMs,
        fetchedAtMs: entry.fetchedAtMs,
        fresh: isFresh(quantity, entry, nowMs),
      });
  }
  // readCache drops a version-1 file silently (it is rewritten on the next write); a description says so.
  const problem =
    read.problem ??
    (read.rewrite
      ? `cache file ${cachePath(dir)} has an older layout (version 1); ignored and rewritten on the next network run`
      : undefined);
  return problem ? { entries, problem } : { entries };
}
