/**
 * mempool.space, or a self-hosted instance (Umbrel, Start9, RaspiBlitz): the same API under `<base>/api`.
 * Shapes and traps (reference facts, section 3):
 * - /api/blocks/tip/height is a plain-text integer.
 * - /api/v1/mining/hashrate/3d: currentHashrate (H/s) and currentDifficulty are 0 when the instance's Bitcoin
 *   Core is unreachable; a 0 is a failed source, never a divisor.
 * - /api/v1/mining/reward-stats/144: totalReward/totalFee/totalTx are decimal STRINGS in satoshis (a SQL SUM);
 *   startBlock/endBlock are the MIN and MAX height of the blocks summed.
 * - /api/v1/prices: { time (Unix s), USD, EUR, ... }; a currency is -1 when unknown.
 * - /api/v1/difficulty-adjustment: progressPercent and difficultyChange in percent; estimatedRetargetDate in
 *   Unix ms (older versions: seconds); timeAvg in ms.
 */
import * as z from 'zod/mini';
import { SATS_PER_BTC } from '../../core/bitcoin.js';
import {
  checkBtcUsd,
  checkDifficulty,
  checkFees,
  checkHashrate,
  checkHeight,
  checkPools,
  checkRetarget,
  invalid,
} from '../sanity.js';
import type { Quantity } from '../types.js';
import { type Endpoint, hostOf, type Provider, parseJson, parseNumberText, provider } from './common.js';
import { instanceOf, mempoolApiBase } from './instances.js';

export { DEFAULT_MEMPOOL_URL, mempoolApiBase } from './instances.js';
export const FEE_WINDOW_BLOCKS = 144;

export const hashrateSchema = z.object({
  // The history arrays are not used; only their presence is checked.
  hashrates: z.array(z.unknown()),
  difficulty: z.array(z.unknown()),
  currentHashrate: z.number(),
  currentDifficulty: z.number(),
});

const satsText = z.union([z.string().check(z.regex(/^\d+$/)), z.number().check(z.gte(0))]);

export const rewardStatsSchema = z.object({
  startBlock: z.number(),
  endBlock: z.number(),
  totalReward: satsText,
  totalFee: satsText,
  totalTx: satsText,
});

export const pricesSchema = z.object({
  time: z.number(),
  USD: z.number(),
});

export const difficultyAdjustmentSchema = z.object({
  progressPercent: z.number(),
  difficultyChange: z.number(),
  estimatedRetargetDate: z.number(),
  remainingBlocks: z.number(),
  remainingTime: z.number(),
  previousRetarget: z.optional(z.nullable(z.number())),
  previousTime: z.optional(z.nullable(z.number())),
  nextRetargetHeight: z.number(),
  timeAvg: z.number(),
  adjustedTimeAvg: z.optional(z.number()),
  timeOffset: z.optional(z.number()),
  expectedBlocks: z.optional(z.number()),
});

/** /api/v1/mining/pools/1w: blocks per pool over the last week (FACTS section 8). */
export const poolsSchema = z.object({
  pools: z.array(
    z.object({
      name: z.string(),
      slug: z.optional(z.string()),
      blockCount: z.number(),
    }),
  ),
  blockCount: z.number(),
  lastEstimatedHashrate: z.number(),
});

/** Average fees per block in BTC from reward-stats: totalFee sats over the blocks summed. */
export function feesPerBlockBtc(stats: z.infer<typeof rewardStatsSchema>): number {
  const span = stats.endBlock - stats.startBlock + 1;
  if (!Number.isInteger(span) || span < 1)
    throw invalid(`sent an implausible block range (${stats.startBlock}-${stats.endBlock})`);
  const blocks = Math.min(span, FEE_WINDOW_BLOCKS);
  return Number(stats.totalFee) / blocks / SATS_PER_BTC;
}

/** Unix s or ms to ms (the API changed from seconds to milliseconds for estimatedRetargetDate). */
export function toMs(time: number): number {
  return time < 1e12 ? time * 1000 : time;
}

export function mempoolProviders(baseUrl: string): { [Q in Quantity]: Provider<Q>[] } {
  const api = mempoolApiBase(baseUrl);
  const host = hostOf(api);
  const endpoint = <T>(id: string, path: string, parse: Endpoint<T>['parse']): Endpoint<T> => ({
    id: `mempool:${id}`,
    source: 'mempool',
    host,
    instance: instanceOf(api),
    url: `${api}${path}`,
    parse,
  });
  const tip = endpoint('tip-height', '/blocks/tip/height', (r) => parseNumberText(r, 'integer'));
  const hashrate = endpoint('hashrate', '/v1/mining/hashrate/3d', (r) => parseJson(r, hashrateSchema));
  const rewards = endpoint('reward-stats', `/v1/mining/reward-stats/${FEE_WINDOW_BLOCKS}`, (r) =>
    parseJson(r, rewardStatsSchema),
  );
  const prices = endpoint('prices', '/v1/prices', (r) => parseJson(r, pricesSchema));
  const adjustment = endpoint('difficulty-adjustment', '/v1/difficulty-adjustment', (r) =>
    parseJson(r, difficultyAdjustmentSchema),
  );
  const pools = endpoint('pools', '/v1/mining/pools/1w', (r) => parseJson(r, poolsSchema));

  return {
    heightBlocks: [provider(tip, (h, at) => ({ value: checkHeight(h), asOfMs: at }))],
    difficulty: [
      provider(hashrate, (r, at) => ({ value: checkDifficulty(r.currentDifficulty), asOfMs: at })),
    ],
    estimatedHashrateHs: [
      provider(hashrate, (r, at) => ({ value: checkHashrate(r.currentHashrate), asOfMs: at })),
    ],
    avgFeesBtcPerBlock: [
      provider(rewards, (r, at) => ({ value: checkFees(feesPerBlockBtc(r)), asOfMs: at })),
    ],
    btcUsd: [
      provider(prices, (p, at) => {
        const value = checkBtcUsd(p.USD);
        const asOfMs = p.time > 0 ? toMs(p.time) : at;
        return { value, asOfMs: Math.min(asOfMs, at) };
      }),
    ],
    retarget: [
      provider(adjustment, (a, at) => ({
        value: checkRetarget({
          progress: a.progressPercent / 100,
          estimatedChange: a.difficultyChange / 100,
          estimatedAtMs: toMs(a.estimatedRetargetDate),
          nextRetargetHeight: a.nextRetargetHeight,
          remainingBlocks: a.remainingBlocks,
          meanBlockIntervalSec: a.timeAvg > 0 ? a.timeAvg / 1000 : 600,
        }),
        asOfMs: at,
      })),
    ],
    pools: [
      provider(pools, (p, at) => ({
        value: checkPools({
          pools: p.pools.map((x) => ({
            name: x.name,
            slug: x.slug ?? x.name.toLowerCase(),
            blockCount: x.blockCount,
          })),
          blockCount: p.blockCount,
          estimatedHashrateHs: p.lastEstimatedHashrate,
        }),
        asOfMs: at,
      })),
    ],
  };
}
