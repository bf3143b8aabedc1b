/**
 * Fault injection for each source, through the whole CLI in-process (`run(argv, ctx)` with an undici Agent
 * on loopback servers serving the fixtures). Every case asserts the exit code, the warning on stderr, the
 * data used (value and source per quantity) and that the cache is intact afterwards.
 *
 * Set-up per case: a cache seeded 20 minutes ago (stale, so live sources are asked) with values distinct
 * from the fixtures, and three servers: mempool, blockchain.info (both /q/ and /stats), CoinGecko.
 * - A mempool fault: the secondaries are healthy, so quantities move to them; the retarget (mempool only)
 *   comes from the cache.
 * - A blockchain.info or CoinGecko fault: mempool refuses connections, so what the faulty source would
 *   have given comes from the cache, and the warning names both failures.
 * Waits between attempts go through ctx.sleep, which records the delays asked for and returns at once, so
 * the matrix costs no backoff time while the backoff arithmetic is still checked; the three sources of a
 * fault run concurrently, so the real deadlines (timeout, slow drip) overlap.
 */
import { Agent } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/program.js';
import { type CacheEntries, readCache, writeCache } from '../../src/data/cache.js';
import { DEFAULT_BACKOFF_MS } from '../../src/data/http.js';
import { TEST_NOW_MS } from '../clock.js';
import { type TestContext, tempDir, testContext } from './helpers/context.js';
import {
  BCI_PATHS,
  blockchainInfoRoutes,
  COINGECKO_PATH,
  coingeckoRoutes,
  fixtureJson,
  fixtureText,
  json,
  MEMPOOL_PATHS,
  mempoolRoutes,
  text,
} from './helpers/fixtures.js';
import {
  closedPort,
  drip,
  hang,
  htmlPage,
  type LoopbackServer,
  oversized,
  type Reply,
  type RouteSpec,
  startServer,
  truncated,
} from './helpers/server.js';

type SourceName = 'mempool' | 'bci' | 'cg';
type Origin = 'mempool' | 'bci' | 'cg' | 'cache';
type Q = 'height' | 'difficulty' | 'btcUsd' | 'fees' | 'hashrate' | 'retarget';

const MIN = 60_000;
let agent: Agent;
beforeAll(async () => {
  agent = new Agent();
  // One healthy run first: loading the modules (from source, on first use) costs hundreds of ms of CPU, which
  // must not eat into the FAULT_TIMEOUT_MS deadlines of the cases running concurrently below.
  await scenario({});
});
afterAll(async () => {
  await agent.close();
});

/** Seeded cache values: distinct from every fixture value. */
function seed(nowMs: number, host: string): CacheEntries {
  const at = nowMs - 20 * MIN;
  const entry = <V>(value: V) => ({
    value,
    origin: 'mempool' as const,
    host,
    asOfMs: at,
    fetchedAtMs: at,
  });
  return {
    heightBlocks: entry(926_990),
    difficulty: entry(148_000_000_000_000),
    btcUsd: entry(90_000),
    avgFeesBtcPerBlock: entry(0.02),
    estimatedHashrateHs: entry(1e21),
    retarget: entry({
      progress: 0.8,
      estimatedChange: 0.01,
      estimatedAtMs: nowMs + 2 * 86_400_000,
      nextRetargetHeight: 927_360,
      remainingBlocks: 370,
      meanBlockIntervalSec: 595,
    }),
  };
}

/** What each origin gives for each quantity (fixtures; cache = seed). */
const EXPECTED: Record<Origin, Partial<Record<Q, number>>> = {
  mempool: {
    height: 927_000,
    difficulty: 149_301_206_437_464,
    btcUsd: 91_234,
    fees: 304_000_000 / 144 / 1e8,
    hashrate: 1.0512e21,
  },
  bci: {
    height: 927_000,
    difficulty: 149_301_206_437_464,
    fees: 310_000_000 / 1e8 / 150,
    hashrate: 1.0498e21,
  },
  cg: { btcUsd: 91_300 },
  cache: { height: 926_990, difficulty: 148e12, btcUsd: 90_000, fees: 0.02, hashrate: 1e21 },
};
const SOURCE_ID: Record<Origin, string> = {
  mempool: 'mempool',
  bci: 'blockchain.info',
  cg: 'coingecko',
  cache: 'cache',
};

interface NetworkJson {
  height: number;
  difficulty: number;
  btcUsd: number;
  avgFeesBtcPerBlock: number;
  estimatedHashrateHs: number | null;
  retarget: { remainingBlocks: number } | null;
  provenance: Record<string, { source: string } | null>;
}

