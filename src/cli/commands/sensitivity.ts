/** `sensitivity`: the tornado of every driver, or a grid over two, as each AI option's NPV minus mining's. */
import type { DriverId } from '../../core/risk/sensitivity.js';
import { type Assumptions, resolveProjectionSite } from '../../inputs/resolve.js';
import { driverRow, givenRanges, resolveGrid, resolveRanges } from '../../inputs/sensitivity.js';
import { sensitivityCsvRecords, sensitivityReport } from '../../report/sensitivity.js';
import { networkData } from '../../site/network.js';
import { projectionInputs } from '../../site/projection.js';
import { driverBases, siteSensitivity } from '../../site/sensitivity.js';
import type { CommandCall } from '../command-call.js';
import { projectionStart } from '../projection-start.js';
import { emit, explainIfAsked, prepareInputs } from './shared.js';

function describeDriver(id: DriverId): { flag: string; unit: string } {
  const row = driverRow(id);
  return {
    flag: row.flag,
    unit: row.unit ?? (row.kind.type === 'number' && row.kind.spec.percent ? 'fraction' : ''),
  };
}

export async function runSensitivity(call: CommandCall): Promise<number> {
  const layered = await prepareInputs(call);
  const assumptions: Assumptions = {};
  const { resolved, settings } = resolveProjectionSite(layered, assumptions);
  const axes = resolveGrid(layered, assumptions);
  // Every input is checked before anything is fetched; the swings need the bases (BTC/USD from the data).
  const horizonMonths = settings.years * 12;
  const given = givenRanges(layered, horizonMonths);
  const { snapshot, nowMs } = await projectionStart(layered, call.ctx, settings, resolved);
  const inputs = projectionInputs(resolved, settings, snapshot, nowMs);
  const { swing, ranges } = resolveRanges(layered, given, driverBases(inputs), horizonMonths, assumptions);
  const { tornado, grid, evaluations, robustness } = siteSensitivity(inputs, ranges, axes, given);
  const report = sensitivityReport(
    {
      network: networkData(snapshot),
      site: { mw: resolved.site.siteMw, powerUsdPerKwh: resolved.site.powerUsdPerKwh },
      years: settings.years,
      startMs: nowMs,
      assumptions,
      swing,
      ranges,
      describeDriver,
      evaluations,
    },
    tornado,
    grid,
    robustness,
  );
  explainIfAsked(call, layered, report.assumptionSources, report.network);
  await emit(call.ctx, layered, report, {
    document: async () => {
      const { sensitivityDocument } = await import('../../output/render-sensitivity.js');
      return (r, width) => sensitivityDocument(r, width);
    },
    csv: (r) => sensitivityCsvRecords(r),
  });
  return 0;
}
