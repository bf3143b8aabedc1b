/**
 * Live network data end to end: the CLI in-process (`run(argv, ctx)`, as the binary runs it, with the
 * production dispatcher) against loopback servers serving the API fixtures (never the internet), with a
 * private cache directory per test. The built binary only where the process matters (what it loads).
 */
import { execFile } from 'node:child_process';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Agent } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/program.js';
import { readCache } from '../../src/data/cache.js';
import { hashpriceOutputSchema, networkOutputSchema } from '../../src/report/schemas.js';
import { childEnv } from '../child-env.js';
import { TEST_NOW_MS } from '../clock.js';
import { tempDir, testContext } from '../data/helpers/context.js';
import {
  BCI_PATHS,
  blockchainInfoRoutes,
  COINGECKO_PATH,
  coingeckoRoutes,
  MEMPOOL_PATHS,
  mempoolRoutes,
} from '../data/helpers/fixtures.js';
import {
  closedPort,
  hang,
  type LoopbackServer,
  type RouteSpec,
  startServer,
} from '../data/helpers/server.js';
import { BIN, cliContext } from './run-cli.js';

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

/** A user's environment minus hashcalc's variables and proxies, with a private home, then `env`. */
function userEnv(env: Record<string, string | undefined>): Record<string, string> {
  const clean: Record<string, string | undefined> = { ...process.env };
  for (const key of Object.keys(clean)) {
    if (key.startsWith('HASHCALC_') || /^(https?|no)_proxy$/i.test(key)) delete clean[key];
  }
  for (const key of ['FORCE_COLOR', 'NO_COLOR', 'CI']) delete clean[key];
  const home = tempDir('hashcalc-cli-');
  const merged = { ...clean, XDG_CACHE_HOME: home, XDG_CONFIG_HOME: home, HOME: home, ...env };
  return Object.fromEntries(Object.entries(merged).filter((e): e is [string, string] => e[1] !== undefined));
}

/**
 * The CLI in-process on the fixed clock (TEST_NOW_MS, the sources' data times follow it): waits (backoff,
 * Retry-After) return at once and are recorded; the spinner never draws off a TTY.
 */
async function runBin(
  args: readonly string[],
  env: Record<string, string | undefined> = {},
): Promise<Result & { waits: number[] }> {
  const waits: number[] = [];
  const t = cliContext(args, userEnv(env), { sleep: async (ms) => void waits.push(ms) });
  const code = await run(args, t.ctx);
  return { code, stdout: t.stdout(), stderr: t.stderr(), waits };
}

/** The built binary in a child process, for what only a process shows. */
function spawnBin(args: readonly string[], env: Record<string, string | undefined> = {}): Promise<Result> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { env: childEnv(userEnv(env)), timeout: 20_000 },
      (error, stdout, stderr) => {
        const code =
          error && typeof (error as { code?: unknown }).code === 'number'
            ? (error as { code: number }).code
            : 0;
        resolve({ code, stdout: String(stdout), stderr: String(stderr) });
      },
    );
  });
}

let servers: LoopbackServer[] = [];
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

interface Sources {
  mempool: LoopbackServer;
  bci: LoopbackServer;
  cg: LoopbackServer;
  env: Record<string, string>;
  hits(): number;
}

/**
 * The three sources on loopback, with the fixtures (data times moved to just before TEST_NOW_MS, the clock of
 * runBin and testContext) and optional replacements.
 */
async function sources(
  replace: { mempool?: Record<string, RouteSpec>; delayMs?: number } = {},
): Promise<Sources> {
  const now = TEST_NOW_MS;
  const delay = (routes: Record<string, RouteSpec>) =>
    replace.delayMs
      ? Object.fromEntries(
          Object.entries(routes).map(([p, r]) => [p, { ...(r as object), delayMs: replace.delayMs }]),
        )
      : routes;
  const mempool = await startServer({ ...delay(mempoolRoutes(now)), ...replace.mempool });
  const bci = await startServer(delay(blockchainInfoRoutes(now)));
  const cg = await startServer(delay(coingeckoRoutes(now)));
  servers.push(mempool, bci, cg);
  return {
    mempool,
    bci,
    cg,
    env: {
      HASHCALC_MEMPOOL_URL: mempool.url,
      HASHCALC_BLOCKCHAIN_INFO_URL: bci.url,
      HASHCALC_COINGECKO_URL: cg.url,
    },
    hits: () => mempool.hits.length + bci.hits.length + cg.hits.length,
  };
}

