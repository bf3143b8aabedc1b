/** The `sensitivity` document from a tornado (and a grid): types are the schema's. Pure. */

import type { DriverId, Grid, Tornado } from '../core/risk/sensitivity.js';
import type { OptionId } from '../core/units.js';
import type { Assumptions } from '../inputs/resolve.js';
import type { ResolvedRange } from '../inputs/sensitivity.js';
import type { NetworkData } from '../site/network.js';
import type { SiteRobustness } from '../site/projection.js';
import { DOCUMENT_VERSIONS } from './documents.js';
import { usd } from './format.js';
import { withSourceLinks } from './freshness.js';
import { OPTION_LABELS } from './labels.js';
import { networkReport } from './network.js';
import type { SensitivityReport } from './sensitivity-schema.js';
import { robustFields, robustText } from './verdict.js';

export interface SensitivityContext {
  network: NetworkData;
  site: SensitivityReport['site'];
  years: number;
  startMs: number;
  assumptions: Assumptions;
  swing: number;
  ranges: readonly ResolvedRange[];
  /** Each driver's flag and unit. */
  describeDriver: (id: DriverId) => { flag: string; unit: string };
  evaluations: number;
}

export function sensitivityReport(
  context: SensitivityContext,
  tornado: Tornado,
  grid: Grid | null,
  robustness: SiteRobustness,
): SensitivityReport {
  const from = new Map(context.ranges.map((r) => [r.id, r.from]));
  const npv = tornado.base.npvUsd as Record<OptionId, number>;
  const ids = (['mining', 'ai-lease', 'gpu-cloud', 'sell'] as const).filter((id) => npv[id] !== undefined);
  const [best, runnerUp] = [...ids].sort((a, b) => npv[b] - npv[a]) as [OptionId, OptionId];
  const margin = npv[best] - npv[runnerUp];
  const robust = robustFields(robustness);
  const name = (id: OptionId) => (id === 'mining' ? 'keeping mining' : `the ${OPTION_LABELS[id]}`);
  const clear = `${best === 'mining' ? 'Keeping mining' : `The ${OPTION_LABELS[best]}`} has the highest NPV over ${context.years} years: ${usd(npv[best])}, ${usd(margin)} more than ${name(runnerUp)}`;
  return {
    schemaVersion: DOCUMENT_VERSIONS.sensitivity,
    command: 'sensitivity',
    network: networkReport(context.network),
    site: context.site,
    horizon: {
      years: context.years,
      months: context.years * 12,
      startDate: new Date(context.startMs).toISOString().slice(0, 10),
    },
    assumptions: Object.fromEntries(Object.entries(context.assumptions).map(([k, a]) => [k, a.value])),
    assumptionSources: withSourceLinks(context.assumptions),
    swing: context.swing,
    base: { options: ids.map((id) => ({ id, npvUsd: npv[id], npvVsMiningUsd: npv[id] - npv.mining })) },
    drivers: tornado.bars.map((bar) => ({
      id: bar.id,
      ...context.describeDriver(bar.id),
      baseValue: bar.baseValue,
      lowValue: bar.lowValue,
      highValue: bar.highValue,
      range: from.get(bar.id) ?? 'swing',
      options: bar.options,
    })),
    grid: grid && {
      x: grid.x,
      y: grid.y,
      options: grid.options,
    },
    gridNote: grid ? null : 'no --grid given: only the tornado (one driver at a time) was run',
    evaluations: context.evaluations,
    verdict: {
      bestOptionId: best,
      basis: 'npv',
      npvUsd: npv[best],
      marginUsd: margin,
      runnerUpId: runnerUp,
      ...robust,
      text: robustText(robust, { best, runnerUp, marginUsd: margin, years: context.years }, clear),
    },
  };
}

/** CSV: the grid's cells (one record per option and cell) with --grid, else one record per driver and option. */
export function sensitivityCsvRecords(
  report: SensitivityReport,
): Record<string, string | number | boolean>[] {
  const grid = report.grid;
  if (grid) {
    return grid.options.flatMap((o) =>
      grid.y.values.flatMap((yv, j) =>
        grid.x.values.map((xv, i) => ({
          option: o.id,
          [grid.y.id]: yv,
          [grid.x.id]: xv,
          npvDeltaUsd: o.npvDeltaUsd[j]?.[i] as number,
          frontier: o.frontier[j]?.[i] === true,
        })),
      ),
    );
  }
  return report.drivers.flatMap((d) =>
    d.options.map((o) => ({
      driver: d.id,
      option: o.id,
      baseValue: d.baseValue,
      lowValue: d.lowValue,
      highValue: d.highValue,
      range: d.range,
      lowNpvDeltaUsd: o.lowNpvDeltaUsd,
      highNpvDeltaUsd: o.highNpvDeltaUsd,
      swingUsd: o.swingUsd,
    })),
  );
}
