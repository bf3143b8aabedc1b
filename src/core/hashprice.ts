/**
 * Hashprice: the expected value of hashrate per day (Luxor / Hashrate Index convention).
 * Difficulty-based: subsidy and difficulty at current on-chain values, fees as a 144-block trailing average,
 * spot BTC/USD. The estimated-hashrate variant is provided separately and labelled as such.
 */
import { BLOCKS_PER_DAY, HASHES_PER_DIFFICULTY } from './bitcoin.js';

const SECONDS_PER_DAY = 86_400;
const HASHES_PER_PH = 1e15;

export interface HashpriceInputs {
  difficulty: number;
  subsidyBtc: number;
  avgFeesBtcPerBlock: number;
  btcUsd: number;
}

export interface Hashprice {
  hashpriceBtcPerPhDay: number;
  hashpriceUsdPerPhDay: number;
  hashpriceBtcPerThDay: number;
  hashpriceUsdPerThDay: number;
  hashpriceSatsPerThDay: number;
  /** Fees as a share (0..1) of the block reward. */
  feeShare: number;
}

/** Expected BTC per PH/s per day from difficulty: 86400 * 1e15 / (D * 2^32) * (subsidy + fees). */
export function hashpriceBtcPerPhDay(difficulty: number, rewardBtcPerBlock: number): number {
  return ((SECONDS_PER_DAY * HASHES_PER_PH) / (difficulty * HASHES_PER_DIFFICULTY)) * rewardBtcPerBlock;
}

/**
 * Estimated-hashrate variant: 144 blocks * reward * (1 PH/s / network H/s). Equal to the difficulty-based
 * value only when the hashrate estimate equals D * 2^32 / 600.
 */
export function hashpriceBtcPerPhDayFromHashrate(
  networkHashrateHs: number,
  rewardBtcPerBlock: number,
): number {
  return (BLOCKS_PER_DAY * rewardBtcPerBlock * HASHES_PER_PH) / networkHashrateHs;
}

function expand(btcPerPhDay: number, btcUsd: number, feeShare: number): Hashprice {
  return {
    hashpriceBtcPerPhDay: btcPerPhDay,
    hashpriceUsdPerPhDay: btcPerPhDay * btcUsd,
    hashpriceBtcPerThDay: btcPerPhDay / 1000,
    hashpriceUsdPerThDay: (btcPerPhDay * btcUsd) / 1000,
    // 1 BTC/PH/day = 1e8 sats / 1000 TH = 1e5 sats/TH/day
    hashpriceSatsPerThDay: btcPerPhDay * 100_000,
    feeShare,
  };
}

/** Difficulty-based hashprice (the convention used everywhere in hashcalc unless labelled otherwise). */
export function computeHashprice(inputs: HashpriceInputs): Hashprice {
  const reward = inputs.subsidyBtc + inputs.avgFeesBtcPerBlock;
  const feeShare = reward > 0 ? inputs.avgFeesBtcPerBlock / reward : 0;
  return expand(hashpriceBtcPerPhDay(inputs.difficulty, reward), inputs.btcUsd, feeShare);
}

/** Estimated-hashrate hashprice, for comparison with tools that use it. */
export function computeHashpriceFromHashrate(
  inputs: Omit<HashpriceInputs, 'difficulty'> & { networkHashrateHs: number },
): Hashprice {
  const reward = inputs.subsidyBtc + inputs.avgFeesBtcPerBlock;
  const feeShare = reward > 0 ? inputs.avgFeesBtcPerBlock / reward : 0;
  return expand(hashpriceBtcPerPhDayFromHashrate(inputs.networkHashrateHs, reward), inputs.btcUsd, feeShare);
}
