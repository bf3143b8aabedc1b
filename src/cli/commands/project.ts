/** `project`: every option's monthly cash flows over the horizon, NPV, IRR, paybacks and the decision. */

import { grouped } from '../../catalog/text.js';
import type { Context } from '../../context.js';
import type { ProjectionInputs } from '../../core/projection/index.js';
import { resolveDebt } from '../../inputs/debt.js';
import type { LayeredInputs } from '../../inputs/layers.js';
import {
  type Assumptions,
  resolveProjectionSite,
  resolveSimulation,
  type SimulationInputs,
} from '../../inputs/resolve.js';
import { projectCsvRecords, projectionReport } from '../../report/projection.js';
import type { ProjectReport } from '../../report/schemas.js';
import { projectionInputs, projectSiteResult } from '../../site/projection.js';
import type { CommandCall } from '../command-call.js';
import { projectionStart } from '../projection-start.js';
import { emit, explainIfAsked, prepareInputs, printNotes } from './shared.js';

/** Every input resolved and validated (before anything is fetched), and the network obtained. */
async function prepareProject(layered: LayeredInputs, ctx: Context) {
  const assumptions: Assumptions = {};
  const { resolved, settings } = resolveProjectionSite(layered, assumptions);
  if (settings.networkNote) printNotes(ctx, [settings.networkNote]);
  const simulation = resolveSimulation(layered, assumptions);
  const debt = resolveDebt(layered, assumptions, settings.discountRate);
  const { snapshot, nowMs } = await projectionStart(layered, ctx, settings, resolved);
  const inputs: ProjectionInputs = {
    ...projectionInputs(resolved, settings, snapshot, nowMs),
    ...(debt ? { debt } : {}),
  };
  return { assumptions, resolved, settings, simulation, snapshot, nowMs, inputs };
}

/** The simulation's modules (loaded before it starts, so that it starts at once). */
const loadSimulation = () =>
  Promise.all([
    import('../../site/simulation.js'),
    import('../simulation-pool.js'),
    import('../../report/simulation.js'),
  ]);

/**
 * Starts the Monte Carlo over the projection's flows (its worker threads start before this returns, so they
 * boot while this thread computes the deterministic projection), with progress on a terminal for runs over
 * a second.
 */
async function simulateProject(
  call: CommandCall,
  layered: LayeredInputs,
  inputs: ProjectionInputs,
  settings: SimulationInputs,
  modules: Awaited<ReturnType<typeof loadSimulation>>,
): Promise<ProjectReport['simulation']> {
  const [{ simulationPlanFor }, { defaultWorkers, runSimulation }, { simulationReport }] = modules;
  const plan = simulationPlanFor(inputs, settings);
  const { stderr } = call.ctx;
  const started = performance.now();
  let drawn = false;
  let done = 0;
  const draw = () => {
    const seconds = (performance.now() - started) / 1000;
    stderr.write(
      `\rsimulating: ${grouped(Math.round(done))} of ${grouped(Math.round(settings.paths))} paths (${Math.floor((100 * done) / settings.paths)}%), ${grouped(Math.round(done / seconds))} paths/s\u001b[K`,
    );
    drawn = true;
  };
  // Progress on a terminal (stderr), for a run still going after a second (tests set the delay).
  let timer: ReturnType<typeof setInterval> | undefined;
  const delay =
    stderr.isTTY === true
      ? setTimeout(
          () => {
            draw();
            timer = setInterval(draw, 200);
            timer.unref?.();
          },
          Math.min(call.ctx.spinnerDelayMs ?? 1000, 1000),
        )
      : undefined;
  delay?.unref?.();
  try {
    const result = await runSimulation(plan, settings.paths, {
      workers: settings.workers ?? defaultWorkers(),
      onProgress: (paths) => {
        done = paths;
      },
      onNote: (note) => printNotes(call.ctx, [note]),
    });
    const seconds = (performance.now() - started) / 1000;
    if (layered.given.verbose?.value === true)
      printNotes(call.ctx, [
        `simulation: ${grouped(Math.round(settings.paths))} paths in ${seconds.toFixed(2)} s (${grouped(Math.round(settings.paths / seconds))} paths/s)`,
      ]);
    return simulationReport(result, settings);
  } finally {
    clearTimeout(delay);
    clearInterval(timer);
    if (drawn) stderr.write('\r\u001b[K');
  }
}

export async function runProject(call: CommandCall): Promise<number> {
  const layered = await prepareInputs(call);
  const p = await prepareProject(layered, call.ctx);
  const running = p.simulation
    ? simulateProject(call, layered, p.inputs, p.simulation, await loadSimulation())
    : undefined;
  // Awaited below, or its failure would go unhandled if the projection threw first.
  running?.catch(() => {});
  const result = projectSiteResult(p.resolved, p.settings, p.snapshot, p.nowMs, p.inputs);
  // The verdict counts the simulation's paths (the first must beat the second on 3 in 4 to be clear).
  const report = projectionReport(result, p.assumptions, running ? await running : undefined);
  explainIfAsked(call, layered, report.assumptionSources, report.network);
  await emit(call.ctx, layered, report, {
    document: async () => {
      const { projectDocument } = await import('../../output/render-projection.js');
      return (r, width) => projectDocument(r, width);
    },
    csv: (r) => projectCsvRecords(r),
    xlsx: async (r) => (await import('../../output/xlsx.js')).projectXlsx(r),
  });
  return 0;
}
