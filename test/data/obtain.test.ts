/**
 * obtainNetwork in-process, with MockAgent replaying the fixtures at the real hosts (and loopback servers
 * where timing matters): which source each quantity comes from, what is said on stderr, what is cached.
 */
import { Agent } from 'undici';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cacheDirectory, readCache, writeCache } from '../../src/data/cache.js';
import type { NetworkRequest } from '../../src/data/obtain.js';
import { ALL_QUANTITIES } from '../../src/data/types.js';
import { DataError } from '../../src/errors.js';
import { TEST_NOW_MS } from '../clock.js';
import { tempDir, testContext } from './helpers/context.js';
import {
  BCI_PATHS,
  blockchainInfoRoutes,
  COINGECKO_PATH,
  coingeckoRoutes,
  FIXTURE_NOW_MS,
  fixtureJson,
  MEMPOOL_PATHS,
  mempoolRoutes,
} from './helpers/fixtures.js';
import { errorWithCode, type MockSources, mockSources, offlineOverrides } from './helpers/mock-sources.js';
import { obtain } from './helpers/obtain.js';
import { type LoopbackServer, startServer } from './helpers/server.js';

const NOW = FIXTURE_NOW_MS;
/**
 * A clock after every embedded date (the snapshot of 2026-01-12, the newest epoch of ~2026-06-14), for tests of
 * the embedded data's age: at NOW (2025-12-08, the fixtures' time) the embedded data would be dated ahead.
 */
const LATER = TEST_NOW_MS;
const MIN = 60_000;
const base: NetworkRequest = { offline: false, overrides: {} };
const NETWORK_WANT = { want: ALL_QUANTITIES, optional: [] } as const;

let mocks: MockSources | undefined;
afterEach(async () => {
  await mocks?.close();
  mocks = undefined;
});

/** A context whose dispatcher fails the test if anything is requested. */
function noNetworkDispatcher(): unknown {
  return new Proxy(
    {},
    {
      get() {
        throw new Error('the network must not be used');
      },
    },
  );
}

