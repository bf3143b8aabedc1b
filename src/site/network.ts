/**
 * Today's network from the data layer's snapshot: the core's figures (subsidy, hashprice, implied hashrate),
 * the hashprice from the estimated hashrate, the next halving, and the height carried to today.
 */
import { computeHashpriceFromHashrate, type Hashprice } from '../core/hashprice.js';
import {
  carryHeightForward,
  type HalvingOutlook,
  halvingOutlook,
  type NetworkFigures,
  networkFigures,
} from '../core/network.js';
import type { NetworkSnapshot } from '../data/types.js';

/** The snapshot with the core's figures from it. */
export interface NetworkData {
  snapshot: NetworkSnapshot;
  figures: NetworkFigures;
  /** Hashprice from the estimated (observed) hashrate rather than difficulty; null without an estimate. */
  hashpriceFromEstimatedHashrate: Pick<Hashprice, 'hashpriceUsdPerPhDay' | 'hashpriceBtcPerPhDay'> | null;
  /** The next halving from the snapshot's height, at the epoch's mean block interval when plausible. */
  halving: HalvingOutlook;
}

export function networkData(snapshot: NetworkSnapshot): NetworkData {
  const figures = networkFigures({
    heightBlocks: snapshot.heightBlocks.value,
    difficulty: snapshot.difficulty.value,
    btcUsd: snapshot.btcUsd.value,
    avgFeesBtcPerBlock: snapshot.avgFeesBtcPerBlock.value,
  });
  const estimated = snapshot.estimatedHashrateHs;
  return {
    snapshot,
    figures,
    hashpriceFromEstimatedHashrate:
      estimated && estimated.value > 0
        ? computeHashpriceFromHashrate({
            networkHashrateHs: estimated.value,
            subsidyBtc: figures.subsidyBtc,
            avgFeesBtcPerBlock: snapshot.avgFeesBtcPerBlock.value,
            btcUsd: snapshot.btcUsd.value,
          })
        : null,
    halving: halvingOutlook(
      snapshot.heightBlocks.value,
      snapshot.heightBlocks.asOfMs,
      snapshot.retarget?.value.meanBlockIntervalSec,
    ),
  };
}

/** The height today: the snapshot's, carried forward when it is older than a day (unless a flag gave it). */
export function heightToday(
  snapshot: NetworkSnapshot,
  nowMs: number,
): { heightBlocks: number; blocksAdded: number } {
  const height = snapshot.heightBlocks;
  return height.source === 'flag'
    ? { heightBlocks: height.value, blocksAdded: 0 }
    : carryHeightForward(height.value, height.asOfMs, nowMs);
}
