/** The history cache file: location, round trip, every row checked, merges, concurrent writers. */
import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { cacheDirectory, cachePath } from '../../../src/data/cache.js';
import {
  HISTORY_CACHE_FILE,
  historyCachePath,
  readHistoryCache,
  storeFromJson,
  storeToJson,
  writeHistoryCache,
} from '../../../src/data/history/cache.js';
import type { DaySeries, HistoryStore, PriceDay } from '../../../src/data/history/store.js';
import { mergeDaySeries } from '../../../src/data/history/store.js';
import { childEnv } from '../../child-env.js';
import { tempDir } from '../helpers/context.js';

const store: HistoryStore = {
  api: 'https://mempool.space/api',
  host: 'mempool.space',
  retargets: {
    fetchedAtMs: Date.UTC(2025, 11, 9, 12),
    rows: [
      { timeSec: 1231006505, height: 0, difficulty: 1 },
      { timeSec: 1764206208, height: 925344, difficulty: 149301205959699.9 },
    ],
  },
  fees: {
    fetchedAtMs: Date.UTC(2025, 11, 9, 12),
    settledThrough: '2025-12-08',
    days: [
      {
        date: '2025-12-08',
        feesSats: 2780000,
        timeSec: 1765192889,
        avgHeight: 926992,
        blocks: null,
        heightEnd: null,
      },
      {
        date: '2025-12-09',
        feesSats: 2048888.89,
        timeSec: 1765282869,
        avgHeight: 927125.007,
        blocks: 135,
        heightEnd: 927193,
      },
    ],
  },
  prices: {
    fetchedAtMs: Date.UTC(2025, 11, 9, 12),
    settledThrough: '2025-12-08',
    days: [{ date: '2025-12-08', usd: 92653, timeSec: 1765234800 }],
  },
};

/** The parsed file, loosely typed for spoiling. */
interface RawFile {
  api?: string;
  retargets: { rows: unknown[][] };
  fees: { days: unknown[][]; fetchedAtMs?: number };
  prices: { days: unknown[][]; settledThrough: unknown };
}