describe('a full refresh', () => {
  it('takes every quantity from mempool, writes the cache and says nothing on stderr', async () => {
    mocks = mockSources();
    const t = testContext({ nowMs: NOW, dispatcher: mocks.agent });
    const net = await obtain({ ...base, ...NETWORK_WANT }, t.ctx);
    expect(net.heightBlocks).toEqual({
      value: 927_000,
      source: 'mempool',
      asOfMs: NOW,
      host: 'mempool.space',
    });
    expect(net.difficulty.value).toBe(149_301_206_437_464);
    expect(net.btcUsd).toEqual({
      value: 91_234,
      source: 'mempool',
      asOfMs: 1_765_195_160_000,
      host: 'mempool.space',
    });
    // 304,000,000 sats / 144 blocks / 1e8 = 0.0211111 BTC per block
    expect(net.avgFeesBtcPerBlock.value).toBeCloseTo(0.021_111_11, 8);
    expect(net.estimatedHashrateHs?.value).toBe(1.0512e21);
    expect(net.retarget?.value.nextRetargetHeight).toBe(927_360);
    expect(t.stderr()).toBe('');
    // One request per mempool endpoint; the secondaries were asked too (for the divergence check).
    expect(mocks.calls['mempool:tip-height']).toBe(1);
    expect(mocks.calls['mempool:hashrate']).toBe(1);
    const cache = await readCache(t.cacheDir);
    expect(Object.keys(cache.entries).sort()).toEqual([...ALL_QUANTITIES].sort());
    expect(cache.entries.btcUsd).toMatchObject({
      value: 91_234,
      origin: 'mempool',
      host: 'mempool.space',
      fetchedAtMs: NOW,
    });
  });

  it('serves fresh cache entries without any request, as source cache with the live origin', async () => {
    mocks = mockSources();
    const dir = tempDir();
    await obtain(base, testContext({ nowMs: NOW, dispatcher: mocks.agent, cacheDir: dir }).ctx);
    const t = testContext({ nowMs: NOW + 30_000, dispatcher: noNetworkDispatcher(), cacheDir: dir });
    const net = await obtain(base, t.ctx);
    expect(net.btcUsd).toMatchObject({
      value: 91_234,
      source: 'cache',
      origin: 'mempool',
      host: 'mempool.space',
    });
    expect(net.heightBlocks).toMatchObject({ value: 927_000, source: 'cache', asOfMs: NOW });
    expect(t.stderr()).toBe('');
  });

  it('refetches only what expired: the price after 60 s, the rest after 10 min', async () => {
    mocks = mockSources();
    const dir = tempDir();
    await obtain(base, testContext({ nowMs: NOW, dispatcher: mocks.agent, cacheDir: dir }).ctx);
    const before = { ...mocks.calls };
    const net = await obtain(
      base,
      testContext({ nowMs: NOW + 90_000, dispatcher: mocks.agent, cacheDir: dir }).ctx,
    );
    expect(net.btcUsd.source).toBe('mempool');
    expect(net.heightBlocks.source).toBe('cache');
    expect(mocks.calls['mempool:prices']).toBe(before['mempool:prices'] + 1);
    expect(mocks.calls['coingecko:simple-price']).toBe(before['coingecko:simple-price'] + 1);
    expect(mocks.calls['mempool:tip-height']).toBe(before['mempool:tip-height']);
    expect(mocks.calls['mempool:reward-stats']).toBe(before['mempool:reward-stats']);
  });

  it('--refresh bypasses a fresh cache', async () => {
    mocks = mockSources();
    const dir = tempDir();
    await obtain(base, testContext({ nowMs: NOW, dispatcher: mocks.agent, cacheDir: dir }).ctx);
    const net = await obtain(
      { ...base, refresh: true },
      testContext({ nowMs: NOW + 5_000, dispatcher: mocks.agent, cacheDir: dir }).ctx,
    );
    expect(net.heightBlocks.source).toBe('mempool');
    expect(mocks.calls['mempool:tip-height']).toBe(2);
  });
});

describe('fallback between live sources', () => {
  it('takes the price from CoinGecko when mempool says -1, and says so', async () => {
    mocks = mockSources({ 'mempool:prices': { body: '{"time":1765195160,"USD":-1,"EUR":-1}' } });
    const t = testContext({ nowMs: NOW, dispatcher: mocks.agent });
    const net = await obtain(base, t.ctx);
    expect(net.btcUsd).toEqual({
      value: 91_300,
      source: 'coingecko',
      asOfMs: 1_765_195_150_000,
      host: 'api.coingecko.com',
    });
    expect(t.warnings()).toEqual([
      'hashcalc: price: mempool.space reported no USD price (-1); using api.coingecko.com',
    ]);
    expect((await readCache(t.cacheDir)).entries.btcUsd).toMatchObject({
      value: 91_300,
      origin: 'coingecko',
    });
  });

  it('never divides by a 0 difficulty: blockchain.info gives difficulty, api.blockchain.info the hashrate', async () => {
    mocks = mockSources({
      'mempool:hashrate': {
        body: '{"hashrates":[],"difficulty":[],"currentHashrate":0,"currentDifficulty":0}',
      },
    });
    const t = testContext({ nowMs: NOW, dispatcher: mocks.agent });
    const net = await obtain(base, t.ctx);
    expect(net.difficulty).toMatchObject({
      value: 149_301_206_437_464,
      source: 'blockchain.info',
      host: 'blockchain.info',
    });
    // 1.0498e12 GH/s = 1.0498e21 H/s
    expect(net.estimatedHashrateHs).toMatchObject({ source: 'blockchain.info', host: 'api.blockchain.info' });
    expect(net.estimatedHashrateHs?.value).toBeCloseTo(1.0498e21, -9);
    expect(t.warnings()).toEqual([
      'hashcalc: difficulty, estimated hashrate: mempool.space reported difficulty 0 (its Bitcoin node may be down), ' +
        'reported hashrate 0 (its Bitcoin node may be down); using blockchain.info, api.blockchain.info',
    ]);
  });

  it('reports two sources diverging by more than --max-divergence, and keeps mempool', async () => {
    mocks = mockSources({ 'coingecko:simple-price': { body: '{"bitcoin":{"usd":95000}}' } });
    const t = testContext({ nowMs: NOW, dispatcher: mocks.agent });
    const net = await obtain(base, t.ctx);
    expect(net.btcUsd.value).toBe(91_234);
    // |95,000 - 91,234| / 91,234 = 4.13%
    expect(t.warnings()).toEqual([
      'hashcalc: price: mempool.space says $91,234, api.coingecko.com says $95,000 (4.13% apart, more than --max-divergence 2%); using mempool.space',
    ]);
    const quiet = testContext({ nowMs: NOW, dispatcher: mocks.agent });
    await obtain({ ...base, maxDivergence: 0.05 }, quiet.ctx);
    expect(quiet.stderr()).toBe('');
  });

  it('does not report the 0.07% between mempool ($91,234) and CoinGecko ($91,300)', async () => {
    mocks = mockSources();
    const t = testContext({ nowMs: NOW, dispatcher: mocks.agent });
    await obtain(base, t.ctx);
    expect(t.stderr()).toBe('');
  });
});

