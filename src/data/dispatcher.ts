/**
 * The undici dispatcher, loaded only when something is fetched (undici costs ~70 ms to import).
 * Production: EnvHttpProxyAgent (HTTP_PROXY, HTTPS_PROXY, NO_PROXY, read from the context's env) composed
 * with the redirect interceptor. Tests inject their own dispatcher (MockAgent, or an Agent for loopback
 * servers) through the context; it gets the same redirect interceptor. Retries live in http.ts, where they
 * can respect the per-request deadline.
 */
import type { Dispatcher } from 'undici';

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
  const agent = new undici.EnvHttpProxyAgent({
    ...proxySettings(env),
    connect: { timeout: timeoutMs },
    headersTimeout: timeoutMs,
    bodyTimeout: timeoutMs,
  });
  return {
    dispatcher: agent.compose(redirect),
    close: async () => {
      await agent.destroy().catch(() => {});
    },
  };
}
