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
  monthlyRate,
  npvMonthly,
  paybackMonths,
  peakFunding,
} from './finance.js';
import { computeHashprice } from './hashprice.js';
import { type MiningInputs, miningEconomics } from './mining.js';
import { type OptionId, power } from './units.js';

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
  /** The flows the options were evaluated from, when all three were (a solver's trials reuse them). */
  flows?: readonly OptionFlows[];
}

/**
 * Monthly flows from month 0 (today) to the horizon, one typed array per figure: a solver runs the
 * projection dozens of times and a simulation thousands, and arrays of numbers cost a fraction of arrays of
 * objects. Mining and AI revenue are kept apart, before curtailment, so that one evaluation (evaluateFlows)
 * serves the deterministic run (factors of 1) and every simulated path (its own BTC, difficulty and rent):
 * evaluateFlows.
 */
export class Flows {
  /** Mining revenue where the site mines that month, before curtailment; 0 elsewhere. */
  readonly miningRevenue: Float64Array;
  /** Mining energy where the site mines that month (not paid when curtailed). */
  readonly miningEnergy: Float64Array;
  readonly miningActive: Uint8Array;
  /** AI revenue (lease rent, or GPU rent at the deterministic price). */
  readonly aiRevenue: Float64Array;
  /** AI energy (the only AI opex not proportional to revenue; it scales with the power price). */
  readonly aiFixedOpex: Float64Array;
  /** AI opex proportional to revenue (staff, network, software), as a share of it. */
  aiOpexShare = 0;
  /** Set by evaluateFlows: revenue and opex after curtailment. */
  readonly revenue: Float64Array;
  readonly opex: Float64Array;
  readonly depreciation: Float64Array;
  readonly capex: Float64Array;
  /** Miner resale at go-live and the residual value at the horizon's end. */
  readonly other: Float64Array;
  /** Mining: the height at the month's end; NaN where none. */
  readonly height: Float64Array;
  readonly curtailed: Uint8Array;
  constructor(readonly length: number) {
    this.miningRevenue = new Float64Array(length);
    this.miningEnergy = new Float64Array(length);
    this.miningActive = new Uint8Array(length);
    this.aiRevenue = new Float64Array(length);
    this.aiFixedOpex = new Float64Array(length);
    this.revenue = new Float64Array(length);
    this.opex = new Float64Array(length);
    this.depreciation = new Float64Array(length);
    this.capex = new Float64Array(length);
    this.other = new Float64Array(length);
    this.height = new Float64Array(length).fill(Number.NaN);
    this.curtailed = new Uint8Array(length);
  }
}

/**
 * Evaluates flows: each month's revenue and opex after curtailment (into the flows), and its cash after tax
 * into `cash`. The mining revenue is scaled by `miningFactor[m]` and the AI revenue by `aiFactor[m]` (null:
 * 1), every energy bill by `energyScale` (a power price that many times today's); a month mines only when
 * its revenue covers its energy. `until`: only the months before it (a simulation's months after it do not
 * change from path to path); `records` false: the cash alone, the flows' revenue and opex left as they are. Cash is EBITDA - tax - capex + other, with tax
 * on positive EBIT month by month (no loss carry-forward: conservative; 0% by default). One pass: a
 * simulation runs it for every option of every path.
 */