describe('fallback to cache and snapshot', () => {
  it('uses the cache of any age when every source fails, in one line', async () => {
    const dir = tempDir();
    mocks = mockSources();
    await obtain(base, testContext({ nowMs: NOW - 20 * MIN, dispatcher: mocks.agent, cacheDir: dir }).ctx);
    await mocks.close();
    mocks = mockSources(offlineOverrides());
    const t = testContext({ nowMs: NOW, dispatcher: mocks.agent, cacheDir: dir });
    const net = await obtain(base, t.ctx);
    expect(net.heightBlocks).toMatchObject({ value: 927_000, source: 'cache', origin: 'mempool' });
    expect(net.btcUsd).toMatchObject({ value: 91_234, source: 'cache' });
    expect(t.warnings()).toEqual([
      'hashcalc: height, difficulty, price, fees, estimated hashrate: mempool.space, blockchain.info, api.coingecko.com, ' +
        'api.blockchain.info could not be resolved (ENOTFOUND); using the cache from 20 min ago',
    ]);
    // The cache is intact: still the entries of 20 minutes ago.
    const cache = await readCache(dir);
    expect(cache.problem).toBeUndefined();
    expect(cache.entries.heightBlocks?.fetchedAtMs).toBe(NOW - 20 * MIN);
  });

  it('uses the embedded snapshot when nothing is cached, and says how old it is', async () => {
    mocks = mockSources(offlineOverrides());
    const t = testContext({ nowMs: LATER, dispatcher: mocks.agent });
    const net = await obtain({ ...base, ...NETWORK_WANT }, t.ctx);
    // Height and difficulty of the newest embedded epoch (block 953,568), price of the newest embedded monthly
    // close (July 2026), the rest of the snapshot.
    expect(net.heightBlocks).toMatchObject({ value: 953_568, source: 'snapshot' });
    expect(net.btcUsd).toMatchObject({ value: 62_829.09, source: 'snapshot' });
    expect(net.retarget).toBeNull();
    // 2026-01-12 to 2026-12-01 = 323 days; ~2026-06-14T00:33Z to 2026-12-01 = 169.98 days, said as 170;
    // 2026-08-01 to 2026-12-01 = 122 days. Price (2026-08-01) and difficulty (~2026-06-14) are 48 days apart:
    // no line about mixed dates.
    expect(t.warnings()).toEqual([
      'hashcalc: height, difficulty, price, fees, estimated hashrate: mempool.space, blockchain.info, api.coingecko.com, ' +
        'api.blockchain.info could not be resolved (ENOTFOUND); using the newest embedded difficulty epoch ' +
        '(from block 953,568, ~2026-06-14, 170 days old) for height, difficulty; the newest embedded monthly ' +
        'BTC/USD close (2026-07, at 2026-08-01, 122 days old) for price; the embedded snapshot of ' +
        '2026-01-12 (323 days old) for fees, estimated hashrate',
      'hashcalc: retarget estimate: mempool.space could not be resolved (ENOTFOUND); none available',
    ]);
    expect((await readCache(t.cacheDir)).entries).toEqual({});
  });

  it('--require-live fails with exit 1 instead of falling back, naming each source and reason', async () => {
    const dir = tempDir();
    await writeCache(dir, {
      btcUsd: { value: 90_000, origin: 'mempool', asOfMs: NOW - 1000, fetchedAtMs: NOW - 1000 },
    });
    mocks = mockSources({
      'mempool:prices': { error: errorWithCode('ECONNREFUSED') },
      'coingecko:simple-price': { status: 429, body: '', headers: { 'retry-after': '60' } },
    });
    const t = testContext({ nowMs: NOW, dispatcher: mocks.agent, cacheDir: dir });
    const error = await obtain({ ...base, requireLive: true }, t.ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).exitCode).toBe(1);
    expect((error as DataError).message).toBe(
      '--require-live: no live price (mempool.space refused the connection; api.coingecko.com rate-limited us (HTTP 429, asked to wait 60 s))',
    );
    // The fresh cached price was not used: --require-live skips the cache.
    expect(mocks.calls['mempool:prices']).toBe(1);
  });

  it('--max-age fails with exit 1 when the best data is older', async () => {
    mocks = mockSources(offlineOverrides());
    const t = testContext({ nowMs: LATER, dispatcher: mocks.agent });
    const error = await obtain({ ...base, maxAgeMs: 10 * MIN, maxAgeText: '10m' }, t.ctx).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).message).toBe(
      // The oldest is the snapshot's fees (2026-01-12, 323 days before LATER), older than the epoch's height
      // and the newest close's price.
      'height, difficulty, price, fees are older than --max-age 10m (fees from the embedded snapshot of 2026-01-12 ' +
        'is 323 days old); connect to the network, or raise --max-age',
    );
    // Live data passes the same limit.
    await mocks.close();
    mocks = mockSources();
    const live = testContext({ nowMs: NOW, dispatcher: mocks.agent });
    await expect(obtain({ ...base, maxAgeMs: 10 * MIN }, live.ctx)).resolves.toBeDefined();
  });
});

