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
