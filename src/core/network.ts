/**
 * What the network's state implies, from plain numbers: subsidy, difficulty-based hashprice, implied
 * hashrate, and the next halving estimated from a block interval chosen with a stated basis. Pure.
 */
import {
  estimateNextHalving,
  type HalvingEstimate,
  impliedHashrateHs,
  subsidyBtc,
  TARGET_BLOCK_INTERVAL_SEC,
} from './bitcoin.js';
import { computeHashprice, type Hashprice } from './hashprice.js';

export interface NetworkState {
  heightBlocks: number;
  difficulty: number;
  btcUsd: number;
  avgFeesBtcPerBlock: number;
}

export interface NetworkFigures {
  subsidyBtc: number;
  hashprice: Hashprice;
  impliedHashrateHs: number;
  impliedHashrateEhs: number;
}

export function networkFigures(state: NetworkState): NetworkFigures {
  const subsidy = subsidyBtc(state.heightBlocks);
  const implied = impliedHashrateHs(state.difficulty);
  return {
    subsidyBtc: subsidy,
    hashprice: computeHashprice({
      difficulty: state.difficulty,
      subsidyBtc: subsidy,
      avgFeesBtcPerBlock: state.avgFeesBtcPerBlock,
      btcUsd: state.btcUsd,
    }),
    impliedHashrateHs: implied,
    impliedHashrateEhs: implied / 1e18,
  };
}

/** An epoch mean outside 5-20 min says more about a young epoch than about the next two years. */
export const PLAUSIBLE_BLOCK_INTERVAL_SEC: readonly [number, number] = [300, 1200];

export interface HalvingOutlook extends HalvingEstimate {
  /** Block interval the estimate assumes, and why. */
  meanBlockIntervalSec: number;
  intervalBasis: 'current epoch mean' | 'target';
}

/**
 * The next halving from the tip height at the time it was observed (never from a clock), at the current
 * epoch's mean block interval when it is plausible, else at the 600 s target.
 */
export function halvingOutlook(
  heightBlocks: number,
  observedAtMs: number,
  epochMeanIntervalSec?: number,
): HalvingOutlook {
  const useEpochMean =
    epochMeanIntervalSec !== undefined &&
    epochMeanIntervalSec >= PLAUSIBLE_BLOCK_INTERVAL_SEC[0] &&
    epochMeanIntervalSec <= PLAUSIBLE_BLOCK_INTERVAL_SEC[1];
  const interval = useEpochMean ? epochMeanIntervalSec : TARGET_BLOCK_INTERVAL_SEC;
  return {
    ...estimateNextHalving(heightBlocks, observedAtMs, interval),
    meanBlockIntervalSec: interval,
    intervalBasis: useEpochMean ? 'current epoch mean' : 'target',
  };
}

export interface CarriedHeight {
  heightBlocks: number;
  /** Blocks added for the time elapsed since the data's time (0 when it is today's). */
  blocksAdded: number;
}

/** Data older than this is carried to today before a projection starts. */
export const CARRY_FORWARD_AFTER_MS = 86_400_000;

/**
 * A projection starts today: a height observed at `asOfMs` is advanced by the time elapsed since, at the
 * 600 s target (difficulty and price are kept), so an old snapshot does not put the halving late.
 */
export function carryHeightForward(heightBlocks: number, asOfMs: number, nowMs: number): CarriedHeight {
  const elapsed = nowMs - asOfMs;
  if (!(elapsed > CARRY_FORWARD_AFTER_MS)) return { heightBlocks, blocksAdded: 0 };
  const blocksAdded = Math.floor(elapsed / 1000 / TARGET_BLOCK_INTERVAL_SEC);
  return { heightBlocks: heightBlocks + blocksAdded, blocksAdded };
}

// ---------------------------------------------------------------------------------------------------------
// What the network sees when hashrate leaves (FACTS section 9; Bitcoin Core's pow.cpp)

export interface ExodusInputs {
  /** Network hashrate before, H/s (difficulty-implied unless told otherwise). */
  networkHashrateHs: number;
  /** Hashrate leaving, H/s (0 <= leaving < network). */
  leavingHashrateHs: number;
  /** Blocks of the current epoch already found, 0..2015. */
  blocksIntoEpoch: number;
  difficulty: number;
  /** Today's difficulty-based hashprice, USD per PH/s per day. */
  hashpriceUsdPerPhDay: number;
}

export interface ExodusResult {
  leavingShare: number;
  /** Block interval before and after the drop (expected), seconds. */
  blockIntervalBeforeSec: number;
  blockIntervalAfterSec: number;
  /** Expected time from now to the retarget at the lower hashrate, and its standard deviation (Gamma). */
  secondsToRetarget: number;
  secondsToRetargetSd: number;
  /** Later than the retarget would have come without the drop. */
  retargetDelaySec: number;
  /** Difficulty change at the retarget, a fraction (-0.11 = -11%), with Bitcoin Core's 4x clamp. */
  difficultyChange: number;
  clamped: boolean;
  /**
   * The epoch after: its block interval, the change at its own retarget, and both retargets together (today's
   * difficulty to the one after the second retarget; unclamped, (2016/2015) x (1 - share leaving) - 1) with the
   * hashprice uplift they give the miners who stay.
   */
  nextEpoch: {
    blockIntervalSec: number;
    difficultyChange: number;
    clamped: boolean;
    difficultyChangeFromNow: number;
    hashpriceUpliftFromNow: number;
  };
  /** Hashprice for the miners who stay: unchanged per PH/s until the retarget, then up by 1/(1 + change) - 1. */
  hashpriceUpliftAfterRetarget: number;
  hashpriceAfterRetargetUsdPerPhDay: number;
  /** The network's revenue per hour at today's hashprice: what matching the network for an hour forgoes. */
  networkRevenueUsdPerHour: { before: number; untilRetarget: number; afterRetarget: number };
}