describe('the cache is tied to the instance it came from', () => {
  const TESTNET = 'https://mempool.space/testnet4';
  /** A testnet instance on the same host: its own difficulty and price. */
  function addTestnet(m: MockSources): void {
    const pool = m.agent.get('https://mempool.space');
    const reply = (path: string, body: string, type = 'application/json') =>
      pool
        .intercept({ path: `/testnet4/api${path}`, method: 'GET' })
        .reply(200, body, { headers: { 'content-type': type } })
        .persist();
    reply(MEMPOOL_PATHS.tip.replace('/api', ''), '927000', 'text/plain');
    reply(
      MEMPOOL_PATHS.hashrate.replace('/api', ''),
      JSON.stringify({ hashrates: [], difficulty: [], currentHashrate: 9e20, currentDifficulty: 120e12 }),
    );
    reply(
      MEMPOOL_PATHS.rewards.replace('/api', ''),
      JSON.stringify({ startBlock: 1, endBlock: 144, totalReward: '0', totalFee: '0', totalTx: '0' }),
    );
    reply(MEMPOOL_PATHS.prices.replace('/api', ''), JSON.stringify({ time: NOW / 1000, USD: 70_000 }));
  }

  it("never serves one instance's cached values for another, fresh or --offline", async () => {
    mocks = mockSources();
    addTestnet(mocks);
    const dir = tempDir();
    const onA = testContext({ nowMs: NOW, dispatcher: mocks.agent, cacheDir: dir });
    const a = await obtain({ ...base, sources: { mempoolUrl: TESTNET } }, onA.ctx);
    expect(a.difficulty).toMatchObject({ value: 120e12, host: 'mempool.space' });
    expect(mocks.calls['mempool:hashrate']).toBe(0);

    // A minute later, against the public instance: A's fresh entries are not its own, so it is asked.
    const offlineDefault = testContext({
      nowMs: NOW + MIN,
      dispatcher: noNetworkDispatcher(),
      cacheDir: dir,
    });
    const off = await obtain({ ...base, offline: true }, offlineDefault.ctx);
    expect(off.difficulty.source).toBe('snapshot');
    expect(off.btcUsd.source).toBe('snapshot');
    const offlineA = testContext({ nowMs: NOW + MIN, dispatcher: noNetworkDispatcher(), cacheDir: dir });
    const offA = await obtain({ ...base, offline: true, sources: { mempoolUrl: TESTNET } }, offlineA.ctx);
    expect(offA.difficulty).toMatchObject({ value: 120e12, source: 'cache' });

    const onB = testContext({ nowMs: NOW + MIN, dispatcher: mocks.agent, cacheDir: dir });
    const b = await obtain(base, onB.ctx);
    expect(mocks.calls['mempool:hashrate']).toBe(1);
    expect(b.difficulty).toMatchObject({ value: 149_301_206_437_464, source: 'mempool' });
    expect(b.btcUsd).toMatchObject({ value: 91_234, source: 'mempool' });
    // Both instances keep their entries.
    const again = testContext({ nowMs: NOW + 2 * MIN, dispatcher: noNetworkDispatcher(), cacheDir: dir });
    const cachedA = await obtain({ ...base, offline: true, sources: { mempoolUrl: TESTNET } }, again.ctx);
    expect(cachedA.btcUsd.value).toBe(70_000);
    const cachedB = await obtain({ ...base, offline: true }, again.ctx);
    expect(cachedB.btcUsd.value).toBe(91_234);
  });
});

