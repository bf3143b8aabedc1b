/**
 * Monthly cash flows per option over a horizon: keep mining, convert to an AI lease, or convert to a GPU
 * cloud the site owner runs. Today's per-option economics (mining.ts, ai.ts) scaled month by month by what
 * changes: the chain (difficulty epochs, halving, fees, BTC price: chain.ts), the conversion (build months,
 * fit-out spread over them, the site mining until go-live, miners sold at go-live), the lease's escalator and
 * term, the GPU rent's decline and the GPUs' life, occupancy ramps, depreciation, tax and residual value.
 * Pure. Conventions: finance.ts (cash at each month's end; capex when spent; month 0 is today).
 */
import { type GpuCloudInputs, gpuCloudEconomics, type LeaseInputs, leaseEconomics } from './ai.js';
import { subsidyBtc } from './bitcoin.js';
import { type ChainInputs, type ChainProjection, projectChain } from './chain.js';
import {
  annualRate,
  discountedPaybackMonths,
  irr,
  npvMonthly,
  paybackMonths,
  peakFunding,
} from './finance.js';
import { computeHashprice } from './hashprice.js';
import { type MiningInputs, miningEconomics } from './mining.js';
import type { OptionId } from './units.js';

export type FleetOwnership = 'owned' | 'new';
export type MinerEnd = 'refresh' | 'retire';
export type ResidualRule = 'book' | 'none';

export interface ProjectionInputs {
  years: number;
  network: Pick<ChainInputs, 'heightBlocks' | 'difficulty' | 'btcUsd' | 'avgFeesBtcPerBlock'>;
  difficultyGrowthPerMonth: number;
  btcGrowthPerYear: number;
  feesGrowthPerYear: number;
  annualDiscountRate: number;
  taxRate: number;
  residual: ResidualRule;
  /** Today's mining economics inputs, without the hashprice (computed from the network). */
  mining: Omit<MiningInputs, 'hashpriceUsdPerPhDay' | 'btcUsd'>;
  fleet: FleetOwnership;
  /** USD per TH/s the miners fetch when a site converts. */
  minerResaleUsdPerTh: number;
  /** Remaining life of an owned fleet, or life of a new one, in months. */
  minerLifeMonths: number;
  minerEnd: MinerEnd;
  lease: LeaseInputs;
  /** Lease escalator per year (rent steps up each lease year). */
  leaseEscalatorPerYear: number;
  leaseTermMonths: number;
  /** Depreciation life of the AI fit-out (for EBIT and the book residual), months. */
  fitOutLifeMonths: number;
  gpu: GpuCloudInputs;
  /** GPU rent decline per year (continuous, month by month). */
  gpuPriceDeclinePerYear: number;
  gpuLifeMonths: number;
  conversionMonths: number;
  idleDuringBuild: boolean;
  /** Months from go-live to full occupancy and utilization (linear). */
  rampMonths: number;
}

export interface ProjectedMonth {
  /** 0 is today (capex spent now); month m ends m months from now. */
  month: number;
  /** Mining: height at the month's end. */
  heightBlocks: number | null;
  revenueUsd: number;
  /** Energy and other opex. */
  opexUsd: number;
  ebitdaUsd: number;
  depreciationUsd: number;
  ebitUsd: number;
  taxUsd: number;
  capexUsd: number;
  /** Miner resale at go-live and the residual (book) value at the horizon's end. */
  otherCashUsd: number;
  cashFlowUsd: number;
  cumulativeCashUsd: number;
  /** Mining curtailed this month (revenue below its power cost). */
  curtailed: boolean;
}

export interface OptionProjection {
  id: OptionId;
  months: ProjectedMonth[];
  npvUsd: number;
  /** Annualized: (1 + monthly IRR)^12 - 1; null with irrNote. */
  irr: number | null;
  irrNote: string | null;
  /** Months from today until cumulative cash turns non-negative; null beyond the horizon. */
  paybackMonths: number | null;
  discountedPaybackMonths: number | null;
  totalCashUsd: number;
  peakFundingUsd: number;
  /** All capex over the horizon (refreshes included). */
  capexUsd: number;
  residualUsd: number;
  /** Months of mining curtailed (this option's own mining, the build period for AI options). */
  curtailedMonths: number;
  /** Month (from today) the AI option goes live; null for mining. */
  goLiveMonth: number | null;
}

export interface SiteProjection {
  months: number;
  chain: ChainProjection;
  /** Today's difficulty-based hashprice, from the network inputs. */
  hashpriceUsdPerPhDayToday: number;
  options: OptionProjection[];
}