export function evaluateFlows(
  flows: Flows,
  taxRate: number,
  cash: Float64Array,
  miningFactor: ArrayLike<number> | null = null,
  aiFactor: ArrayLike<number> | null = null,
  energyScale = 1,
  until = flows.length,
  records = true,
): Float64Array {
  const { miningRevenue, miningEnergy, miningActive, aiRevenue, aiFixedOpex } = flows;
  const { revenue, opex, curtailed, depreciation, capex, other } = flows;
  const share = flows.aiOpexShare;
  for (let m = 0; m < until; m++) {
    let rev = 0;
    let cost = 0;
    let curtail = 0;
    if (miningActive[m] === 1) {
      const mined = (miningRevenue[m] as number) * (miningFactor === null ? 1 : (miningFactor[m] as number));
      const energy = (miningEnergy[m] as number) * energyScale;
      if (mined < energy) curtail = 1;
      else {
        rev = mined;
        cost = energy;
      }
    }
    const ai = (aiRevenue[m] as number) * (aiFactor === null ? 1 : (aiFactor[m] as number));
    const monthRevenue = rev + ai;
    const monthOpex = cost + ((aiFixedOpex[m] as number) * energyScale + ai * share);
    if (records) {
      revenue[m] = monthRevenue;
      opex[m] = monthOpex;
      curtailed[m] = curtail;
    }
    const ebitda = monthRevenue - monthOpex;
    const tax = taxRate > 0 ? Math.max(0, ebitda - (depreciation[m] as number)) * taxRate : 0;
    cash[m] = ebitda - tax - (capex[m] as number) + (other[m] as number);
  }
  return cash;
}

/**
 * The NPV of flows evaluated with every month's mining revenue scaled by `miningScale`, the AI revenue by
 * `aiScale` and every energy bill by `energyScale`, in one pass with no cash array: exactly (to the bit)
 * evaluateFlows with factor arrays of those constants followed by npvMonthly, the same operations in the
 * same order (a test holds the two together). A solver's trials run it dozens of times a projection.
 */
export function scaledFlowsNpv(
  flows: Flows,
  taxRate: number,
  annualDiscountRate: number,
  miningScale: number,
  aiScale: number,
  energyScale: number,
): number {
  const { miningRevenue, miningEnergy, miningActive, aiRevenue, aiFixedOpex, depreciation, capex, other } =
    flows;
  const share = flows.aiOpexShare;
  const rate = monthlyRate(annualDiscountRate);
  if (!(rate > -1)) throw new RangeError('npv: rate must be above -100%');
  const step = 1 / (1 + rate);
  let total = 0;
  let factor = 1;
  for (let m = 0; m < flows.length; m++) {
    let rev = 0;
    let cost = 0;
    if (miningActive[m] === 1) {
      const mined = (miningRevenue[m] as number) * miningScale;
      const energy = (miningEnergy[m] as number) * energyScale;
      if (!(mined < energy)) {
        rev = mined;
        cost = energy;
      }
    }
    const ai = (aiRevenue[m] as number) * aiScale;
    const ebitda = rev + ai - (cost + ((aiFixedOpex[m] as number) * energyScale + ai * share));
    const tax = taxRate > 0 ? Math.max(0, ebitda - (depreciation[m] as number)) * taxRate : 0;
    total += (ebitda - tax - (capex[m] as number) + (other[m] as number)) * factor;
    factor *= step;
  }
  return total;
}

/** A depreciating asset bought at `month` for `costUsd` over `lifeMonths`; sold (gone) after `soldAt`. */
interface Asset {
  month: number;
  costUsd: number;
  lifeMonths: number;
  soldAt?: number;
}

/** Each month's straight-line depreciation of the assets held in it. */
function setDepreciation(flows: Flows, assets: readonly Asset[], needed = true): void {
  if (!needed) return;
  for (let m = 1; m < flows.length; m++) flows.depreciation[m] = depreciationIn(assets, m);
}

/** Depreciation matters to cash only through tax: a solver's NPV trial at 0% tax skips it. */
const needsDepreciation = (inputs: ProjectionInputs, options: ProjectOptions) =>
  !options.npvOnly || inputs.taxRate > 0;

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
  /**
   * BTC/USD scaled by this factor: every month's USD mining revenue scales by it exactly (the chain's blocks
   * and difficulty do not depend on the price), so a trial at another BTC price needs no new chain.
   */
  btcScale?: number;
}

/** The residual value at the horizon's end, added to the last month's other cash (once, when built). */
function addResidual(flows: Flows, inputs: ProjectionInputs, assets: readonly Asset[]): number {
  const horizon = flows.length - 1;
  const residualUsd = inputs.residual === 'book' ? bookValueAt(assets, horizon) : 0;
  flows.other[horizon] = (flows.other[horizon] as number) + residualUsd;
  return residualUsd;
}