/** All three sources refusing connections: a machine with no internet, without touching the internet. */
async function unreachable(): Promise<Record<string, string>> {
  const [a, b, c] = await Promise.all([closedPort(), closedPort(), closedPort()]);
  return {
    HASHCALC_MEMPOOL_URL: `http://127.0.0.1:${a}`,
    HASHCALC_BLOCKCHAIN_INFO_URL: `http://127.0.0.1:${b}`,
    HASHCALC_COINGECKO_URL: `http://127.0.0.1:${c}`,
  };
}

describe('hashcalc network', () => {
  it('prints every figure with its source and age, from a self-hosted mempool', async () => {
    const s = await sources();
    const r = await runBin(['network'], s.env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const line = (label: string) => r.stdout.split('\n').find((l) => l.includes(label)) ?? '';
    expect(line('Height')).toContain('927,000');
    expect(line('Height')).toContain(`${s.mempool.host}, `);
    expect(line('Difficulty')).toContain('149.30T');
    expect(line('BTC price')).toContain('$91,234');
    // 86400e15 / (149301206437464 x 2^32) x (3.125 + 0.0211111) x 91,234 = $38.674/PH/day
    expect(line('Hashprice ($/PH/day)')).toContain('$38.67');
    expect(line('Next retarget (block 927,360)')).toContain('+1.35% est.');
    expect(line('Retarget date (est.)')).toContain('2025-12-10');
    expect(line('Next halving (block 1,050,000)')).toContain('123,000 blocks x 592 s (epoch mean)');
  });

  it('--json has every hashprice --json field plus hashrate, retarget and halving, independently checked', async () => {
    const s = await sources();
    const [network, hashprice] = await Promise.all([
      runBin(['network', '--json'], s.env),
      runBin(['hashprice', '--json'], s.env),
    ]);
    expect(network.code, network.stderr).toBe(0);
    const n = JSON.parse(network.stdout);
    const h = JSON.parse(hashprice.stdout);
    for (const key of Object.keys(h).filter((k) => k !== 'command')) expect(n, key).toHaveProperty(key);
    // The hashprice --json contract holds for the network document too (only `command` differs).
    expect(hashpriceOutputSchema.safeParse({ ...n, command: 'hashprice' }).success).toBe(true);
    expect(() => networkOutputSchema.parse(n)).not.toThrow();
    expect(n.command).toBe('network');
    expect(n.schemaVersion).toBe(1);
    // Same inputs, same hashprice.
    expect(n.hashpriceUsdPerPhDay).toBe(h.hashpriceUsdPerPhDay);
    // 86400e15 / (149301206437464 x 2^32) x (3.125 + 304000000/144/1e8) = 0.000423901175 BTC/PH/day
    expect(n.hashpriceBtcPerPhDay).toBeCloseTo(0.000_423_901_175, 11);
    expect(n.hashpriceUsdPerPhDay).toBeCloseTo(38.674_2, 3);
    // 0.0211111 / 3.1461111 = 0.67102%
    expect(n.feeShare).toBeCloseTo(0.006_710_22, 7);
    // 149301206437464 x 2^32 / 600 = 1.068740e21 H/s
    expect(n.impliedHashrateHs / 1e21).toBeCloseTo(1.068_739_66, 7);
    expect(n.estimatedHashrateHs).toBe(1.0512e21);
    expect(n.retarget).toMatchObject({
      nextRetargetHeight: 927_360,
      remainingBlocks: 360,
      meanBlockIntervalSec: 592,
    });
    expect(n.retarget.progress).toBeCloseTo(1656 / 2016, 10);
    expect(n.retarget.estimatedChange).toBeCloseTo(0.013_513_51, 8);
    expect(n.retarget.estimatedAt).toBe('2025-12-10T23:12:00.000Z');
    expect(n.halving).toMatchObject({
      nextHalvingHeight: 1_050_000,
      blocksRemaining: 123_000,
      subsidyAfterBtc: 1.5625,
      meanBlockIntervalSec: 592,
      intervalBasis: 'current epoch mean',
    });
    // Tip observed now (the run's clock) + 123,000 blocks x 592 s = now + 842.8 days
    expect(Date.parse(n.halving.estimatedAt)).toBe(TEST_NOW_MS + 123_000 * 592_000);
    expect(n.provenance.height).toMatchObject({ source: 'mempool', host: s.mempool.host });
    expect(n.provenance.retarget).toMatchObject({ source: 'mempool' });
    expect(n.provenance.estimatedHashrate).toMatchObject({ source: 'mempool' });
  });

  it('--mempool-url wins over HASHCALC_MEMPOOL_URL, and accepts the instance URL with /api', async () => {
    const s = await sources();
    const r = await runBin(['network', '--json', '--mempool-url', `${s.mempool.url}/api/`], {
      ...s.env,
      HASHCALC_MEMPOOL_URL: `http://127.0.0.1:${await closedPort()}`,
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout).provenance.height.host).toBe(s.mempool.host);
    expect(s.mempool.count(MEMPOOL_PATHS.tip)).toBe(1);
  });

  it('lists the data flags in --help', async () => {
    const r = await runBin(['network', '--help']);
    for (const flag of [
      '--mempool-url',
      '--offline',
      '--refresh',
      '--require-live',
      '--max-age',
      '--timeout',
      '--max-divergence',
    ]) {
      expect(r.stdout).toContain(flag);
    }
    expect(r.stdout).toContain('HASHCALC_MEMPOOL_URL');
  });
});

describe('every command uses live data by default', () => {
  it('compare --mw 341 uses the live hashprice', async () => {
    const s = await sources();
    const r = await runBin(['compare', '--mw', '341', '--json'], s.env);
    expect(r.code, r.stderr).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.network.source).toBe('mempool');
    expect(report.network.hashpriceUsdPerPhDay).toBeCloseTo(38.674_2, 3);
  });

  it('fetches nothing when the flags give every quantity', async () => {
    const s = await sources();
    const r = await runBin(
      [
        'hashprice',
        '--json',
        '--btc-price',
        '90000',
        '--difficulty',
        '150T',
        '--height',
        '930000',
        '--fees-btc',
        '0.02',
      ],
      s.env,
    );
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    expect(s.hits()).toBe(0);
    expect(JSON.parse(r.stdout).source).toBe('flag');
  });

  it('one refresh costs about one round trip, not the sum of nine', async () => {
    const s = await sources({ delayMs: 300 });
    const r = await runBin(['network', '--json'], s.env);
    expect(r.code, r.stderr).toBe(0);
    expect(s.hits()).toBe(9);
    // In sequence: 9 x 300 ms = 2.7 s. Together: every request is made before the first answer arrives.
    const all = [...s.mempool.hits, ...s.bci.hits, ...s.cg.hits];
    expect(Math.max(...all.map((h) => h.startMs))).toBeLessThan(
      Math.min(...all.map((h) => h.endMs ?? Infinity)),
    );
  });
});