interface Flow {
  revenue: number;
  opex: number;
  depreciation: number;
  capex: number;
  other: number;
  height: number | null;
  curtailed: boolean;
}

const zeroFlow = (): Flow => ({
  revenue: 0,
  opex: 0,
  depreciation: 0,
  capex: 0,
  other: 0,
  height: null,
  curtailed: false,
});

/** A depreciating asset bought at `month` for `costUsd` over `lifeMonths`; sold (gone) after `soldAt`. */
interface Asset {
  month: number;
  costUsd: number;
  lifeMonths: number;
  soldAt?: number;
}

function depreciationIn(assets: readonly Asset[], month: number): number {
  let total = 0;
  for (const a of assets) {
    if (a.soldAt !== undefined && month > a.soldAt) continue;
    if (month > a.month && month <= a.month + a.lifeMonths) total += a.costUsd / a.lifeMonths;
  }
  return total;
}

function bookValueAt(assets: readonly Asset[], month: number): number {
  let total = 0;
  for (const a of assets) {
    if (a.soldAt !== undefined && a.soldAt <= month) continue;
    const used = Math.min(Math.max(month - a.month, 0), a.lifeMonths);
    total += a.costUsd * (1 - used / a.lifeMonths);
  }
  return total;
}

/** What to compute: `npvOnly` skips IRR and paybacks (a solver's trial runs need only NPV). */
export interface ProjectOptions {
  npvOnly?: boolean;
  /** Compute only these options (a solver's trial that needs one); default all three. */
  only?: readonly OptionId[];
}

function finish(
  id: OptionId,
  flows: Flow[],
  inputs: ProjectionInputs,
  assets: readonly Asset[],
  goLiveMonth: number | null,
  options: ProjectOptions = {},
): OptionProjection {
  const horizon = flows.length - 1;
  const residualUsd = inputs.residual === 'book' ? bookValueAt(assets, horizon) : 0;
  (flows[horizon] as Flow).other += residualUsd;
  if (options.npvOnly) {
    // A solver's trial: the NPV alone, with no per-month records.
    let npv = 0;
    const step = 1 / (1 + inputs.annualDiscountRate) ** (1 / 12);
    let factor = 1;
    for (const f of flows) {
      const ebitda = f.revenue - f.opex;
      const tax = Math.max(0, ebitda - f.depreciation) * inputs.taxRate;
      npv += (ebitda - tax - f.capex + f.other) * factor;
      factor *= step;
    }
    return {
      id,
      months: [],
      npvUsd: npv,
      irr: null,
      irrNote: 'not computed',
      paybackMonths: null,
      discountedPaybackMonths: null,
      totalCashUsd: Number.NaN,
      peakFundingUsd: Number.NaN,
      capexUsd: Number.NaN,
      residualUsd,
      curtailedMonths: 0,
      goLiveMonth,
    };
  }
  let cumulative = 0;
  const months = flows.map((f, month): ProjectedMonth => {
    const ebitda = f.revenue - f.opex;
    const ebit = ebitda - f.depreciation;
    // Tax on positive EBIT, month by month (no loss carry-forward: conservative; 0% by default).
    const tax = Math.max(0, ebit) * inputs.taxRate;
    const cash = ebitda - tax - f.capex + f.other;
    cumulative += cash;
    return {
      month,
      heightBlocks: f.height,
      revenueUsd: f.revenue,
      opexUsd: f.opex,
      ebitdaUsd: ebitda,
      depreciationUsd: f.depreciation,
      ebitUsd: ebit,
      taxUsd: tax,
      capexUsd: f.capex,
      otherCashUsd: f.other,
      cashFlowUsd: cash,
      cumulativeCashUsd: cumulative,
      curtailed: f.curtailed,
    };
  });
  const cash = months.map((m) => m.cashFlowUsd);
  const monthlyIrr = irr(cash);
  return {
    id,
    months,
    npvUsd: npvMonthly(inputs.annualDiscountRate, cash),
    irr: monthlyIrr.rate === null ? null : annualRate(monthlyIrr.rate),
    irrNote: monthlyIrr.note,
    paybackMonths: paybackMonths(cash),
    discountedPaybackMonths: discountedPaybackMonths(inputs.annualDiscountRate, cash),
    totalCashUsd: cumulative,
    peakFundingUsd: peakFunding(cash),
    capexUsd: months.reduce((s, m) => s + m.capexUsd, 0),
    residualUsd,
    curtailedMonths: months.filter((m) => m.curtailed).length,
    goLiveMonth,
  };
}