function assertData(report: NetworkJson, origins: Record<Q, Origin>): void {
  const value: Record<Exclude<Q, 'retarget'>, number | null> = {
    height: report.height,
    difficulty: report.difficulty,
    btcUsd: report.btcUsd,
    fees: report.avgFeesBtcPerBlock,
    hashrate: report.estimatedHashrateHs,
  };
  const provenanceKey: Record<Q, string> = {
    height: 'height',
    difficulty: 'difficulty',
    btcUsd: 'btcUsd',
    fees: 'avgFeesBtcPerBlock',
    hashrate: 'estimatedHashrate',
    retarget: 'retarget',
  };
  for (const [q, origin] of Object.entries(origins) as [Q, Origin][]) {
    expect(report.provenance[provenanceKey[q]]?.source, `${q} source`).toBe(SOURCE_ID[origin]);
    if (q === 'retarget') {
      expect(report.retarget?.remainingBlocks, 'retarget').toBe(origin === 'cache' ? 370 : 360);
      continue;
    }
    const expected = EXPECTED[origin][q];
    if (expected === undefined) throw new Error(`no expected ${q} for ${origin}`);
    expect(value[q], q).toBeCloseTo(expected, expected > 1e6 ? -6 : 8);
  }
}

interface Setup {
  mempool?: Record<string, RouteSpec> | 'refused';
  bci?: Record<string, RouteSpec> | 'refused';
  cg?: Record<string, RouteSpec> | 'refused';
  args?: string[];
}

interface Outcome {
  code: number;
  t: TestContext;
  report: NetworkJson;
  hosts: Record<SourceName, string>;
  servers: Record<SourceName, LoopbackServer | undefined>;
  seeded: CacheEntries;
  /** Every wait between attempts the HTTP client asked ctx.sleep for, in ms. */
  delays: number[];
}

async function scenario(setup: Setup): Promise<Outcome> {
  const nowMs = TEST_NOW_MS;
  const dir = tempDir();
  const start = async (spec: Setup[SourceName], routes: Record<string, RouteSpec>) => {
    if (spec === 'refused') return { url: `http://127.0.0.1:${await closedPort()}`, server: undefined };
    const server = await startServer({ ...routes, ...spec });
    return { url: server.url, server };
  };
  const [m, b, c] = await Promise.all([
    start(setup.mempool, mempoolRoutes(nowMs)),
    start(setup.bci, blockchainInfoRoutes(nowMs)),
    start(setup.cg, coingeckoRoutes(nowMs)),
  ]);
  // Seeded as the mempool instance that will be asked: the cache serves only that instance's entries.
  const seeded = seed(nowMs, new URL(m.url).host);
  await writeCache(dir, seeded);
  const delays: number[] = [];
  const t = testContext({
    nowMs,
    dispatcher: agent,
    cacheDir: dir,
    sleep: async (ms) => {
      delays.push(ms);
    },
    env: {
      HASHCALC_MEMPOOL_URL: m.url,
      HASHCALC_BLOCKCHAIN_INFO_URL: b.url,
      HASHCALC_COINGECKO_URL: c.url,
      XDG_CONFIG_HOME: tempDir('hashcalc-config-'),
    },
  });
  const code = await run(['network', '--json', ...(setup.args ?? [])], t.ctx);
  await Promise.all([m.server?.close(), b.server?.close(), c.server?.close()]);
  const host = (url: string) => new URL(url).host;
  return {
    code,
    t,
    report: code === 0 ? (JSON.parse(t.stdout()) as NetworkJson) : ({} as NetworkJson),
    hosts: { mempool: host(m.url), bci: host(b.url), cg: host(c.url) },
    servers: { mempool: m.server, bci: b.server, cg: c.server },
    seeded,
    delays,
  };
}

/** The cache parses, and every quantity served from it still holds the seeded entry. */
async function assertCacheIntact(o: Outcome, fromCache: readonly Q[]): Promise<void> {
  const cache = await readCache(o.t.cacheDir);
  expect(cache.problem).toBeUndefined();
  const key: Record<Q, keyof CacheEntries> = {
    height: 'heightBlocks',
    difficulty: 'difficulty',
    btcUsd: 'btcUsd',
    fees: 'avgFeesBtcPerBlock',
    hashrate: 'estimatedHashrateHs',
    retarget: 'retarget',
  };
  for (const q of fromCache) expect(cache.entries[key[q]], `cache ${q}`).toEqual(o.seeded[key[q]]);
  expect(Object.keys(cache.entries)).toHaveLength(6);
}

