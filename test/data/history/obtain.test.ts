/**
 * obtainHistory against a loopback mempool instance serving fixtures/mempool/history/ (helpers.ts): the
 * daily values reconstructed on several dates (the working in the comments, from the fixture rows), the
 * cache fetching only the days since, a corrupt cache refetched, offline with and without a cache, failed
 * sources. No real sleeps: ctx.sleep returns at once, backoffs are 1 ms.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { MockAgent } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { historyCachePath, readHistoryCache } from '../../../src/data/history/cache.js';
import { obtainHistory } from '../../../src/data/history/obtain.js';
import type { HistoryDay, HistoryResult } from '../../../src/data/history/types.js';
import { DataError, UsageError } from '../../../src/errors.js';
import { testContext } from '../helpers/context.js';
import { type LoopbackServer, startServer } from '../helpers/server.js';
import { clock, history, historyRoutes, NOW1, NOW2, PATHS, recorder, request } from './helpers.js';

const MIN = 60_000;
const DAY = 86_400_000;
const fast = { http: { backoffMs: 1 } };
const noSleep = async () => {};

let server: LoopbackServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

function dayOf(result: HistoryResult | null, date: string): HistoryDay | undefined {
  return result?.days.find((d) => d.date === date);
}

/** A context whose dispatcher fails the test if anything is requested. */
function noNetwork(): unknown {
  return new Proxy(
    {},
    {
      get() {
        throw new Error('the network was used');
      },
    },
  );
}

async function firstRun() {
  server = await startServer(historyRoutes());
  const time = clock(NOW1);
  const t = testContext({ nowMs: time.now, sleep: noSleep });
  const rec = recorder();
  const result = await obtainHistory(request(server.url), t.ctx, { ...fast, onRequest: rec.onRequest });
  return { server, time, t, rec, result };
}