function hashpriceToday(inputs: ProjectionInputs): number {
  return computeHashprice({
    difficulty: inputs.network.difficulty,
    subsidyBtc: subsidyBtc(inputs.network.heightBlocks),
    avgFeesBtcPerBlock: inputs.network.avgFeesBtcPerBlock,
    btcUsd: inputs.network.btcUsd,
  }).hashpriceUsdPerPhDay;
}

interface MiningMonthly {
  /** Fleet revenue per month from the chain's hashprice integral (before curtailment). */
  revenue: number[];
  /** Energy per month. */
  energy: number;
  height: number[];
  fleetCapexUsd: number;
  fleetThs: number;
}

function miningMonthly(inputs: ProjectionInputs, chain: ChainProjection): MiningMonthly {
  const hashprice0 = computeHashprice({
    difficulty: inputs.network.difficulty,
    subsidyBtc: subsidyBtc(inputs.network.heightBlocks),
    avgFeesBtcPerBlock: inputs.network.avgFeesBtcPerBlock,
    btcUsd: inputs.network.btcUsd,
  }).hashpriceUsdPerPhDay;
  const today = miningEconomics({
    ...inputs.mining,
    hashpriceUsdPerPhDay: hashprice0,
    btcUsd: inputs.network.btcUsd,
  });
  const netPh = (today.hashrateThs / 1000) * (1 - inputs.mining.poolFee) * inputs.mining.uptime;
  return {
    revenue: chain.months.map((m) => netPh * m.usdPerPhOverMonth),
    energy: today.energyUsdPerYear / 12,
    height: chain.months.map((m) => m.heightBlocks),
    fleetCapexUsd: today.capexUsd,
    fleetThs: today.hashrateThs,
  };
}

/** Keep mining (owned or new fleet), month by month; `untilMonth` stops it (a conversion's go-live). */
function miningFlows(
  inputs: ProjectionInputs,
  mm: MiningMonthly,
  months: number,
  options: { untilMonth?: number; idleFrom?: number } = {},
): { flows: Flow[]; assets: Asset[] } {
  const flows = Array.from({ length: months + 1 }, zeroFlow);
  const assets: Asset[] = [];
  const life = Math.max(1, inputs.minerLifeMonths);
  if (inputs.fleet === 'new') {
    (flows[0] as Flow).capex += mm.fleetCapexUsd;
    assets.push({ month: 0, costUsd: mm.fleetCapexUsd, lifeMonths: life });
  }
  const until = options.untilMonth ?? months;
  let retiredAfter = Number.POSITIVE_INFINITY;
  for (let m = 1; m <= months; m++) {
    const f = flows[m] as Flow;
    f.height = mm.height[m - 1] ?? null;
    if (m > until || m > retiredAfter || (options.idleFrom !== undefined && m >= options.idleFrom)) continue;
    const revenue = mm.revenue[m - 1] ?? 0;
    if (revenue < mm.energy) f.curtailed = true;
    else {
      f.revenue = revenue;
      f.opex = mm.energy;
    }
    // The fleet reaches the end of its life at the end of month `life` (and every `life` months after).
    if (m % life === 0 && m < until) {
      if (inputs.minerEnd === 'refresh') {
        f.capex += mm.fleetCapexUsd;
        assets.push({ month: m, costUsd: mm.fleetCapexUsd, lifeMonths: life });
      } else retiredAfter = m;
    }
  }
  for (let m = 1; m <= months; m++) (flows[m] as Flow).depreciation = depreciationIn(assets, m);
  return { flows, assets };
}

/** The conversion common to both AI options: fit-out spread over the build, the site mining until go-live. */
function conversionFlows(
  inputs: ProjectionInputs,
  mm: MiningMonthly,
  months: number,
  fitOutUsd: number,
): { flows: Flow[]; assets: Asset[]; goLive: number } {
  const goLive = Math.min(inputs.conversionMonths, months);
  const mining = miningFlows(inputs, mm, months, {
    untilMonth: goLive,
    ...(inputs.idleDuringBuild ? { idleFrom: 1 } : {}),
  });
  const flows = mining.flows;
  for (const f of flows) f.height = null;
  // The miners are sold at go-live (a new fleet bought today too): their book value leaves with them.
  const assets: Asset[] = mining.assets.map((a) => ({ ...a, soldAt: goLive }));
  (flows[goLive] as Flow).other += inputs.minerResaleUsdPerTh * mm.fleetThs;
  if (goLive === 0) (flows[0] as Flow).capex += fitOutUsd;
  else for (let m = 1; m <= goLive; m++) (flows[m] as Flow).capex += fitOutUsd / goLive;
  assets.push({ month: goLive, costUsd: fitOutUsd, lifeMonths: Math.max(1, inputs.fitOutLifeMonths) });
  return { flows, assets, goLive };
}

