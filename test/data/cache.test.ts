/** The cache file: location, TTLs, atomic writes, corrupt files, concurrent writers. */
import { execFile, execFileSync } from 'node:child_process';
import {
  mkdirSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import {
  CACHE_FILE,
  type CacheEntries,
  cacheDirectory,
  cachePath,
  isFresh,
  MAX_CACHE_BYTES,
  readCache,
  TTL_MS,
  writeCache,
} from '../../src/data/cache.js';
import { UsageError } from '../../src/errors.js';
import { childEnv } from '../child-env.js';
import { tempDir } from './helpers/context.js';

const NOW = Date.UTC(2025, 11, 8, 12, 0, 0);

const sample = (fetchedAtMs = NOW): CacheEntries => ({
  heightBlocks: {
    value: 927_000,
    origin: 'mempool',
    host: 'mempool.space',
    asOfMs: fetchedAtMs,
    fetchedAtMs,
  },
  btcUsd: {
    value: 91_234,
    origin: 'mempool',
    host: 'mempool.space',
    asOfMs: fetchedAtMs - 40_000,
    fetchedAtMs,
  },
});

describe('cache location', () => {
  it('is HASHCALC_CACHE_DIR, else $XDG_CACHE_HOME/hashcalc, else the platform cache dir under HOME', () => {
    expect(cacheDirectory({ HASHCALC_CACHE_DIR: '/tmp/hc', XDG_CACHE_HOME: '/x' })).toBe('/tmp/hc');
    expect(cacheDirectory({ XDG_CACHE_HOME: '/home/u/.xdg-cache' })).toBe(
      join('/home/u/.xdg-cache', 'hashcalc'),
    );
    expect(cacheDirectory({ HOME: '/home/u' }, 'linux')).toBe('/home/u/.cache/hashcalc');
    expect(cacheDirectory({ HOME: '/Users/u' }, 'darwin')).toBe('/Users/u/Library/Caches/hashcalc');
  });

  it('is nowhere without a usable home: never the current directory', () => {
    expect(cacheDirectory({}, 'linux')).toBeNull();
    expect(cacheDirectory({ HOME: '' }, 'linux')).toBeNull();
    expect(cacheDirectory({ HOME: 'relative/dir' }, 'linux')).toBeNull();
    // A relative XDG_CACHE_HOME is ignored (the XDG spec says so), falling back to HOME.
    expect(cacheDirectory({ XDG_CACHE_HOME: 'rel', HOME: '/home/u' }, 'linux')).toBe(
      '/home/u/.cache/hashcalc',
    );
  });
});

describe('cache entries', () => {
  it('round-trips and keeps per-quantity TTLs: price 60 s, the rest 10 min', async () => {
    const dir = tempDir();
    expect(await writeCache(dir, sample())).toBeUndefined();
    const read = await readCache(dir);
    expect(read.problem).toBeUndefined();
    expect(read.entries.heightBlocks?.value).toBe(927_000);
    expect(read.entries.btcUsd).toEqual(sample().btcUsd);
    expect(TTL_MS.btcUsd).toBe(60_000);
    expect(TTL_MS.heightBlocks).toBe(600_000);
    expect(TTL_MS.difficulty).toBe(600_000);
    expect(TTL_MS.avgFeesBtcPerBlock).toBe(600_000);
    const price = read.entries.btcUsd;
    if (!price) throw new Error('missing');
    expect(isFresh('btcUsd', price, NOW + 59_000)).toBe(true);
    expect(isFresh('btcUsd', price, NOW + 61_000)).toBe(false);
    expect(isFresh('heightBlocks', price, NOW + 9 * 60_000)).toBe(true);
    expect(isFresh('heightBlocks', price, NOW + 11 * 60_000)).toBe(false);
    expect(isFresh('heightBlocks', price, NOW - 5_000)).toBe(false); // fetched "in the future": clock moved
  });

  it('merges with the file on disk: the newer fetch wins per quantity', async () => {
    const dir = tempDir();
    await writeCache(dir, sample(NOW));
    await writeCache(dir, {
      btcUsd: { value: 90_000, origin: 'coingecko', asOfMs: NOW - 1, fetchedAtMs: NOW - 1 },
    });
    await writeCache(dir, {
      difficulty: { value: 149_301_206_437_464, origin: 'blockchain.info', asOfMs: NOW, fetchedAtMs: NOW },
    });
    const { entries } = await readCache(dir);
    expect(entries.btcUsd?.value).toBe(91_234); // the older write did not replace it
    expect(entries.heightBlocks?.value).toBe(927_000);
    expect(entries.difficulty?.origin).toBe('blockchain.info');
  });

  it('ignores a missing file silently', async () => {
    expect(await readCache(tempDir())).toEqual({ entries: {}, stored: {}, rewrite: false });
  });

  it('ignores a corrupt file with a warning, and the next write replaces it', async () => {
    const dir = tempDir();
    writeFileSync(cachePath(dir), '{"version":1,"entries":{"heightBl');
    const read = await readCache(dir);
    expect(read.entries).toEqual({});
    expect(read.rewrite).toBe(true);
    expect(read.problem).toBe(
      `cache file ${cachePath(dir)} is corrupt (not JSON); ignoring it and rewriting it`,
    );
    await writeCache(dir, sample());
    expect((await readCache(dir)).problem).toBeUndefined();
  });

  it('drops invalid entries (a cached difficulty 0 is no better than a live one) and unknown layouts', async () => {
    const dir = tempDir();
    writeFileSync(
      cachePath(dir),
      JSON.stringify({
        version: 2,
        entries: {
          heightBlocks: [sample().heightBlocks],
          difficulty: [{ value: 0, origin: 'mempool', asOfMs: NOW, fetchedAtMs: NOW }],
          btcUsd: [{ value: '91234', origin: 'mempool', asOfMs: NOW, fetchedAtMs: NOW }],
        },
      }),
    );
    const read = await readCache(dir);
    expect(Object.keys(read.entries)).toEqual(['heightBlocks']);
    expect(read.problem).toBe(`cache file ${cachePath(dir)} has 2 invalid entries; ignoring them`);
    writeFileSync(cachePath(dir), JSON.stringify({ version: 99, entries: {} }));
    expect((await readCache(dir)).problem).toContain('has an unknown layout');
  });

  it('keeps one entry per source and instance, and serves a scope only its own instances', async () => {
    const dir = tempDir();
    const at = (instance: string, value: number, fetchedAtMs: number) => ({
      difficulty: {
        value,
        origin: 'mempool' as const,
        host: 'mempool.space',
        instance,
        asOfMs: fetchedAtMs,
        fetchedAtMs,
      },
    });
    await writeCache(dir, at('mempool.space/testnet4/api', 120e12, NOW));
    await writeCache(dir, at('mempool.space/api', 149e12, NOW - 60_000));
    const scope = (instance: string) => [{ origin: 'mempool' as const, host: 'mempool.space', instance }];
    expect((await readCache(dir, scope('mempool.space/api'))).entries.difficulty?.value).toBe(149e12);
    expect((await readCache(dir, scope('mempool.space/testnet4/api'))).entries.difficulty?.value).toBe(
      120e12,
    );
    expect((await readCache(dir, scope('umbrel.local:3006/api'))).entries).toEqual({});
    // A version-1 file (one entry per quantity, whatever the instance) is trusted for none: rewritten silently.
    writeFileSync(
      cachePath(dir),
      JSON.stringify({ version: 1, entries: { difficulty: sample().heightBlocks } }),
    );
    expect(await readCache(dir)).toEqual({ entries: {}, stored: {}, rewrite: true });
  });

  it('reports an unreadable file (a directory in its place) and a failed write, without throwing', async () => {
    const dir = tempDir();
    mkdirSync(cachePath(dir));
    expect((await readCache(dir)).problem).toMatch(/is not a regular file|is unreadable \(EISDIR\)/);
    const problem = await writeCache(dir, sample());
    expect(problem).toMatch(/^could not write the cache file .* \((EISDIR|EPERM|ENOTEMPTY|EEXIST)\)$/);
    // No temp file is left behind.
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('never leaves a broken file when many writers race in one process', async () => {
    const dir = tempDir();
    const writes = Array.from({ length: 40 }, (_, i) =>
      writeCache(dir, {
        btcUsd: { value: 90_000 + i, origin: 'mempool', asOfMs: NOW + i, fetchedAtMs: NOW + i },
      }),
    );
    expect(await Promise.all(writes)).toEqual(Array(40).fill(undefined));
    const read = await readCache(dir);
    expect(read.problem).toBeUndefined();
    expect(read.entries.btcUsd?.value).toBeGreaterThanOrEqual(90_000);
    expect(readdirSync(dir)).toEqual([CACHE_FILE]);
  });

  it('never leaves a broken file when two processes write and read it concurrently', async () => {
    const dir = tempDir();
    const script = join(tempDir('hashcalc-writer-'), 'cache-writer.mjs');
    await build({
      entryPoints: [fileURLToPath(new URL('./helpers/cache-writer.ts', import.meta.url))],
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
          [script, dir, tag, '60'],
          { env: childEnv(), timeout: 30_000 },
          (error, stdout) => (error ? reject(error) : resolve(stdout)),
        );
      });
    const outputs = await Promise.all([run('a'), run('b')]);
    // Each writer re-read the file after every write: it always parsed.
    for (const out of outputs) expect(out.trim()).toBe('ok 60');
    const text = readFileSync(cachePath(dir), 'utf8');
    expect(() => JSON.parse(text)).not.toThrow();
    expect((await readCache(dir)).problem).toBeUndefined();
    expect(readdirSync(dir)).toEqual([CACHE_FILE]);
  });

  it.skipIf(process.platform === 'win32')(
    'never blocks on a FIFO or a device in place of the file: ignored with a note, then replaced',
    async () => {
      const dir = tempDir();
      execFileSync('mkfifo', [cachePath(dir)]);
      const fifo = await readCache(dir);
      expect(fifo.problem).toBe(
        `cache file ${cachePath(dir)} is not a regular file; ignoring it and rewriting it`,
      );
      expect(fifo.rewrite).toBe(true);
      expect(await writeCache(dir, sample())).toBeUndefined();
      expect((await readCache(dir)).entries.heightBlocks?.value).toBe(927_000);
      const device = tempDir();
      symlinkSync('/dev/zero', cachePath(device)); // endless: a plain read never returns
      expect((await readCache(device)).problem).toContain('is not a regular file');
    },
  );

  it('ignores a cache file over 1 MiB with a note (a valid one too), and rewrites it', async () => {
    const dir = tempDir();
    const body = JSON.stringify({ version: 2, entries: {} });
    writeFileSync(cachePath(dir), body + ' '.repeat(MAX_CACHE_BYTES + 512 * 1024));
    const read = await readCache(dir);
    expect(read.problem).toBe(
      `cache file ${cachePath(dir)} is larger than 1 MiB (1.5 MiB); ignoring it and rewriting it`,
    );
    expect(read.rewrite).toBe(true);
  });

  it('removes temp files of interrupted writes older than a minute, never a recent one', async () => {
    const dir = tempDir();
    const stale = join(dir, `.${CACHE_FILE}.4242.1700000000000.1.abc.tmp`);
    const recent = join(dir, `.${CACHE_FILE}.4243.1700000000000.1.def.tmp`);
    const other = join(dir, '.history.json.old.tmp');
    for (const f of [stale, recent, other]) writeFileSync(f, '{');
    // Five minutes before the filesystem's "now" (the writer ages temp files by the filesystem's clock).
    const old = new Date(statSync(recent).mtimeMs - 5 * 60_000);
    utimesSync(stale, old, old);
    utimesSync(other, old, old);
    expect(await writeCache(dir, sample())).toBeUndefined();
    expect(readdirSync(dir).sort()).toEqual(
      [recent, other, cachePath(dir)].map((f) => f.slice(dir.length + 1)).sort(),
    );
  });

  it('requires HASHCALC_CACHE_DIR to be absolute: a one-line usage error naming the variable', () => {
    const error = (() => {
      try {
        cacheDirectory({ HASHCALC_CACHE_DIR: '.' });
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(UsageError);
    expect((error as UsageError).exitCode).toBe(2);
    expect((error as UsageError).message).toBe('HASHCALC_CACHE_DIR: expected an absolute path, got "."');
  });
});
