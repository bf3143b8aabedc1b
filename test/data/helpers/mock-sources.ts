/**
 * undici MockAgent replaying the fixtures at the real hosts (mempool.space, blockchain.info,
 * api.blockchain.info, api.coingecko.com), with any endpoint replaced by a fault. Counts the requests.
 */
import { MockAgent } from 'undici';
import { fixtureText } from './fixtures.js';

export type EndpointName =
  | 'mempool:tip-height'
  | 'mempool:hashrate'
  | 'mempool:reward-stats'
  | 'mempool:prices'
  | 'mempool:difficulty-adjustment'
  | 'blockchain.info:getblockcount'
  | 'blockchain.info:getdifficulty'
  | 'blockchain.info:stats'
  | 'coingecko:simple-price';

export const ENDPOINTS: Record<
  EndpointName,
  { origin: string; path: string; fixture: string; type: string }
> = {
  'mempool:tip-height': {
    origin: 'https://mempool.space',
    path: '/api/blocks/tip/height',
    fixture: 'mempool/tip-height.txt',
    type: 'text/plain',
  },
  'mempool:hashrate': {
    origin: 'https://mempool.space',
    path: '/api/v1/mining/hashrate/3d',
    fixture: 'mempool/hashrate-3d.json',
    type: 'application/json',
  },
  'mempool:reward-stats': {
    origin: 'https://mempool.space',
    path: '/api/v1/mining/reward-stats/144',
    fixture: 'mempool/reward-stats-144.json',
    type: 'application/json',
  },
  'mempool:prices': {
    origin: 'https://mempool.space',
    path: '/api/v1/prices',
    fixture: 'mempool/prices.json',
    type: 'application/json',
  },
  'mempool:difficulty-adjustment': {
    origin: 'https://mempool.space',
    path: '/api/v1/difficulty-adjustment',
    fixture: 'mempool/difficulty-adjustment.json',
    type: 'application/json',
  },
  'blockchain.info:getblockcount': {
    origin: 'https://blockchain.info',
    path: '/q/getblockcount',
    fixture: 'blockchain-info/getblockcount.txt',
    type: 'text/plain',
  },
  'blockchain.info:getdifficulty': {
    origin: 'https://blockchain.info',
    path: '/q/getdifficulty',
    fixture: 'blockchain-info/getdifficulty.txt',
    type: 'text/plain',
  },
  'blockchain.info:stats': {
    origin: 'https://api.blockchain.info',
    path: '/stats',
    fixture: 'blockchain-info/stats.json',
    type: 'application/json',
  },
  'coingecko:simple-price': {
    origin: 'https://api.coingecko.com',
    path: '/api/v3/simple/price?ids=bitcoin&vs_currencies=usd&include_last_updated_at=true',
    fixture: 'coingecko/simple-price.json',
    type: 'application/json',
  },
};

export type MockReply =
  | { status?: number; body: string; type?: string; headers?: Record<string, string>; delayMs?: number }
  | { error: Error & { code?: string } };

export const errorWithCode = (code: string, message = code): Error & { code: string } =>
  Object.assign(new Error(message), { code });

export interface MockSources {
  agent: MockAgent;
  /** Requests made per endpoint. */
  calls: Record<EndpointName, number>;
  total(): number;
  close(): Promise<void>;
}

export function mockSources(overrides: Partial<Record<EndpointName, MockReply>> = {}): MockSources {
  const agent = new MockAgent();
  agent.disableNetConnect();
  const calls = Object.fromEntries(Object.keys(ENDPOINTS).map((k) => [k, 0])) as Record<EndpointName, number>;
  for (const [name, spec] of Object.entries(ENDPOINTS) as [
    EndpointName,
    (typeof ENDPOINTS)[EndpointName],
  ][]) {
    const reply: MockReply = overrides[name] ?? { body: fixtureText(spec.fixture), type: spec.type };
    const scope = agent.get(spec.origin).intercept({ path: spec.path, method: 'GET' });
    if ('error' in reply) {
      // Counted through the reply callback is not possible for errors; count on dispatch instead.
      scope
        .reply(() => {
          calls[name]++;
          throw reply.error;
        })
        .persist();
      continue;
    }
    const interceptor = scope.reply(() => {
      calls[name]++;
      return {
        statusCode: reply.status ?? 200,
        data: reply.body,
        responseOptions: { headers: { 'content-type': reply.type ?? 'application/json', ...reply.headers } },
      };
    });
    if (reply.delayMs) interceptor.delay(reply.delayMs);
    interceptor.persist();
  }
  return {
    agent,
    calls,
    total: () => Object.values(calls).reduce((a, b) => a + b, 0),
    close: () => agent.close(),
  };
}

/** Every endpoint failing as an offline machine's would: the DNS lookup fails. */
export function offlineOverrides(): Partial<Record<EndpointName, MockReply>> {
  return Object.fromEntries(
    Object.keys(ENDPOINTS).map((name) => [
      name,
      { error: errorWithCode('ENOTFOUND', `getaddrinfo ENOTFOUND`) },
    ]),
  ) as Partial<Record<EndpointName, MockReply>>;
}
