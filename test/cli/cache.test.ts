/** `hashcalc cache`: the cache directory, what each file holds and how old, and --clear, with a scratch HASHCALC_CACHE_DIR. */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeCache } from '../../src/data/cache.js';
import { writeHistoryCache } from '../../src/data/history/cache.js';
import type { HistoryStore } from '../../src/data/history/store.js';
import { TEST_NOW_MS } from '../clock.js';
import { runCli } from './run-cli.js';

const MIN = 60_000;
/** Long paths wrap in a table: compare with runs of whitespace as one space. */
const flat = (text: string) => text.replace(/\s+/g, ' ');
const scratch = () => mkdtempSync(join(tmpdir(), 'hashcalc-cache-'));

async function cache(dir: string, ...args: string[]) {
  const result = await runCli(['cache', '--json', ...args], { HASHCALC_CACHE_DIR: dir });
  return { ...result, report: JSON.parse(result.stdout) };
}

/** What a network run leaves: two instances (the public one and a self-hosted one), written by the data layer. */
async function networkRun(dir: string): Promise<void> {
  await writeCache(dir, {
    heightBlocks: {
      value: 925_000,
      origin: 'mempool',
      host: 'mempool.space',
      instance: 'mempool.space/api',
      asOfMs: TEST_NOW_MS - 3 * MIN,
      fetchedAtMs: TEST_NOW_MS - 3 * MIN,
    },
    btcUsd: {
      value: 91_000,
      origin: 'coingecko',
      host: 'api.coingecko.com',
      instance: 'api.coingecko.com',
      asOfMs: TEST_NOW_MS - 3 * MIN,
      fetchedAtMs: TEST_NOW_MS - 3 * MIN,
    },
  });
  await writeCache(dir, {
    heightBlocks: {
      value: 924_990,
      origin: 'mempool',
      host: 'umbrel.local',
      instance: 'umbrel.local:3006/api',
      asOfMs: TEST_NOW_MS - 2 * 60 * MIN,
      fetchedAtMs: TEST_NOW_MS - 2 * 60 * MIN,
    },
  });
}

const HISTORY: HistoryStore = {
  api: 'https://mempool.space/api',
  host: 'mempool.space',
  retargets: {
    fetchedAtMs: TEST_NOW_MS - 60 * MIN,
    rows: [
      { timeSec: 1762992000, height: 923328, difficulty: 152.27e12 },
      { timeSec: 1764206208, height: 925344, difficulty: 149.3e12 },
    ],
  },
  fees: null,
  prices: {
    fetchedAtMs: TEST_NOW_MS - 60 * MIN,
    settledThrough: '2025-12-09',
    days: [
      { date: '2025-12-08', usd: 92653, timeSec: 1765234800 },
      { date: '2025-12-09', usd: 90100, timeSec: 1765321200 },
    ],
  },
};

