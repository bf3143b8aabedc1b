/** `strategy`: the best plan on a grid, the frontier against the AI share, and the value of waiting. */
import type { ProjectionInputs } from '../../core/projection/index.js';
import {
  type Assumptions,
  exitValueWithPlans,
  resolveProjectionSite,
  resolveSimulation,
  type SimulationInputs,
} from '../../inputs/resolve.js';
import {
  type StrategySimulation,
  strategyBestMonths,
  strategyCsvRecords,
  strategyReport,
} from '../../report/strategy.js';
import { networkData } from '../../site/network.js';
import { projectionInputs } from '../../site/projection.js';
import { type StrategyResult, siteStrategy, strategySimulationPlan } from '../../site/strategy.js';
import type { CommandCall } from '../command-call.js';
import { projectionStart } from '../projection-start.js';
import { emit, explainIfAsked, prepareInputs, printNotes } from './shared.js';

/** The Monte Carlo of the best plans, on the simulation's threads (the pool project --simulations uses). */
async function simulatePlans(
  call: CommandCall,
  inputs: ProjectionInputs,
  result: StrategyResult,
  settings: SimulationInputs,
): Promise<StrategySimulation> {
  const { defaultWorkers, runSimulation } = await import('../simulation-pool.js');
  const { plan, plans } = strategySimulationPlan(inputs, result, settings);
  const simulated = await runSimulation(plan, settings.paths, {
    workers: settings.workers ?? defaultWorkers(),
    onNote: (note) => printNotes(call.ctx, [note]),
  });
  return { result: simulated, plans };
}

export async function runStrategy(call: CommandCall): Promise<number> {
  const layered = await prepareInputs(call);
  const assumptions: Assumptions = {};
  const { resolved, settings } = resolveProjectionSite(layered, assumptions);
  if (settings.exitValue) throw exitValueWithPlans(layered, 'strategy');
  const simulation = resolveSimulation(layered, assumptions);
  const { snapshot, nowMs } = await projectionStart(layered, call.ctx, settings, resolved);
  const inputs = projectionInputs(resolved, settings, snapshot, nowMs);
  const result = siteStrategy(inputs);
  const simulated = simulation ? await simulatePlans(call, inputs, result, simulation) : undefined;
  const report = strategyReport(
    {
      network: networkData(snapshot),
      site: { mw: resolved.site.siteMw, powerUsdPerKwh: resolved.site.powerUsdPerKwh },
      years: settings.years,
      startMs: nowMs,
      assumptions,
      sale: settings.sale,
    },
    result,
    simulated,
  );
  explainIfAsked(call, layered, report.assumptionSources, report.network);
  await emit(call.ctx, layered, report, {
    document: async () => {
      const { strategyDocument } = await import('../../output/render-strategy.js');
      return (r, width) => strategyDocument(r, width);
    },
    csv: (r) => strategyCsvRecords(r),
    xlsx: async (r) =>
      (await import('../../output/xlsx.js')).strategyXlsx(r, strategyBestMonths(result, nowMs)),
  });
  return 0;
}
