/** The `history` document: the period, where the data came from, the statistics and the daily series. Pure. */

import type { HashpriceDay, HistoryStats } from '../core/history.js';
import type { SiteHistory } from '../site/history.js';
import { DOCUMENT_VERSIONS } from './documents.js';
import type { HistoryReport } from './history-schema.js';

export interface HistoryContext {
  period: HistoryReport['period'];
  source: HistoryReport['source'];
  sourceDetail: string;
  margin: SiteHistory['margin'];
}

export function historyReport(
  context: HistoryContext,
  days: readonly HashpriceDay[],
  stats: HistoryStats,
): HistoryReport {
  const margins = new Map(context.margin?.history.days.map((d) => [d.date, d.marginUsdPerKwh]) ?? []);
  const m = context.margin;
  return {
    schemaVersion: DOCUMENT_VERSIONS.history,
    command: 'history',
    period: context.period,
    source: context.source,
    sourceDetail: context.sourceDetail,
    usdAvailable: days.some((d) => d.hashpriceUsdPerPhDay !== null),
    feesIncluded: days.length > 0 && days.every((d) => d.feesIncluded),
    stats,
    margin: m
      ? {
          miner: m.miner,
          efficiencyJPerTh: m.efficiencyJPerTh,
          powerUsdPerKwh: m.powerUsdPerKwh,
          poolFee: m.poolFee,
          daysAtLoss: m.history.daysAtLoss,
          daysWithData: m.history.daysWithData,
          latestMarginUsdPerKwh: m.history.days.at(-1)?.marginUsdPerKwh ?? null,
        }
      : null,
    days: days.map((d) => ({
      date: d.date,
      difficulty: d.difficulty,
      avgFeesBtcPerBlock: d.avgFeesBtcPerBlock,
      btcUsd: d.btcUsd,
      blocks: d.blocks,
      heightEnd: d.heightEnd,
      hashpriceUsdPerPhDay: d.hashpriceUsdPerPhDay,
      hashpriceBtcPerPhDay: d.hashpriceBtcPerPhDay,
      feesIncluded: d.feesIncluded,
      ...(m ? { marginUsdPerKwh: margins.get(d.date) ?? null } : {}),
    })),
  };
}