describe('the first run: all of history, one request per route', () => {
  it('asks each route once, for all of history', async () => {
    const { server, rec, result } = await firstRun();
    expect(rec.paths().sort()).toEqual([
      '/api/v1/historical-price?currency=USD',
      '/api/v1/mining/blocks/fees/all',
      '/api/v1/mining/difficulty-adjustments',
    ]);
    expect(server.hits).toHaveLength(3);
    expect(result?.source).toBe('mempool');
    expect(result?.host).toBe(server.host);
    expect(result?.notes).toEqual([]);
    // The newest data: the fetch, 2025-12-09 12:00 (the current day is partial).
    expect(result?.asOfMs).toBe(NOW1);
  });

  it('reconstructs the daily values (hand-checked against the fixture rows)', async () => {
    const { result } = await firstRun();
    // One entry per day from 2025-11-10 to the current day 2025-12-09: 30 days, ascending, no gap.
    expect(result?.days.map((d) => d.date)).toHaveLength(30);
    expect(result?.days[0]?.date).toBe('2025-11-10');
    expect(result?.days.at(-1)?.date).toBe('2025-12-09');

    // 2025-11-21 (the low of the late-2025 hashprice):
    // - difficulty: the newest retarget before 2025-11-22 00:00 is [1762972230, 923328, 152271405447597.38]
    //   (2025-11-12 18:30:30); the next, 925,344, is on 2025-11-27.
    // - fees: the day's bucket {avgHeight 924575, timestamp 1763727002 (12:10:02), avgFees 2409007} -> 2409007
    //   sats / 1e8 = 0.02409007 BTC per block.
    // - price: the last row before 2025-11-22 00:00 is 23:00 {time 1763766000, USD 84889} (00:00 is the next day's).
    // - heightEnd: no per-block data, so between the means of 11-21 (1763727002, 924575) and 11-22
    //   (1763810368, 924717) at 1763769600: 924575 + 142 * 42598 / 83366 = 924647.56 -> 924647 (the chain
    //   behind the fixture ends the day at 924,651: within 4 blocks).
    expect(dayOf(result, '2025-11-21')).toEqual({
      date: '2025-11-21',
      difficulty: 152271405447597.38,
      avgFeesBtcPerBlock: 0.02409007,
      btcUsd: 84889,
      blocks: null,
      heightEnd: 924647,
    });
    // 2025-11-27: the retarget at 925,344 came at 01:16:48 that day: the difficulty at the day's end is the new
    // one, 149301205959699.9. Fees 1921980 sats = 0.0192198 BTC; price at 23:00, 91862.
    expect(dayOf(result, '2025-11-27')).toMatchObject({
      difficulty: 149301205959699.9,
      avgFeesBtcPerBlock: 0.0192198,
      btcUsd: 91862,
    });
    // 2025-11-12: retarget at 18:30:30: the day ends at 152.27T; 2025-11-11 still at 921,312's 155.97T.
    expect(dayOf(result, '2025-11-12')?.difficulty).toBe(152271405447597.38);
    expect(dayOf(result, '2025-11-11')?.difficulty).toBe(155973032196071.94);
    // Price traps, each day falling back to its 22:00 row: 11-20 23:00 is USD 0 (a price the server rejected):
    // 84371; 11-25 has no 23:00 row: 89974; 11-15 23:00 is -1 (missing): 95651.
    expect(dayOf(result, '2025-11-20')?.btcUsd).toBe(84371);
    expect(dayOf(result, '2025-11-25')?.btcUsd).toBe(89974);
    expect(dayOf(result, '2025-11-15')?.btcUsd).toBe(95651);
    // 2025-12-08 (settled): heightEnd between the means of 12-08 (1765192889, 926992) and the partial 12-09
    // (1765261963, 927092) at 1765238400: 926992 + 100 * 45511 / 69074 = 927057.9 -> 927057.
    expect(dayOf(result, '2025-12-08')).toMatchObject({
      avgFeesBtcPerBlock: 0.0278,
      btcUsd: 92653,
      heightEnd: 927057,
    });
    // 2025-12-09, the current day at 12:00: the blocks so far (2050000 sats = 0.0205 BTC), the 12:00 price
    // 92515, the height at 12:00 extrapolated from the last mean (1765261963, 927092) at the pace since the
    // 12-08 mean, 100 blocks / 69074 s: 927092 + 19637 * 100 / 69074 = 927120.4 -> 927120.
    expect(dayOf(result, '2025-12-09')).toEqual({
      date: '2025-12-09',
      difficulty: 149301205959699.9,
      avgFeesBtcPerBlock: 0.0205,
      btcUsd: 92515,
      blocks: null,
      heightEnd: 927120,
    });
  });

  it('gives the halving days their estimated end heights (daily buckets have no block counts)', async () => {
    server = await startServer(historyRoutes());
    const t = testContext({ nowMs: NOW1 });
    const result = await obtainHistory(
      request(server.url, { fromDate: '2024-04-19', toDate: '2024-04-21' }),
      t.ctx,
    );
    // 2024-04-19 ends between the day means (1713528012, 839925) and (1713612530, 840080):
    // 839925 + 155 * 43188 / 84518 = 840004.2 -> 840004 (the real last block of the day is 839,999: daily
    // means put the end a few blocks off when the day's block counts differ, here 149 and 161).
    // Difficulty: retarget 838,656 (2024-04-10) 86388558925171.02 until 840,672 on 2024-04-24.
    // Fees 3205117 sats; price: the daily row at 2024-04-19 00:00, 63840 (the last before the day's end).
    expect(dayOf(result, '2024-04-19')).toEqual({
      date: '2024-04-19',
      difficulty: 86388558925171.02,
      avgFeesBtcPerBlock: 0.03205117,
      btcUsd: 63840,
      blocks: null,
      heightEnd: 840004,
    });
    expect(dayOf(result, '2024-04-20')).toMatchObject({ avgFeesBtcPerBlock: 0.57180334, btcUsd: 64940 });
  });

  it('caches the whole history it fetched, settled through the last finished day', async () => {
    const { t } = await firstRun();
    const read = readHistoryCache(t.cacheDir);
    expect(read.problem).toBeUndefined();
    const store = read.store;
    expect(store?.retargets?.rows[0]).toEqual({ timeSec: 1231006505, height: 0, difficulty: 1 });
    expect(store?.retargets?.rows.at(-1)?.height).toBe(925344);
    // Fees from the genesis day; 2025-12-08 settled (fetched 12 h after it ended, blocks of 12-09 listed).
    expect(store?.fees?.days[0]?.date).toBe('2009-01-03');
    expect(store?.fees?.settledThrough).toBe('2025-12-08');
    expect(store?.prices?.days[0]).toEqual({ date: '2010-07-19', usd: 0.08584, timeSec: 1279497600 });
    expect(store?.prices?.settledThrough).toBe('2025-12-08');
  });
});

