/**
 * What `hashcalc doctor` asks of the data layer: the cache directory's health, the proxy in use and each live
 * source reached or not. Returns results and prints nothing; src/report/doctor.ts shapes them.
 * - The cache files are read with the cache's own readers (non-blocking, regular files only, size-capped).
 * - The sources are asked through the same dispatcher (EnvHttpProxyAgent, or the context's injected one),
 *   HTTP client and deadline (--timeout) as any fetch; one request each, parsed and checked as a fetch does.
 */
import { accessSync, constants, lstatSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Context } from '../context.js';
import { CACHE_FILE, cachePath, readCache } from './cache.js';
import { openDispatcher, proxySettings, proxyVariables } from './dispatcher.js';
import { HISTORY_CACHE_FILE, historyCachePath, readHistoryCache } from './history/cache.js';
import { createHttpClient, DEFAULT_TIMEOUT_MS, FetchFailure } from './http.js';
import type { Endpoint } from './sources/common.js';
import { allProviders } from './sources/index.js';
import { DEFAULT_SOURCES, type SourceConfig } from './sources/instances.js';
import type { LiveSourceId } from './types.js';

interface AnyProvider {
  endpoint: Endpoint<unknown>;
  read(parsed: unknown, fetchedAtMs: number): { value: unknown };
}

// Cache -------------------------------------------------------------------------------------------------------

export interface CacheFileHealth {
  name: string;
  path: string;
  /** absent: not written yet; ok: a regular file, parseable, within its size cap; else `problem` says why. */
  state: 'absent' | 'ok' | 'problem';
  sizeBytes: number | null;
  problem: string | null;
}

export interface CacheHealth {
  dir: string;
  exists: boolean;
  /** The directory (or, before it exists, the nearest existing parent it would be made in) is writable. */
  writable: boolean;
  files: CacheFileHealth[];
}

function nearestExisting(path: string): string | null {
  for (let p = path; ; p = dirname(p)) {
    try {
      lstatSync(p);
      return p;
    } catch {
      if (dirname(p) === p) return null;
    }
  }
}

function writable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

function fileHealth(name: string, path: string, problem: string | undefined): CacheFileHealth {
  let sizeBytes: number | null = null;
  try {
    sizeBytes = lstatSync(path).size; // stat never opens: a FIFO in its place cannot block
  } catch {
    return { name, path, state: 'absent', sizeBytes: null, problem: null };
  }
  return problem
    ? { name, path, state: 'problem', sizeBytes, problem }
    : { name, path, state: 'ok', sizeBytes, problem: null };
}

/** The cache directory and its files, read as a run reads them (never blocking, never trusting). */
export async function inspectCache(dir: string): Promise<CacheHealth> {
  let isDir = false;
  try {
    isDir = lstatSync(dir).isDirectory();
  } catch {
    isDir = false;
  }
  const parent = isDir ? dir : nearestExisting(dir);
  const network = await readCache(dir);
  const history = readHistoryCache(dir);
  return {
    dir,
    exists: isDir,
    writable: parent !== null && writable(parent),
    files: [
      fileHealth(CACHE_FILE, cachePath(dir), network.problem),
      fileHealth(HISTORY_CACHE_FILE, historyCachePath(dir), history.problem),
    ],
  };
}

// Proxy -------------------------------------------------------------------------------------------------------

export interface ProxyInUse {
  /** `NAME=url` as the dispatcher uses it, without user or password; null when none is set. */
  http: string | null;
  https: string | null;
  noProxy: string | null;
  /** A variable that is not an http(s) URL (every fetch would be a usage error), its value without a password. */
  problem: string | null;
}

