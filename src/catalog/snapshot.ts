/**
 * Embedded network snapshot: the default when no live data is fetched. The newest date for which height, that
 * height's epoch's difficulty, BTC/USD and fees can all be cited from a primary source: 2026-01-12, Hashrate
 * Index's weekly roundup (the index publisher) with the chain's own figures. Offline runs also use the newest
 * embedded difficulty epoch (src/catalog/difficulty-epochs.ts) and the newest embedded monthly BTC/USD close
 * (src/catalog/btc-monthly.ts) where they are newer: see src/data/snapshot.ts.
 * A test checks that the difficulty is the one of the epoch holding the height.
 */
export const EMBEDDED_SNAPSHOT = {
  asOf: '2026-01-12T00:00:00.000Z',
  /**
   * The last block with a header time before 2026-01-12T00:00:00Z (931,903 is 00:01:32):
   * bitcoin-data/block-arrival-times, qa/block-timestamps/block-timestamps.csv (CC0).
   */
  heightBlocks: 931_902,
  /**
   * The epoch from block 931,392 (2026-01-08, Electrum's checkpoints, as in the embedded epochs). Hashrate Index
   * wrote 148.26T on 2026-01-12, the previous epoch's figure; its BTC hashprice (0.00043143) matches 146.47T.
   */
  difficulty: 146_472_570_619_930.78,
  /** Hashrate Index roundup of 2026-01-12: "a current price of ~$91,132". */
  btcUsd: 91_132,
  /**
   * Derived: 17 BTC of fees in the week's ~3,167 BTC of rewards (0.55%), i.e. (3,167 - 17) / 3.125 = 1,008
   * blocks: 17 / 1,008 = 0.0169 BTC per block (Hashrate Index roundup of 2026-01-12).
   */
  avgFeesBtcPerBlock: 17 / 1008,
  /** Hashrate Index roundup of 2026-01-12: 7-day SMA 1,024 EH/s. */
  estimatedHashrateHs: 1.024e21,
  sources:
    'height: block header times (https://github.com/bitcoin-data/block-arrival-times, CC0); difficulty: the chain ' +
    '(epoch from block 931,392, Electrum checkpoints https://github.com/spesmilo/electrum); price, fees and ' +
    'hashrate: Hashrate Index roundup of 2026-01-12 (https://hashrateindex.com/blog/hashrate-index-roundup-january-12-2026)',
} as const;

/** Each network input of the snapshot: where it came from and how sure it is (for assumptionSources and docs). */
export const SNAPSHOT_BASIS = {
  heightBlocks:
    'last block before 2026-01-12T00:00Z by header time (bitcoin-data/block-arrival-times; primary)',
  difficulty: "epoch from block 931,392 (2026-01-08), the chain's value (Electrum checkpoints; primary)",
  btcUsd: 'Hashrate Index roundup of 2026-01-12, its current price (index publisher; primary)',
  avgFeesBtcPerBlock: 'Hashrate Index roundup of 2026-01-12: 17 BTC of fees over ~1,008 blocks (derived)',
} as const;

/** The public address behind each network input of the snapshot (the links of `sources` above). */
export const SNAPSHOT_SOURCE_URLS = {
  heightBlocks: 'https://github.com/bitcoin-data/block-arrival-times',
  difficulty: 'https://github.com/spesmilo/electrum',
  btcUsd: 'https://hashrateindex.com/blog/hashrate-index-roundup-january-12-2026',
  avgFeesBtcPerBlock: 'https://hashrateindex.com/blog/hashrate-index-roundup-january-12-2026',
} as const;

/** The embedded BTC/USD monthly closes' source (src/catalog/btc-monthly.ts): an offline price's newest close. */
export const CLOSES_SOURCE_URL = 'https://github.com/typedcypher/historical-bitcoin-prices';

/** The newest embedded difficulty epoch's source (its difficulty; its date estimated from the retarget rule). */
export const EPOCHS_SOURCE_URL = 'https://github.com/spesmilo/electrum';

/** Every embedded figure taken from the newest difficulty epoch starts its basis with this (tables group by it). */
export const EPOCH_BASIS_PREFIX = 'newest embedded difficulty epoch';
/**
 * The embedded BTC/USD price taken from the newest monthly close (src/catalog/btc-monthly.ts) where that close
 * is newer than the snapshot starts its basis with this (tables group by it).
 */
export const CLOSE_BASIS_PREFIX = 'newest embedded monthly close';