describe('the history cache file', () => {
  it('sits beside the network cache, in the same directory', () => {
    const dir = cacheDirectory({ HOME: '/home/u' }, 'linux') as string;
    expect(historyCachePath(dir)).toBe('/home/u/.cache/hashcalc/history.json');
    expect(join(dir, 'network.json')).toBe(cachePath(dir));
  });

  it('round-trips a store in compact rows with a version', () => {
    const text = storeToJson(store);
    const data = JSON.parse(text);
    expect(data.version).toBe(1);
    expect(data.retargets.rows[1]).toEqual([1764206208, 925344, 149301205959699.9]);
    expect(data.fees.days[1]).toEqual(['2025-12-09', 2048888.89, 1765282869, 927125.007, 135, 927193]);
    expect(data.prices.days[0]).toEqual(['2025-12-08', 92653, 1765234800]);
    expect(storeFromJson(data)).toEqual(store);
  });

  it.each([
    [
      'a row with difficulty 0',
      (d: RawFile) => ((d.retargets.rows[1] as unknown[])[2] = 0),
      'invalid retargets.rows',
    ],
    ['heights out of order', (d: RawFile) => d.retargets.rows.reverse(), 'invalid retargets.rows'],
    ['a bad date', (d: RawFile) => ((d.fees.days[0] as unknown[])[0] = '2025-13-01'), 'invalid fees.days'],
    ['dates out of order', (d: RawFile) => d.fees.days.reverse(), 'invalid fees.days'],
    ['negative fees', (d: RawFile) => ((d.fees.days[0] as unknown[])[1] = -1), 'invalid fees.days'],
    ['a price of 0', (d: RawFile) => ((d.prices.days[0] as unknown[])[1] = 0), 'invalid prices.days'],
    ['a short row', (d: RawFile) => (d.prices.days[0] as unknown[]).pop(), 'invalid prices.days'],
    [
      'a bad settled date',
      (d: RawFile) => (d.prices.settledThrough = 'yesterday'),
      'invalid prices.settledThrough',
    ],
    ['no fetch time', (d: RawFile) => delete d.fees.fetchedAtMs, 'invalid fees.fetchedAtMs'],
    ['no api', (d: RawFile) => delete d.api, 'invalid api'],
  ])('a file with %s is corrupt: never trusted', (_name, spoil, what) => {
    const dir = tempDir();
    const data = JSON.parse(storeToJson(store)) as RawFile;
    spoil(data);
    writeFileSync(historyCachePath(dir), JSON.stringify(data));
    expect(readHistoryCache(dir)).toEqual({
      store: null,
      problem: `history cache file ${historyCachePath(dir)} is corrupt (${what})`,
      rewrite: true,
    });
  });

  it('is absent without a problem, unreadable with one', () => {
    const dir = tempDir();
    expect(readHistoryCache(dir)).toEqual({ store: null, rewrite: false });
    const asDir = tempDir();
    // A directory where the file should be.
    const inner = historyCachePath(asDir);
    mkdirSync(inner);
    expect(readHistoryCache(asDir).problem).toBe(`history cache file ${inner} is not a regular file`);
  });

  it.skipIf(process.platform === 'win32')('never blocks on a FIFO in place of the file', () => {
    const dir = tempDir();
    execFileSync('mkfifo', [historyCachePath(dir)]);
    expect(readHistoryCache(dir)).toMatchObject({
      store: null,
      problem: `history cache file ${historyCachePath(dir)} is not a regular file`,
      rewrite: true,
    });
  });

  it('merges with what is on disk when writing: the union of days, settled records kept', async () => {
    const dir = tempDir();
    await writeHistoryCache(dir, store);
    // A later, incremental write holding only 12-09 (now settled) and 12-10.
    const later: HistoryStore = {
      ...store,
      retargets: {
        fetchedAtMs: Date.UTC(2025, 11, 11, 12),
        rows: [{ timeSec: 1765424862, height: 927360, difficulty: 148195306640204.72 }],
      },
      fees: null,
      prices: {
        fetchedAtMs: Date.UTC(2025, 11, 11, 12),
        settledThrough: '2025-12-10',
        days: [
          { date: '2025-12-09', usd: 92212, timeSec: 1765321200 },
          { date: '2025-12-10', usd: 90430, timeSec: 1765407600 },
        ],
      },
    };
    await writeHistoryCache(dir, later);
    const read = readHistoryCache(dir).store;
    expect(read?.retargets?.rows.map((r) => r.height)).toEqual([0, 925344, 927360]);
    expect(read?.fees).toEqual(store.fees);
    expect(read?.prices?.days.map((d) => d.date)).toEqual(['2025-12-08', '2025-12-09', '2025-12-10']);
    expect(read?.prices?.settledThrough).toBe('2025-12-10');
    expect(readdirSync(dir)).toEqual([HISTORY_CACHE_FILE]);
  });

  it('a settled record is not replaced by a provisional one, even from a later fetch', () => {
    const settled: DaySeries<PriceDay> = {
      fetchedAtMs: 2,
      settledThrough: '2025-12-09',
      days: [{ date: '2025-12-09', usd: 92212, timeSec: 1765321200 }],
    };
    const provisional: DaySeries<PriceDay> = {
      fetchedAtMs: 3,
      settledThrough: null,
      days: [{ date: '2025-12-09', usd: 1, timeSec: 1765300000 }],
    };
    expect(mergeDaySeries(settled, provisional)?.days).toEqual(settled.days);
    expect(mergeDaySeries(provisional, settled)?.settledThrough).toBe('2025-12-09');
  });

  it("replaces another instance's data", async () => {
    const dir = tempDir();
    await writeHistoryCache(dir, store);
    await writeHistoryCache(dir, {
      ...store,
      api: 'http://umbrel.local:3006/api',
      host: 'umbrel.local:3006',
      fees: null,
    });
    const read = readHistoryCache(dir).store;
    expect(read?.host).toBe('umbrel.local:3006');
    expect(read?.fees).toBeNull();
  });

  it("never leaves a broken file when two processes write and read it concurrently, and keeps both's days", async () => {
    const dir = tempDir();
    const script = join(tempDir('hashcalc-history-writer-'), 'history-writer.mjs');
    await build({
      entryPoints: [fileURLToPath(new URL('./history-writer.ts', import.meta.url))],
      outfile: script,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      logLevel: 'error',
    });
    const run = (tag: string) =>
      new Promise<string>((resolve, reject) => {
        execFile(
          process.execPath,
          [script, dir, tag, '40'],
          { env: childEnv(), timeout: 30_000 },
          (error, stdout, stderr) =>
            error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout),
        );
      });
    const outputs = await Promise.all([run('a'), run('b')]);
    for (const out of outputs) expect(out.trim()).toBe('ok 40');
    const read = readHistoryCache(dir);
    expect(read.problem).toBeUndefined();
    expect(() => JSON.parse(readFileSync(historyCachePath(dir), 'utf8'))).not.toThrow();
    // Each write merged with the file as it was: the last one holds the days of both writers, save those a
    // concurrent writer replaced between the other's read and rename (the window is small, rarely hit).
    const dates = read.store?.prices?.days.map((d) => d.date) ?? [];
    expect(dates.some((d) => d.startsWith('2025-01'))).toBe(true);
    expect(dates.some((d) => d.startsWith('2025-02'))).toBe(true);
    expect(readdirSync(dir)).toEqual([HISTORY_CACHE_FILE]);
  });
});