describe('the HTTP client', () => {
  it("goes through the context's dispatcher (MockAgent at the real host)", async () => {
    const agent = new MockAgent();
    agent.disableNetConnect();
    const pool = agent.get('https://mempool.space');
    const reply = (path: string, name: string) =>
      pool
        .intercept({ path, method: 'GET' })
        .reply(200, history(name), { headers: { 'content-type': 'application/json' } });
    reply('/api/v1/mining/difficulty-adjustments', 'difficulty-adjustments.json');
    reply('/api/v1/mining/blocks/fees/all', 'blocks-fees-all.json');
    reply('/api/v1/historical-price?currency=USD', 'historical-price.json');
    try {
      const t = testContext({ nowMs: NOW1, dispatcher: agent });
      const result = await obtainHistory(request('https://mempool.space'), t.ctx);
      expect(result?.host).toBe('mempool.space');
      expect(dayOf(result, '2025-11-21')?.btcUsd).toBe(84889);
      agent.assertNoPendingInterceptors();
    } finally {
      await agent.close();
    }
  });
});

describe('later runs fetch only the days since', () => {
  it('asks for 1w of retargets, 3d of per-block fees and one price per new day, then nothing', async () => {
    const { server, time, t, rec } = await firstRun();
    rec.urls.length = 0;
    time.set(NOW2);
    const later = await obtainHistory(request(server.url), t.ctx, { ...fast, onRequest: rec.onRequest });
    // 2 days 20 min since the last fetch (+1 day of margin): 1w is the shortest window that reaches back;
    // fees settled through 12-08, and 12-09 00:00 is inside the 3d window (from 12-08 12:20, +1 h of margin);
    // prices settled through 12-08: 12-09, 12-10 (their last second) and 12-11 (now).
    expect(rec.paths().sort()).toEqual([
      '/api/v1/historical-price?currency=USD&timestamp=1765324799',
      '/api/v1/historical-price?currency=USD&timestamp=1765411199',
      '/api/v1/historical-price?currency=USD&timestamp=1765455600',
      '/api/v1/mining/blocks/fees/3d',
      '/api/v1/mining/difficulty-adjustments/1w',
    ]);
    expect(server.count(PATHS.feesAll)).toBe(1);
    expect(server.count(PATHS.retargets)).toBe(1);
    expect(later?.source).toBe('mempool');

    // 2025-12-09 from the 3d per-block rows: 135 blocks with header times in the day (927,058-927,193 but
    // 927,192, whose header time is 2025-12-10 00:00:30, while 927,193's is 2025-12-09 23:59:40: header times
    // are not monotonic). Fees: 2,050,000 sats +150,000 on each of the 67 even heights, -150,000 on the 68 odd
    // ones: 2050000 - 150000 / 135 = 2048888.89 sats. End height: the highest block before midnight, 927,193.
    // Price: historical-price&timestamp=1765324799 -> 23:00, 92212.
    expect(dayOf(later, '2025-12-09')).toEqual({
      date: '2025-12-09',
      difficulty: 149301205959699.9,
      avgFeesBtcPerBlock: (2_050_000 - 150_000 / 135) / 1e8,
      btcUsd: 92212,
      blocks: 135,
      heightEnd: 927193,
    });
    // 2025-12-10: 143 blocks (927,192-927,335 but 927,193), 72 even and 71 odd: 2380000 + 150000 / 143 sats;
    // ends at 927,335; price 90430 (23:00).
    expect(dayOf(later, '2025-12-10')).toEqual({
      date: '2025-12-10',
      difficulty: 149301205959699.9,
      avgFeesBtcPerBlock: (2_380_000 + 150_000 / 143) / 1e8,
      btcUsd: 90430,
      blocks: 143,
      heightEnd: 927335,
    });
    // 2025-12-11 (current): the retarget at 927,360 came at 03:47:42 (the 1w answer): 148195306640204.72. The
    // blocks listed so far are those before the newest price row (12:00): 74, 927,336-927,409, fees 2531000
    // sats (37 even, 37 odd: the base exactly); price 90318 (the 12:00 row, the last before now).
    expect(dayOf(later, '2025-12-11')).toEqual({
      date: '2025-12-11',
      difficulty: 148195306640204.72,
      avgFeesBtcPerBlock: 0.02531,
      btcUsd: 90318,
      blocks: 74,
      heightEnd: 927409,
    });
    // Days from the first run are kept: 2025-11-21 as before.
    expect(dayOf(later, '2025-11-21')).toMatchObject({ avgFeesBtcPerBlock: 0.02409007, btcUsd: 84889 });
    // 12-08's end height now interpolates towards 12-09's mean (1765282869, 927125.007):
    // 926992 + 133.007 * 45511 / 89980 = 927059.3 -> 927059 (true 927,057).
    expect(dayOf(later, '2025-12-08')?.heightEnd).toBe(927059);
    const store = readHistoryCache(t.cacheDir).store;
    expect(store?.fees?.settledThrough).toBe('2025-12-10');
    expect(store?.prices?.settledThrough).toBe('2025-12-10');
    expect(store?.retargets?.rows.at(-1)?.height).toBe(927360);

    // Five minutes later: the cache is fresh, nothing is asked.
    rec.urls.length = 0;
    time.set(NOW2 + 5 * MIN);
    const fresh = await obtainHistory(request(server.url), t.ctx, { ...fast, onRequest: rec.onRequest });
    expect(rec.urls).toEqual([]);
    expect(fresh?.source).toBe('cache');
    expect(fresh?.days).toEqual(later?.days);

    // A day later, a period that ended on 2025-12-01: every day of it is settled in the cache.
    time.set(NOW2 + DAY);
    const past = await obtainHistory(request(server.url, { toDate: '2025-12-01' }), t.ctx, {
      ...fast,
      onRequest: rec.onRequest,
    });
    expect(rec.urls).toEqual([]);
    expect(past?.source).toBe('cache');
    expect(past?.days.at(-1)?.date).toBe('2025-12-01');
    // The data of a finished period is as of its last day's end.
    expect(past?.asOfMs).toBe(Date.UTC(2025, 11, 2));
  });

  it('--refresh asks for all of history again', async () => {
    const { server, time, t, rec } = await firstRun();
    rec.urls.length = 0;
    time.set(NOW1 + 5 * MIN);
    await obtainHistory(request(server.url, { refresh: true }), t.ctx, { onRequest: rec.onRequest });
    expect(rec.paths().sort()).toEqual([
      '/api/v1/historical-price?currency=USD',
      '/api/v1/mining/blocks/fees/all',
      '/api/v1/mining/difficulty-adjustments',
    ]);
  });

  it('refetches all of history after a gap longer than the short windows', async () => {
    const { server, time, t, rec } = await firstRun();
    rec.urls.length = 0;
    // 10 days later: fees beyond 3d, prices beyond 4 days, retargets: 10 + 1 days -> 1m.
    server.route('/api/v1/mining/difficulty-adjustments/1m', {
      headers: { 'content-type': 'application/json' },
      body: history('difficulty-adjustments-1w.json'),
    });
    time.set(NOW1 + 10 * DAY);
    await obtainHistory(request(server.url), t.ctx, { ...fast, onRequest: rec.onRequest });
    expect(rec.paths().sort()).toEqual([
      '/api/v1/historical-price?currency=USD',
      '/api/v1/mining/blocks/fees/all',
      '/api/v1/mining/difficulty-adjustments/1m',
    ]);
  });

  it('serves another instance from its own fetch, not from the cache of the first', async () => {
    const { t } = await firstRun();
    const other = await startServer(historyRoutes());
    try {
      const rec = recorder();
      const result = await obtainHistory(request(`${other.url}/api`), t.ctx, { onRequest: rec.onRequest });
      expect(rec.urls).toHaveLength(3);
      expect(result?.host).toBe(other.host);
      expect(readHistoryCache(t.cacheDir).store?.host).toBe(other.host);
    } finally {
      await other.close();
    }
  });
});

