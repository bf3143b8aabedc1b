/**
 * The HTTP client against loopback servers: deadline, retries, Retry-After, size cap, redirects, proxy,
 * and the classification of every failure into one phrase. Never the internet.
 * Waits between attempts return at once (an injected sleep) unless a test is about the wait itself; the
 * delays asked for are recorded and checked instead of measured.
 */
import { once } from 'node:events';
import { createServer as createHttpServer } from 'node:http';
import { type AddressInfo, connect } from 'node:net';
import { Agent, MockAgent } from 'undici';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openDispatcher } from '../../src/data/dispatcher.js';
import {
  createHttpClient,
  DEFAULT_BACKOFF_MS,
  FetchFailure,
  type HttpClient,
  parseRetryAfter,
  USER_AGENT,
} from '../../src/data/http.js';
import {
  closedPort,
  drip,
  hang,
  htmlPage,
  type LoopbackServer,
  oversized,
  reset,
  startServer,
  truncated,
} from './helpers/server.js';

let agent: Agent;
let server: LoopbackServer;

beforeAll(() => {
  agent = new Agent();
});
afterAll(async () => {
  await agent.close();
});
afterEach(async () => {
  await server?.close();
});

/** Servers of the concurrent tests: closed when the file ends, since `server` is for one test at a time. */
const concurrentServers: LoopbackServer[] = [];
afterAll(async () => {
  await Promise.all(concurrentServers.map((s) => s.close()));
});
async function serve(routes: Parameters<typeof startServer>[0]): Promise<LoopbackServer> {
  const started = await startServer(routes);
  concurrentServers.push(started);
  return started;
}

async function clientFor(
  timeoutMs = 2000,
  extra: Parameters<typeof createHttpClient>[1] extends infer O ? Partial<O> : never = {},
): Promise<HttpClient> {
  const { dispatcher } = await openDispatcher(agent, {}, timeoutMs);
  return createHttpClient(dispatcher, { timeoutMs, backoffMs: 50, sleep: immediate, ...extra });
}

const immediate = () => Promise.resolve();

/** A sleep that returns at once and records each delay asked for. */
function recorder(): { sleep: (ms: number) => Promise<void>; delays: number[] } {
  const delays: number[] = [];
  return {
    delays,
    sleep: async (ms) => {
      delays.push(ms);
    },
  };
}

async function failureOf(promise: Promise<unknown>): Promise<FetchFailure> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(FetchFailure);
    return error as FetchFailure;
  }
  throw new Error('expected a failure');
}