function finish(
  id: OptionId,
  flows: Flows,
  inputs: ProjectionInputs,
  residualUsd: number,
  goLiveMonth: number | null,
  options: ProjectOptions = {},
): OptionProjection {
  const cash = evaluateFlows(flows, inputs.taxRate, new Float64Array(flows.length));
  if (options.npvOnly) {
    // A solver's trial: the NPV alone, with no per-month records.
    return {
      id,
      months: [],
      npvUsd: npvMonthly(inputs.annualDiscountRate, cash),
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
  const { revenue, opex, depreciation, capex, other, height, curtailed } = flows;
  let cumulative = 0;
  const months: ProjectedMonth[] = [];
  for (let month = 0; month < flows.length; month++) {
    const ebitda = (revenue[month] as number) - (opex[month] as number);
    const ebit = ebitda - (depreciation[month] as number);
    const cashFlowUsd = cash[month] as number;
    cumulative += cashFlowUsd;
    const h = height[month] as number;
    months.push({
      month,
      heightBlocks: Number.isNaN(h) ? null : h,
      revenueUsd: revenue[month] as number,
      opexUsd: opex[month] as number,
      ebitdaUsd: ebitda,
      depreciationUsd: depreciation[month] as number,
      ebitUsd: ebit,
      taxUsd: inputs.taxRate > 0 ? Math.max(0, ebit) * inputs.taxRate : 0,
      capexUsd: capex[month] as number,
      otherCashUsd: other[month] as number,
      cashFlowUsd,
      cumulativeCashUsd: cumulative,
      curtailed: curtailed[month] === 1,
    });
  }
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

/**
 * The fleet's monthly figures depend only on the mining inputs and the chain: a solver's trials that change
 * neither (a lease rate, a GPU price) reuse them.
 */
const miningMonthlyMemo = new WeakMap<object, WeakMap<ChainProjection, MiningMonthly>>();

function miningMonthly(inputs: ProjectionInputs, chain: ChainProjection): MiningMonthly {
  const byChain = miningMonthlyMemo.get(inputs.mining) ?? new WeakMap<ChainProjection, MiningMonthly>();
  miningMonthlyMemo.set(inputs.mining, byChain);
  const known = byChain.get(chain);
  if (known) return known;
  const made = computeMiningMonthly(inputs, chain);
  byChain.set(chain, made);
  return made;
}

function computeMiningMonthly(inputs: ProjectionInputs, chain: ChainProjection): MiningMonthly {
  const today = miningEconomics({
    ...inputs.mining,
    hashpriceUsdPerPhDay: hashpriceToday(inputs),
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
  options: { untilMonth?: number; idleFrom?: number; depreciation?: boolean } = {},
): { flows: Flows; assets: Asset[] } {
  const flows = new Flows(months + 1);
  const assets: Asset[] = [];
  const life = Math.max(1, inputs.minerLifeMonths);
  if (inputs.fleet === 'new') {
    flows.capex[0] = (flows.capex[0] as number) + mm.fleetCapexUsd;
    assets.push({ month: 0, costUsd: mm.fleetCapexUsd, lifeMonths: life });
  }
  const until = options.untilMonth ?? months;
  let retiredAfter = Number.POSITIVE_INFINITY;
  for (let m = 1; m <= months; m++) {
    flows.height[m] = mm.height[m - 1] ?? Number.NaN;
    if (m > until || m > retiredAfter || (options.idleFrom !== undefined && m >= options.idleFrom)) continue;
    flows.miningRevenue[m] = mm.revenue[m - 1] ?? 0;
    flows.miningEnergy[m] = mm.energy;
    flows.miningActive[m] = 1;
    // The fleet reaches the end of its life at the end of month `life` (and every `life` months after).
    if (m % life === 0 && m < until) {
      if (inputs.minerEnd === 'refresh') {
        flows.capex[m] = (flows.capex[m] as number) + mm.fleetCapexUsd;
        assets.push({ month: m, costUsd: mm.fleetCapexUsd, lifeMonths: life });
      } else retiredAfter = m;
    }
  }
  setDepreciation(flows, assets, options.depreciation ?? true);
  return { flows, assets };
}

/** The conversion common to both AI options: fit-out spread over the build, the site mining until go-live. */
function conversionFlows(
  inputs: ProjectionInputs,
  mm: MiningMonthly,
  months: number,
  fitOutUsd: number,
): { flows: Flows; assets: Asset[]; goLive: number } {
  const goLive = Math.min(inputs.conversionMonths, months);
  const mining = miningFlows(inputs, mm, months, {
    untilMonth: goLive,
    depreciation: false,
    ...(inputs.idleDuringBuild ? { idleFrom: 1 } : {}),
  });
  const flows = mining.flows;
  flows.height.fill(Number.NaN);
  // The miners are sold at go-live (a new fleet bought today too): their book value leaves with them.
  const assets: Asset[] = mining.assets.map((a) => ({ ...a, soldAt: goLive }));
  flows.other[goLive] = (flows.other[goLive] as number) + inputs.minerResaleUsdPerTh * mm.fleetThs;
  if (goLive === 0) flows.capex[0] = (flows.capex[0] as number) + fitOutUsd;
  else for (let m = 1; m <= goLive; m++) flows.capex[m] = (flows.capex[m] as number) + fitOutUsd / goLive;
  assets.push({ month: goLive, costUsd: fitOutUsd, lifeMonths: Math.max(1, inputs.fitOutLifeMonths) });
  return { flows, assets, goLive };
}

function ramp(inputs: ProjectionInputs, monthsLive: number): number {
  return inputs.rampMonths > 0 ? Math.min(1, monthsLive / inputs.rampMonths) : 1;
}

/** An option's flows over the horizon, residual included: what finish() and a simulation evaluate. */
export interface OptionFlows {
  id: OptionId;
  flows: Flows;
  residualUsd: number;
  goLiveMonth: number | null;
}

function leaseFlows(
  inputs: ProjectionInputs,
  mm: MiningMonthly,
  months: number,
  options: ProjectOptions,
): OptionFlows {
  const today = leaseEconomics(inputs.lease);
  const { flows, assets, goLive } = conversionFlows(inputs, mm, months, today.capexUsd);
  for (let m = goLive + 1; m <= months; m++) {
    const k = m - goLive; // months live
    if (k > inputs.leaseTermMonths) break;
    const share = ramp(inputs, k);
    const escalator = power(1 + inputs.leaseEscalatorPerYear, Math.floor((k - 1) / 12));
    flows.aiRevenue[m] = (today.revenueUsdPerYear / 12) * share * escalator;
    flows.aiFixedOpex[m] = (today.energyUsdPerYear / 12) * share;
  }
  flows.aiOpexShare = inputs.lease.otherOpexShare;
  setDepreciation(flows, assets, needsDepreciation(inputs, options));
  return { id: 'ai-lease', flows, residualUsd: addResidual(flows, inputs, assets), goLiveMonth: goLive };
}

function gpuFlows(
  inputs: ProjectionInputs,
  mm: MiningMonthly,
  months: number,
  options: ProjectOptions,
): OptionFlows {
  const today = gpuCloudEconomics(inputs.gpu);
  const fitOutUsd = today.itMw * inputs.gpu.fitOutUsdPerMwIt;
  const gpuCapexUsd = today.capexUsd - fitOutUsd;
  const { flows, assets, goLive } = conversionFlows(inputs, mm, months, fitOutUsd);
  const life = Math.max(1, inputs.gpuLifeMonths);
  // GPUs bought at go-live, and again at the end of each life within the horizon.
  for (let bought = goLive; bought === goLive || bought < months; bought += life) {
    flows.capex[bought] = (flows.capex[bought] as number) + gpuCapexUsd;
    assets.push({ month: bought, costUsd: gpuCapexUsd, lifeMonths: life });
  }
  for (let m = goLive + 1; m <= months; m++) {
    const k = m - goLive;
    // Rent declines as the GPUs age; a refreshed fleet starts again at today's rent for new GPUs.
    const age = (k - 1) % life;
    const rent = power(1 - inputs.gpuPriceDeclinePerYear, age / 12);
    const share = ramp(inputs, k);
    flows.aiRevenue[m] = (today.revenueUsdPerYear / 12) * rent * share;
    flows.aiFixedOpex[m] = (today.energyUsdPerYear / 12) * share;
  }
  flows.aiOpexShare = inputs.gpu.otherOpexShare;
  setDepreciation(flows, assets, needsDepreciation(inputs, options));
  return { id: 'gpu-cloud', flows, residualUsd: addResidual(flows, inputs, assets), goLiveMonth: goLive };
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

/**
 * Every option's flows over the horizon, from the same chain (computed, or given when it is known to be the
 * same), not yet evaluated (evaluateFlows).
 */
export function siteFlows(
  inputs: ProjectionInputs,
  given?: ChainProjection,
  options: ProjectOptions = {},
): { chain: ChainProjection; options: OptionFlows[] } {
  const months = Math.round(inputs.years * 12);
  const chain = given ?? chainFor(inputs);
  const known = miningMonthly(inputs, chain);
  const k = options.btcScale ?? 1;
  const mm = k === 1 ? known : { ...known, revenue: known.revenue.map((r) => r * k) };
  const wanted = (id: OptionId) => !options.only || options.only.includes(id);
  const results: OptionFlows[] = [];
  if (wanted('mining')) {
    const mining = miningFlows(inputs, mm, months, { depreciation: needsDepreciation(inputs, options) });
    results.push({
      id: 'mining',
      flows: mining.flows,
      residualUsd: addResidual(mining.flows, inputs, mining.assets),
      goLiveMonth: null,
    });
  }
  if (wanted('ai-lease')) results.push(leaseFlows(inputs, mm, months, options));
  if (wanted('gpu-cloud')) results.push(gpuFlows(inputs, mm, months, options));
  return { chain, options: results };
}

/**
 * The NPV of built flows with every month's mining revenue scaled by `miningScale` and the AI revenue by
 * `aiScale`, without rebuilding them: a BTC/USD k times today's scales mining revenue by exactly k (the
 * chain's blocks and difficulty do not depend on the price), and a lease rate or GPU-hour price k times
 * today's scales that option's revenue (and the opex proportional to it) by k, and a power price k times
 * today's every energy bill by k. A solver's trials at another price cost one evaluation of the months.
 */
export function scaledNpv(
  inputs: Pick<ProjectionInputs, 'taxRate' | 'annualDiscountRate'>,
  built: readonly OptionFlows[],
): (id: OptionId, miningScale: number, aiScale: number, energyScale?: number) => number {
  return (id, miningScale, aiScale, energyScale = 1) => {
    const option = built.find((o) => o.id === id);
    if (!option) return Number.NaN;
    return scaledFlowsNpv(
      option.flows,
      inputs.taxRate,
      inputs.annualDiscountRate,
      miningScale,
      aiScale,
      energyScale,
    );
  };
}

/** Every option over the horizon, from the same chain (computed, or given when it is known to be the same). */
export function projectSite(
  inputs: ProjectionInputs,
  given?: ChainProjection,
  options: ProjectOptions = {},
): SiteProjection {
  const built = siteFlows(inputs, given, options);
  return {
    months: Math.round(inputs.years * 12),
    chain: built.chain,
    hashpriceUsdPerPhDayToday: hashpriceToday(inputs),
    options: built.options.map((o) => finish(o.id, o.flows, inputs, o.residualUsd, o.goLiveMonth, options)),
    ...(options.only || options.npvOnly || options.btcScale !== undefined ? {} : { flows: built.options }),
  };
}