describe('offline and failing networks', () => {
  it('with no network, compare still answers at once from the embedded data, in one stderr line', async () => {
    const env = await unreachable();
    const r = await runBin(['compare', '--mw', '341'], env);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('GPU cloud');
    expect(r.waits).toEqual([]); // at once: a refused connection is not retried after a wait
    // One line on where the data came from (height and difficulty of the newest embedded epoch, price of the
    // newest embedded monthly close, the rest of the snapshot); the close (2026-08-01) and the epoch
    // (~2026-06-14) are 48 days apart, within 90: no line about mixed dates.
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^hashcalc: height, difficulty, price, fees, estimated hashrate: .* refused the connection; using the newest embedded difficulty epoch \(from block 953,568, ~2026-06-14, \d+ days old\) for height, difficulty; the newest embedded monthly BTC\/USD close \(2026-07, at 2026-08-01, \d+ days old\) for price; the embedded snapshot of 2026-01-12 \(\d+ days old\) for fees, estimated hashrate$/,
    );
  });

  it('--offline never loads undici; a live run does', async () => {
    // The bundle loads undici with require() on the first fetch: a preloaded hook logs every require to the
    // file its run names. One hook file for every run (atomically replaced), so NODE_OPTIONS is the same
    // each time.
    const hook = join(tmpdir(), 'hashcalc-test-require-hook.cjs');
    const temp = `${hook}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
    writeFileSync(
      temp,
      `const Module = require('node:module');\nconst { appendFileSync } = require('node:fs');\n` +
        `const log = process.env.HASHCALC_TEST_REQUIRE_LOG;\n` +
        `const load = Module._load;\n` +
        `Module._load = function (request, ...rest) {\n` +
        `  if (log) appendFileSync(log, request + '\\n');\n` +
        `  return load.call(this, request, ...rest);\n};\n`,
    );
    renameSync(temp, hook);
    const dir = tempDir('hashcalc-hook-');
    const logs = { offline: join(dir, 'offline.txt'), live: join(dir, 'live.txt') };
    for (const log of Object.values(logs)) writeFileSync(log, '');
    const env = { ...(await unreachable()), NODE_OPTIONS: `--require ${hook}` };
    const [offline, live] = await Promise.all([
      spawnBin(['compare', '--mw', '341', '--offline', '--json'], {
        ...env,
        HASHCALC_TEST_REQUIRE_LOG: logs.offline,
      }),
      spawnBin(['compare', '--mw', '341', '--json'], { ...env, HASHCALC_TEST_REQUIRE_LOG: logs.live }),
    ]);
    expect(offline.code, offline.stderr).toBe(0);
    const offlineLoads = readFileSync(logs.offline, 'utf8').split('\n');
    expect(offlineLoads).toContain('node:fs'); // the hook saw the bundle's requires
    expect(offlineLoads).not.toContain('undici');
    expect(live.code, live.stderr).toBe(0);
    expect(readFileSync(logs.live, 'utf8').split('\n')).toContain('undici');
  });

  it('falls back to the cache when mempool times out, says so, and leaves the cache intact', async () => {
    const s = await sources();
    const cacheDir = tempDir('hashcalc-cache-');
    const first = await runBin(['network', '--json'], { ...s.env, HASHCALC_CACHE_DIR: cacheDir });
    expect(first.code, first.stderr).toBe(0);
    const cached = await readCache(cacheDir);
    expect(Object.keys(cached.entries)).toHaveLength(6);

    // The same instance now hangs (the cache serves only the instance that would be asked).
    for (const path of Object.values(MEMPOOL_PATHS)) s.mempool.route(path, hang);
    const hung = s;
    const env = {
      HASHCALC_MEMPOOL_URL: hung.mempool.url,
      HASHCALC_BLOCKCHAIN_INFO_URL: `http://127.0.0.1:${await closedPort()}`,
      HASHCALC_COINGECKO_URL: `http://127.0.0.1:${await closedPort()}`,
      HASHCALC_CACHE_DIR: cacheDir,
    };
    const r = await runBin(['network', '--json', '--refresh', '--timeout', '500'], env);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      new RegExp(
        `^hashcalc: height, difficulty, price, fees, estimated hashrate, retarget estimate: ${hung.mempool.host} timed out after 500 ms; 127\\.0\\.0\\.1:\\d+, 127\\.0\\.0\\.1:\\d+ refused the connection; using the cache from \\d+ (ms|s) ago$`,
      ),
    );
    const report = JSON.parse(r.stdout);
    expect(report.height).toBe(927_000);
    expect(report.provenance.btcUsd).toMatchObject({
      source: 'cache',
      origin: 'mempool',
      host: s.mempool.host,
    });
    expect(r.waits).toEqual([]); // a timeout is not tried again: the fallback is at once
    const after = await readCache(cacheDir);
    expect(after.problem).toBeUndefined();
    expect(after.entries).toEqual(cached.entries);
  });

  it('--require-live and --max-age exit 1 with one line; --offline uses the snapshot and says so', async () => {
    const env = await unreachable();
    const live = await runBin(['hashprice', '--require-live'], env);
    expect(live.code).toBe(1);
    expect(live.stdout).toBe('');
    expect(live.stderr.trim().split('\n')).toHaveLength(1);
    expect(live.stderr).toMatch(
      /^hashcalc: --require-live: no live height, difficulty, price, fees \(.*refused the connection\)\n$/,
    );

    const old = await runBin(['hashprice', '--offline', '--max-age', '1d'], env);
    expect(old.code).toBe(1);
    expect(old.stdout).toBe('');
    expect(old.stderr).toContain('older than --max-age 1d');

    const offline = await runBin(['hashprice', '--offline', '--json'], env);
    expect(offline.code).toBe(0);
    expect(JSON.parse(offline.stdout).source).toBe('snapshot');
    expect(offline.stderr).toMatch(
      /^hashcalc: offline: using the newest embedded difficulty epoch \(from block 953,568, ~2026-06-14, \d+ days old\) for height, difficulty; the newest embedded monthly BTC\/USD close \(2026-07, at 2026-08-01, \d+ days old\) for price; the embedded snapshot of 2026-01-12 \(\d+ days old\) for fees, estimated hashrate\n$/,
    );
    const viaEnv = await runBin(['hashprice', '--json'], { ...env, HASHCALC_OFFLINE: '1' });
    expect(JSON.parse(viaEnv.stdout).source).toBe('snapshot');
  });

  it('rejects bad data flags with exit 2, one line, before fetching anything', async () => {
    const s = await sources();
    const cases: [string[], string][] = [
      [['--timeout', 'soon'], '--timeout: expected milliseconds from 100 to 120000'],
      [['--timeout', '50'], '--timeout'],
      [['--max-age', 'old'], '--max-age: expected a duration'],
      [['--max-divergence', '150%'], '--max-divergence'],
      [['--mempool-url', 'ftp://umbrel.local'], '--mempool-url: expected an http(s) URL'],
      [['--offline', '--require-live'], '--require-live cannot be combined with --offline'],
      [['--offline', '--refresh'], '--refresh cannot be combined with --offline'],
    ];
    for (const [args, message] of cases) {
      const r = await runBin(['network', ...args], s.env);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toContain(message);
    }
    const env = await runBin(['network'], { ...s.env, HASHCALC_MEMPOOL_URL: 'not a url' });
    expect(env.code).toBe(2);
    expect(env.stderr).toContain('HASHCALC_MEMPOOL_URL: expected an http(s) URL');
    expect(s.hits()).toBe(0);
  });

  it('two concurrent invocations writing the cache leave a valid, complete file', async () => {
    const s = await sources({ delayMs: 50 });
    const cacheDir = tempDir('hashcalc-cache-');
    const env = { ...s.env, HASHCALC_CACHE_DIR: cacheDir };
    const results = await Promise.all([
      runBin(['network', '--json', '--refresh'], env),
      runBin(['network', '--json', '--refresh'], env),
      runBin(['compare', '--mw', '341', '--json', '--refresh'], env),
    ]);
    for (const r of results) expect(r.code, r.stderr).toBe(0);
    const cache = await readCache(cacheDir);
    expect(cache.problem).toBeUndefined();
    expect(Object.keys(cache.entries)).toHaveLength(6);
    expect(cache.entries.heightBlocks?.value).toBe(927_000);
    expect(s.mempool.count(MEMPOOL_PATHS.tip)).toBe(3);
    expect(s.bci.count(BCI_PATHS.count)).toBe(3);
    expect(s.cg.count(COINGECKO_PATH)).toBe(3);
  });
});

