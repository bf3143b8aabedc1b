/** The seam between the data layer and everything else: a NetworkSnapshot with provenance per quantity. */

export type SourceId = 'mempool' | 'blockchain.info' | 'coingecko' | 'cache' | 'snapshot' | 'flag';

/** The live sources (the others are fallbacks or the user). */
export type LiveSourceId = 'mempool' | 'blockchain.info' | 'coingecko';

export interface Sourced<T> {
  value: T;
  source: SourceId;
  /** Unix ms the value describes (data time, not fetch time). */
  asOfMs: number;
  /** For cache: which live source it originally came from. */
  origin?: SourceId;
  /** Host that served a live value (or, for cache, the one that originally did), e.g. "umbrel.local:3006". */
  host?: string;
  /** For cache: Unix ms the value was fetched. */
  fetchedAtMs?: number;
  /** For the embedded data: what the figure is and where it comes from (the snapshot's source, or the epoch's). */
  basis?: string;
}

export interface RetargetEstimate {
  /** Share of the current 2016-block epoch mined, 0..1. */
  progress: number;
  /** Estimated difficulty change at the next retarget, as a ratio (0.02 = +2%). */
  estimatedChange: number;
  estimatedAtMs: number;
  nextRetargetHeight: number;
  remainingBlocks: number;
  /** Mean block interval in the current epoch, seconds. */
  meanBlockIntervalSec: number;
}

/** Blocks found per pool over a window (mempool's /api/v1/mining/pools/1w). */
export interface PoolShares {
  pools: { name: string; slug: string; blockCount: number }[];
  /** Blocks in the window, all pools. */
  blockCount: number;
  /** The instance's estimated network hashrate over the window, H/s (never 0: that is a failed source). */
  estimatedHashrateHs: number;
}

export interface NetworkSnapshot {
  heightBlocks: Sourced<number>;
  difficulty: Sourced<number>;
  btcUsd: Sourced<number>;
  avgFeesBtcPerBlock: Sourced<number>;
  /** Estimated (not difficulty-implied) network hashrate; null when unknown. */
  estimatedHashrateHs: Sourced<number> | null;
  retarget: Sourced<RetargetEstimate> | null;
  /** Pool shares of the last week; only a mempool instance has them; null when not asked for or had. */
  pools?: Sourced<PoolShares> | null;
}

export type NetworkQuantity = 'heightBlocks' | 'difficulty' | 'btcUsd' | 'avgFeesBtcPerBlock';

/** Every quantity the data layer can obtain. */
export type Quantity = NetworkQuantity | 'estimatedHashrateHs' | 'retarget' | 'pools';

export interface QuantityValues {
  heightBlocks: number;
  difficulty: number;
  btcUsd: number;
  avgFeesBtcPerBlock: number;
  estimatedHashrateHs: number;
  retarget: RetargetEstimate;
  pools: PoolShares;
}

export const CORE_QUANTITIES: readonly NetworkQuantity[] = [
  'heightBlocks',
  'difficulty',
  'btcUsd',
  'avgFeesBtcPerBlock',
];
export const ALL_QUANTITIES: readonly Quantity[] = [...CORE_QUANTITIES, 'estimatedHashrateHs', 'retarget'];

/** Short names for messages on stderr. */
export const QUANTITY_LABELS: Record<Quantity, string> = {
  heightBlocks: 'height',
  difficulty: 'difficulty',
  btcUsd: 'price',
  avgFeesBtcPerBlock: 'fees',
  estimatedHashrateHs: 'estimated hashrate',
  retarget: 'retarget estimate',
  pools: 'pool shares',
};
