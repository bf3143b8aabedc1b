/** `mining`, `ai` and `compare`: one computation, three selections of options. */

import type { Context } from '../../context.js';
import { gpuCloudEconomics, leaseEconomics } from '../../core/ai.js';
import { compareSite } from '../../core/compare.js';
import { miningEconomics } from '../../core/mining.js';
import { paybackYears } from '../../core/units.js';
import type { NetworkSnapshot } from '../../data/types.js';
import type { LayeredInputs } from '../../inputs/layers.js';
import {
  type Assumptions,
  resolveGpu,
  resolveLease,
  resolveMining,
  resolveProjection,
  resolveSite,
} from '../../inputs/resolve.js';
import { economicsCsvRecords, economicsReport, withHorizon } from '../../report/economics.js';
import { networkData } from '../../report/network.js';
import type { EconomicsReport } from '../../report/schemas.js';
import type { CommandCall } from '../command-call.js';
import { getNetwork } from '../network-request.js';
import { checkFleetFits, emit, explainIfAsked, prepareInputs } from './shared.js';

export type EconomicsCommand = 'mining' | 'ai' | 'compare';

/** Resolve and validate every input, fetch network data if needed, compute, and build the report. */
export async function buildEconomicsReport(
  command: EconomicsCommand,
  layered: LayeredInputs,
  ctx: Context,
  /** Network data to use instead of obtaining it (a dry run). */
  network?: NetworkSnapshot,
): Promise<EconomicsReport> {
  // Validate every input before any data is fetched: bad input fails fast with exit 2.
  const assumptions: Assumptions = {};
  const site = resolveSite(layered, assumptions);
  const withMining = command !== 'ai';
  const withAi = command !== 'mining';
  const mining = withMining ? resolveMining(layered, assumptions) : null;
  const lease = withAi ? resolveLease(layered, assumptions) : null;
  const gpu = withAi ? resolveGpu(layered, assumptions) : null;
  // compare (and check) look over the horizon too: the same projection as `project`.
  const projection = command === 'compare' ? resolveProjection(layered, assumptions) : null;
  if (mining) checkFleetFits(site, mining, assumptions);

  const snapshot = withMining ? (network ?? (await getNetwork(layered, ctx))) : null;
  const data = snapshot ? networkData(snapshot) : null;

  const others = [];
  if (lease && gpu) {
    others.push(leaseEconomics({ ...site, ...lease }));
    others.push(
      gpuCloudEconomics({ ...site, ...gpu, pueAi: lease.pueAi, fitOutUsdPerMwIt: lease.fitOutUsdPerMwIt }),
    );
  }
  let comparison: Parameters<typeof economicsReport>[4];
  if (mining && data) {
    const priced = miningEconomics({
      ...site,
      ...mining,
      hashpriceUsdPerPhDay: data.figures.hashprice.hashpriceUsdPerPhDay,
      btcUsd: data.snapshot.btcUsd.value,
    });
    // compare with an owned fleet (the default): the miners are sunk, not new capex.
    const economics =
      projection?.fleet === 'owned'
        ? { ...priced, capexUsd: 0, paybackYears: paybackYears(0, priced.ebitdaUsdPerYear) }
        : priced;
    // A mixed fleet's price per TH/s is one number: its capex over its hashrate (each model's own is listed).
    const price = assumptions.minerPriceUsdPerTh;
    if (price && typeof price.value === 'number' && Number.isNaN(price.value))
      price.value = economics.hashrateThs > 0 ? economics.capexUsd / economics.hashrateThs : 0;
    comparison = compareSite(economics, others);
  } else {
    comparison = {
      options: others.map((economics) => ({
        economics,
        revenueMultipleVsMining: null,
        ebitdaMultipleVsMining: null,
      })),
    };
  }
  const report = economicsReport(
    command,
    data,
    { mw: site.siteMw, powerUsdPerKwh: site.powerUsdPerKwh },
    assumptions,
    comparison,
    {
      ...(gpu ? { gpuModel: gpu.gpu.name } : {}),
      ...(mining ? { priceBases: mining.priceBases } : {}),
    },
  );
  if (!projection || !snapshot || !mining || !lease || !gpu) return report;
  const { projectFrom } = await import('./project.js');
  const projected = projectFrom({ site, mining, lease, gpu }, projection, {}, snapshot, ctx.now());
  return withHorizon(report, projected, {
    fleet: projection.fleet,
    minerLifeMonths: projection.minerLifeMonths,
    fitOutLifeMonths: projection.fitOutLifeMonths,
    gpuLifeMonths: projection.gpuLifeMonths,
  });
}

export async function runEconomics(call: CommandCall): Promise<number> {
  const command = call.name as EconomicsCommand;
  const layered = await prepareInputs(call);
  const report = await buildEconomicsReport(command, layered, call.ctx);
  explainIfAsked(call, layered, report.assumptionSources, report.network);
  await emit(call.ctx, layered, report, {
    document: async () => {
      const { economicsDocument } = await import('../../output/render-economics.js');
      return (r, width) => economicsDocument(r, call.ctx.now(), width);
    },
    csv: (r) => economicsCsvRecords(r),
  });
  return 0;
}