describe('a full-size cache', () => {
  it('all of history (~6,300 days of fees and prices, 470 retargets) reads and builds', async () => {
    const { buildDays } = await import('../../../src/data/history/build.js');
    const start = Date.UTC(2009, 0, 3);
    const dayCount = 6300;
    const date = (i: number) => new Date(start + i * 86_400_000).toISOString().slice(0, 10);
    const big: HistoryStore = {
      ...store,
      retargets: {
        fetchedAtMs: start + dayCount * 86_400_000,
        rows: Array.from({ length: 470 }, (_, i) => ({
          timeSec: Math.round(start / 1000 + i * 13.4 * 86_400),
          height: i * 2016,
          difficulty: 1 + i * 3e11,
        })),
      },
      fees: {
        fetchedAtMs: start + dayCount * 86_400_000,
        settledThrough: date(dayCount - 2),
        days: Array.from({ length: dayCount }, (_, i) => ({
          date: date(i),
          feesSats: 2_000_000 + (i % 97) * 1000,
          timeSec: Math.round(start / 1000 + i * 86_400 + 43_200),
          avgHeight: i * 147 + 73,
          blocks: null,
          heightEnd: null,
        })),
      },
      prices: {
        fetchedAtMs: start + dayCount * 86_400_000,
        settledThrough: date(dayCount - 2),
        days: Array.from({ length: dayCount - 560 }, (_, i) => ({
          date: date(i + 560),
          usd: 0.06 + i * 15,
          timeSec: Math.round(start / 1000 + (i + 560) * 86_400 + 82_800),
        })),
      },
    };
    const dir = tempDir();
    await writeHistoryCache(dir, big);
    const read = readHistoryCache(dir);
    const built = buildDays(read.store as HistoryStore, date(dayCount - 3 * 365 - 1), date(dayCount - 1));
    expect(built.days).toHaveLength(3 * 365 + 1);
    expect(built.days.every((d) => d.difficulty !== null && d.btcUsd !== null && d.heightEnd !== null)).toBe(
      true,
    );
  });
});
