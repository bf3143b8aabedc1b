/**
 * HTTP GET on an injected undici Dispatcher.
 * - One deadline per request (`timeoutMs`) covering connection, retries, waits and a slowly dripping body.
 * - Retries with exponential backoff on 429, 5xx and connection resets; Retry-After is honoured up to a cap
 *   and only when it fits in the deadline (otherwise the request fails at once, saying how long was asked).
 *   A refused connection or a failed DNS lookup is never retried: offline must not cost seconds.
 * - A response size cap, checked on Content-Length and while reading.
 * - Failures are classified by `err.code` (UND_ERR_*, ECONN*, ENOTFOUND...) into one short phrase that reads
 *   after the host name: "mempool.space timed out after 5000 ms".
 * Redirects are followed by the dispatcher's redirect interceptor (dispatcher.ts).
 */
import type { Dispatcher } from 'undici';

declare const HASHCALC_VERSION: string;
const VERSION = typeof HASHCALC_VERSION === 'string' ? HASHCALC_VERSION : '0.0.0-dev';
export const USER_AGENT = `hashcalc/${VERSION}`;

export const DEFAULT_TIMEOUT_MS = 5000;
export const DEFAULT_MAX_BYTES = 1024 * 1024;
export const DEFAULT_MAX_ATTEMPTS = 3;
export const DEFAULT_BACKOFF_MS = 250;
export const DEFAULT_RETRY_AFTER_CAP_MS = 2000;

export type FailureKind =
  | 'timeout'
  | 'dns'
  | 'refused'
  | 'unreachable'
  | 'reset'
  | 'truncated'
  | 'tls'
  | 'http'
  | 'rate-limited'
  | 'too-large'
  | 'redirects'
  | 'invalid'
  | 'cancelled'
  | 'other';

/** Why a request (or what it returned) is unusable. `message` reads after the host name. */
export class FetchFailure extends Error {
  readonly kind: FailureKind;
  readonly status: number | undefined;
  readonly code: string | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(
    kind: FailureKind,
    message: string,
    extra: { status?: number; code?: string; retryAfterMs?: number } = {},
  ) {
    super(message);
    this.name = 'FetchFailure';
    this.kind = kind;
    this.status = extra.status;
    this.code = extra.code;
    this.retryAfterMs = extra.retryAfterMs;
  }

  get retryable(): boolean {
    if (this.kind === 'reset' || this.kind === 'truncated' || this.kind === 'rate-limited') return true;
    return this.kind === 'http' && this.status !== undefined && [500, 502, 503, 504].includes(this.status);
  }
}

export interface HttpResponse {
  /** The URL that answered: the one asked, or where redirects led. */
  url: string;
  status: number;
  contentType: string;
  body: string;
  attempts: number;
}

export interface HttpOptions {
  timeoutMs: number;
  maxBytes?: number;
  maxAttempts?: number;
  backoffMs?: number;
  retryAfterCapMs?: number;
  /** Wall clock, for Retry-After given as an HTTP date. */
  now?: () => number;
  /**
   * Waits between attempts (backoff and Retry-After); default a real timer. The deadline still applies: an
   * abort (deadline or caller) ends the wait at once, whatever this returns. Tests pass one that returns at
   * once, or one that records the delays asked for.
   */
  sleep?: (ms: number) => Promise<void>;
}

export interface GetOptions {
  headers?: Record<string, string>;
  /** Cancels the request (e.g. a secondary source no longer needed). */
  signal?: AbortSignal;
}

export interface HttpClient {
  get(url: string, init?: GetOptions): Promise<HttpResponse>;
}

const DNS_CODES = new Set(['ENOTFOUND', 'EAI_AGAIN', 'EAI_FAIL', 'EAI_NONAME', 'EAI_NODATA']);
const UNREACHABLE_CODES = new Set(['ENETUNREACH', 'EHOSTUNREACH', 'ENETDOWN', 'EHOSTDOWN', 'EADDRNOTAVAIL']);
const RESET_CODES = new Set(['ECONNRESET', 'EPIPE', 'UND_ERR_SOCKET', 'ECONNABORTED', 'UND_ERR_CLOSED']);
const TIMEOUT_CODES = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ETIMEDOUT',
]);
const TRUNCATED_CODES = new Set(['UND_ERR_RES_CONTENT_LENGTH_MISMATCH']);

interface ErrorLike {
  code?: unknown;
  cause?: unknown;
  errors?: unknown;
  message?: unknown;
}

/** The first string `code` on the error, its cause or (AggregateError from Happy Eyeballs) its first error. */
export function errorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === 'object'; depth++) {
    const e = current as ErrorLike;
    if (typeof e.code === 'string' && e.code !== 'UND_ERR' && e.code !== 'ERR_ASSERTION') return e.code;
    const first = Array.isArray(e.errors) ? e.errors[0] : undefined;
    current = e.cause ?? first;
  }
  return undefined;
}

