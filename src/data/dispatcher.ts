/**
 * The undici dispatcher, loaded only when something is fetched (undici costs ~70 ms to import).
 * Production: EnvHttpProxyAgent (HTTP_PROXY, HTTPS_PROXY, NO_PROXY, read from the context's env) composed
 * with the redirect interceptor. Tests inject their own dispatcher (MockAgent, or an Agent for loopback
 * servers) through the context; it gets the same redirect interceptor. Retries live in http.ts, where they
 * can respect the per-request deadline.
 */
import type { Dispatcher } from 'undici';
import { UsageError } from '../errors.js';
import { classifyError, FetchFailure } from './http.js';

export const MAX_REDIRECTS = 3;

export interface DispatcherHandle {
  dispatcher: Dispatcher;
  /** Closes what was opened here (never an injected dispatcher). */
  close(): Promise<void>;
}

type Env = Readonly<Record<string, string | undefined>>;

/** Proxy settings as curl and undici read them: the lowercase variable wins. */
export function proxySettings(env: Env): { httpProxy: string; httpsProxy: string; noProxy: string } {
  return {
    httpProxy: env.http_proxy ?? env.HTTP_PROXY ?? '',
    httpsProxy: env.https_proxy ?? env.HTTPS_PROXY ?? '',
    noProxy: env.no_proxy ?? env.NO_PROXY ?? '',
  };
}

export interface ProxyVariable {
  /** The variable it came from, as set: `https_proxy` or `HTTPS_PROXY`. */
  name: string;
  /** Its value with any user:password@ left out: what a message may show. */
  shown: string;
}

const PROXY_EXAMPLE = 'http://proxy.example:3128';

/** A proxy URL as messages show it: without user or password. */
function withoutCredentials(url: URL): string {
  const copy = new URL(url.href);
  copy.username = '';
  copy.password = '';
  return copy.pathname === '/' && !copy.search ? copy.origin : copy.href;
}

/**
 * The proxy variables that are set, each checked: a value that is not an http(s) URL is a usage error naming
 * the variable (its value quoted without a password). Called before anything is fetched.
 */
export function proxyVariables(env: Env): { http?: ProxyVariable; https?: ProxyVariable } {
  const read = (lower: string, upper: string): ProxyVariable | undefined => {
    const name = env[lower] !== undefined ? lower : env[upper] !== undefined ? upper : undefined;
    const raw = name ? (env[name] ?? '').trim() : '';
    if (!name || raw === '') return undefined;
    let url: URL | undefined;
    try {
      url = new URL(raw);
    } catch {
      url = undefined;
    }
    if (!url || (url.protocol !== 'http:' && url.protocol !== 'https:'))
      throw new UsageError(
        `${name}: expected a proxy URL such as ${PROXY_EXAMPLE}, got '${raw.replace(/\/\/[^/?#]*@/, '//')}'`,
      );
    return { name, shown: withoutCredentials(url) };
  };
  const http = read('http_proxy', 'HTTP_PROXY');
  // undici's EnvHttpProxyAgent sends https through HTTP_PROXY when HTTPS_PROXY is not set.
  const https = read('https_proxy', 'HTTPS_PROXY') ?? http;
  return { ...(http ? { http } : {}), ...(https ? { https } : {}) };
}

/** Whether NO_PROXY exempts this host (as undici reads it: `*`, host names and their subdomains, host:port). */
function exempt(noProxy: string, host: string, port: string): boolean {
  return noProxy
    .split(/[,\s]+/)
    .filter(Boolean)
    .some((entry) => {
      if (entry === '*') return true;
      const [name = '', entryPort] = entry.replace(/^\*?\./, '').split(':');
      if (entryPort && entryPort !== port) return false;
      return host === name || host.endsWith(`.${name}`);
    });
}

/**
 * An interceptor that names the proxy in a failure before the response: "refused the connection (through
 * the proxy HTTPS_PROXY=http://127.0.0.1:3128)". Failures mid-body, and requests NO_PROXY exempts, pass as
 * they are.
 */
function namingProxy(env: Env): Dispatcher.DispatcherComposeInterceptor {
  const proxies = proxyVariables(env);
  const { noProxy } = proxySettings(env);
  return (dispatch) => (opts, handler) => {
    const origin = new URL(String(opts.origin));
    const proxy = origin.protocol === 'https:' ? proxies.https : proxies.http;
    const port = origin.port || (origin.protocol === 'https:' ? '443' : '80');
    if (!proxy || exempt(noProxy, origin.hostname, port)) return dispatch(opts, handler);
    let started = false;
    const h = handler as Dispatcher.DispatchHandler;
    return dispatch(opts, {
      onRequestStart: (controller, context) => h.onRequestStart?.(controller, context),
      onRequestUpgrade: (controller, status, headers, socket) =>
        h.onRequestUpgrade?.(controller, status, headers, socket),
      onResponseStart: (controller, status, headers, message) => {
        started = true;
        return h.onResponseStart?.(controller, status, headers, message);
      },
      onResponseData: (controller, chunk) => h.onResponseData?.(controller, chunk),
      onResponseEnd: (controller, trailers) => h.onResponseEnd?.(controller, trailers),
      onResponseError: (controller, error) => {
        if (started) return h.onResponseError?.(controller, error);
        const failure = classifyError(error, 'connect');
        const through = `through the proxy ${proxy.name}=${proxy.shown}`;
        const message = failure.message.endsWith(')')
          ? `${failure.message.slice(0, -1)}, ${through})`
          : `${failure.message} (${through})`;
        return h.onResponseError?.(
          controller,
          new FetchFailure(failure.kind, message, {
            ...(failure.status !== undefined ? { status: failure.status } : {}),
            ...(failure.code !== undefined ? { code: failure.code } : {}),
            ...(failure.retryAfterMs !== undefined ? { retryAfterMs: failure.retryAfterMs } : {}),
          }),
        );
      },
    });
  };
}

export async function openDispatcher(
  injected: unknown,
  env: Env,
  timeoutMs: number,
): Promise<DispatcherHandle> {
  const loaded = await import('undici');
  // Bundled as CommonJS, undici's exports may arrive only on `default`.
  const undici =
    'interceptors' in loaded && loaded.interceptors
      ? loaded
      : (loaded as unknown as { default: typeof loaded }).default;
  const redirect = undici.interceptors.redirect({ maxRedirections: MAX_REDIRECTS });
  if (injected) {
    return { dispatcher: (injected as Dispatcher).compose(redirect), close: async () => {} };
  }
  const named = namingProxy(env); // a bad proxy variable is a usage error, before undici reads it
  const agent = new undici.EnvHttpProxyAgent({
    ...proxySettings(env),
    connect: { timeout: timeoutMs },
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  });
  return {
    dispatcher: agent.compose(named, redirect),
    close: async () => {
      await agent.destroy().catch(() => {});
    },
  };
}
