/**
 * Parsed data-source options (and HASHCALC_* variables) into a NetworkRequest for the data layer; the flags
 * themselves are declared in data-flags.ts. Every value is validated here, before anything is fetched: a bad
 * value is a usage error (exit 2).
 */
import { parseDurationMs } from '../data/duration.js';
import type { NetworkRequest } from '../data/obtain.js';
import type { Quantity } from '../data/types.js';
import { startSpinner } from '../output/spinner.js';
import type { Context } from './context.js';
import { UsageError } from './errors.js';
import { type RawOptions, resolveNetworkOverrides } from './inputs.js';
import { parseNumberFlag } from './parse.js';

/** An http(s) base URL without a trailing slash; `name` is the flag or variable it came from. */
export function baseUrl(raw: string, name: string, example: string): string {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw new UsageError(`${name}: expected an http(s) URL (e.g. ${example}), got '${raw}'`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`${name}: expected an http(s) URL (e.g. ${example}), got '${raw}'`);
  }
  if (url.search || url.hash)
    throw new UsageError(`${name}: expected a base URL without ?query or #fragment, got '${raw}'`);
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

function textOption(options: RawOptions, key: string): string | undefined {
  const value = options[key];
  return typeof value === 'string' ? value : undefined;
}

function durationOption(
  raw: string,
  flag: string,
  bare: 'ms' | 's',
  min: number,
  max: number,
  accepts: string,
): number {
  const ms = parseDurationMs(raw, bare);
  if (!Number.isFinite(ms) || ms < min || ms > max)
    throw new UsageError(`${flag}: expected ${accepts}, got '${raw}'`);
  return ms;
}

export interface NetworkScope {
  want?: readonly Quantity[];
  optional?: readonly Quantity[];
}

export function networkRequestFrom(
  options: RawOptions,
  ctx: Context,
  scope: NetworkScope = {},
): NetworkRequest {
  const env = ctx.env;
  const overrides = resolveNetworkOverrides(options);
  // HASHCALC_OFFLINE is read once, with the other env inputs, into options.offline (layers.ts).
  const offline = options.offline === true;
  const refresh = options.refresh === true;
  const requireLive = options.requireLive === true;
  const offlineName = env.HASHCALC_OFFLINE ? '--offline (or HASHCALC_OFFLINE)' : '--offline';
  if (offline && requireLive) throw new UsageError(`--require-live cannot be combined with ${offlineName}`);
  if (offline && refresh) throw new UsageError(`--refresh cannot be combined with ${offlineName}`);

  const request: NetworkRequest = { offline, overrides, refresh, requireLive };
  if (scope.want) request.want = scope.want;
  if (scope.optional) request.optional = scope.optional;

  const timeout = textOption(options, 'timeout');
  if (timeout !== undefined) {
    request.timeoutMs = durationOption(
      timeout,
      '--timeout',
      'ms',
      100,
      120_000,
      'milliseconds from 100 to 120000 (e.g. 5000 or 5s)',
    );
  }
  const maxAge = textOption(options, 'maxAge');
  if (maxAge !== undefined) {
    request.maxAgeMs = durationOption(
      maxAge,
      '--max-age',
      's',
      1000,
      10 * 365 * 86_400_000,
      'a duration of at least 1 s (e.g. 90s, 10m, 2h, 1d)',
    );
    request.maxAgeText = maxAge.trim();
  }
  const divergence = options.maxDivergence;
  if (divergence !== undefined) {
    request.maxDivergence = parseNumberFlag(divergence, {
      flag: '--max-divergence',
      accepts: 'a fraction from 0 to 1 (e.g. 0.02 or 2%)',
      min: 0,
      max: 1,
      percent: true,
    });
  }

  const flagUrl = textOption(options, 'mempoolUrl');
  const mempool = flagUrl ?? env.HASHCALC_MEMPOOL_URL;
  const sources: NonNullable<NetworkRequest['sources']> = {};
  if (mempool) {
    sources.mempoolUrl = baseUrl(
      mempool,
      flagUrl !== undefined ? '--mempool-url' : 'HASHCALC_MEMPOOL_URL',
      'http://umbrel.local:3006',
    );
  }
  if (env.HASHCALC_BLOCKCHAIN_INFO_URL) {
    const url = baseUrl(
      env.HASHCALC_BLOCKCHAIN_INFO_URL,
      'HASHCALC_BLOCKCHAIN_INFO_URL',
      'https://blockchain.info',
    );
    sources.blockchainInfoUrl = url;
    sources.blockchainInfoApiUrl = url;
  }
  if (env.HASHCALC_COINGECKO_URL) {
    sources.coingeckoUrl = baseUrl(
      env.HASHCALC_COINGECKO_URL,
      'HASHCALC_COINGECKO_URL',
      'https://api.coingecko.com/api/v3',
    );
  }
  if (env.HASHCALC_COINGECKO_KEY) sources.coingeckoKey = env.HASHCALC_COINGECKO_KEY;
  if (Object.keys(sources).length > 0) request.sources = sources;

  const json = options.json === true || options.format === 'json';
  if (!json && ctx.stderr.isTTY === true) {
    request.onFetch = (hosts) => startSpinner(ctx.stderr, `fetching network data from ${hosts.join(', ')}…`);
  }
  return request;
}