function isTlsCode(code: string): boolean {
  return (
    code.startsWith('ERR_TLS') ||
    code.startsWith('ERR_SSL') ||
    /CERT|SELF_SIGNED|UNABLE_TO_(GET|VERIFY)/.test(code)
  );
}

/** Turns a thrown error into a FetchFailure; `phase` tells a reset before the response from one mid-body. */
export function classifyError(error: unknown, phase: 'connect' | 'body'): FetchFailure {
  if (error instanceof FetchFailure) return error;
  const code = errorCode(error);
  const text = error instanceof Error ? error.message : String(error);
  if (/redirect loop/i.test(text))
    return new FetchFailure('redirects', 'redirected in a loop', code ? { code } : {});
  if (code) {
    if (DNS_CODES.has(code)) return new FetchFailure('dns', `could not be resolved (${code})`, { code });
    if (code === 'ECONNREFUSED') return new FetchFailure('refused', 'refused the connection', { code });
    if (UNREACHABLE_CODES.has(code))
      return new FetchFailure('unreachable', `is unreachable (${code})`, { code });
    if (TIMEOUT_CODES.has(code)) return new FetchFailure('timeout', 'timed out', { code });
    if (TRUNCATED_CODES.has(code) || (phase === 'body' && RESET_CODES.has(code))) {
      return new FetchFailure('truncated', 'cut the response short', { code });
    }
    if (RESET_CODES.has(code)) return new FetchFailure('reset', 'reset the connection', { code });
    if (isTlsCode(code)) return new FetchFailure('tls', `failed the TLS check (${code})`, { code });
    return new FetchFailure('other', `failed (${code})`, { code });
  }
  return new FetchFailure('other', `failed (${text})`);
}

