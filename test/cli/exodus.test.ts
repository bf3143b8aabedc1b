/** `hashcalc exodus` in-process, live against a loopback mempool serving the real shapes, and offline. */
import { afterEach, describe, expect, it } from 'vitest';
import { exodusOutputSchema } from '../../src/report/exodus-schema.js';
import { TEST_NOW_MS } from '../clock.js';
import {
  blockchainInfoRoutes,
  coingeckoRoutes,
  MEMPOOL_PATHS,
  mempoolRoutes,
} from '../data/helpers/fixtures.js';
import { type LoopbackServer, type RouteSpec, startServer } from '../data/helpers/server.js';
import { runCli } from './run-cli.js';

const servers: LoopbackServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function live(replace: Record<string, RouteSpec> = {}) {
  const now = TEST_NOW_MS; // runCli's clock
  const mempool = await startServer({ ...mempoolRoutes(now), ...replace });
  const bci = await startServer(blockchainInfoRoutes(now));
  const cg = await startServer(coingeckoRoutes(now));
  servers.push(mempool, bci, cg);
  return {
    HASHCALC_MEMPOOL_URL: mempool.url,
    HASHCALC_BLOCKCHAIN_INFO_URL: bci.url,
    HASHCALC_COINGECKO_URL: cg.url,
  };
}

// The fixtures' network: difficulty 149,301,206,437,464 (x 2^32 / 600 = 1,068.76 EH/s), 360 blocks left in the
// epoch (1,656 found); the week's blocks: Foundry USA 302, AntPool 181, ViaBTC 121, F2Pool 101, SpiderPool 81,
// MARA Pool 50, Luxor 40, SECPOOL 40, Binance Pool 30, Braiins Pool 20, Unknown 42 (1,008 in all).
const D = 149_301_206_437_464;
const NETWORK_EHS = (D * 2 ** 32) / 600 / 1e18;
const BLOCKS = [302, 181, 121, 101, 81, 50, 40, 40, 30, 20, 42];

describe('exodus, live', () => {
  it('takes the epoch position from the live estimate and the pools from the last week', async () => {
    const env = await live();
    const { code, stdout, stderr } = await runCli(
      ['exodus', '--ehs', '100', '--pool', 'foundry usa', '--json'],
      env,
    );
    expect(code, stderr).toBe(0);
    const r = exodusOutputSchema.parse(JSON.parse(stdout));
    expect(r.networkEhs).toBeCloseTo(NETWORK_EHS, 6);
    expect(r.leavingShare).toBeCloseTo(100 / NETWORK_EHS, 9);
    expect(r.blocksIntoEpoch).toBe(1656);
    expect(r.blocksIntoEpochBasis).toBe('live');
    // tau1 = 600 / (1 - X); 360 blocks left; span 1,655 x 600 + 360 x tau1
    const x = 100 / NETWORK_EHS;
    const tau1 = 600 / (1 - x);
    expect(r.secondsToRetarget).toBeCloseTo(360 * tau1, 3);
    expect(r.difficultyChange).toBeCloseTo(1_209_600 / (1655 * 600 + 360 * tau1) - 1, 9);
    // Concentration: shares b / 1,008; Foundry + AntPool = 48.0%, + ViaBTC = 59.9%: 3 pools.
    const shares = BLOCKS.map((b) => b / 1008);
    expect(r.pools?.nakamotoCoefficient).toBe(3);
    expect(r.pools?.hhi).toBeCloseTo(
      shares.reduce((s, v) => s + v * v, 0),
      12,
    );
    expect(r.pools?.topShare).toBeCloseTo(302 / 1008, 12);
    expect(r.pools?.top2Share).toBeCloseTo(483 / 1008, 12);
    // After Foundry loses X of the network: (302/1008 - X), all renormalized by 1 - X.
    const after = shares.map((s, i) => (i === 0 ? s - x : s) / (1 - x));
    expect(r.pools?.pool).toBe('Foundry USA');
    expect(r.pools?.after?.hhi).toBeCloseTo(
      after.reduce((s, v) => s + v * v, 0),
      12,
    );
    expect(r.estimatedNetworkEhs).not.toBeNull();
    // 600 / (1 - 100 / 1,068.76) = 661.9 s = 11 min 2 s; 360 x 661.9 s = 2.76 days
    expect(r.summary).toMatch(
      /^If 100\.0 EH\/s leaves now, blocks take 11 min 2 s until the retarget in about 2\.8 days/,
    );
  });

  it('treats a pools answer with 0 hashrate (the node is down) as a failed source, never a divisor', async () => {
    const body = JSON.stringify({
      pools: [{ name: 'Foundry USA', slug: 'foundryusa', blockCount: 1 }],
      blockCount: 1,
      lastEstimatedHashrate: 0,
    });
    const env = await live({
      [MEMPOOL_PATHS.pools]: { status: 200, body, headers: { 'content-type': 'application/json' } },
    });
    const { code, stdout, stderr } = await runCli(['exodus', '--ehs', '10', '--json'], env);
    expect(code, stderr).toBe(0);
    const r = exodusOutputSchema.parse(JSON.parse(stdout));
    expect(r.pools).toBeNull();
    expect(r.poolsNote).toMatch(/needs a mempool instance/);
    expect(stdout).not.toMatch(/NaN|Infinity/);
  });

  it('names the closest pools for an unknown one, exit 2 in one line', async () => {
    const env = await live();
    const { code, stdout, stderr } = await runCli(['exodus', '--ehs', '10', '--pool', 'Foundri'], env);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toEqual([
      "hashcalc: --pool: unknown pool 'Foundri'; did you mean 'Foundry USA'? the largest are 'Foundry USA', 'AntPool', 'ViaBTC', 'F2Pool', 'SpiderPool'",
    ]);
  });
});

