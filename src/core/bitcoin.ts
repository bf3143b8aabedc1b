/**
 * Bitcoin protocol arithmetic (Bitcoin Core chainparams.cpp, validation.cpp, pow.cpp).
 * Pure: no clock, no I/O. Times are Unix milliseconds passed in by the caller.
 */

export const HALVING_INTERVAL_BLOCKS = 210_000;
export const TARGET_BLOCK_INTERVAL_SEC = 600;
export const BLOCKS_PER_DAY = 86_400 / TARGET_BLOCK_INTERVAL_SEC; // 144
export const RETARGET_INTERVAL_BLOCKS = 2016;
export const RETARGET_CLAMP_FACTOR = 4;
export const SATS_PER_BTC = 100_000_000;
/** Hashes per unit of difficulty: difficulty D means D * 2^32 expected hashes per block. */
export const HASHES_PER_DIFFICULTY = 2 ** 32;
const INITIAL_SUBSIDY_SATS = 5_000_000_000n;

function assertHeight(heightBlocks: number): void {
  if (!Number.isInteger(heightBlocks) || heightBlocks < 0) {
    throw new RangeError(`block height must be a non-negative integer, got ${heightBlocks}`);
  }
}

/** Block subsidy in satoshis at a height: 50 BTC >> halvings, 0 once the shift reaches 64. */
export function subsidySats(heightBlocks: number): number {
  assertHeight(heightBlocks);
  const halvings = Math.floor(heightBlocks / HALVING_INTERVAL_BLOCKS);
  if (halvings >= 64) return 0;
  return Number(INITIAL_SUBSIDY_SATS >> BigInt(halvings));
}

/** subsidyBtc by the number of halvings before a height (a history asks for every day's). */
const SUBSIDY_BTC_BY_HALVINGS: number[] = [];

/** Block subsidy in BTC at a height. */
export function subsidyBtc(heightBlocks: number): number {
  assertHeight(heightBlocks);
  const halvings = Math.floor(heightBlocks / HALVING_INTERVAL_BLOCKS);
  let btc = SUBSIDY_BTC_BY_HALVINGS[halvings];
  if (btc === undefined) {
    btc = subsidySats(heightBlocks) / SATS_PER_BTC;
    SUBSIDY_BTC_BY_HALVINGS[halvings] = btc;
  }
  return btc;
}

/** Height of the next halving strictly after `heightBlocks`. */
export function nextHalvingHeight(heightBlocks: number): number {
  assertHeight(heightBlocks);
  return (Math.floor(heightBlocks / HALVING_INTERVAL_BLOCKS) + 1) * HALVING_INTERVAL_BLOCKS;
}

export interface HalvingEstimate {
  nextHalvingHeight: number;
  blocksRemaining: number;
  /** Estimated Unix ms of the halving block. */
  estimatedAtMs: number;
  subsidyAfterBtc: number;
}

/**
 * Estimated date of the next halving from the tip height, the tip's time and a mean block interval.
 * An estimate, not a constant: it moves with the observed block interval.
 */
export function estimateNextHalving(
  tipHeightBlocks: number,
  tipTimeMs: number,
  meanBlockIntervalSec: number = TARGET_BLOCK_INTERVAL_SEC,
): HalvingEstimate {
  if (!(meanBlockIntervalSec > 0)) throw new RangeError('mean block interval must be > 0 s');
  const next = nextHalvingHeight(tipHeightBlocks);
  const blocksRemaining = next - tipHeightBlocks;
  return {
    nextHalvingHeight: next,
    blocksRemaining,
    estimatedAtMs: tipTimeMs + blocksRemaining * meanBlockIntervalSec * 1000,
    subsidyAfterBtc: subsidyBtc(next),
  };
}

/** Network hashrate implied by difficulty: D * 2^32 / 600 H/s. */
export function impliedHashrateHs(difficulty: number): number {
  return (difficulty * HASHES_PER_DIFFICULTY) / TARGET_BLOCK_INTERVAL_SEC;
}

/** Difficulty that a network hashrate (H/s) would settle at: H * 600 / 2^32. */
export function difficultyForHashrate(hashrateHs: number): number {
  return (hashrateHs * TARGET_BLOCK_INTERVAL_SEC) / HASHES_PER_DIFFICULTY;
}

/** Clamp a retarget adjustment factor (new / old difficulty) to [1/4, 4]. */
export function clampRetargetFactor(factor: number): number {
  return Math.min(RETARGET_CLAMP_FACTOR, Math.max(1 / RETARGET_CLAMP_FACTOR, factor));
}

/**
 * Next difficulty after a retarget epoch that took `actualTimespanSec` for 2016 blocks.
 * As in pow.cpp, the timespan is clamped to [expected/4, expected*4] before scaling.
 */
export function retargetDifficulty(previousDifficulty: number, actualTimespanSec: number): number {
  const expected = RETARGET_INTERVAL_BLOCKS * TARGET_BLOCK_INTERVAL_SEC;
  const clamped = Math.min(
    expected * RETARGET_CLAMP_FACTOR,
    Math.max(expected / RETARGET_CLAMP_FACTOR, actualTimespanSec),
  );
  return (previousDifficulty * expected) / clamped;
}
