/** `project`: every option's monthly cash flows over the horizon, NPV, IRR, paybacks and the decision. */

import type { Context } from '../../context.js';
import { breakevensVsMining, priceBreakevenBetween } from '../../core/breakeven.js';
import { carryHeightForward } from '../../core/network.js';
import type { ProjectionInputs } from '../../core/projection.js';
import { projectSite } from '../../core/projection.js';
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
  resolveSite,
  type SiteInputs,
} from '../../inputs/resolve.js';
import { networkData } from '../../report/network.js';
import { projectCsvRecords, projectReport } from '../../report/projection.js';
import type { ProjectReport } from '../../report/schemas.js';
import type { CommandCall } from '../command-call.js';
import { getNetwork } from '../network-request.js';
import { emit, explainIfAsked, prepareInputs } from './shared.js';

export interface ResolvedSite {
  site: SiteInputs;
  mining: MiningSettings;
  lease: LeaseSettings;
  gpu: GpuSettings;
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
): ProjectReport {
  const { site, mining, lease, gpu } = resolved;
  const height = snapshot.heightBlocks;
  const carried =
    height.source === 'flag'
      ? { heightBlocks: height.value, blocksAdded: 0 }
      : carryHeightForward(height.value, height.asOfMs, nowMs);
  const inputs: ProjectionInputs = {
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

/** Every input resolved and validated (before anything is fetched), the network obtained, projected. */
export async function buildProjectReport(layered: LayeredInputs, ctx: Context): Promise<ProjectReport> {
  const assumptions: Assumptions = {};
  const resolved: ResolvedSite = {
    site: resolveSite(layered, assumptions),
    mining: resolveMining(layered, assumptions),
    lease: resolveLease(layered, assumptions),
    gpu: resolveGpu(layered, assumptions),
  };
  const settings = resolveProjection(layered, assumptions);
  const snapshot = await getNetwork(layered, ctx);
  return projectFrom(resolved, settings, assumptions, snapshot, ctx.now());
}

export async function runProject(call: CommandCall): Promise<number> {
  const layered = await prepareInputs(call);
  const report = await buildProjectReport(layered, call.ctx);
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