describe('values outside what the chain and the market make possible', () => {
  const hashrate = (difficulty: number) => ({
    body: JSON.stringify({ ...fixtureJson('mempool/hashrate-3d.json'), currentDifficulty: difficulty }),
  });
  const price = (usd: number) => ({
    body: JSON.stringify({ ...fixtureJson('mempool/prices.json'), USD: usd }),
  });

  it.each([
    [1, '1'],
    [1e-300, '1e-300'],
    [9.9e17, '990000T'],
  ])('difficulty %d is a failed source: blockchain.info is used, and said', async (d, shown) => {
    mocks = mockSources({ 'mempool:hashrate': hashrate(d) });
    const t = testContext({ nowMs: NOW, dispatcher: mocks.agent });
    const net = await obtain(base, t.ctx);
    expect(net.difficulty).toMatchObject({ value: 149_301_206_437_464, source: 'blockchain.info' });
    expect(t.warnings()).toEqual([
      // The reference is the newest embedded difficulty (124.93T, ~2026-06-14), dated after NOW: no time has
      // widened the frame, x2 either way: 62.47T to 249.87T.
      `hashcalc: difficulty: mempool.space reported an implausible difficulty (${shown}; expected 62.47T to 249.9T); using blockchain.info`,
    ]);
  });

  it.each([0.0001, 99_999_999])('a price of %d is a failed source, whichever reports it', async (usd) => {
    mocks = mockSources({
      'mempool:prices': price(usd),
      'coingecko:simple-price': { body: JSON.stringify({ bitcoin: { usd, last_updated_at: NOW / 1000 } }) },
    });
    const t = testContext({ nowMs: NOW, dispatcher: mocks.agent });
    const net = await obtain(base, t.ctx);
    expect(net.btcUsd.source).toBe('snapshot');
    expect(t.warnings()).toEqual([
      expect.stringMatching(
        // The reference is the newest embedded close's $62,829.09 (2026-08-01), dated after NOW: x3 either way,
        // $20,943 to $188,487.
        /^hashcalc: price: mempool\.space, api\.coingecko\.com reported an implausible USD price \(\$[\d.,]+; expected \$20,943 to \$188,487\); using the newest embedded monthly BTC\/USD close/,
      ),
      // The close (2026-08-01) and the live difficulty (NOW, 2025-12-08) are 235 days apart.
      expect.stringMatching(
        /^hashcalc: price \(2026-08-01\) and difficulty \(2025-12-08\) are 235 days apart/,
      ),
    ]);
  });

  it('frames by the last cached value: a price 4x the cached one a minute ago fails', async () => {
    const dir = tempDir();
    await writeCache(dir, {
      btcUsd: {
        value: 91_000,
        origin: 'mempool',
        host: 'mempool.space',
        asOfMs: NOW - MIN,
        fetchedAtMs: NOW - MIN,
      },
    });
    mocks = mockSources({ 'mempool:prices': price(364_000) });
    const t = testContext({ nowMs: NOW, dispatcher: mocks.agent, cacheDir: dir });
    const net = await obtain(base, t.ctx);
    expect(net.btcUsd).toMatchObject({ value: 91_300, source: 'coingecko' });
    expect(t.warnings()[0]).toContain(
      'mempool.space reported an implausible USD price ($364,000; expected $30,333 to $273,001); using api.coingecko.com',
    );
  });
});

