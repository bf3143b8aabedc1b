/** `mining`, `ai` and `compare`: one computation, three selections of options. */
import { gpuCloudEconomics, leaseEconomics } from '../../core/ai.js';
import { compareSite } from '../../core/compare.js';
import { allocateFleet, FleetTooLargeError, miningEconomics } from '../../core/mining.js';
import type { NetworkSnapshot } from '../../data/types.js';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import {
  type Assumptions,
  type Inputs,
  type RawOptions,
  resolveGpu,
  resolveLease,
  resolveMining,
  resolveSite,
} from '../inputs.js';
import { networkRequestFrom } from '../network-options.js';
import { type EconomicsReport, economicsCsvRecords, economicsReport, networkFigures } from '../reports.js';
import { emit, explainIfAsked, getNetwork, prepareInputs } from './shared.js';

export type EconomicsCommand = 'mining' | 'ai' | 'compare';

/** Resolve and validate every input, fetch network data if needed, compute, and build the report. */
export async function buildEconomicsReport(
  command: EconomicsCommand,
  inputs: Inputs,
  ctx: Context,
  /** Network data to use instead of obtaining it (a dry run). */
  network?: NetworkSnapshot,
): Promise<EconomicsReport> {
  // Validate every input before any data is fetched: bad input fails fast with exit 2.
  const assumptions: Assumptions = {};
  const site = resolveSite(inputs, assumptions);
  const withMining = command !== 'ai';
  const withAi = command !== 'mining';
  const mining = withMining ? resolveMining(inputs, assumptions) : null;
  const lease = withAi ? resolveLease(inputs, assumptions) : null;
  const gpu = withAi ? resolveGpu(inputs, assumptions) : null;
  if (mining) {
    try {
      allocateFleet(site.siteMw / mining.pueMining, mining.fleet);
    } catch (error) {
      if (error instanceof FleetTooLargeError)
        throw new UsageError(`${assumptions.fleet?.from ?? '--miner'}: ${error.message}`);
      throw error;
    }
  }

  // `ai` needs no network data, but its data flags are still checked (a bad value is exit 2 everywhere).
  if (!withMining) networkRequestFrom(inputs.options, ctx);
  const figures = withMining ? networkFigures(network ?? (await getNetwork(inputs.options, ctx))) : null;

  const others = [];
  if (lease && gpu) {
    others.push(leaseEconomics({ ...site, ...lease }));
    others.push(
      gpuCloudEconomics({ ...site, ...gpu, pueAi: lease.pueAi, fitOutUsdPerMwIt: lease.fitOutUsdPerMwIt }),
    );
  }
  const comparison =
    mining && figures
      ? compareSite(
          miningEconomics({
            ...site,
            ...mining,
            hashpriceUsdPerPhDay: figures.hashprice.hashpriceUsdPerPhDay,
            btcUsd: figures.snapshot.btcUsd.value,
          }),
          others,
        )
      : {
          options: others.map((economics) => ({
            economics,
            revenueMultipleVsMining: null,
            ebitdaMultipleVsMining: null,
          })),
        };
  return economicsReport(
    command,
    figures,
    { mw: site.siteMw, powerUsdPerKwh: site.powerUsdPerKwh },
    assumptions,
    comparison,
    gpu?.gpu.name,
  );
}

export async function runEconomics(
  command: EconomicsCommand,
  options: RawOptions,
  ctx: Context,
): Promise<number> {
  const inputs = await prepareInputs(options, ctx, command);
  const report = await buildEconomicsReport(command, inputs, ctx);
  explainIfAsked(inputs.options, ctx, report.assumptionSources, report.network, inputs.origins);
  await emit(inputs.options, ctx, report, {
    document: async () => {
      const { economicsDocument } = await import('../../output/render-economics.js');
      return (r) => economicsDocument(r, ctx.now());
    },
    csv: (r) => economicsCsvRecords(r),
  });
  return 0;
}