/** The proxy variables as the dispatcher reads them (lowercase first; HTTPS falls back to HTTP_PROXY). */
export function proxyInUse(env: Readonly<Record<string, string | undefined>>): ProxyInUse {
  const noProxy = proxySettings(env).noProxy.trim() || null;
  try {
    const { http, https } = proxyVariables(env);
    return {
      http: http ? `${http.name}=${http.shown}` : null,
      https: https ? `${https.name}=${https.shown}` : null,
      noProxy,
      problem: null,
    };
  } catch (error) {
    return {
      http: null,
      https: null,
      noProxy,
      problem: error instanceof Error ? error.message : String(error),
    };
  }
}

// Sources -----------------------------------------------------------------------------------------------------

export interface SourceProbe {
  source: LiveSourceId;
  host: string;
  url: string;
  reached: boolean;
  /** From the request to a checked answer (or the failure). */
  elapsedMs: number;
  /** What it answered ("height 927,000", "BTC $91,234") or why it failed ("timed out after 5000 ms"). */
  detail: string;
}

export interface ProbeOptions {
  sources?: Partial<SourceConfig>;
  timeoutMs?: number;
}

/**
 * One request to each live source (the mempool instance's tip height, blockchain.info's block count,
 * CoinGecko's price), all at once, each answer parsed and checked as a fetch checks it.
 */
export async function probeSources(
  ctx: Pick<Context, 'dispatcher' | 'env' | 'now' | 'sleep'>,
  options: ProbeOptions = {},
): Promise<SourceProbe[]> {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const providers = allProviders({ ...DEFAULT_SOURCES, ...options.sources });
  const pick = (list: readonly AnyProvider[] | undefined, source: LiveSourceId) =>
    list?.find((p) => p.endpoint.source === source);
  const probes = [
    { provider: pick(providers.heightBlocks, 'mempool'), what: (v: unknown) => `height ${fmt(v)}` },
    { provider: pick(providers.heightBlocks, 'blockchain.info'), what: (v: unknown) => `height ${fmt(v)}` },
    { provider: pick(providers.btcUsd, 'coingecko'), what: (v: unknown) => `BTC $${fmt(v)}` },
  ].filter((p): p is { provider: AnyProvider; what: (v: unknown) => string } => p.provider !== undefined);
  let handle: Awaited<ReturnType<typeof openDispatcher>>;
  try {
    handle = await openDispatcher(ctx.dispatcher, ctx.env, timeoutMs);
  } catch (error) {
    // A proxy variable that is not a URL: nothing can be asked.
    const why = error instanceof Error ? error.message : String(error);
    return probes.map(({ provider: { endpoint } }) => ({
      source: endpoint.source,
      host: endpoint.host,
      url: endpoint.url,
      reached: false,
      elapsedMs: 0,
      detail: `${endpoint.host} not asked (${why})`,
    }));
  }
  try {
    const client = createHttpClient(handle.dispatcher, {
      timeoutMs,
      now: ctx.now,
      ...(ctx.sleep ? { sleep: ctx.sleep } : {}),
    });
    return await Promise.all(
      probes.map(async ({ provider, what }): Promise<SourceProbe> => {
        const { endpoint } = provider;
        const started = performance.now();
        const elapsed = () => Math.round(performance.now() - started);
        try {
          const response = await client.get(
            endpoint.url,
            endpoint.headers ? { headers: endpoint.headers } : {},
          );
          const reading = provider.read(endpoint.parse(response), ctx.now());
          return {
            source: endpoint.source,
            host: endpoint.host,
            url: endpoint.url,
            reached: true,
            elapsedMs: elapsed(),
            detail: what(reading.value),
          };
        } catch (error) {
          const failure =
            error instanceof FetchFailure ? error : new FetchFailure('other', `failed (${String(error)})`);
          return {
            source: endpoint.source,
            host: endpoint.host,
            url: endpoint.url,
            reached: false,
            elapsedMs: elapsed(),
            detail: `${endpoint.host} ${failure.message}`,
          };
        }
      }),
    );
  } finally {
    await handle.close();
  }
}

function fmt(value: unknown): string {
  return typeof value === 'number' ? Math.round(value).toLocaleString('en-US') : String(value);
}
