/** The seam between the data layer and everything else: a NetworkSnapshot with provenance per quantity. */

export type SourceId = 'mempool' | 'blockchain.info' | 'coingecko' | 'cache' | 'snapshot' | 'flag';

export interface Sourced<T> {
  value: T;
  source: SourceId;
  /** Unix ms the value describes (data time, not fetch time). */
  asOfMs: number;
  /** For cache: which live source it originally came from. */
  origin?: SourceId;
}

export interface RetargetEstimate {
  progress: number;
  /** Estimated difficulty change at the next retarget, as a ratio (0.02 = +2%). */
  estimatedChange: number;
  estimatedAtMs: number;
  nextRetargetHeight: number;
  remainingBlocks: number;
  /** Mean block interval in the current epoch, seconds. */
  meanBlockIntervalSec: number;
}

export interface NetworkSnapshot {
  heightBlocks: Sourced<number>;
  difficulty: Sourced<number>;
  btcUsd: Sourced<number>;
  avgFeesBtcPerBlock: Sourced<number>;
  /** Estimated (not difficulty-implied) network hashrate; null when unknown. */
  estimatedHashrateHs: Sourced<number> | null;
  retarget: Sourced<RetargetEstimate> | null;
}

export type NetworkQuantity = 'heightBlocks' | 'difficulty' | 'btcUsd' | 'avgFeesBtcPerBlock';