function ramp(inputs: ProjectionInputs, monthsLive: number): number {
  return inputs.rampMonths > 0 ? Math.min(1, monthsLive / inputs.rampMonths) : 1;
}

function leaseProjection(
  inputs: ProjectionInputs,
  mm: MiningMonthly,
  months: number,
  options: ProjectOptions,
): OptionProjection {
  const today = leaseEconomics(inputs.lease);
  const { flows, assets, goLive } = conversionFlows(inputs, mm, months, today.capexUsd);
  for (let m = goLive + 1; m <= months; m++) {
    const k = m - goLive; // months live
    if (k > inputs.leaseTermMonths) break;
    const share = ramp(inputs, k);
    const escalator = (1 + inputs.leaseEscalatorPerYear) ** Math.floor((k - 1) / 12);
    const revenue = (today.revenueUsdPerYear / 12) * share * escalator;
    const f = flows[m] as Flow;
    f.revenue += revenue;
    f.opex += (today.energyUsdPerYear / 12) * share + revenue * inputs.lease.otherOpexShare;
  }
  for (let m = 1; m <= months; m++) (flows[m] as Flow).depreciation = depreciationIn(assets, m);
  return finish('ai-lease', flows, inputs, assets, goLive, options);
}

function gpuProjection(
  inputs: ProjectionInputs,
  mm: MiningMonthly,
  months: number,
  options: ProjectOptions,
): OptionProjection {
  const today = gpuCloudEconomics(inputs.gpu);
  const fitOutUsd = today.itMw * inputs.gpu.fitOutUsdPerMwIt;
  const gpuCapexUsd = today.capexUsd - fitOutUsd;
  const { flows, assets, goLive } = conversionFlows(inputs, mm, months, fitOutUsd);
  const life = Math.max(1, inputs.gpuLifeMonths);
  // GPUs bought at go-live, and again at the end of each life within the horizon.
  for (let bought = goLive; bought === goLive || bought < months; bought += life) {
    (flows[bought] as Flow).capex += gpuCapexUsd;
    assets.push({ month: bought, costUsd: gpuCapexUsd, lifeMonths: life });
  }
  for (let m = goLive + 1; m <= months; m++) {
    const k = m - goLive;
    // Rent declines as the GPUs age; a refreshed fleet starts again at today's rent for new GPUs.
    const age = (k - 1) % life;
    const rent = (1 - inputs.gpuPriceDeclinePerYear) ** (age / 12);
    const share = ramp(inputs, k);
    const revenue = (today.revenueUsdPerYear / 12) * rent * share;
    const f = flows[m] as Flow;
    f.revenue += revenue;
    f.opex += (today.energyUsdPerYear / 12) * share + revenue * inputs.gpu.otherOpexShare;
  }
  for (let m = 1; m <= months; m++) (flows[m] as Flow).depreciation = depreciationIn(assets, m);
  return finish('gpu-cloud', flows, inputs, assets, goLive, options);
}

/** The chain a projection's inputs imply (reusable across runs that change no network input). */
export function chainFor(inputs: ProjectionInputs): ChainProjection {
  return projectChain({
    ...inputs.network,
    difficultyGrowthPerMonth: inputs.difficultyGrowthPerMonth,
    btcGrowthPerYear: inputs.btcGrowthPerYear,
    feesGrowthPerYear: inputs.feesGrowthPerYear,
    months: Math.round(inputs.years * 12),
  });
}

/** Every option over the horizon, from the same chain (computed, or given when it is known to be the same). */
export function projectSite(
  inputs: ProjectionInputs,
  given?: ChainProjection,
  options: ProjectOptions = {},
): SiteProjection {
  const months = Math.round(inputs.years * 12);
  const chain = given ?? chainFor(inputs);
  const mm = miningMonthly(inputs, chain);
  const wanted = (id: OptionId) => !options.only || options.only.includes(id);
  const results: OptionProjection[] = [];
  if (wanted('mining')) {
    const mining = miningFlows(inputs, mm, months);
    results.push(finish('mining', mining.flows, inputs, mining.assets, null, options));
  }
  if (wanted('ai-lease')) results.push(leaseProjection(inputs, mm, months, options));
  if (wanted('gpu-cloud')) results.push(gpuProjection(inputs, mm, months, options));
  return { months, chain, hashpriceUsdPerPhDayToday: hashpriceToday(inputs), options: results };
}