describe('a corrupt cache is refetched, never trusted', () => {
  it.each([
    ['not JSON', '{"version":1,"api":', 'is corrupt (not JSON)'],
    ['an unknown version', '{"version":99}', 'has an unknown layout (version 99)'],
    ['a 0 difficulty in a row', null, 'is corrupt (invalid retargets.rows)'],
  ])('%s: a note, all of history fetched, the file rewritten', async (_name, text, problem) => {
    server = await startServer(historyRoutes());
    const t = testContext({ nowMs: NOW1 });
    const file = historyCachePath(t.cacheDir);
    if (text === null) {
      // A valid file of this instance with one bad row: the whole file is untrusted.
      await obtainHistory(request(server.url), t.ctx);
      const data = JSON.parse(readFileSync(file, 'utf8'));
      data.retargets.rows[5][2] = 0;
      writeFileSync(file, JSON.stringify(data));
      server.hits.length = 0;
    } else {
      writeFileSync(file, text);
    }
    const rec = recorder();
    const result = await obtainHistory(request(server.url), t.ctx, { onRequest: rec.onRequest });
    expect(result?.notes).toEqual([`history cache file ${file} ${problem}; refetching the history`]);
    expect(rec.urls).toHaveLength(3);
    expect(dayOf(result, '2025-11-21')?.btcUsd).toBe(84889);
    const reread = readHistoryCache(t.cacheDir);
    expect(reread.problem).toBeUndefined();
    expect(reread.store?.retargets?.rows[5]?.difficulty).toBeGreaterThan(0);
  });
});

