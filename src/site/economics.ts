/**
 * `mining`, `ai` and `compare`: today's economics of each option for a site, side by side, and for compare
 * the same site over the horizon (the projection of `project`) with today's depreciation of each option.
 */
import { gpuCloudEconomics, leaseEconomics } from '../core/ai.js';
import { compareSite, type SiteComparison } from '../core/compare.js';
import { straightLinePerYear } from '../core/finance.js';
import { fleetPriceUsdPerTh, miningEconomics } from '../core/mining.js';
import { capexOverEbitdaYears, type OptionEconomics, type OptionId } from '../core/units.js';
import type { NetworkSnapshot } from '../data/types.js';
import type { EconomicsCommand, EconomicsSelection, ProjectionSettings } from '../inputs/resolve.js';
import { type NetworkData, networkData } from './network.js';
import { projectSiteResult, type SiteProjectionResult } from './projection.js';

export interface SiteEconomics {
  command: EconomicsCommand;
  /** The time the economics are for (ages of sources are counted to it). */
  nowMs: number;
  /** null for `ai`, which needs no network data. */
  network: NetworkData | null;
  site: { mw: number; powerUsdPerKwh: number };
  comparison: Pick<SiteComparison, 'options'>;
  gpuModel: string | null;
  /** Where each fleet model's price came from, in fleet order. */
  priceBases: readonly string[] | null;
  /** The fleet's TH-weighted price per TH/s (a new fleet's capex over its hashrate); null without mining. */
  fleetPriceUsdPerTh: number | null;
  /** compare: the projection over the horizon and today's depreciation of each option per year. */
  horizon: {
    projection: SiteProjectionResult;
    depreciationUsdPerYear: Partial<Record<OptionId, number>>;
  } | null;
}

/** Today's straight-line depreciation of an option's capex, per year (a GPU cloud's fit-out at its own life). */
function depreciationPerYear(
  o: OptionEconomics,
  fitOutUsd: number,
  settings: Pick<ProjectionSettings, 'fleet' | 'minerLifeMonths' | 'fitOutLifeMonths' | 'gpuLifeMonths'>,
): number {
  if (o.id === 'mining')
    return settings.fleet === 'new' ? straightLinePerYear(o.capexUsd, settings.minerLifeMonths) : 0;
  if (o.id === 'ai-lease') return straightLinePerYear(o.capexUsd, settings.fitOutLifeMonths);
  return (
    straightLinePerYear(o.capexUsd - fitOutUsd, settings.gpuLifeMonths) +
    straightLinePerYear(fitOutUsd, settings.fitOutLifeMonths)
  );
}

/**
 * Today's economics of the options a command shows, from resolved inputs and network data (needed for mining
 * only), and compare's horizon.
 */
export function siteEconomics(
  selection: EconomicsSelection,
  snapshot: NetworkSnapshot | null,
  nowMs: number,
): SiteEconomics {
  const { site, mining, lease, gpu, projection } = selection;
  const data = snapshot ? networkData(snapshot) : null;
  const others = [];
  if (lease && gpu) {
    others.push(leaseEconomics({ ...site, ...lease }));
    others.push(
      gpuCloudEconomics({ ...site, ...gpu, pueAi: lease.pueAi, fitOutUsdPerMwIt: lease.fitOutUsdPerMwIt }),
    );
  }
  let comparison: SiteEconomics['comparison'];
  let fleetPrice: number | null = null;
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
        ? {
            ...priced,
            capexUsd: 0,
            capexOverYear1EbitdaYears: capexOverEbitdaYears(0, priced.ebitdaUsdPerYear),
          }
        : priced;
    // The fleet's price at catalog (or given) prices, weighted by TH/s: an owned fleet's capex of 0 is not a
    // price of $0/TH.
    fleetPrice = fleetPriceUsdPerTh(priced.fleet, mining.fleet);
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
  let horizon: SiteEconomics['horizon'] = null;
  if (projection && snapshot && mining && lease && gpu) {
    const fitOutUsd = comparison.options.find((c) => c.economics.id === 'ai-lease')?.economics.capexUsd ?? 0;
    horizon = {
      projection: projectSiteResult({ site, mining, lease, gpu }, projection, snapshot, nowMs),
      depreciationUsdPerYear: Object.fromEntries(
        comparison.options.map((c) => [
          c.economics.id,
          depreciationPerYear(c.economics, fitOutUsd, projection),
        ]),
      ),
    };
  }
  return {
    command: selection.command,
    nowMs,
    network: data,
    site: { mw: site.siteMw, powerUsdPerKwh: site.powerUsdPerKwh },
    comparison,
    gpuModel: gpu ? gpu.gpu.name : null,
    priceBases: mining ? mining.priceBases : null,
    fleetPriceUsdPerTh: fleetPrice,
    horizon,
  };
}