describe('a node behind, a clock ahead', () => {
  it('keeps the cached height when the live one is thousands of blocks below it, and says so', async () => {
    const dir = tempDir();
    const cached = {
      origin: 'mempool' as const,
      host: 'mempool.space',
      asOfMs: NOW - 20 * MIN,
      fetchedAtMs: NOW - 20 * MIN,
    };
    await writeCache(dir, { heightBlocks: { ...cached, value: 930_000 } });
    mocks = mockSources();
    const t = testContext({ nowMs: NOW, dispatcher: mocks.agent, cacheDir: dir });
    const net = await obtain(base, t.ctx);
    expect(net.heightBlocks).toMatchObject({ value: 930_000, source: 'cache' });
    expect(t.warnings()).toEqual([
      'hashcalc: height: mempool.space reports 927,000, 3,000 blocks below the cached 930,000 (its node may still be syncing); using the cache from 20 min ago',
    ]);
    expect((await readCache(dir)).entries.heightBlocks?.value).toBe(930_000);
  });

  it('treats entries dated beyond the clock skew in the future as stale: refetched, and failing --max-age', async () => {
    const dir = tempDir();
    const ahead = NOW + 3 * 3600_000;
    await writeCache(dir, {
      btcUsd: {
        value: 90_000,
        origin: 'mempool',
        host: 'mempool.space',
        asOfMs: ahead,
        fetchedAtMs: NOW - 1000,
      },
    });
    mocks = mockSources(offlineOverrides());
    const t = testContext({ nowMs: NOW, dispatcher: mocks.agent, cacheDir: dir });
    const error = await obtain({ ...base, want: ['btcUsd'], optional: [], maxAgeMs: 10 * MIN }, t.ctx).catch(
      (e: unknown) => e,
    );
    expect(mocks.calls['mempool:prices']).toBe(1); // not served as fresh
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).message).toBe(
      'price is older than --max-age 10 min (price from the cache (from mempool.space) is dated 3 h ahead (written by a clock ahead)); connect to the network, or raise --max-age',
    );
  });
});