describe('offline: the cache only', () => {
  it('is null without a cache, and asks nothing', async () => {
    const t = testContext({ nowMs: NOW1, dispatcher: noNetwork() });
    expect(await obtainHistory(request('https://mempool.space', { offline: true }), t.ctx)).toBeNull();
  });

  it('is the cached days with a note, whatever instance they came from', async () => {
    const { server: s, t: first } = await firstRun();
    const t = testContext({ nowMs: NOW1 + 2 * DAY, dispatcher: noNetwork(), cacheDir: first.cacheDir });
    const result = await obtainHistory(request('https://mempool.space', { offline: true }), t.ctx);
    expect(result?.source).toBe('cache');
    expect(result?.host).toBe(s.host);
    expect(result?.notes).toEqual([
      `offline: using the cached history from ${s.host}, fetched 2 days ago (newest day 2025-12-09)`,
    ]);
    // The cache knows the difficulty until its fetch (12-09 12:00): later days have none, and no fees or
    // prices either, so they are absent, not zeros.
    expect(result?.days.at(-1)?.date).toBe('2025-12-09');
    expect(dayOf(result, '2025-11-21')?.btcUsd).toBe(84889);
  });

  it('says so when the cache has none of the requested days', async () => {
    const { t } = await firstRun();
    const offline = testContext({ nowMs: NOW1, dispatcher: noNetwork(), cacheDir: t.cacheDir });
    const result = await obtainHistory(
      request('https://mempool.space', { offline: true, fromDate: '2030-01-01', toDate: '2030-02-01' }),
      offline.ctx,
    );
    expect(result?.days).toEqual([]);
    expect(result?.notes.at(-1)).toBe('the cached history has no days from 2030-01-01 to 2030-02-01');
  });
});

