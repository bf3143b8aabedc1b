/**
 * A site over the horizon: the core's projection from resolved inputs and today's network (carried to today
 * when older than a day), the breakevens against keeping mining, and what would flip the decision.
 */

import { NETWORK_MODEL } from '../catalog/network-model.js';
import { type Breakeven, breakevensVsMining, priceBreakevenBetween } from '../core/breakeven.js';
import { type DeckColumn, type DeckRow, deckPaths, monthIndexOf } from '../core/price-path.js';
import {
  type Plan,
  PlanParts,
  type PlanProjection,
  type PowerContract,
  type ProjectionInputs,
  projectPlan,
  projectSite,
  type SiteProjection,
} from '../core/projection/index.js';
import { type PlausibleRange, plausibleRanges, type Robustness, robustness } from '../core/risk/robust.js';
import type { OptionId } from '../core/units.js';
import type { NetworkSnapshot } from '../data/types.js';
import type {
  PlanSetting,
  PowerContractSettings,
  ProjectionSettings,
  ResolvedSite,
} from '../inputs/resolve.js';
import { heightToday, type NetworkData, networkData } from './network.js';

/**
 * Whole calendar months from a catalog date (YYYY, YYYY-MM or YYYY-MM-DD; a year alone is taken at July, its
 * middle) to the month of `nowMs`, never negative; 0 for null (a value given today). Whole months keep a
 * run's figures the same all month (two runs a second apart agree to the bit).
 */
export function monthsSince(date: string | null, nowMs: number): number {
  if (date === null) return 0;
  const match = /^(\d{4})(?:-(\d{2}))?/.exec(date);
  if (!match) return 0;
  const month = match[2] === undefined ? 7 : Number(match[2]);
  const now = new Date(nowMs);
  const elapsed = now.getUTCFullYear() * 12 + now.getUTCMonth() + 1 - (Number(match[1]) * 12 + month);
  return Math.max(0, elapsed);
}

/** An owned fleet's age today, whole months: the mean of its models' ages, each bought in its model year's July. */
export function fleetAgeMonths(models: readonly { year: number }[], nowMs: number): number {
  if (models.length === 0) return 0;
  return Math.round(models.reduce((sum, m) => sum + monthsSince(String(m.year), nowMs), 0) / models.length);
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
    networkModel: settings.network === 'model' ? NETWORK_MODEL : null,
    btcGrowthPerYear: settings.btcGrowthPerYear,
    feesGrowthPerYear: settings.feesGrowthPerYear,
    annualDiscountRate: settings.discountRate,
    taxRate: settings.taxRate,
    ...(settings.usTax
      ? {
          tax: {
            ...settings.usTax,
            startCalendarMonth: new Date(nowMs).getUTCFullYear() * 12 + new Date(nowMs).getUTCMonth(),
          },
        }
      : {}),
    residual: settings.residual,
    ...(settings.exitValue ? { exitValue: settings.exitValue } : {}),
    ...(Object.keys(settings.discountRates).length > 0 ? { discountRates: settings.discountRates } : {}),
    ...(settings.sale ? { sale: { usdPerMw: settings.sale.usdPerMw, month: settings.sale.month } } : {}),
    salvageUsdPerMwIt: settings.salvageUsdPerMwIt,
    siteFixedUsdPerMwMonth: settings.siteFixedUsdPerMwMonth,
    // Every mining setting, so that a new one reaches the projection as it reaches today's economics.
    mining: { ...site, ...mining },
    fleet: settings.fleet,
    minerResaleUsdPerTh: settings.minerResaleUsdPerTh,
    minerLifeMonths: settings.minerLifeMonths,
    minerAgeMonths: settings.fleet === 'new' ? 0 : fleetAgeMonths(mining.fleetModels, nowMs),
    minerEnd: settings.minerEnd,
    lease: { ...site, ...lease },
    leaseEscalatorPerYear: settings.leaseEscalatorPerYear,
    leaseTermMonths: settings.leaseTermMonths,
    fitOutLifeMonths: settings.fitOutLifeMonths,
    gpu: { ...site, ...gpu, pueAi: lease.pueAi, fitOutUsdPerMwIt: lease.fitOutUsdPerMwIt },
    gpuPriceDeclinePerYear: settings.gpuPriceDeclinePerYear,
    gpuRentQuoteAgeMonths: monthsSince(gpu.rentQuoteDate, nowMs),
    gpuCapexQuoteAgeMonths: monthsSince(gpu.capexQuoteDate, nowMs),
    gpuLifeMonths: settings.gpuLifeMonths,
    conversionMonths: settings.conversionMonths,
    idleDuringBuild: settings.idleDuringBuild,
    rampMonths: settings.rampMonths,
    ...(settings.deck
      ? { deck: deckPaths(settings.deck, nowMs, Math.round(settings.years * 12)).paths }
      : {}),
    powerContract: powerContract(settings.power, nowMs),
  };
}

/**
 * The core's power contract from its settings: --power-fixed-until as the months from today's (or --start's)
 * calendar month through it (projection month m is the calendar month m - 1 after the start's, as a deck's).
 */
export function powerContract(power: PowerContractSettings, nowMs: number): PowerContract {
  const { fixedUntil, ...rest } = power;
  const now = new Date(nowMs);
  const fixedMonths =
    fixedUntil === null
      ? null
      : Math.max(0, monthIndexOf(fixedUntil) - (now.getUTCFullYear() * 12 + now.getUTCMonth()) + 1);
  return { ...rest, fixedMonths };
}