// Faults ----------------------------------------------------------------------------------------------------

const all = (paths: readonly string[], spec: RouteSpec) => Object.fromEntries(paths.map((p) => [p, spec]));
const MEMPOOL = Object.values(MEMPOOL_PATHS);
const BCI = Object.values(BCI_PATHS);
const CG = [COINGECKO_PATH];

/** Wrong types: each body has a string where the API has a number. */
const WRONG_TYPES: Record<SourceName, Record<string, RouteSpec>> = {
  mempool: {
    [MEMPOOL_PATHS.tip]: text('n/a'),
    [MEMPOOL_PATHS.hashrate]: json({
      hashrates: [],
      difficulty: [],
      currentHashrate: '1.05e21',
      currentDifficulty: '149301206437464',
    }),
    [MEMPOOL_PATHS.rewards]: json({
      startBlock: '926857',
      endBlock: 927000,
      totalReward: '1',
      totalFee: true,
      totalTx: '1',
    }),
    [MEMPOOL_PATHS.prices]: json({ time: 1765195160, USD: '91234' }),
    [MEMPOOL_PATHS.adjustment]: json({
      ...fixtureJson('mempool/difficulty-adjustment.json'),
      progressPercent: '82.1',
    }),
  },
  bci: {
    [BCI_PATHS.count]: text('"927000"'),
    [BCI_PATHS.difficulty]: text('n/a'),
    [BCI_PATHS.stats]: json({ ...fixtureJson('blockchain-info/stats.json'), hash_rate: '1.0498E12' }),
  },
  cg: { [COINGECKO_PATH]: json({ bitcoin: { usd: '91300' } }) },
};

const truncatedAll = (source: SourceName): Record<string, RouteSpec> => {
  const files: Record<string, string> = {
    [MEMPOOL_PATHS.tip]: 'mempool/tip-height.txt',
    [MEMPOOL_PATHS.hashrate]: 'mempool/hashrate-3d.json',
    [MEMPOOL_PATHS.rewards]: 'mempool/reward-stats-144.json',
    [MEMPOOL_PATHS.prices]: 'mempool/prices.json',
    [MEMPOOL_PATHS.adjustment]: 'mempool/difficulty-adjustment.json',
    [MEMPOOL_PATHS.pools]: 'mempool/pools-1w.json',
    [BCI_PATHS.count]: 'blockchain-info/getblockcount.txt',
    [BCI_PATHS.difficulty]: 'blockchain-info/getdifficulty.txt',
    [BCI_PATHS.stats]: 'blockchain-info/stats.json',
    [COINGECKO_PATH]: 'coingecko/simple-price.json',
  };
  const paths = source === 'mempool' ? MEMPOOL : source === 'bci' ? BCI : CG;
  return Object.fromEntries(paths.map((p) => [p, truncated(fixtureText(files[p] ?? ''))]));
};

type Routes = Record<string, RouteSpec>;

interface Fault {
  name: string;
  /** Routes replacing the source's healthy ones (or 'refused'). */
  routes(source: SourceName): Routes | 'refused';
  /** Text the warning must contain, after the source's host; null: the fault is absorbed (no warning). */
  message: string | null;
  args?: string[];
  /** Which sources this fault applies to. */
  sources?: SourceName[];
  /** Waits asked for per endpoint of the faulty source before its last attempt (default none). */
  delays?: number[];
}

const paths = (source: SourceName) => (source === 'mempool' ? MEMPOOL : source === 'bci' ? BCI : CG);

/**
 * The --timeout of the cases that hang or drip. The healthy sources they fall back to answer under the same
 * deadline: 400 ms was too short on a loaded 2-core machine (a CI run saw the fallbacks time out too).
 */
const FAULT_TIMEOUT_MS = 1500;

