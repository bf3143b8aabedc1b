/** `sensitivity`: the tornado of every driver, or a grid over two, as each AI option's NPV minus mining's. */
import {
  axisValues,
  DRIVER_IDS,
  type DriverId,
  driverBase,
  grid as gridOf,
  tornado as tornadoOf,
} from '../../core/risk/sensitivity.js';
import type { Assumptions } from '../../inputs/resolve.js';
import { driverRow, givenRanges, resolveGrid, resolveRanges } from '../../inputs/sensitivity.js';
import { networkData } from '../../report/network.js';
import { sensitivityCsvRecords, sensitivityReport } from '../../report/sensitivity.js';
import type { CommandCall } from '../command-call.js';
import { getNetwork } from '../network-request.js';
import { projectionInputs, resolveForProjection } from './project.js';
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
  const { resolved, settings } = resolveForProjection(layered, assumptions);
  const axes = resolveGrid(layered, assumptions);
  // Every input is checked before anything is fetched; the swings need the bases (BTC/USD from the data).
  const horizonMonths = settings.years * 12;
  const given = givenRanges(layered, horizonMonths);
  const snapshot = await getNetwork(layered, call.ctx);
  const nowMs = call.ctx.now();
  const inputs = projectionInputs(resolved, settings, snapshot, nowMs);
  const bases = Object.fromEntries(DRIVER_IDS.map((id) => [id, driverBase(id, inputs)])) as Record<
    DriverId,
    number
  >;
  const { swing, ranges } = resolveRanges(layered, given, bases, horizonMonths, assumptions);
  const tornado = tornadoOf(inputs, ranges);
  let evaluations = 1 + 2 * ranges.length;
  let grid = null;
  if (axes) {
    const range = (id: DriverId) => ranges.find((r) => r.id === id) as (typeof ranges)[number];
    const x = range(axes.x);
    const y = range(axes.y);
    grid = gridOf(
      inputs,
      { id: axes.x, values: axisValues(axes.x, x.low, x.high, axes.steps) },
      { id: axes.y, values: axisValues(axes.y, y.low, y.high, axes.steps) },
    );
    evaluations += axes.steps * axes.steps;
  }
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