/** Retry-After: delay in seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | string[] | undefined, nowMs: number): number | undefined {
  const text = (Array.isArray(value) ? value[0] : value)?.trim();
  if (!text) return undefined;
  if (/^\d+(\.\d+)?$/.test(text)) return Number(text) * 1000;
  const at = Date.parse(text);
  return Number.isNaN(at) ? undefined : Math.max(0, at - nowMs);
}

function headerText(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

function statusFailure(
  status: number,
  headers: Record<string, string | string[] | undefined>,
  nowMs: number,
): FetchFailure {
  if (status === 429) {
    const retryAfterMs = parseRetryAfter(headers['retry-after'], nowMs);
    return new FetchFailure(
      'rate-limited',
      'rate-limited us (HTTP 429)',
      retryAfterMs === undefined ? { status } : { status, retryAfterMs },
    );
  }
  if (status === 503) {
    const retryAfterMs = parseRetryAfter(headers['retry-after'], nowMs);
    if (retryAfterMs !== undefined)
      return new FetchFailure('http', 'answered HTTP 503', { status, retryAfterMs });
  }
  if (status >= 300 && status < 400)
    return new FetchFailure('redirects', `redirected too many times (HTTP ${status})`, { status });
  return new FetchFailure('http', `answered HTTP ${status}`, { status });
}

function withAttempts(failure: FetchFailure, attempts: number, extra = ''): FetchFailure {
  if (attempts <= 1 && !extra) return failure;
  const note = [extra, attempts > 1 ? `${attempts} attempts` : ''].filter(Boolean).join(', ');
  // "rate-limited us (HTTP 429)" + note -> "rate-limited us (HTTP 429, asked to wait 60 s)"
  const message = failure.message.endsWith(')')
    ? `${failure.message.slice(0, -1)}, ${note})`
    : `${failure.message} (${note})`;
  return new FetchFailure(failure.kind, message, {
    ...(failure.status !== undefined ? { status: failure.status } : {}),
    ...(failure.code !== undefined ? { code: failure.code } : {}),
  });
}

function timerSleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

/** An injected sleep, ended early by an abort like the real timer. */
function injectedSleep(sleep: (ms: number) => Promise<void>, ms: number, signal: AbortSignal): Promise<void> {
  if (signal.aborted) return Promise.reject(signal.reason);
  return new Promise((resolve, reject) => {
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    sleep(ms).then(
      () => {
        signal.removeEventListener('abort', onAbort);
        if (signal.aborted) reject(signal.reason);
        else resolve();
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

interface RawResponse {
  /** Where redirects led (the redirect interceptor's history ends with it), if anywhere. */
  finalUrl?: string;
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

async function attemptOnce(
  dispatcher: Dispatcher,
  url: URL,
  headers: Record<string, string>,
  signal: AbortSignal,
  timeoutMs: number,
  maxBytes: number,
): Promise<RawResponse> {
  let phase: 'connect' | 'body' = 'connect';
  try {
    const response = await dispatcher.request({
      origin: url.origin,
      path: `${url.pathname}${url.search}`,
      method: 'GET',
      headers,
      signal,
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
    });
    phase = 'body';
    const history = (response as { context?: { history?: unknown } }).context?.history;
    const last = Array.isArray(history) ? history[history.length - 1] : undefined;
    const finalUrl = last instanceof URL || typeof last === 'string' ? String(last) : undefined;
    const responseHeaders = response.headers as Record<string, string | string[] | undefined>;
    if (response.statusCode < 200 || response.statusCode >= 300) {
      discard(response.body);
      return { status: response.statusCode, headers: responseHeaders, body: '' };
    }
    const declared = Number(headerText(responseHeaders['content-length']));
    if (Number.isFinite(declared) && declared > maxBytes) {
      discard(response.body);
      throw tooLarge(maxBytes);
    }
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of response.body) {
      const buffer = chunk as Buffer;
      size += buffer.length;
      if (size > maxBytes) {
        discard(response.body);
        throw tooLarge(maxBytes);
      }
      chunks.push(buffer);
    }
    return {
      ...(finalUrl ? { finalUrl } : {}),
      status: response.statusCode,
      headers: responseHeaders,
      body: Buffer.concat(chunks).toString('utf8'),
    };
  } catch (error) {
    throw classifyError(error, phase);
  }
}

/** Drops a body we will not read; undici reports the abort as an 'error' event, which is expected here. */
function discard(body: { on(event: 'error', listener: () => void): unknown; destroy(): unknown }): void {
  body.on('error', () => {});
  body.destroy();
}

function tooLarge(maxBytes: number): FetchFailure {
  return new FetchFailure('too-large', `sent more than ${Math.round(maxBytes / 1024)} KiB`);
}

/** An HTTP client on a dispatcher. */
export function createHttpClient(dispatcher: Dispatcher, options: HttpOptions): HttpClient {
  const timeoutMs = options.timeoutMs;
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const backoffMs = options.backoffMs ?? DEFAULT_BACKOFF_MS;
  const retryAfterCapMs = options.retryAfterCapMs ?? DEFAULT_RETRY_AFTER_CAP_MS;
  const now = options.now ?? Date.now;
  const injected = options.sleep;
  const wait = (ms: number, signal: AbortSignal) =>
    injected ? injectedSleep(injected, ms, signal) : timerSleep(ms, signal);

  async function get(target: string, init: GetOptions = {}): Promise<HttpResponse> {
    const url = new URL(target);
    const headers = {
      'user-agent': USER_AGENT,
      accept: 'application/json, text/plain;q=0.9, */*;q=0.1',
      ...init.headers,
    };
    const controller = new AbortController();
    let timedOut = false;
    const started = performance.now();
    const deadline = setTimeout(() => {
      timedOut = true;
      controller.abort(new FetchFailure('timeout', `timed out after ${timeoutMs} ms`));
    }, timeoutMs);
    const onCancel = () => controller.abort(new FetchFailure('cancelled', 'was no longer needed'));
    if (init.signal?.aborted) onCancel();
    init.signal?.addEventListener('abort', onCancel, { once: true });
    const stopped = (): FetchFailure | undefined => {
      if (timedOut) return new FetchFailure('timeout', `timed out after ${timeoutMs} ms`);
      if (controller.signal.aborted) return new FetchFailure('cancelled', 'was no longer needed');
      return undefined;
    };
    try {
      for (let attempt = 1; ; attempt++) {
        let failure: FetchFailure;
        try {
          const raw = await attemptOnce(dispatcher, url, headers, controller.signal, timeoutMs, maxBytes);
          if (raw.status >= 200 && raw.status < 300) {
            return {
              url: raw.finalUrl ?? target,
              status: raw.status,
              contentType: headerText(raw.headers['content-type']).toLowerCase(),
              body: raw.body,
              attempts: attempt,
            };
          }
          failure = statusFailure(raw.status, raw.headers, now());
        } catch (error) {
          failure = stopped() ?? classifyError(error, 'connect');
          if (failure.kind === 'timeout' && !timedOut)
            failure = new FetchFailure('timeout', `timed out after ${timeoutMs} ms`);
        }
        if (
          failure.kind === 'timeout' ||
          failure.kind === 'cancelled' ||
          !failure.retryable ||
          attempt >= maxAttempts
        ) {
          throw withAttempts(failure, attempt);
        }
        const asked = failure.retryAfterMs;
        if (asked !== undefined && asked > retryAfterCapMs) {
          throw withAttempts(failure, attempt, `asked to wait ${Math.round(asked / 1000)} s`);
        }
        const delayMs = asked ?? backoffMs * 2 ** (attempt - 1);
        if (performance.now() - started + delayMs >= timeoutMs) {
          throw withAttempts(
            failure,
            attempt,
            asked !== undefined ? `asked to wait ${Math.round(asked / 1000)} s` : '',
          );
        }
        try {
          await wait(delayMs, controller.signal);
        } catch {
          throw stopped() ?? failure;
        }
      }
    } finally {
      clearTimeout(deadline);
      init.signal?.removeEventListener('abort', onCancel);
    }
  }

  return { get };
}
