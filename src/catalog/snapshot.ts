/**
 * Embedded network snapshot: the default when no live data is fetched.
 * 2025-11-22, the day of Luxor's all-time-low USD hashprice ($35.06/PH/day).
 */
export const EMBEDDED_SNAPSHOT = {
  asOf: '2025-11-22T00:00:00.000Z',
  /** Estimate: the 152.27T epoch began at 923328 on 2025-11-12; ~141 blocks/day to 2025-11-22. */
  heightBlocks: 924_700,
  /** Epoch from block 923328 (2025-11-12, -2.37%). */
  difficulty: 152_271_406_129_092,
  /** Coin Metrics community reference rate, 2025-11-22. */
  btcUsd: 84_775,
  /** 3.04 BTC of fees over 143 blocks on 2025-11-22. */
  avgFeesBtcPerBlock: 3.04 / 143,
  /** Midpoint of the 1.06-1.12 ZH/s estimates of late November 2025. */
  estimatedHashrateHs: 1.09e21,
  sources:
    'difficulty: the chain (epoch from block 923328, any block explorer); price: Coin Metrics community data ' +
    '(https://coinmetrics.io/community-network-data/); fees: daily block data (3.04 BTC over 143 blocks)',
} as const;
