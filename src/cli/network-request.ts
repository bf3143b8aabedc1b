/**
 * The data-source inputs (parsed by the input layers) into a NetworkRequest for the data layer, plus the
 * source URLs and key that only env vars give. Every value was validated before anything is fetched.
 */
import type { Context } from '../context.js';
import { proxyVariables } from '../data/dispatcher.js';
import type { NetworkRequest, NetworkResult } from '../data/obtain.js';
import type { Quantity } from '../data/types.js';
import { UsageError } from '../errors.js';
import type { Given, LayeredInputs } from '../inputs/layers.js';
import { baseUrl } from '../inputs/parse.js';
import { resolveNetworkOverrides } from '../inputs/resolve.js';
import { startSpinner } from '../output/spinner.js';
import { isJson, printNotes } from './commands/shared.js';

export interface NetworkScope {
  want?: readonly Quantity[];
  optional?: readonly Quantity[];
  /** A maximum age applied unless --max-age or --allow-stale says otherwise (check's fail-safe default). */
  defaultMaxAge?: { ms: number; text: string };
}

/** The source URLs and key: --mempool-url (any layer), the others from env only. Each checked. */
export function sourcesFrom(
  given: LayeredInputs['given'],
  env: Context['env'],
): NonNullable<NetworkRequest['sources']> {
  const sources: NonNullable<NetworkRequest['sources']> = {};
  const mempool = given.mempoolUrl as Given<string> | undefined;
  if (mempool) sources.mempoolUrl = mempool.value;
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
  return sources;
}

export function networkRequestFrom(
  layered: Pick<LayeredInputs, 'given'>,
  ctx: Context,
  scope: NetworkScope = {},
): NetworkRequest {
  const given = layered.given;
  const env = ctx.env;
  const flagOn = (id: string) => (given[id] as Given<boolean> | undefined)?.value === true;
  const offline = flagOn('offline');
  const refresh = flagOn('refresh');
  const requireLive = flagOn('requireLive');
  const name = (id: string, flag: string) =>
    given[id]?.origin === 'flag' ? flag : (given[id]?.from ?? flag);
  if (offline && requireLive)
    throw new UsageError(
      `${name('requireLive', '--require-live')} cannot be combined with ${name('offline', '--offline')}`,
    );
  if (offline && refresh)
    throw new UsageError(
      `${name('refresh', '--refresh')} cannot be combined with ${name('offline', '--offline')}`,
    );

  const request: NetworkRequest = {
    offline,
    overrides: resolveNetworkOverrides(layered),
    refresh,
    requireLive,
  };
  if (scope.want) request.want = scope.want;
  if (scope.optional) request.optional = scope.optional;
  const number = (id: string) => (given[id] as Given<number> | undefined)?.value;
  const timeoutMs = number('timeoutMs');
  if (timeoutMs !== undefined) request.timeoutMs = timeoutMs;
  const maxAgeMs = number('maxAge');
  if (maxAgeMs !== undefined) {
    request.maxAgeMs = maxAgeMs;
    const text = given.maxAge?.text;
    if (text) request.maxAgeText = text.trim();
  } else if (scope.defaultMaxAge && !flagOn('allowStale')) {
    request.maxAgeMs = scope.defaultMaxAge.ms;
    request.maxAgeText = scope.defaultMaxAge.text;
    request.maxAgeIsDefault = true;
  }
  const maxDivergence = number('maxDivergence');
  if (maxDivergence !== undefined) request.maxDivergence = maxDivergence;

  if (!offline) proxyVariables(env); // a bad HTTPS_PROXY is a usage error before anything is fetched
  const sources = sourcesFrom(given, env);
  if (Object.keys(sources).length > 0) request.sources = sources;

  if (!isJson(layered) && ctx.stderr.isTTY === true) {
    request.onFetch = (hosts) =>
      startSpinner(ctx.stderr, `fetching network data from ${hosts.join(', ')}…`, ctx.spinnerDelayMs);
  }
  return request;
}

/** Obtain network data for a command, with the data layer's notes (fallbacks, stale cache, divergence). */
export async function obtainFor(
  layered: Pick<LayeredInputs, 'given'>,
  ctx: Context,
  scope: NetworkScope = {},
): Promise<NetworkResult> {
  const request = networkRequestFrom(layered, ctx, scope);
  const { obtainNetwork } = await import('../data/obtain.js');
  return obtainNetwork(request, ctx);
}

/** Obtain network data for a command and print the data layer's notes. */
export async function getNetwork(
  layered: Pick<LayeredInputs, 'given'>,
  ctx: Context,
  scope: NetworkScope = {},
): Promise<NetworkResult['snapshot']> {
  const { snapshot, notes } = await obtainFor(layered, ctx, scope);
  printNotes(ctx, notes);
  return snapshot;
}