describe('offline and flags', () => {
  it('--offline never touches the network: cache of any age, then the snapshot, said in one line', async () => {
    const dir = tempDir();
    await writeCache(dir, {
      heightBlocks: {
        value: 927_000,
        origin: 'mempool',
        host: 'mempool.space',
        asOfMs: LATER - 3 * 3600_000,
        fetchedAtMs: LATER - 3 * 3600_000,
      },
    });
    const t = testContext({ nowMs: LATER, dispatcher: noNetworkDispatcher(), cacheDir: dir });
    const net = await obtain({ ...base, offline: true }, t.ctx);
    expect(net.heightBlocks).toMatchObject({ value: 927_000, source: 'cache', origin: 'mempool' });
    expect(net.difficulty.source).toBe('snapshot');
    expect(t.warnings()).toEqual([
      'hashcalc: offline: using the cache from 3 h ago for height; the newest embedded difficulty epoch (from block ' +
        '953,568, ~2026-06-14, 170 days old) for difficulty; the newest embedded monthly BTC/USD close (2026-07, ' +
        'at 2026-08-01, 122 days old) for price; the embedded snapshot of 2026-01-12 (323 days old) ' +
        'for fees, estimated hashrate',
      // the close's price (2026-08-01) and the epoch's difficulty (~2026-06-14) are 48 days apart: no more
    ]);
  });

  it('fetches nothing when flags give every quantity the command needs', async () => {
    const t = testContext({ nowMs: NOW, dispatcher: noNetworkDispatcher() });
    const overrides = {
      heightBlocks: 930_000,
      difficulty: 150e12,
      btcUsd: 100_000,
      avgFeesBtcPerBlock: 0.02,
    };
    const net = await obtain({ ...base, overrides }, t.ctx);
    expect(net.btcUsd).toEqual({ value: 100_000, source: 'flag', asOfMs: NOW });
    expect(net.heightBlocks.source).toBe('flag');
    expect(t.stderr()).toBe('');
  });

  it('fetches only what flags leave open', async () => {
    mocks = mockSources();
    const t = testContext({ nowMs: NOW, dispatcher: mocks.agent });
    const net = await obtain({ ...base, overrides: { btcUsd: 100_000 } }, t.ctx);
    expect(net.btcUsd.source).toBe('flag');
    expect(net.difficulty.source).toBe('mempool');
    expect(mocks.calls['mempool:prices']).toBe(0);
    expect(mocks.calls['coingecko:simple-price']).toBe(0);
  });

  it('without a network interface, remote hosts fail at once (no DNS wait, undici never used)', async () => {
    const waits: number[] = [];
    const t = testContext({ nowMs: NOW, sleep: async (ms) => void waits.push(ms) });
    const net = await obtain(base, t.ctx, { hasNetwork: () => false });
    expect(waits).toEqual([]); // nothing tried again after a wait
    expect(net.heightBlocks.source).toBe('snapshot');
    expect(t.warnings()[0]).toContain(
      'mempool.space, blockchain.info, api.coingecko.com, api.blockchain.info is unreachable (no network interface is up)',
    );
  });

  it('takes the cache directory from the context env, not process.env', () => {
    expect(cacheDirectory({ XDG_CACHE_HOME: '/ctx-cache' })).toBe('/ctx-cache/hashcalc');
  });
});