describe('http client', () => {
  // The tests that wait on real time, at once (each with its own server, closed when the file ends).
  it.concurrent('times out after the deadline when the server never answers', async () => {
    const server = await serve({ '/x': hang });
    const started = performance.now();
    const failure = await failureOf((await clientFor(300)).get(`${server.url}/x`));
    expect(failure.kind).toBe('timeout');
    expect(failure.message).toBe('timed out after 300 ms');
    // Not before the deadline (a real timer never fires early); how soon after is not a test's business.
    expect(performance.now() - started).toBeGreaterThanOrEqual(290);
  });

  it.concurrent('times out on a slow drip even though bytes keep coming', async () => {
    const server = await serve({ '/x': drip(30) });
    const failure = await failureOf((await clientFor(400)).get(`${server.url}/x`));
    expect(failure.message).toBe('timed out after 400 ms');
  });

  it.concurrent('waits on a real timer when no sleep is given', async () => {
    const server = await serve({ '/x': { status: 503, body: 'down' } });
    const { dispatcher } = await openDispatcher(agent, {}, 3000);
    const started = performance.now();
    const failure = await failureOf(
      createHttpClient(dispatcher, { timeoutMs: 3000, backoffMs: 30 }).get(`${server.url}/x`),
    );
    expect(failure.message).toBe('answered HTTP 503 (3 attempts)');
    // Backoff 30 ms then 60 ms.
    expect(performance.now() - started).toBeGreaterThanOrEqual(88);
  });

  it.concurrent('the deadline and the caller end an injected wait that never returns', async () => {
    const server = await serve({ '/x': { status: 503, body: 'down' } });
    const never = () => new Promise<void>(() => {});
    const timedOut = await failureOf((await clientFor(300, { sleep: never })).get(`${server.url}/x`));
    expect(timedOut.message).toBe('timed out after 300 ms');
    expect(server.count('/x')).toBe(1);
    const controller = new AbortController();
    const pending = (await clientFor(5000, { sleep: never })).get(`${server.url}/x`, {
      signal: controller.signal,
    });
    setTimeout(() => controller.abort(), 50);
    expect((await failureOf(pending)).kind).toBe('cancelled');
  });

  it.concurrent('can be cancelled by the caller', async () => {
    const server = await serve({ '/x': hang });
    const controller = new AbortController();
    const pending = (await clientFor(5000)).get(`${server.url}/x`, { signal: controller.signal });
    setTimeout(() => controller.abort(), 50);
    expect((await failureOf(pending)).kind).toBe('cancelled');
  });

  it('gets a body and sends User-Agent hashcalc/<version>', async () => {
    server = await startServer({ '/x': { body: '{"ok":true}' } });
    const response = await (await clientFor()).get(`${server.url}/x`);
    expect(response.status).toBe(200);
    expect(response.body).toBe('{"ok":true}');
    expect(response.attempts).toBe(1);
    expect(USER_AGENT).toMatch(/^hashcalc\/\d+\.\d+\.\d+/);
    expect(server.hits[0]?.headers['user-agent']).toBe(USER_AGENT);
  });

  it('fails a refused connection at once, without retrying', async () => {
    const port = await closedPort();
    const waits = recorder();
    const failure = await failureOf(
      (await clientFor(5000, { sleep: waits.sleep })).get(`http://127.0.0.1:${port}/x`),
    );
    expect(failure.kind).toBe('refused');
    expect(failure.message).toBe('refused the connection');
    expect(waits.delays).toEqual([]);
  });

  it('retries a 500 and succeeds on the second attempt', async () => {
    server = await startServer({ '/x': [{ status: 500, body: 'oops' }, { body: '42' }] });
    const response = await (await clientFor()).get(`${server.url}/x`);
    expect(response.body).toBe('42');
    expect(response.attempts).toBe(2);
    expect(server.count('/x')).toBe(2);
  });

  it('gives up after three attempts on a persistent 503, with backoff between them', async () => {
    server = await startServer({ '/x': { status: 503, body: 'down' } });
    const waits = recorder();
    const failure = await failureOf(
      (await clientFor(3000, { backoffMs: 100, sleep: waits.sleep })).get(`${server.url}/x`),
    );
    expect(failure.message).toBe('answered HTTP 503 (3 attempts)');
    expect(server.count('/x')).toBe(3);
    // Backoff 100 ms then 200 ms.
    expect(waits.delays).toEqual([100, 200]);
  });

  it('backs off 250 ms then 500 ms by default', async () => {
    server = await startServer({ '/x': { status: 503, body: 'down' } });
    const waits = recorder();
    const { dispatcher } = await openDispatcher(agent, {}, 5000);
    const failure = await failureOf(
      createHttpClient(dispatcher, { timeoutMs: 5000, sleep: waits.sleep }).get(`${server.url}/x`),
    );
    expect(failure.message).toBe('answered HTTP 503 (3 attempts)');
    expect(DEFAULT_BACKOFF_MS).toBe(250);
    expect(waits.delays).toEqual([250, 500]);
  });

  it('does not retry a 404', async () => {
    server = await startServer({});
    const failure = await failureOf((await clientFor()).get(`${server.url}/nope`));
    expect(failure.message).toBe('answered HTTP 404');
    expect(server.count('/nope')).toBe(1);
  });

  it('honours Retry-After on a 429 and then succeeds', async () => {
    server = await startServer({
      '/x': [{ status: 429, headers: { 'retry-after': '1' }, body: '' }, { body: 'ok' }],
    });
    const waits = recorder();
    const response = await (await clientFor(3000, { sleep: waits.sleep })).get(`${server.url}/x`);
    expect(response.body).toBe('ok');
    expect(response.attempts).toBe(2);
    expect(waits.delays).toEqual([1000]);
  });

  it('fails at once when Retry-After asks for longer than the cap', async () => {
    server = await startServer({ '/x': { status: 429, headers: { 'retry-after': '120' }, body: '' } });
    const waits = recorder();
    const failure = await failureOf((await clientFor(5000, { sleep: waits.sleep })).get(`${server.url}/x`));
    expect(failure.kind).toBe('rate-limited');
    expect(failure.message).toBe('rate-limited us (HTTP 429, asked to wait 120 s)');
    expect(waits.delays).toEqual([]);
    expect(server.count('/x')).toBe(1);
  });

  it('fails at once when Retry-After does not fit in the deadline', async () => {
    server = await startServer({ '/x': { status: 429, headers: { 'retry-after': '2' }, body: '' } });
    const failure = await failureOf((await clientFor(1000)).get(`${server.url}/x`));
    expect(failure.message).toBe('rate-limited us (HTTP 429, asked to wait 2 s)');
  });

  it('retries a connection reset', async () => {
    server = await startServer({ '/x': [reset, { body: 'ok' }] });
    const response = await (await clientFor()).get(`${server.url}/x`);
    expect(response.body).toBe('ok');
    expect(response.attempts).toBe(2);
  });

  it('reports a body cut short', async () => {
    server = await startServer({
      '/x': truncated('{"currentDifficulty":149301206437464,"currentHashrate":1.0512e+21}'),
    });
    const failure = await failureOf((await clientFor()).get(`${server.url}/x`));
    expect(failure.kind).toBe('truncated');
    expect(failure.message).toBe('cut the response short (3 attempts)');
  });

  it('refuses a body over the size cap, by Content-Length and while streaming', async () => {
    server = await startServer({
      '/declared': oversized(2 * 1024 * 1024),
      '/streamed': oversized(2 * 1024 * 1024, true),
    });
    const client = await clientFor(5000, { maxBytes: 1024 * 1024 });
    for (const path of ['/declared', '/streamed']) {
      const failure = await failureOf(client.get(`${server.url}${path}`));
      expect(failure.kind).toBe('too-large');
      expect(failure.message).toBe('sent more than 1024 KiB');
    }
  });

  it('follows redirects within the limit and refuses a loop', async () => {
    server = await startServer({
      '/old': { status: 301, headers: { location: '/new' } },
      '/new': { body: 'moved' },
      '/loop': { status: 302, headers: { location: '/loop' } },
      '/a': { status: 302, headers: { location: '/b' } },
      '/b': { status: 302, headers: { location: '/c' } },
      '/c': { status: 302, headers: { location: '/d' } },
      '/d': { status: 302, headers: { location: '/e' } },
      '/e': { body: 'too far' },
    });
    const client = await clientFor();
    expect((await client.get(`${server.url}/old`)).body).toBe('moved');
    const loop = await failureOf(client.get(`${server.url}/loop`));
    expect(loop.kind).toBe('redirects');
    expect(loop.message).toBe('redirected in a loop');
    const chain = await failureOf(client.get(`${server.url}/a`));
    expect(chain.message).toBe('redirected too many times (HTTP 302)');
    expect(server.count('/d')).toBe(1); // the first request and 3 redirects; /e is never asked for
    expect(server.count('/e')).toBe(0);
  });

  it('returns an HTML error page as a body (the parser rejects it), and a 502 page as HTTP 502', async () => {
    server = await startServer({ '/ok': htmlPage(200), '/bad': htmlPage(502) });
    const client = await clientFor();
    expect((await client.get(`${server.url}/ok`)).contentType).toContain('text/html');
    expect((await failureOf(client.get(`${server.url}/bad`))).message).toBe('answered HTTP 502 (3 attempts)');
  });

  it('classifies a failed DNS lookup (simulated at the dispatcher) without retrying', async () => {
    const mock = new MockAgent();
    mock.disableNetConnect();
    const lookupError = Object.assign(new Error('getaddrinfo ENOTFOUND mempool.space'), {
      code: 'ENOTFOUND',
    });
    mock
      .get('https://mempool.space')
      .intercept({ path: '/api/blocks/tip/height' })
      .replyWithError(lookupError);
    const { dispatcher } = await openDispatcher(mock, {}, 5000);
    const waits = recorder();
    const failure = await failureOf(
      createHttpClient(dispatcher, { timeoutMs: 5000, sleep: waits.sleep }).get(
        'https://mempool.space/api/blocks/tip/height',
      ),
    );
    expect(failure.kind).toBe('dns');
    expect(failure.message).toBe('could not be resolved (ENOTFOUND)');
    expect(waits.delays).toEqual([]); // at once: not retried
    mock.assertNoPendingInterceptors();
    await mock.close();
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    const now = Date.UTC(2025, 11, 8, 12, 0, 0);
    expect(parseRetryAfter('3', now)).toBe(3000);
    expect(parseRetryAfter('Mon, 08 Dec 2025 12:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
  });
});

describe('proxy (EnvHttpProxyAgent from the context env)', () => {
  let proxy: ReturnType<typeof createHttpServer>;
  let proxyUrl: string;
  const tunnels: string[] = [];

  beforeAll(async () => {
    // A minimal HTTP proxy: CONNECT tunnels (what undici uses) and absolute-form GETs.
    proxy = createHttpServer((req, res) => {
      tunnels.push(`GET ${req.url}`);
      res.writeHead(502).end();
    });
    proxy.on('connect', (req, client, head) => {
      tunnels.push(`CONNECT ${req.url}`);
      const port = Number(String(req.url).split(':')[1]);
      const upstream = connect(port, '127.0.0.1', () => {
        client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.write(head);
        upstream.pipe(client);
        client.pipe(upstream);
      });
      upstream.on('error', () => client.destroy());
      client.on('error', () => upstream.destroy());
    });
    proxy.listen(0, '127.0.0.1');
    await once(proxy, 'listening');
    proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    proxy.closeAllConnections();
    proxy.close();
  });

  it('goes through HTTP_PROXY, and around it for NO_PROXY hosts', async () => {
    server = await startServer({ '/x': { body: 'via' } });
    const port = new URL(server.url).port;
    const proxied = await openDispatcher(undefined, { HTTP_PROXY: proxyUrl }, 2000);
    const client = createHttpClient(proxied.dispatcher, { timeoutMs: 2000 });
    // The target name exists only for the proxy: it tunnels to the loopback server.
    expect((await client.get(`http://hashcalc-fixture.test:${port}/x`)).body).toBe('via');
    expect(tunnels).toContain(`CONNECT hashcalc-fixture.test:${port}`);
    await proxied.close();

    tunnels.length = 0;
    const bypass = await openDispatcher(undefined, { HTTP_PROXY: proxyUrl, NO_PROXY: '127.0.0.1' }, 2000);
    expect((await createHttpClient(bypass.dispatcher, { timeoutMs: 2000 }).get(`${server.url}/x`)).body).toBe(
      'via',
    );
    expect(tunnels).toEqual([]);
    await bypass.close();
  });
});