const FAULTS: Fault[] = [
  {
    name: 'timeout',
    routes: (s) => all(paths(s), hang),
    message: `timed out after ${FAULT_TIMEOUT_MS} ms`,
    args: ['--timeout', String(FAULT_TIMEOUT_MS)],
  },
  { name: 'refused connection', routes: () => 'refused', message: 'refused the connection' },
  {
    name: '500 then success',
    routes: (s) =>
      Object.fromEntries(
        paths(s).map((p) => [p, [{ status: 500, body: 'Internal Server Error' }, healthy(s)[p] as Reply]]),
      ) as Routes,
    message: null,
    delays: [DEFAULT_BACKOFF_MS],
  },
  {
    name: '429 with Retry-After',
    routes: (s) =>
      Object.fromEntries(
        paths(s).map((p) => [
          p,
          [{ status: 429, headers: { 'retry-after': '1' }, body: '' }, healthy(s)[p] as Reply],
        ]),
      ) as Routes,
    message: null,
    delays: [1000],
  },
  {
    name: '429 asking for longer than hashcalc waits',
    routes: (s) => all(paths(s), { status: 429, headers: { 'retry-after': '3600' }, body: '' }),
    message: 'rate-limited us (HTTP 429, asked to wait 3600 s)',
  },
  {
    name: 'malformed JSON',
    routes: (s) => all(paths(s), json('{"currentDifficulty": 1493012064')),
    message: 'sent malformed JSON',
  },
  {
    name: 'an HTML error page',
    routes: (s) => all(paths(s), htmlPage(200)),
    message: 'sent an HTML page instead of',
  },
  { name: 'wrong types', routes: (s) => WRONG_TYPES[s], message: 'sent unexpected data (' },
  {
    name: 'difficulty 0',
    routes: (s): Routes =>
      s === 'mempool'
        ? {
            [MEMPOOL_PATHS.hashrate]: json({
              hashrates: [],
              difficulty: [],
              currentHashrate: 0,
              currentDifficulty: 0,
            }),
          }
        : { [BCI_PATHS.difficulty]: text('0') },
    message: 'reported difficulty 0 (its Bitcoin node may be down)',
    sources: ['mempool', 'bci'],
  },
  {
    name: 'price -1',
    routes: (s): Routes =>
      s === 'mempool'
        ? { [MEMPOOL_PATHS.prices]: json({ ...fixtureJson('mempool/prices.json'), USD: -1 }) }
        : { [COINGECKO_PATH]: json({ bitcoin: { usd: -1 } }) },
    message: 'reported no USD price (-1)',
    sources: ['mempool', 'cg'],
  },
  {
    name: 'truncated body',
    routes: (s) => truncatedAll(s),
    message: 'cut the response short (3 attempts)',
    delays: [DEFAULT_BACKOFF_MS, 2 * DEFAULT_BACKOFF_MS],
  },
  {
    name: 'oversized body',
    routes: (s) => all(paths(s), oversized(1100 * 1024)),
    message: 'sent more than 1024 KiB',
  },
  {
    name: 'slow drip',
    routes: (s) => all(paths(s), drip(40)),
    message: `timed out after ${FAULT_TIMEOUT_MS} ms`,
    args: ['--timeout', String(FAULT_TIMEOUT_MS)],
  },
];

/** The routes of a healthy answer, data times just before the scenario's clock like the first answers'. */
function healthy(source: SourceName): Record<string, RouteSpec> {
  return source === 'mempool'
    ? mempoolRoutes(TEST_NOW_MS)
    : source === 'bci'
      ? blockchainInfoRoutes(TEST_NOW_MS)
      : coingeckoRoutes(TEST_NOW_MS);
}

/** Which quantities a fault on `source` touches (only those it serves). */
function touched(fault: Fault, source: SourceName): Q[] {
  if (fault.name === 'difficulty 0')
    return source === 'mempool' ? ['difficulty', 'hashrate'] : ['difficulty'];
  if (fault.name === 'price -1') return ['btcUsd'];
  if (source === 'mempool') return ['height', 'difficulty', 'btcUsd', 'fees', 'hashrate', 'retarget'];
  if (source === 'bci') return ['height', 'difficulty', 'fees', 'hashrate'];
  return ['btcUsd'];
}