describe('one refresh costs one round trip', () => {
  let servers: LoopbackServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.map((s) => s.close()));
    servers = [];
  });

  it('requests every endpoint at once: they overlap in time, and the total is near the slowest', async () => {
    const slow = (routes: Record<string, unknown>) =>
      Object.fromEntries(
        Object.entries(routes).map(([path, reply]) => [path, { ...(reply as object), delayMs: 200 }]),
      );
    const mempool = await startServer(slow(mempoolRoutes()));
    const bci = await startServer(slow(blockchainInfoRoutes()));
    const cg = await startServer(slow(coingeckoRoutes()));
    servers = [mempool, bci, cg];
    const agent = new Agent();
    const events: { id: string; phase: string; atMs: number }[] = [];
    const t = testContext({ nowMs: NOW, dispatcher: agent });
    const net = await obtain(
      {
        ...base,
        ...NETWORK_WANT,
        sources: {
          mempoolUrl: mempool.url,
          blockchainInfoUrl: bci.url,
          blockchainInfoApiUrl: bci.url,
          coingeckoUrl: cg.url,
        },
      },
      t.ctx,
      { onRequest: (e) => events.push(e) },
    );
    await agent.close();
    expect(net.heightBlocks.source).toBe('mempool');
    const starts = events.filter((e) => e.phase === 'start');
    const ends = events.filter((e) => e.phase === 'end');
    expect(starts).toHaveLength(9);
    // Every request started before the first one finished...
    expect(Math.max(...starts.map((e) => e.atMs))).toBeLessThan(Math.min(...ends.map((e) => e.atMs)));
    // ...and the servers saw them overlap too.
    const hits = [...mempool.hits, ...bci.hits, ...cg.hits];
    expect(hits).toHaveLength(9);
    expect(Math.max(...hits.map((h) => h.startMs))).toBeLessThan(
      Math.min(...hits.map((h) => h.endMs ?? Infinity)),
    );
    // 9 requests x 200 ms = 1800 ms in sequence; together, one 200 ms round trip (the overlap above).
    expect(mempool.count(MEMPOOL_PATHS.tip) + bci.count(BCI_PATHS.count) + cg.count(COINGECKO_PATH)).toBe(3);
  });

  it('cancels a slow secondary once every primary answered, so it never slows a healthy run', async () => {
    const mempool = await startServer(mempoolRoutes());
    const bci = await startServer(blockchainInfoRoutes());
    const cg = await startServer({ [COINGECKO_PATH]: () => {} }); // never answers
    servers = [mempool, bci, cg];
    const agent = new Agent();
    const t = testContext({ nowMs: NOW, dispatcher: agent });
    // A deadline past the test's own (20 s): obtain returns only if it cancels the secondary.
    const net = await obtain(
      {
        ...base,
        timeoutMs: 60_000,
        sources: {
          mempoolUrl: mempool.url,
          blockchainInfoUrl: bci.url,
          blockchainInfoApiUrl: bci.url,
          coingeckoUrl: cg.url,
        },
      },
      t.ctx,
      { graceMs: 100 },
    );
    expect(net.btcUsd.source).toBe('mempool');
    // Never compared with mempool's price: said, since a disagreement would go unseen.
    expect(t.warnings()).toEqual([
      `hashcalc: price: ${cg.host} answered too late to be compared (cancelled after the 100 ms grace period); not checked against --max-divergence`,
    ]);
    // The request was given up, not left open (the server sees it closed).
    await vi.waitFor(() => expect(cg.hits[0]?.endMs).toBeDefined());
    await agent.close();
  });

  it('labels a value with the host a cross-host redirect led to, and says so', async () => {
    const target = await startServer(mempoolRoutes());
    const asked = await startServer({
      [MEMPOOL_PATHS.tip]: { status: 302, headers: { location: `${target.url}${MEMPOOL_PATHS.tip}` } },
    });
    const bci = await startServer(blockchainInfoRoutes());
    servers = [target, asked, bci];
    const agent = new Agent();
    const t = testContext({ nowMs: NOW, dispatcher: agent });
    const net = await obtain(
      {
        ...base,
        want: ['heightBlocks'],
        optional: [],
        sources: { mempoolUrl: asked.url, blockchainInfoUrl: bci.url, blockchainInfoApiUrl: bci.url },
      },
      t.ctx,
    );
    await agent.close();
    expect(net.heightBlocks).toMatchObject({ value: 927_000, source: 'mempool', host: target.host });
    expect(t.warnings()).toEqual([
      `hashcalc: height: ${asked.host} redirected to ${target.host}; labelled ${target.host}`,
    ]);
  });

  it('calls the progress hook around the fetch, with the hosts asked', async () => {
    mocks = mockSources();
    const seen: string[] = [];
    const t = testContext({ nowMs: NOW, dispatcher: mocks.agent });
    await obtain(
      {
        ...base,
        onFetch: (hosts) => {
          seen.push(`start ${hosts.join(',')}`);
          return () => seen.push('stop');
        },
      },
      t.ctx,
    );
    expect(seen).toEqual(['start mempool.space', 'stop']);
  });
});