describe('exodus, offline', () => {
  it("the site's fleet as in `mining`, the epoch position from the height, and a note that pools need mempool", async () => {
    const { code, stdout } = await runCli(['exodus', '--mw', '341', '--offline', '--json']);
    expect(code).toBe(0);
    const r = exodusOutputSchema.parse(JSON.parse(stdout));
    // 341 / 1.05 MW of S21 XP: 89,097 x 270 TH/s = 24.06 EH/s
    expect(r.leavingEhs).toBeCloseTo((89_097 * 270) / 1e6, 9);
    expect(r.leaving.basis).toBe('site');
    expect(r.blocksIntoEpochBasis).toBe('height');
    expect(r.pools).toBeNull();
    expect(r.poolsNote).toMatch(/needs a mempool instance/);
  });

  it('reaches the clamp with 90% leaving at the start of an epoch', async () => {
    const { stdout } = await runCli([
      'exodus',
      '--offline',
      '--json',
      '--difficulty',
      String(D),
      '--ehs',
      String(0.9 * NETWORK_EHS),
      '--blocks-into-epoch',
      '0',
    ]);
    const r = exodusOutputSchema.parse(JSON.parse(stdout));
    expect(r.difficultyChange).toBeCloseTo(-0.75, 9);
    expect(r.difficultyChangeClamped).toBe(true);
  });

  it('has a table with the plain-language summary', async () => {
    const { code, stdout } = await runCli(['exodus', '--mw', '341', '--offline']);
    expect(code).toBe(0);
    expect(stdout).toMatch(
      /If this 341 MW site's fleet \(Antminer S21 XP\), 24\.1 EH\/s, leaves now, blocks take 10 min/,
    );
    // Both retarget steps and their sum: the split depends on where in the epoch the test clock is, the sum
    // does not. 24.056 EH/s of the 894.30 EH/s that difficulty 124.93T implies is 2.690%:
    // (2016/2015)(1 - 2.690%) - 1 = -2.64% in all, 1 / 0.97358 - 1 = +2.7% for those who stay.
    const summary = stdout.replace(/\n\s+/g, ' ');
    expect(summary).toMatch(
      /difficulty then falls about \d\.\d% at that retarget and falls about \d\.\d% at the one after, down 2\.6% in all, and the remaining miners earn about \d\.\d% more per PH\/s after the first and 2\.7% more after both/,
    );
    for (const line of stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
  });
});

describe('exodus bad input: exit 2, one line', () => {
  it.each([
    [['--ehs', '-1'], '--ehs: expected EH/s above 0'],
    [['--ehs', '5000'], "--ehs: expected hashrate below the network's"],
    [['--blocks-into-epoch', '2016'], '--blocks-into-epoch: expected whole blocks from 0 to 2015'],
    [['--mw', '10', '--ehs', '5'], '--mw and --ehs: give one of --mw'],
  ])('%j', async (args, message) => {
    const { code, stdout, stderr } = await runCli(['exodus', '--offline', ...args]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(stderr).toContain(message);
  });
});