describe('progress spinner', () => {
  it('appears on a TTY after ~300 ms, is cleared, and never shows with --json or off a TTY', async () => {
    const s = await sources({ delayMs: 700 });
    const agent = new Agent();
    const runIn = async (args: string[], tty: boolean) => {
      const t = testContext({
        dispatcher: agent,
        stderrIsTTY: tty,
        env: { ...s.env, XDG_CONFIG_HOME: tempDir() },
      });
      const code = await run(args, t.ctx);
      return { code, stderr: t.stderr() };
    };
    // The three at once: each waits ~700 ms for the slow servers.
    const [tty, json, pipe] = await Promise.all([
      runIn(['network'], true),
      runIn(['network', '--json'], true),
      runIn(['network'], false),
    ]);
    expect(tty.code).toBe(0);
    expect(tty.stderr).toMatch(/^\r. fetching network data from 127\.0\.0\.1:\d+…/);
    expect(tty.stderr.endsWith('\r\u001b[K')).toBe(true);
    expect(json.stderr).toBe('');
    expect(pipe.stderr).toBe('');
    await agent.close();

    const fast = await sources();
    const agent2 = new Agent();
    const t = testContext({
      dispatcher: agent2,
      stderrIsTTY: true,
      env: { ...fast.env, XDG_CONFIG_HOME: tempDir() },
    });
    await run(['network'], t.ctx);
    expect(t.stderr()).toBe(''); // answered before the spinner's delay
    await agent2.close();
  });

  it('waits ctx.spinnerDelayMs before drawing: 0 draws at once, Infinity never', async () => {
    const s = await sources({ delayMs: 150 });
    const agent = new Agent();
    const runWith = async (spinnerDelayMs: number) => {
      const t = testContext({
        dispatcher: agent,
        stderrIsTTY: true,
        spinnerDelayMs,
        env: { ...s.env, XDG_CONFIG_HOME: tempDir() },
      });
      expect(await run(['network'], t.ctx)).toBe(0);
      return t.stderr();
    };
    const [now, never] = await Promise.all([runWith(0), runWith(Number.POSITIVE_INFINITY)]);
    expect(now).toMatch(/^\r. fetching network data from 127\.0\.0\.1:\d+…/);
    expect(now.endsWith('\r\u001b[K')).toBe(true);
    expect(never).toBe('');
    await agent.close();
  });
});
