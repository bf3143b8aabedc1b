/** `project`: every option's monthly cash flows over the horizon, NPV, IRR, paybacks and the decision. */

import type { Context } from '../../context.js';
import { breakevensVsMining, priceBreakevenBetween } from '../../core/breakeven.js';
import { carryHeightForward } from '../../core/network.js';
import type { ProjectionInputs } from '../../core/projection.js';
import { projectSite, siteFlows } from '../../core/projection.js';
import type { NetworkSnapshot } from '../../data/types.js';
import type { LayeredInputs } from '../../inputs/layers.js';
import {
  type Assumptions,
  type GpuSettings,
  type LeaseSettings,
  type MiningSettings,
  type ProjectionSettings,
  resolveGpu,
  resolveLease,
  resolveMining,
  resolveProjection,
  resolveSimulation,
  resolveSite,
  type SimulationInputs,
  type SiteInputs,
} from '../../inputs/resolve.js';
import { networkData } from '../../report/network.js';
import { projectCsvRecords, projectReport } from '../../report/projection.js';
import type { ProjectReport } from '../../report/schemas.js';
import type { CommandCall } from '../command-call.js';
import { getNetwork } from '../network-request.js';
import { checkFleetFits, emit, explainIfAsked, prepareInputs, printNotes } from './shared.js';

export interface ResolvedSite {
  site: SiteInputs;
  mining: MiningSettings;
  lease: LeaseSettings;
  gpu: GpuSettings;
}

/** The height today: the snapshot's, carried forward when it is older than a day (unless a flag gave it). */
function heightToday(snapshot: NetworkSnapshot, nowMs: number) {
  const height = snapshot.heightBlocks;
  return height.source === 'flag'
    ? { heightBlocks: height.value, blocksAdded: 0 }
    : carryHeightForward(height.value, height.asOfMs, nowMs);
}

/** The core's projection inputs from resolved inputs and today's network data. */
export function projectionInputs(
  resolved: ResolvedSite,
  settings: ProjectionSettings,
  snapshot: NetworkSnapshot,
  nowMs: number,
): ProjectionInputs {
  const { site, mining, lease, gpu } = resolved;
  const carried = heightToday(snapshot, nowMs);
  return {
    years: settings.years,
    network: {
      heightBlocks: carried.heightBlocks,
      difficulty: snapshot.difficulty.value,
      btcUsd: snapshot.btcUsd.value,
      avgFeesBtcPerBlock: snapshot.avgFeesBtcPerBlock.value,
    },
    difficultyGrowthPerMonth: settings.difficultyGrowthPerMonth,
    btcGrowthPerYear: settings.btcGrowthPerYear,
    feesGrowthPerYear: settings.feesGrowthPerYear,
    annualDiscountRate: settings.discountRate,
    taxRate: settings.taxRate,
    residual: settings.residual,
    mining: {
      ...site,
      fleet: mining.fleet,
      poolFee: mining.poolFee,
      uptime: mining.uptime,
      pueMining: mining.pueMining,
    },
    fleet: settings.fleet,
    minerResaleUsdPerTh: settings.minerResaleUsdPerTh,
    minerLifeMonths: settings.minerLifeMonths,
    minerEnd: settings.minerEnd,
    lease: { ...site, ...lease },
    leaseEscalatorPerYear: settings.leaseEscalatorPerYear,
    leaseTermMonths: settings.leaseTermMonths,
    fitOutLifeMonths: settings.fitOutLifeMonths,
    gpu: { ...site, ...gpu, pueAi: lease.pueAi, fitOutUsdPerMwIt: lease.fitOutUsdPerMwIt },
    gpuPriceDeclinePerYear: settings.gpuPriceDeclinePerYear,
    gpuLifeMonths: settings.gpuLifeMonths,
    conversionMonths: settings.conversionMonths,
    idleDuringBuild: settings.idleDuringBuild,
    rampMonths: settings.rampMonths,
  };
}

/**
 * The projection of a site from resolved inputs and today's network data (carried to today when older than
 * a day), with the breakevens against mining, as a report. Shared by `project` and `compare`.
 */
