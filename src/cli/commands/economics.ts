/** `mining`, `ai` and `compare`: one computation, three selections of options. */
import { gpuCloudEconomics, leaseEconomics } from '../../core/ai.js';
import { compareSite } from '../../core/compare.js';
import { FleetTooLargeError, miningEconomics } from '../../core/mining.js';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import {
  type Assumptions,
  type RawOptions,
  resolveGpu,
  resolveLease,
  resolveMining,
  resolveSite,
} from '../inputs.js';
import { economicsCsvRecords, economicsReport, networkFigures } from '../reports.js';
import { emit, getNetwork } from './shared.js';

export type EconomicsCommand = 'mining' | 'ai' | 'compare';

export async function runEconomics(
  command: EconomicsCommand,
  options: RawOptions,
  ctx: Context,
): Promise<number> {
  // Validate every input before any data is fetched: bad input fails fast with exit 2.
  const assumptions: Assumptions = {};
  const site = resolveSite(options, assumptions);
  const withMining = command !== 'ai';
  const withAi = command !== 'mining';
  const mining = withMining ? resolveMining(options, assumptions) : null;
  const lease = withAi ? resolveLease(options, assumptions) : null;
  const gpu = withAi ? resolveGpu(options, assumptions) : null;

  const figures = withMining ? networkFigures(await getNetwork(options, ctx)) : null;

  const others = [];
  if (lease && gpu) {
    others.push(leaseEconomics({ ...site, ...lease }));
    others.push(
      gpuCloudEconomics({ ...site, ...gpu, pueAi: lease.pueAi, fitOutUsdPerMwIt: lease.fitOutUsdPerMwIt }),
    );
  }
  let comparison: Parameters<typeof economicsReport>[4];
  if (mining && figures) {
    let miningResult: ReturnType<typeof miningEconomics>;
    try {
      miningResult = miningEconomics({
        ...site,
        ...mining,
        hashpriceUsdPerPhDay: figures.hashprice.hashpriceUsdPerPhDay,
        btcUsd: figures.snapshot.btcUsd.value,
      });
    } catch (error) {
      if (error instanceof FleetTooLargeError) throw new UsageError(`--miner: ${error.message}`);
      throw error;
    }
    comparison = compareSite(miningResult, others);
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
    figures,
    { mw: site.siteMw, powerUsdPerKwh: site.powerUsdPerKwh },
    assumptions,
    comparison,
    gpu?.gpu.name,
  );
  await emit(options, ctx, report, {
    document: async () => {
      const { economicsDocument } = await import('../../output/render-economics.js');
      return (r) => economicsDocument(r, ctx.now());
    },
    csv: (r) => economicsCsvRecords(r),
  });
  return 0;
}