const EPOCH = 2016;
const TARGET_SPAN_SEC = EPOCH * TARGET_BLOCK_INTERVAL_SEC;

/** The retarget factor (new / old difficulty) for a span of 2015 intervals, clamped to [1/4, 4]. */
function retargetFactor(spanSec: number): { factor: number; clamped: boolean } {
  const clampedSpan = Math.min(TARGET_SPAN_SEC * 4, Math.max(TARGET_SPAN_SEC / 4, spanSec));
  return { factor: TARGET_SPAN_SEC / clampedSpan, clamped: clampedSpan !== spanSec };
}

/**
 * Hashrate falling by a share X with m blocks of the epoch found: blocks then take tau1 = tau0 / (1 - X); the
 * retarget comes after (2016 - m) x tau1 (Gamma-distributed: sd sqrt(2016 - m) x tau1); its span covers
 * (m - 1) intervals at tau0 and (2016 - m) at tau1 (2015 in all), and difficulty moves by T / span, clamped
 * to 4x. Worked (FACTS): X = 20%, m = 1008, tau0 = 600 s -> 8.75 days to the retarget, difficulty -11.07%.
 */
export function exodus(inputs: ExodusInputs): ExodusResult {
  const h0 = inputs.networkHashrateHs;
  const h1 = h0 - inputs.leavingHashrateHs;
  if (!(h0 > 0) || !(h1 > 0)) throw new RangeError('exodus: the hashrate left must stay above 0');
  const m = inputs.blocksIntoEpoch;
  if (!Number.isInteger(m) || m < 0 || m >= EPOCH)
    throw new RangeError('exodus: blocks into the epoch 0..2015');
  const x = inputs.leavingHashrateHs / h0;
  const tau0 = (inputs.difficulty * 2 ** 32) / h0;
  const tau1 = tau0 / (1 - x);
  const remaining = EPOCH - m;
  // At m = 0 the epoch's first block is still to come: 2015 intervals from it, all at the new rate.
  const span = Math.max(0, m - 1) * tau0 + (m === 0 ? EPOCH - 1 : remaining) * tau1;
  const first = retargetFactor(span);
  const difficultyAfter = inputs.difficulty * first.factor;
  const tau2 = (difficultyAfter * 2 ** 32) / h1;
  const second = retargetFactor((EPOCH - 1) * tau2);
  const uplift = 1 / first.factor - 1;
  const phNetwork = (h: number) => h / 1e15;
  const perHour = inputs.hashpriceUsdPerPhDay / 24;
  return {
    leavingShare: x,
    blockIntervalBeforeSec: tau0,
    blockIntervalAfterSec: tau1,
    secondsToRetarget: remaining * tau1,
    secondsToRetargetSd: Math.sqrt(remaining) * tau1,
    retargetDelaySec: remaining * (tau1 - tau0),
    difficultyChange: first.factor - 1,
    clamped: first.clamped,
    nextEpoch: {
      blockIntervalSec: tau2,
      difficultyChange: second.factor - 1,
      clamped: second.clamped,
      difficultyChangeFromNow: first.factor * second.factor - 1,
      hashpriceUpliftFromNow: 1 / (first.factor * second.factor) - 1,
    },
    hashpriceUpliftAfterRetarget: uplift,
    hashpriceAfterRetargetUsdPerPhDay: inputs.hashpriceUsdPerPhDay * (1 + uplift),
    networkRevenueUsdPerHour: {
      before: phNetwork(h0) * perHour,
      untilRetarget: phNetwork(h1) * perHour,
      afterRetarget: phNetwork(h1) * perHour * (1 + uplift),
    },
  };
}

export interface PoolShare {
  name: string;
  /** 0..1 */
  share: number;
}

export interface Concentration {
  topPool: string;
  topShare: number;
  top2Share: number;
  /** Fewest pools whose shares add to more than 50%. */
  nakamotoCoefficient: number;
  /** Herfindahl-Hirschman index: sum of squared shares, 0..1. */
  hhi: number;
}

export function concentration(shares: readonly PoolShare[]): Concentration {
  const sorted = [...shares].filter((p) => p.share > 0).sort((a, b) => b.share - a.share);
  if (sorted.length === 0) throw new RangeError('concentration: no pool has a share');
  let cumulative = 0;
  let nakamoto = 0;
  for (const p of sorted) {
    cumulative += p.share;
    nakamoto++;
    if (cumulative > 0.5) break;
  }
  return {
    topPool: (sorted[0] as PoolShare).name,
    topShare: (sorted[0] as PoolShare).share,
    top2Share: (sorted[0] as PoolShare).share + (sorted[1]?.share ?? 0),
    nakamotoCoefficient: nakamoto,
    hhi: sorted.reduce((s, p) => s + p.share * p.share, 0),
  };
}

/**
 * Pool shares after hashrate of a `leavingShare` of the network leaves from one pool: that pool loses it (never
 * below 0), and every share is renormalized to the smaller network.
 */
export function sharesAfterLeaving(
  shares: readonly PoolShare[],
  pool: string,
  leavingShare: number,
): PoolShare[] {
  const left = shares.map((p) => ({
    ...p,
    share: p.name === pool ? Math.max(0, p.share - leavingShare) : p.share,
  }));
  const total = left.reduce((s, p) => s + p.share, 0);
  return left.map((p) => ({ ...p, share: total > 0 ? p.share / total : 0 }));
}
