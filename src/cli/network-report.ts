/**
 * The `network` command's report: the hashprice report (every field kept) plus hashrate in H/s, the next
 * retarget and the next halving, with provenance for every network figure. Pure: the halving is estimated
 * from the tip height at the time it was observed, never from a clock.
 */
import { estimateNextHalving, impliedHashrateHs, TARGET_BLOCK_INTERVAL_SEC } from '../core/bitcoin.js';
import {
  type HashpriceReport,
  hashpriceReport,
  type NetworkFigures,
  provenanceOf,
  type QuantityProvenance,
} from './reports.js';

/** Provenance with the serving host (a self-hosted mempool shows here). */
export type NetworkProvenance = QuantityProvenance;

export interface RetargetReport {
  /** Share of the current 2016-block epoch mined, 0..1. */
  progress: number;
  /** Estimated difficulty change at the retarget, as a ratio (0.0123 = +1.23%). */
  estimatedChange: number;
  estimatedAt: string;
  nextRetargetHeight: number;
  remainingBlocks: number;
  meanBlockIntervalSec: number;
}

export interface HalvingReport {
  nextHalvingHeight: number;
  blocksRemaining: number;
  estimatedAt: string;
  subsidyAfterBtc: number;
  /** Block interval the estimate assumes, and why. */
  meanBlockIntervalSec: number;
  intervalBasis: 'current epoch mean' | 'target';
}

export interface NetworkCommandReport extends Omit<HashpriceReport, 'command' | 'provenance'> {
  command: 'network';
  impliedHashrateHs: number;
  estimatedHashrateHs: number | null;
  retarget: RetargetReport | null;
  /** Why retarget is null, when it is. */
  retargetNote: string | null;
  halving: HalvingReport;
  provenance: Record<keyof HashpriceReport['provenance'], NetworkProvenance> & {
    estimatedHashrate: NetworkProvenance | null;
    retarget: NetworkProvenance | null;
  };
}

/** An epoch mean outside 5-20 min says more about a young epoch than about the next two years. */
const PLAUSIBLE_INTERVAL_SEC: readonly [number, number] = [300, 1200];

const provenance = provenanceOf;

export function networkCommandReport(figures: NetworkFigures): NetworkCommandReport {
  const { snapshot } = figures;
  const {
    schemaVersion,
    command: _command,
    provenance: _provenance,
    ...hashprice
  } = hashpriceReport(figures);
  const retarget = snapshot.retarget;
  const epochMean = retarget?.value.meanBlockIntervalSec;
  const useEpochMean =
    epochMean !== undefined &&
    epochMean >= PLAUSIBLE_INTERVAL_SEC[0] &&
    epochMean <= PLAUSIBLE_INTERVAL_SEC[1];
  const interval = useEpochMean ? epochMean : TARGET_BLOCK_INTERVAL_SEC;
  const halving = estimateNextHalving(snapshot.heightBlocks.value, snapshot.heightBlocks.asOfMs, interval);
  return {
    schemaVersion,
    command: 'network',
    ...hashprice,
    impliedHashrateHs: impliedHashrateHs(snapshot.difficulty.value),
    estimatedHashrateHs: snapshot.estimatedHashrateHs ? snapshot.estimatedHashrateHs.value : null,
    retarget: retarget
      ? {
          progress: retarget.value.progress,
          estimatedChange: retarget.value.estimatedChange,
          estimatedAt: new Date(retarget.value.estimatedAtMs).toISOString(),
          nextRetargetHeight: retarget.value.nextRetargetHeight,
          remainingBlocks: retarget.value.remainingBlocks,
          meanBlockIntervalSec: retarget.value.meanBlockIntervalSec,
        }
      : null,
    retargetNote: retarget ? null : 'no live or cached estimate (the embedded snapshot has none)',
    halving: {
      nextHalvingHeight: halving.nextHalvingHeight,
      blocksRemaining: halving.blocksRemaining,
      estimatedAt: new Date(halving.estimatedAtMs).toISOString(),
      subsidyAfterBtc: halving.subsidyAfterBtc,
      meanBlockIntervalSec: interval,
      intervalBasis: useEpochMean ? 'current epoch mean' : 'target',
    },
    provenance: {
      height: provenance(snapshot.heightBlocks),
      difficulty: provenance(snapshot.difficulty),
      btcUsd: provenance(snapshot.btcUsd),
      avgFeesBtcPerBlock: provenance(snapshot.avgFeesBtcPerBlock),
      estimatedHashrate: snapshot.estimatedHashrateHs ? provenance(snapshot.estimatedHashrateHs) : null,
      retarget: retarget ? provenance(retarget) : null,
    },
  };
}