describe('failed sources', () => {
  it('a difficulty of 0 is a failed source: with no cache, no history (DataError, one line)', async () => {
    const rows = JSON.parse(history('difficulty-adjustments.json')) as number[][];
    (rows[0] as number[])[2] = 0;
    server = await startServer(
      historyRoutes({
        [PATHS.retargets]: { headers: { 'content-type': 'application/json' }, body: JSON.stringify(rows) },
      }),
    );
    const t = testContext({ nowMs: NOW1 });
    const error = await obtainHistory(request(server.url), t.ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).message).toBe(
      `difficulty: ${server.host} reported difficulty 0 (its Bitcoin node may be down); no cached difficulty history`,
    );
    // What did arrive is cached for the next run.
    expect(readHistoryCache(t.cacheDir).store?.fees?.days.length).toBeGreaterThan(0);
  });

  it('a difficulty of 0 later: the cached retargets stand, and days after them have no difficulty', async () => {
    const { server: s, time, t } = await firstRun();
    s.route(PATHS.retargets1w, {
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify([[1765424862, 927360, 0, 0]]),
    });
    time.set(NOW2);
    const result = await obtainHistory(request(s.url), t.ctx, fast);
    expect(result?.notes).toEqual([
      `history (difficulty): ${s.host} reported difficulty 0 (its Bitcoin node may be down); using the cached history from 2 days ago`,
    ]);
    expect(result?.source).toBe('mempool');
    // 12-09 began before the cached retargets were fetched (12-09 12:00); 12-10 and 12-11 did not: a retarget
    // since could be missing, so their difficulty is unknown, while their fees and prices are there.
    expect(dayOf(result, '2025-12-09')?.difficulty).toBe(149301205959699.9);
    expect(dayOf(result, '2025-12-10')).toMatchObject({ difficulty: null, btcUsd: 90430, blocks: 143 });
    expect(dayOf(result, '2025-12-11')?.difficulty).toBeNull();
  });

  it('a price route that keeps failing: the days have no USD price, and the note says so', async () => {
    server = await startServer(historyRoutes({ [PATHS.prices]: { status: 503, body: '' } }));
    const waits: number[] = [];
    const t = testContext({ nowMs: NOW1, sleep: async (ms) => void waits.push(ms) });
    const result = await obtainHistory(request(server.url), t.ctx);
    expect(result?.notes).toEqual([
      `history (USD prices): ${server.host} answered HTTP 503 (3 attempts); the days have no USD prices`,
    ]);
    // Backoff through ctx.sleep (250 ms, 500 ms), never a real timer.
    expect(waits).toEqual([250, 500]);
    expect(dayOf(result, '2025-11-21')).toMatchObject({ btcUsd: null, avgFeesBtcPerBlock: 0.02409007 });
  });

  it('an HTML page instead of JSON, and an empty answer, are failed sources', async () => {
    server = await startServer(
      historyRoutes({
        [PATHS.feesAll]: { headers: { 'content-type': 'text/html' }, body: '<html><body>502</body></html>' },
        [PATHS.prices]: {
          headers: { 'content-type': 'application/json' },
          body: '{"prices":[],"exchangeRates":{}}',
        },
      }),
    );
    const t = testContext({ nowMs: NOW1 });
    const result = await obtainHistory(request(server.url), t.ctx);
    expect(result?.notes).toEqual([
      `history (fees): ${server.host} sent an HTML page instead of JSON; the days have no fees`,
      `history (USD prices): ${server.host} sent no USD prices; the days have no USD prices`,
    ]);
    expect(dayOf(result, '2025-11-21')).toMatchObject({
      difficulty: 152271405447597.38,
      avgFeesBtcPerBlock: null,
    });
  });

  it('everything failing falls back to the cache, with one line for the shared reason', async () => {
    const { server: s, time, t } = await firstRun();
    const url = s.url;
    await s.close();
    server = undefined;
    time.set(NOW2);
    const result = await obtainHistory(request(url), t.ctx, fast);
    expect(result?.source).toBe('cache');
    expect(result?.notes).toEqual([
      `history (difficulty, fees, USD prices): ${s.host} refused the connection; using the cached history from 2 days ago`,
    ]);
    expect(dayOf(result, '2025-11-21')?.btcUsd).toBe(84889);
  });

  it('another instance failing: the cache of the first stands in, named as the source', async () => {
    const { server: s, time, t } = await firstRun();
    const other = await startServer({});
    try {
      time.set(NOW2);
      const result = await obtainHistory(request(other.url), t.ctx, fast);
      expect(result?.source).toBe('cache');
      expect(result?.host).toBe(s.host);
      expect(result?.notes).toEqual([
        `history (difficulty, fees, USD prices): ${other.host} answered HTTP 404; using the cached history of ${s.host} from 2 days ago`,
      ]);
      expect(dayOf(result, '2025-11-21')?.btcUsd).toBe(84889);
      // The cache still holds the first instance's history.
      expect(readHistoryCache(t.cacheDir).store?.host).toBe(s.host);
    } finally {
      await other.close();
    }
  });

  it('with no interface up, a remote instance fails at once', async () => {
    const waits: number[] = [];
    const t = testContext({ nowMs: NOW1, sleep: async (ms) => void waits.push(ms) });
    const error = await obtainHistory(request('https://mempool.example'), t.ctx, {
      hasNetwork: () => false,
    }).catch((e: unknown) => e);
    expect(waits).toEqual([]); // at once: nothing tried, nothing waited for
    expect((error as DataError).message).toBe(
      'difficulty, fees, USD prices: mempool.example is unreachable (no network interface is up); no cached difficulty history',
    );
  });

  it('bad dates are usage errors', async () => {
    const t = testContext({ nowMs: NOW1, dispatcher: noNetwork() });
    await expect(obtainHistory(request('x', { fromDate: '2025-02-30' }), t.ctx)).rejects.toThrow(UsageError);
    await expect(
      obtainHistory(
        request('https://mempool.space', { fromDate: '2025-12-02', toDate: '2025-12-01' }),
        t.ctx,
      ),
    ).rejects.toThrow('history from 2025-12-02 is after to 2025-12-01');
  });
});

describe('concurrent runs', () => {
  it('never corrupt the cache, and it holds every day both fetched', async () => {
    server = await startServer(historyRoutes());
    const time = clock(NOW1);
    const cacheDir = testContext().cacheDir;
    const runs = Array.from({ length: 4 }, () =>
      obtainHistory(request(server?.url as string), testContext({ nowMs: time.now, cacheDir }).ctx),
    );
    const results = await Promise.all(runs);
    for (const r of results) expect(r?.days).toHaveLength(32 - 2);
    const read = readHistoryCache(cacheDir);
    expect(read.problem).toBeUndefined();
    expect(read.store?.fees?.settledThrough).toBe('2025-12-08');
  });
});