describe('hashcalc cache', () => {
  it('says where the directory is and that it is empty', async () => {
    const dir = scratch();
    const { code, report } = await cache(dir);
    expect(code).toBe(0);
    expect(report.directory).toEqual({ path: dir, from: 'HASHCALC_CACHE_DIR', exists: true, sizeBytes: 0 });
    expect(report.files.map((f: { name: string; status: string }) => [f.name, f.status])).toEqual([
      ['network.json', 'absent'],
      ['history.json', 'absent'],
    ]);
    expect(report.network).toEqual([]);
    expect(report.history).toEqual({ instance: null, series: [] });
    expect(report.cleared).toBeNull();
    const table = await runCli(['cache'], { HASHCALC_CACHE_DIR: dir });
    expect(flat(table.stdout)).toContain(
      `Cache directory: ${dir} (HASHCALC_CACHE_DIR): empty (nothing cached yet)`,
    );
  });

  it('takes $XDG_CACHE_HOME/hashcalc, and says when it does not exist yet', async () => {
    const home = scratch();
    const { stdout } = await runCli(['cache', '--json'], { XDG_CACHE_HOME: home });
    expect(JSON.parse(stdout).directory).toEqual({
      path: join(home, 'hashcalc'),
      from: 'XDG_CACHE_HOME',
      exists: false,
      sizeBytes: 0,
    });
  });

  it('lists network.json per quantity, source and instance with its age, and history.json per series with its days', async () => {
    const dir = scratch();
    await networkRun(dir);
    await writeHistoryCache(dir, HISTORY);
    const { code, report } = await cache(dir);
    expect(code).toBe(0);
    expect(report.files.map((f: { status: string }) => f.status)).toEqual(['valid', 'valid']);
    expect(report.directory.sizeBytes).toBeGreaterThan(0);
    expect(report.network).toEqual([
      {
        quantity: 'btcUsd',
        origin: 'coingecko',
        instance: 'api.coingecko.com',
        asOf: new Date(TEST_NOW_MS - 3 * MIN).toISOString(),
        fetchedAt: new Date(TEST_NOW_MS - 3 * MIN).toISOString(),
        ageSeconds: 180,
        fresh: false, // price lives 60 s
      },
      expect.objectContaining({ quantity: 'heightBlocks', instance: 'mempool.space/api', fresh: true }),
      expect.objectContaining({
        quantity: 'heightBlocks',
        instance: 'umbrel.local:3006/api',
        ageSeconds: 7200,
      }),
    ]);
    expect(report.history).toEqual({
      instance: { api: 'https://mempool.space/api', host: 'mempool.space' },
      series: [
        expect.objectContaining({
          series: 'retargets',
          rows: 2,
          firstDay: '2025-11-13',
          lastDay: '2025-11-27',
        }),
        expect.objectContaining({
          series: 'prices',
          rows: 2,
          firstDay: '2025-12-08',
          lastDay: '2025-12-09',
          ageSeconds: 3600,
        }),
      ],
    });
    const table = (await runCli(['cache'], { HASHCALC_CACHE_DIR: dir })).stdout;
    expect(table).toMatch(/network\.json\s+│ valid/);
    expect(table).toMatch(/height\s+│ mempool\s+│ umbrel\.local:3006\/api\s+│ 2 h ago/);
    expect(table).toMatch(/prices\s+│ 2\s+│ 2025-12-08 │ 2025-12-09 │ 60 min ago/);
    const csv = (await runCli(['cache', '--format', 'csv'], { HASHCALC_CACHE_DIR: dir })).stdout;
    expect(csv.split(/\r?\n/)[0]).toBe(
      'file,what,instance,source,sizeBytes,rows,firstDay,lastDay,asOf,fetchedAt,ageSeconds,fresh',
    );
    expect(csv).toContain('history.json,prices,https://mempool.space/api,mempool,,2,2025-12-08,2025-12-09');
  });

  it('reports a corrupt or foreign file as such, and never reads what is not a regular file', async () => {
    const dir = scratch();
    writeFileSync(join(dir, 'network.json'), '{ "version": 2, "entr');
    writeFileSync(join(dir, 'history.json'), '{ "hello": "world" }\n');
    const { code, report, stderr } = await cache(dir);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(report.files).toEqual([
      expect.objectContaining({
        name: 'network.json',
        status: 'invalid',
        problem: expect.stringContaining('corrupt (not JSON)'),
      }),
      expect.objectContaining({
        name: 'history.json',
        status: 'invalid',
        problem: expect.stringContaining('unknown layout'),
      }),
    ]);
    expect(report.network).toEqual([]);
    const table = (await runCli(['cache'], { HASHCALC_CACHE_DIR: dir })).stdout;
    expect(table).toMatch(/network\.json\s+│ invalid/);
    expect(flat(table)).toContain('is corrupt (not JSON)');
  });

  it.skipIf(process.platform === 'win32')(
    "lists a FIFO in a file's place without opening it, and --clear leaves it",
    async () => {
      const dir = scratch();
      execFileSync('mkfifo', [join(dir, 'network.json')]);
      const { report } = await cache(dir);
      expect(report.files[0]).toMatchObject({ name: 'network.json', status: 'not-a-file' });
      const cleared = await cache(dir, '--clear');
      expect(cleared.report.cleared).toMatchObject({ removed: [], kept: [{ name: 'network.json' }] });
      expect(existsSync(join(dir, 'network.json'))).toBe(true);
    },
  );

  it("--clear removes hashcalc's own files only, says what it removed, and keeps a directory it was given", async () => {
    const dir = scratch();
    await networkRun(dir);
    writeFileSync(join(dir, 'history.json'), 'not json');
    writeFileSync(join(dir, '.network.json.123.456.1.abc.tmp'), '{');
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    mkdirSync(join(dir, 'sub'));
    const { code, report } = await cache(dir, '--clear');
    expect(code).toBe(0);
    expect(report.cleared.removed.map((f: { name: string }) => f.name)).toEqual([
      'network.json',
      'history.json',
      '.network.json.123.456.1.abc.tmp',
    ]);
    expect(report.cleared.directoryRemoved).toBe(false);
    expect(readdirSync(dir).sort()).toEqual(['notes.txt', 'sub']);
    // Again: nothing left to remove.
    const again = await runCli(['cache', '--clear'], { HASHCALC_CACHE_DIR: dir });
    expect(flat(again.stdout)).toContain(`Nothing to remove in ${dir}`);
    // Even an empty directory named by HASHCALC_CACHE_DIR stays.
    const empty = scratch();
    await networkRun(empty);
    const table = await runCli(['cache', '--clear'], { HASHCALC_CACHE_DIR: empty });
    expect(flat(table.stdout)).toMatch(
      new RegExp(`Removed 1 file \\(\\d+ B\\) from ${empty}: network\\.json`),
    );
    expect(existsSync(empty)).toBe(true);
  });

  it('--clear removes its own directory (under $XDG_CACHE_HOME) when it is left empty', async () => {
    const home = scratch();
    const dir = join(home, 'hashcalc');
    await networkRun(dir);
    const { stdout } = await runCli(['cache', '--clear', '--json'], { XDG_CACHE_HOME: home });
    expect(JSON.parse(stdout).cleared).toMatchObject({
      removed: [{ name: 'network.json' }],
      directoryRemoved: true,
    });
    expect(existsSync(dir)).toBe(false);
    expect(existsSync(home)).toBe(true);
  });

  it('takes --clear on the cache command only (exit 2 elsewhere)', async () => {
    const other = await runCli(['hashprice', '--clear', '--offline'], {});
    expect(other.code).toBe(2);
  });
});
