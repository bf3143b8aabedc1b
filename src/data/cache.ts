/**
 * The cache of live values, one JSON file in the user's cache directory:
 *   HASHCALC_CACHE_DIR, else $XDG_CACHE_HOME/hashcalc, else the platform's cache dir (~/.cache/hashcalc on
 *   Linux, ~/Library/Caches/hashcalc on macOS, %LOCALAPPDATA%\hashcalc\Cache on Windows); none without a
 *   usable home directory.
 * Each quantity is stored with its value, the live source it came from, its data time and its fetch time;
 * it is fresh for a per-quantity TTL (price 60 s; the others 10 min). Writes are atomic (a unique temp file,
 * then rename) after merging with what is on disk, so concurrent runs never leave a broken file. A corrupt or
 * unreadable file is ignored with a warning and rewritten.
 */
// Synchronous fs on purpose: node:fs is already loaded at startup, while fs/promises (and crypto for a random
// name) would cost several ms of module loading on every run; the files are a few kB.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod/mini';
import { writeFileAtomic } from './atomic-file.js';
import { CHECKS } from './sanity.js';
import type { LiveSourceId, Quantity, QuantityValues } from './types.js';

export const CACHE_FILE = 'network.json';
export const CACHE_VERSION = 1;

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
  asOfMs: number;
  fetchedAtMs: number;
}

export type CacheEntries = { [Q in Quantity]?: CacheEntry<Q> };

export interface CacheRead {
  entries: CacheEntries;
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
  entries: z.record(z.string(), z.unknown()),
});

const entrySchema = z.object({
  value: z.unknown(),
  origin: z.enum(['mempool', 'blockchain.info', 'coingecko']),
  host: z.optional(z.string()),
  asOfMs: z.number(),
  fetchedAtMs: z.number(),
});

const QUANTITIES = Object.keys(TTL_MS) as Quantity[];

function validEntry(quantity: Quantity, raw: unknown): CacheEntry | undefined {
  const parsed = entrySchema.safeParse(raw);
  if (!parsed.success) return undefined;
  try {
    const value = CHECKS[quantity](parsed.data.value);
    const { host, origin, asOfMs, fetchedAtMs } = parsed.data;
    return { value, origin, asOfMs, fetchedAtMs, ...(host ? { host } : {}) } as CacheEntry;
  } catch {
    return undefined;
  }
}

function errorText(error: unknown): string {
  const code = (error as { code?: unknown })?.code;
  return typeof code === 'string' ? code : error instanceof Error ? error.message : String(error);
}

export async function readCache(dir: string): Promise<CacheRead> {
  const file = cachePath(dir);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as { code?: unknown })?.code === 'ENOENT') return { entries: {}, rewrite: false };
    return {
      entries: {},
      problem: `cache file ${file} is unreadable (${errorText(error)}); ignoring it`,
      rewrite: true,
    };
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return {
      entries: {},
      problem: `cache file ${file} is corrupt (not JSON); ignoring it and rewriting it`,
      rewrite: true,
    };
  }
  const parsed = fileSchema.safeParse(data);
  if (!parsed.success) {
    return {
      entries: {},
      problem: `cache file ${file} has an unknown layout; ignoring it and rewriting it`,
      rewrite: true,
    };
  }
  const entries: Record<string, CacheEntry> = {};
  let dropped = 0;
  for (const [key, raw] of Object.entries(parsed.data.entries)) {
    if (!QUANTITIES.includes(key as Quantity)) continue;
    const entry = validEntry(key as Quantity, raw);
    if (entry) entries[key] = entry;
    else dropped++;
  }
  if (dropped > 0) {
    return {
      entries: entries as CacheEntries,
      problem: `cache file ${file} has ${dropped} invalid ${dropped === 1 ? 'entry' : 'entries'}; ignoring ${dropped === 1 ? 'it' : 'them'}`,
      rewrite: true,
    };
  }
  return { entries: entries as CacheEntries, rewrite: false };
}

/** Fresh when fetched less than the quantity's TTL ago (and not in the future). */
export function isFresh(quantity: Quantity, entry: CacheEntry, nowMs: number): boolean {
  const age = nowMs - entry.fetchedAtMs;
  return age >= 0 && age < TTL_MS[quantity];
}

/**
 * Merges `updates` into the file on disk (the newer fetch wins per quantity) and writes atomically.
 * Returns a one-line warning on failure; the cache is an optimisation, never a reason to fail.
 */
export async function writeCache(dir: string, updates: CacheEntries): Promise<string | undefined> {
  const file = cachePath(dir);
  const current = await readCache(dir);
  const merged: Record<string, CacheEntry> = { ...(current.entries as Record<string, CacheEntry>) };
  for (const [key, entry] of Object.entries(updates) as [Quantity, CacheEntry | undefined][]) {
    if (!entry) continue;
    const existing = merged[key];
    if (!existing || existing.fetchedAtMs <= entry.fetchedAtMs) merged[key] = entry;
  }
  const text = `${JSON.stringify({ version: CACHE_VERSION, entries: merged }, null, 2)}\n`;
  try {
    await writeFileAtomic(file, text, { makeDirectory: true });
    return undefined;
  } catch (error) {
    return `could not write the cache file ${file} (${errorText(error)})`;
  }
}