export function projectFrom(
  resolved: ResolvedSite,
  settings: ProjectionSettings,
  assumptions: Assumptions,
  snapshot: NetworkSnapshot,
  nowMs: number,
  /** The core's inputs when the caller has them already. */
  given?: ProjectionInputs,
): ProjectReport {
  const { site, lease, gpu } = resolved;
  const height = snapshot.heightBlocks;
  const carried = heightToday(snapshot, nowMs);
  const inputs = given ?? projectionInputs(resolved, settings, snapshot, nowMs);
  const projection = projectSite(inputs);
  const breakevens = breakevensVsMining(inputs, projection);
  // What would flip the decision: the best AI option's own price at which it falls to the next best.
  const ranked = [...projection.options].sort((a, b) => b.npvUsd - a.npvUsd);
  const [best, next] = ranked;
  const flip =
    best && next && best.id !== 'mining' && next.id !== 'mining'
      ? { id: best.id, versus: next.id, ...priceBreakevenBetween(inputs, projection, best.id, next.id) }
      : null;
  return projectReport(
    {
      network: networkData(snapshot),
      carriedForward:
        carried.blocksAdded > 0
          ? {
              fromAsOf: new Date(height.asOfMs).toISOString(),
              blocksAdded: carried.blocksAdded,
              heightBlocks: carried.heightBlocks,
            }
          : null,
      site: { mw: site.siteMw, powerUsdPerKwh: site.powerUsdPerKwh },
      assumptions,
      years: settings.years,
      startMs: nowMs,
    },
    projection,
    breakevens,
    flip,
    {
      btcUsd: snapshot.btcUsd.value,
      leaseUsdPerKwMonth: lease.leaseUsdPerKwMonth,
      gpuUsdPerHour: gpu.gpuUsdPerHour,
    },
  );
}

/** The site, its fleet, lease and GPU cloud, and the projection's settings: every input a projection takes. */
export function resolveForProjection(
  layered: LayeredInputs,
  assumptions: Assumptions,
): { resolved: ResolvedSite; settings: ProjectionSettings } {
  const resolved: ResolvedSite = {
    site: resolveSite(layered, assumptions),
    mining: resolveMining(layered, assumptions),
    lease: resolveLease(layered, assumptions),
    gpu: resolveGpu(layered, assumptions),
  };
  checkFleetFits(resolved.site, resolved.mining, assumptions);
  return { resolved, settings: resolveProjection(layered, assumptions) };
}

/** Every input resolved and validated (before anything is fetched), and the network obtained. */
async function prepareProject(layered: LayeredInputs, ctx: Context) {
  const assumptions: Assumptions = {};
  const { resolved, settings } = resolveForProjection(layered, assumptions);
  const simulation = resolveSimulation(layered, assumptions);
  const snapshot = await getNetwork(layered, ctx);
  const nowMs = ctx.now();
  const inputs = projectionInputs(resolved, settings, snapshot, nowMs);
  return { assumptions, resolved, settings, simulation, snapshot, nowMs, inputs };
}

/** The machine's cores, up to 8: the default number of simulation threads. */
function defaultWorkers(): number {
  const { availableParallelism } = process.getBuiltinModule('node:os');
  return Math.max(1, Math.min(8, availableParallelism()));
}

/** 1234567 as "1,234,567" (no ICU: its first call costs ~25 ms). */
function grouped(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** The simulation's modules (loaded before it starts, so that it starts at once). */
const loadSimulation = () =>
  Promise.all([
    import('../../core/risk/simulation.js'),
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
  const [{ simulationPlan }, { runSimulation }, { simulationReport }] = modules;
  const plan = simulationPlan(siteFlows(inputs).options, settings, {
    annualDiscountRate: inputs.annualDiscountRate,
    taxRate: inputs.taxRate,
    btcUsd0: inputs.network.btcUsd,
    btcGrowthPerYear: inputs.btcGrowthPerYear,
  });
  const { stderr } = call.ctx;
  const started = performance.now();
  let drawn = false;
  let done = 0;
  const draw = () => {
    const seconds = (performance.now() - started) / 1000;
    stderr.write(
      `\rsimulating: ${grouped(done)} of ${grouped(settings.paths)} paths (${Math.floor((100 * done) / settings.paths)}%), ${grouped(done / seconds)} paths/s\u001b[K`,
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
        `simulation: ${grouped(settings.paths)} paths in ${seconds.toFixed(2)} s (${grouped(settings.paths / seconds)} paths/s)`,
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
  const projected = projectFrom(p.resolved, p.settings, p.assumptions, p.snapshot, p.nowMs, p.inputs);
  const report = running ? { ...projected, simulation: await running } : projected;
  explainIfAsked(call, layered, report.assumptionSources, report.network);
  await emit(call.ctx, layered, report, {
    document: async () => {
      const { projectDocument } = await import('../../output/render-projection.js');
      return (r, width) => projectDocument(r, width);
    },
    csv: (r) => projectCsvRecords(r),
  });
  return 0;
}
