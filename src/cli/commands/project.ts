/** `project`: every option's monthly cash flows over the horizon, NPV, IRR, paybacks and the decision. */

import type { Context } from '../../context.js';
import { breakevensVsMining } from '../../core/breakeven.js';
import { carryHeightForward } from '../../core/network.js';
import type { ProjectionInputs } from '../../core/projection.js';
import { projectSite } from '../../core/projection.js';
import type { LayeredInputs } from '../../inputs/layers.js';
import {
  type Assumptions,
  resolveGpu,
  resolveLease,
  resolveMining,
  resolveProjection,
  resolveSite,
} from '../../inputs/resolve.js';
import { networkData } from '../../report/network.js';
import { projectCsvRecords, projectReport } from '../../report/projection.js';
import type { ProjectReport } from '../../report/schemas.js';
import type { CommandCall } from '../command-call.js';
import { getNetwork } from '../network-request.js';
import { emit, explainIfAsked, prepareInputs } from './shared.js';

/** Every input resolved and validated, the network obtained and carried to today, projected, reported. */
export async function buildProjectReport(layered: LayeredInputs, ctx: Context): Promise<ProjectReport> {
  const assumptions: Assumptions = {};
  const site = resolveSite(layered, assumptions);
  const mining = resolveMining(layered, assumptions);
  const lease = resolveLease(layered, assumptions);
  const gpu = resolveGpu(layered, assumptions);
  const settings = resolveProjection(layered, assumptions);

  const snapshot = await getNetwork(layered, ctx);
  const nowMs = ctx.now();
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
    {
      btcUsd: snapshot.btcUsd.value,
      leaseUsdPerKwMonth: lease.leaseUsdPerKwMonth,
      gpuUsdPerHour: gpu.gpuUsdPerHour,
    },
  );
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
