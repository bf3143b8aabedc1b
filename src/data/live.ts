/**
 * One refresh: every endpoint needed for the wanted quantities is requested at once, so a refresh costs about
 * one round trip. Per quantity the first source that answers with a sane value wins (mempool first); the
 * others are kept for the divergence check. Once every quantity has its primary value, secondary requests
 * still running get a short grace period and are then cancelled, so a slow fallback source never slows a
 * healthy run.
 */
import { FetchFailure, type HttpClient } from './http.js';
import type { Endpoint, Providers, Reading } from './sources/common.js';
import type { LiveSourceId, Quantity, QuantityValues } from './types.js';

export const SECONDARY_GRACE_MS = 500;

export interface LiveValue<Q extends Quantity = Quantity> extends Reading<QuantityValues[Q]> {
  source: LiveSourceId;
  host: string;
  /** The instance the cache keys the value by (base URL without the scheme). */
  instance: string;
  fetchedAtMs: number;
  /** The host asked, when a redirect to another host answered (then `host` is the one that answered). */
  redirectedFrom?: string;
}

export interface SourceFailure {
  source: LiveSourceId;
  host: string;
  failure: FetchFailure;
}

export interface QuantityOutcome<Q extends Quantity = Quantity> {
  chosen: LiveValue<Q> | undefined;
  /** Other sources that answered, for the divergence check. */
  others: LiveValue<Q>[];
  /** Sources that failed, in order, up to the chosen one (or all of them). */
  failures: SourceFailure[];
  /** Other sources cancelled after the grace period: never compared with the chosen value. */
  late?: { source: LiveSourceId; host: string }[];
}

export type LiveOutcome = { [Q in Quantity]?: QuantityOutcome<Q> };

type Settled =
  | { ok: true; parsed: unknown; fetchedAtMs: number; host?: string }
  | { ok: false; failure: FetchFailure };

function hostOfUrl(url: string): string | undefined {
  try {
    return new URL(url).host;
  } catch {
    return undefined;
  }
}

export interface LiveOptions {
  /** Opens the HTTP client on first use (so undici is loaded only when something is requested). */
  client: () => Promise<HttpClient>;
  now: () => number;
  /** A failure to report without making the request (e.g. no network interface is up). */
  precheck?: (endpoint: Endpoint<unknown>) => FetchFailure | undefined;
  graceMs?: number;
  /** A failure for a reading outside what the chain and the market make possible (frame.ts). */
  plausible?: (quantity: Quantity, value: unknown) => FetchFailure | undefined;
  /** Called once per endpoint when its request starts and ends (tests measure overlap with it). */
  onRequest?: (event: { id: string; phase: 'start' | 'end'; atMs: number }) => void;
}

function toFailure(error: unknown): FetchFailure {
  return error instanceof FetchFailure
    ? error
    : new FetchFailure('other', `failed (${error instanceof Error ? error.message : String(error)})`);
}

function readWith<Q extends Quantity>(
  quantity: Q,
  provider: NonNullable<Providers[Q]>[number],
  settled: Settled,
  plausible: LiveOptions['plausible'],
): { value: LiveValue<Q> } | { failure: FetchFailure } {
  if (!settled.ok) return { failure: settled.failure };
  try {
    const reading = provider.read(settled.parsed, settled.fetchedAtMs);
    const implausible = plausible?.(quantity, reading.value);
    if (implausible) return { failure: implausible };
    return {
      value: {
        ...reading,
        source: provider.endpoint.source,
        host: settled.host ?? provider.endpoint.host,
        instance: provider.endpoint.instance,
        fetchedAtMs: settled.fetchedAtMs,
        ...(settled.host && settled.host !== provider.endpoint.host
          ? { redirectedFrom: provider.endpoint.host }
          : {}),
      } as LiveValue<Q>,
    };
  } catch (error) {
    return { failure: toFailure(error) };
  }
}

export async function fetchLive(
  quantities: readonly Quantity[],
  providers: Providers,
  options: LiveOptions,
): Promise<LiveOutcome> {
  const endpoints = new Map<string, Endpoint<unknown>>();
  const primaries = new Set<string>();
  for (const quantity of quantities) {
    const list = providers[quantity] ?? [];
    list.forEach((p, i) => {
      endpoints.set(p.endpoint.id, p.endpoint);
      if (i === 0) primaries.add(p.endpoint.id);
    });
  }

  const cancels = new Map<string, AbortController>();
  const results = new Map<string, Settled>();
  let clientPromise: Promise<HttpClient> | undefined;
  const client = () => {
    clientPromise ??= options.client();
    return clientPromise;
  };

  const run = async (endpoint: Endpoint<unknown>): Promise<void> => {
    const refused = options.precheck?.(endpoint);
    if (refused) {
      results.set(endpoint.id, { ok: false, failure: refused });
      return;
    }
    const controller = new AbortController();
    cancels.set(endpoint.id, controller);
    options.onRequest?.({ id: endpoint.id, phase: 'start', atMs: performance.now() });
    let settled: Settled;
    try {
      const http = await client();
      const response = await http.get(endpoint.url, {
        signal: controller.signal,
        ...(endpoint.headers ? { headers: endpoint.headers } : {}),
      });
      const fetchedAtMs = options.now();
      const host = hostOfUrl(response.url);
      settled = { ok: true, parsed: endpoint.parse(response), fetchedAtMs, ...(host ? { host } : {}) };
    } catch (error) {
      settled = { ok: false, failure: toFailure(error) };
    }
    options.onRequest?.({ id: endpoint.id, phase: 'end', atMs: performance.now() });
    results.set(endpoint.id, settled);
    cancels.delete(endpoint.id);
  };

  const runs = new Map([...endpoints.values()].map((e) => [e.id, run(e)]));
  const primaryRuns = [...primaries].map((id) => runs.get(id));

  let grace: ReturnType<typeof setTimeout> | undefined;
  const allDone = Promise.all(runs.values());
  await Promise.all(primaryRuns);
  const primariesGood = quantities.every((quantity) => {
    const first = providers[quantity]?.[0];
    const settled = first ? results.get(first.endpoint.id) : undefined;
    return first && settled && 'value' in readWith(quantity, first as never, settled, options.plausible);
  });
  if (primariesGood && cancels.size > 0) {
    grace = setTimeout(() => {
      for (const controller of cancels.values()) controller.abort();
    }, options.graceMs ?? SECONDARY_GRACE_MS);
  }
  await allDone;
  if (grace) clearTimeout(grace);

  const outcome: Record<string, QuantityOutcome> = {};
  for (const quantity of quantities) {
    const result: QuantityOutcome = { chosen: undefined, others: [], failures: [] };
    for (const p of providers[quantity] ?? []) {
      const settled = results.get(p.endpoint.id);
      if (!settled) continue;
      const read = readWith(quantity, p as never, settled, options.plausible);
      if ('value' in read) {
        if (!result.chosen) result.chosen = read.value;
        else result.others.push(read.value);
      } else if (read.failure.kind === 'cancelled') {
        if (result.chosen)
          result.late = [...(result.late ?? []), { source: p.endpoint.source, host: p.endpoint.host }];
      } else if (!result.chosen) {
        result.failures.push({ source: p.endpoint.source, host: p.endpoint.host, failure: read.failure });
      }
    }
    outcome[quantity] = result;
  }
  return outcome as LiveOutcome;
}