/** What a projection says of its price deck: the file, its columns and the months of the horizon it covers. */
export interface DeckSummary {
  path: string;
  columns: DeckColumn[];
  /** The deck's first and last calendar months (YYYY-MM). */
  firstMonth: string;
  lastMonth: string;
  /** The projection months (1-based) its rows cover within the horizon; null when none fall in it. */
  coveredMonths: { first: number; last: number } | null;
}

export function deckSummary(settings: ProjectionSettings, nowMs: number): DeckSummary | null {
  const deck = settings.deck;
  if (!deck) return null;
  return {
    path: deck.path,
    columns: deck.columns,
    firstMonth: (deck.rows[0] as DeckRow).month,
    lastMonth: (deck.rows.at(-1) as DeckRow).month,
    coveredMonths: deckPaths(deck, nowMs, Math.round(settings.years * 12)).covered,
  };
}

/** The best AI option's own price at which it falls to the next best AI option. */
export interface DecisionFlip extends Breakeven {
  id: 'ai-lease' | 'gpu-cloud';
  /** The next best AI option (a flip is between the two AI options only). */
  versus: OptionId;
}

/** The verdict's robustness and the plausible ranges it was tested over. */
export interface SiteRobustness extends Robustness {
  ranges: PlausibleRange[];
}

/** The robustness of the ranking at `inputs` over the decisive drivers' plausible ranges (core/risk/robust.ts). */
export function siteRobustness(
  inputs: ProjectionInputs,
  projection?: SiteProjection,
  given?: Parameters<typeof plausibleRanges>[1],
  evaluator?: Parameters<typeof robustness>[3],
): SiteRobustness {
  const ranges = plausibleRanges(inputs, given);
  return { ...robustness(inputs, ranges, projection?.flows, evaluator), ranges };
}

/** A plan as given (--plan) on a site: each tranche's share of the site turned into grid MW. */
export function planOf(setting: PlanSetting | null | undefined, siteMw: number): Plan | null {
  if (!setting) return null;
  return {
    tranches: setting.tranches.map((t) => ({
      option: t.option,
      mw: t.mw ?? (t.share ?? 0) * siteMw,
      goLiveMonth: t.goLiveMonth,
    })),
  };
}

/** A site's projection with everything the `project` document states about it. */
export interface SiteProjectionResult {
  network: NetworkData;
  /** The snapshot's height carried to today, when it was older than a day. */
  carriedForward: { fromAsOfMs: number; blocksAdded: number; heightBlocks: number } | null;
  site: { mw: number; powerUsdPerKwh: number };
  years: number;
  /** Unix ms the projection starts (today, or the 1st of --start's month). */
  startMs: number;
  /** --start's month (YYYY-MM), or null when the projection starts today. */
  startMonth: string | null;
  /** The price deck, when one was given. */
  deck: DeckSummary | null;
  inputs: ProjectionInputs;
  projection: SiteProjection;
  /** Each AI option's breakevens against keeping mining. */
  breakevens: ReturnType<typeof breakevensVsMining>;
  flip: DecisionFlip | null;
  /** Whether a decisive driver in its plausible range changes the first-ranked option, and which do. */
  robustness: SiteRobustness;
  /** --plan: the plan's projection beside the pure options (the same chain); null without one. */
  plan: PlanProjection | null;
  /** Today's prices the breakevens are compared with. */
  current: { btcUsd: number; leaseUsdPerKwMonth: number; gpuUsdPerHour: number };
  /** The dates the GPU rent and capex describe (null: given, today's). */
  gpuQuoteDates: { rent: string | null; capex: string | null };
}

/**
 * The projection of a site from resolved inputs and today's network data, with the breakevens against mining
 * and what would flip the decision. Shared by `project` and `compare`.
 */
export function projectSiteResult(
  resolved: ResolvedSite,
  settings: ProjectionSettings,
  snapshot: NetworkSnapshot,
  nowMs: number,
  /** The core's inputs when the caller has them already. */
  given?: ProjectionInputs,
): SiteProjectionResult {
  const { site, lease, gpu } = resolved;
  const carried = heightToday(snapshot, nowMs);
  const inputs = given ?? projectionInputs(resolved, settings, snapshot, nowMs);
  const projection = projectSite(inputs);
  const plan = planOf(settings.plan, site.siteMw);
  const breakevens = breakevensVsMining(inputs, projection);
  const ranked = [...projection.options].sort((a, b) => b.npvUsd - a.npvUsd);
  const [best, next] = ranked;
  const flip: DecisionFlip | null =
    best &&
    next &&
    (best.id === 'ai-lease' || best.id === 'gpu-cloud') &&
    (next.id === 'ai-lease' || next.id === 'gpu-cloud')
      ? { id: best.id, versus: next.id, ...priceBreakevenBetween(inputs, projection, best.id, next.id) }
      : null;
  return {
    network: networkData(snapshot),
    carriedForward:
      carried.blocksAdded > 0
        ? {
            fromAsOfMs: snapshot.heightBlocks.asOfMs,
            blocksAdded: carried.blocksAdded,
            heightBlocks: carried.heightBlocks,
          }
        : null,
    site: { mw: site.siteMw, powerUsdPerKwh: site.powerUsdPerKwh },
    years: settings.years,
    startMs: nowMs,
    startMonth: settings.start,
    deck: deckSummary(settings, nowMs),
    inputs,
    projection,
    breakevens,
    flip,
    robustness: siteRobustness(inputs, projection),
    plan: plan ? projectPlan(inputs, plan, new PlanParts(inputs, projection.chain)) : null,
    current: {
      btcUsd: snapshot.btcUsd.value,
      leaseUsdPerKwMonth: lease.leaseUsdPerKwMonth,
      gpuUsdPerHour: gpu.gpuUsdPerHour,
    },
    gpuQuoteDates: { rent: gpu.rentQuoteDate, capex: gpu.capexQuoteDate },
  };
}
