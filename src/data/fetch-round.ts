/**
 * One round of live fetching: every quantity's sources asked at once over one HTTP client. Imported lazily by
 * obtain.ts, so runs that fetch nothing (--offline, fresh cache, flags) never load the HTTP client, the
 * sources and their schemas, or undici.
 */
import { networkInterfaces } from 'node:os';
import type { Context } from '../context.js';
import { type DispatcherHandle, openDispatcher, proxySettings } from './dispatcher.js';
import { createHttpClient, DEFAULT_TIMEOUT_MS, FetchFailure } from './http.js';
import { fetchLive, type LiveOptions } from './live.js';
import type { NetworkRequest, ObtainDeps } from './request.js';
import type { Endpoint } from './sources/common.js';
import { allProviders, DEFAULT_SOURCES } from './sources/index.js';
import type { Quantity } from './types.js';

export function hasNetworkInterface(): boolean {
  return Object.values(networkInterfaces()).some((list) => list?.some((i) => !i.internal));
}

function isLoopback(url: string): boolean {
  const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}

/** With no interface up (and no proxy), remote hosts fail at once instead of waiting on DNS. */
function offlinePrecheck(hasNetwork: () => boolean, env: Context['env']): LiveOptions['precheck'] {
  const proxy = proxySettings(env);
  if (proxy.httpProxy || proxy.httpsProxy) return undefined;
  let up: boolean | undefined;
  return (endpoint: Endpoint<unknown>) => {
    if (isLoopback(endpoint.url)) return undefined;
    up ??= hasNetwork();
    return up ? undefined : new FetchFailure('unreachable', 'is unreachable (no network interface is up)');
  };
}

export async function fetchRound(
  toFetch: readonly Quantity[],
  request: NetworkRequest,
  ctx: Context,
  deps: ObtainDeps,
  plausible?: LiveOptions['plausible'],
): ReturnType<typeof fetchLive> {
  const timeoutMs = request.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const providers = allProviders({ ...DEFAULT_SOURCES, ...request.sources });
  const hosts = [
    ...new Set(toFetch.flatMap((q) => (providers[q] ?? []).slice(0, 1).map((p) => p.endpoint.host))),
  ];
  const stop = request.onFetch?.(hosts);
  let handle: DispatcherHandle | undefined;
  try {
    return await fetchLive(toFetch, providers, {
      client: async () => {
        handle = await openDispatcher(ctx.dispatcher, ctx.env, timeoutMs);
        return createHttpClient(handle.dispatcher, {
          timeoutMs,
          now: ctx.now,
          ...(ctx.sleep ? { sleep: ctx.sleep } : {}),
          ...deps.http,
        });
      },
      now: ctx.now,
      ...(plausible ? { plausible } : {}),
      ...(ctx.dispatcher
        ? {}
        : { precheck: offlinePrecheck(deps.hasNetwork ?? hasNetworkInterface, ctx.env) }),
      ...(deps.onRequest ? { onRequest: deps.onRequest } : {}),
      ...(deps.graceMs !== undefined ? { graceMs: deps.graceMs } : {}),
    });
  } finally {
    stop?.();
    await (handle as DispatcherHandle | undefined)?.close();
  }
}
