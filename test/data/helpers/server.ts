/** A loopback HTTP server for tests, with fault injection per route. Never the internet. */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Handler = (req: IncomingMessage, res: ServerResponse) => void;
export interface Reply {
  status?: number;
  headers?: Record<string, string>;
  body?: string | Buffer;
  delayMs?: number;
}
/** One reply for every request, or a list used in turn (the last one repeats). */
export type RouteSpec = Reply | Handler | (Reply | Handler)[];

export interface Hit {
  path: string;
  startMs: number;
  endMs: number | undefined;
  headers: IncomingMessage['headers'];
}

export interface LoopbackServer {
  url: string;
  /** "127.0.0.1:PORT", as hashcalc names it in messages. */
  host: string;
  hits: Hit[];
  count(path: string): number;
  route(path: string, spec: RouteSpec): void;
  close(): Promise<void>;
}

export async function startServer(routes: Record<string, RouteSpec> = {}): Promise<LoopbackServer> {
  const table = new Map(Object.entries(routes));
  const served = new Map<string, number>();
  const hits: Hit[] = [];
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    const hit: Hit = { path, startMs: performance.now(), endMs: undefined, headers: req.headers };
    hits.push(hit);
    res.on('close', () => {
      hit.endMs = performance.now();
    });
    const spec = table.get(path);
    if (!spec) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('Not Found');
      return;
    }
    const n = served.get(path) ?? 0;
    served.set(path, n + 1);
    const current = Array.isArray(spec) ? spec[Math.min(n, spec.length - 1)] : spec;
    if (!current) return;
    if (typeof current === 'function') {
      current(req, res);
      return;
    }
    const send = () => {
      const body = current.body ?? '';
      res.writeHead(current.status ?? 200, { 'content-type': 'application/json', ...current.headers });
      res.end(body);
    };
    if (current.delayMs) setTimeout(send, current.delayMs);
    else send();
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    hits,
    count: (path) => hits.filter((h) => h.path === path).length,
    route: (path, spec) => {
      table.set(path, spec);
      served.delete(path);
    },
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close').catch(() => {});
    },
  };
}

/**
 * A loopback port nothing listens on: connecting is refused at once. Taken below the ephemeral range (Linux
 * 32768-60999, where `listen(0)` and outgoing connections get their ports), so a server that another test
 * or worker starts meanwhile cannot be given it.
 */
export async function closedPort(): Promise<number> {
  for (;;) {
    const port = 20_000 + Math.floor(Math.random() * 12_000);
    const server = createServer();
    const bound = await new Promise<boolean>((resolve) => {
      server.once('error', () => resolve(false));
      server.listen(port, '127.0.0.1', () => resolve(true));
    });
    if (!bound) continue;
    server.close();
    await once(server, 'close');
    return port;
  }
}

// Faults --------------------------------------------------------------------------------------------------

/** Accepts the request and never answers. */
export const hang: Handler = () => {};

/** Headers at once, then one byte every `intervalMs`, forever. */
export const drip =
  (intervalMs = 50): Handler =>
  (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.write('{');
    const timer = setInterval(() => res.write(' '), intervalMs);
    res.on('close', () => clearInterval(timer));
  };

/** Announces the full length, sends half, then drops the connection. */
export const truncated =
  (body: string): Handler =>
  (_req, res) => {
    res.writeHead(200, {
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(body)),
    });
    res.write(body.slice(0, Math.floor(body.length / 2)));
    setTimeout(() => res.socket?.destroy(), 10);
  };

/** Drops the connection before any response. */
export const reset: Handler = (req) => {
  req.socket.destroy();
};

/** A valid-looking JSON body larger than `bytes`, streamed without Content-Length when `chunked`. */
export const oversized =
  (bytes: number, chunked = false): Handler =>
  (_req, res) => {
    const body = `{"padding":"${'x'.repeat(bytes)}"}`;
    res.writeHead(200, {
      'content-type': 'application/json',
      ...(chunked ? {} : { 'content-length': String(Buffer.byteLength(body)) }),
    });
    if (!chunked) {
      res.end(body);
      return;
    }
    let sent = 0;
    const step = 64 * 1024;
    const pump = () => {
      while (sent < body.length) {
        const ok = res.write(body.slice(sent, sent + step));
        sent += step;
        if (!ok) {
          res.once('drain', pump);
          return;
        }
      }
      res.end();
    };
    pump();
  };

export const htmlPage = (status = 200): Reply => ({
  status,
  headers: { 'content-type': 'text/html; charset=utf-8' },
  body: '<!DOCTYPE html><html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>',
});

/**
 * The three live sources as loopback servers serving the fixtures (`replace`: the mempool routes to change),
 * closed by `servers.splice(0)` in an afterEach; the env that points a run at them, and the mempool's host.
 */
export async function liveSources(
  servers: LoopbackServer[],
  replace: Record<string, RouteSpec> = {},
): Promise<{ env: Record<string, string>; host: string }> {
  const { blockchainInfoRoutes, coingeckoRoutes, mempoolRoutes } = await import('./fixtures.js');
  const { TEST_NOW_MS } = await import('../../clock.js');
  const mempool = await startServer({ ...mempoolRoutes(TEST_NOW_MS), ...replace });
  const bci = await startServer(blockchainInfoRoutes(TEST_NOW_MS));
  const cg = await startServer(coingeckoRoutes(TEST_NOW_MS));
  servers.push(mempool, bci, cg);
  return {
    env: {
      HASHCALC_MEMPOOL_URL: mempool.url,
      HASHCALC_BLOCKCHAIN_INFO_URL: bci.url,
      HASHCALC_COINGECKO_URL: cg.url,
    },
    host: mempool.host,
  };
}