describe.each(FAULTS)('fault: $name', (fault) => {
  const sources = (fault.sources ?? ['mempool', 'bci', 'cg']) as SourceName[];

  // The sources of one fault at once (each case has its own servers and cache): their deadlines overlap. Not
  // more: the healthy sources must still answer within the FAULT_TIMEOUT_MS --timeout of some cases.
  it.concurrent.each(sources)('on %s', async (source) => {
    const setup: Setup = { args: fault.args ?? [] };
    const faulty = fault.routes(source);
    if (source === 'mempool') setup.mempool = faulty;
    else {
      setup.mempool = 'refused';
      setup[source] = faulty;
    }
    const o = await scenario(setup);
    expect(o.code, o.t.stderr()).toBe(0);

    const hit = touched(fault, source);
    const origins = {} as Record<Q, Origin>;
    if (source === 'mempool') {
      const fallback: Record<Q, Origin> = {
        height: 'bci',
        difficulty: 'bci',
        btcUsd: 'cg',
        fees: 'bci',
        hashrate: 'bci',
        retarget: 'cache',
      };
      for (const q of ['height', 'difficulty', 'btcUsd', 'fees', 'hashrate', 'retarget'] as Q[]) {
        origins[q] = fault.message === null || !hit.includes(q) ? 'mempool' : fallback[q];
      }
    } else {
      // mempool refused: each quantity comes from the secondary when it works, else from the cache.
      const secondary: Record<Q, Origin> = {
        height: 'bci',
        difficulty: 'bci',
        btcUsd: 'cg',
        fees: 'bci',
        hashrate: 'bci',
        retarget: 'cache',
      };
      for (const q of ['height', 'difficulty', 'btcUsd', 'fees', 'hashrate', 'retarget'] as Q[]) {
        const s = secondary[q];
        origins[q] = s === source && fault.message !== null && hit.includes(q) ? 'cache' : s;
      }
    }
    assertData(o.report, origins);

    const warnings = o.t.warnings();
    const faultHost = o.hosts[source];
    if (fault.message === null) {
      // Absorbed by a retry: no failure of this source on stderr; the data is its own.
      expect(warnings.join('\n')).not.toMatch(/answered HTTP|rate-limited/);
      expect(warnings.filter((w) => w.includes(`${faultHost} `))).toEqual([]);
      if (source === 'mempool') expect(warnings).toEqual([]);
    } else {
      const line = warnings.find((w) => w.includes(`${faultHost} `) || w.includes(`${faultHost}, `));
      expect(line, warnings.join('\n')).toBeDefined();
      expect(warnings.join('\n')).toContain(fault.message);
      for (const w of warnings) expect(w).toMatch(/^hashcalc: /);
      expect(warnings.length).toBeLessThanOrEqual(4);
    }

    // The waits between attempts: only on the faulty source (the others answer at once), per endpoint.
    const endpoints = new Set(o.servers[source]?.hits.map((h) => h.path) ?? []).size;
    const expectedDelays = Array.from({ length: endpoints }, () => fault.delays ?? []).flat();
    const sorted = (list: number[]) => [...list].sort((a, b) => a - b);
    expect(sorted(o.delays), 'waits between attempts').toEqual(sorted(expectedDelays));

    const fromCache = (Object.entries(origins) as [Q, Origin][])
      .filter(([, o2]) => o2 === 'cache')
      .map(([q]) => q);
    await assertCacheIntact(o, fromCache);
  });
});

describe('exit codes on data failures', () => {
  it('--require-live exits 1 when mempool is down and the fallbacks fail too', async () => {
    const o = await scenario({ mempool: 'refused', bci: 'refused', cg: 'refused', args: ['--require-live'] });
    expect(o.code).toBe(1);
    expect(o.t.stdout()).toBe('');
    const lines = o.t.warnings();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      /^hashcalc: --require-live: no live height, difficulty, price, fees, estimated hashrate, retarget estimate \(/,
    );
    expect(lines[0]).toContain(`${o.hosts.mempool}, ${o.hosts.bci}`);
    expect(lines[0]).toContain('refused the connection');
    await assertCacheIntact(o, ['height', 'difficulty', 'btcUsd', 'fees', 'hashrate', 'retarget']);
  });

  it('--max-age exits 1 when the best data (a 20-minute-old cache) is older', async () => {
    const o = await scenario({
      mempool: 'refused',
      bci: 'refused',
      cg: 'refused',
      args: ['--max-age', '5m'],
    });
    expect(o.code).toBe(1);
    expect(o.t.stdout()).toBe('');
    const lines = o.t.warnings();
    expect(lines.at(-1)).toMatch(
      /^hashcalc: height, difficulty, price, fees, estimated hashrate, retarget estimate are older than --max-age 5m \(height from the cache \(from 127\.0\.0\.1:\d+\) is 20 min old\)/,
    );
    await assertCacheIntact(o, ['height', 'difficulty', 'btcUsd', 'fees', 'hashrate', 'retarget']);
  });

  it('a healthy refresh passes --max-age and --require-live, and rewrites the cache with live values', async () => {
    const o = await scenario({ args: ['--max-age', '1h', '--require-live'] });
    expect(o.code, o.t.stderr()).toBe(0);
    expect(o.t.stderr()).toBe('');
    assertData(o.report, {
      height: 'mempool',
      difficulty: 'mempool',
      btcUsd: 'mempool',
      fees: 'mempool',
      hashrate: 'mempool',
      retarget: 'mempool',
    });
    const cache = await readCache(o.t.cacheDir);
    expect(cache.entries.btcUsd?.value).toBe(91_234);
    expect(cache.entries.heightBlocks?.host).toBe(o.hosts.mempool);
  });
});
