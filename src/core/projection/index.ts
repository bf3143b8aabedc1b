/**
 * Monthly cash flows per option over a horizon: keep mining, convert to an AI lease, or convert to a GPU
 * cloud the site owner runs. Today's per-option economics (mining.ts, ai.ts) scaled month by month by what
 * changes: the chain (difficulty epochs, halving, fees, BTC price: chain.ts), the conversion (build months,
 * fit-out spread over them, the site mining until go-live, miners sold at go-live), the lease's escalator and
 * term, the GPU rent's decline and the GPUs' life, occupancy ramps, depreciation, tax and residual value.
 * Pure; flows.ts holds the monthly arrays, assets.ts what each option owns, options.ts each option's
 * months. Conventions: finance.ts (cash at each month's end; capex when spent; month 0 is today).
 */

import { gpuCloudEconomics, leaseEconomics } from '../ai.js';
import type { ChainProjection } from '../chain.js';
import {
  annualRate,
  discountedPaybackMonths,
  irr,
  npvMonthly,
  paybackMonths,
  peakFunding,
} from '../finance.js';
import type { OptionId } from '../units.js';
import { leveredOption } from './debt.js';
import { evaluateFlows, type Flows, lastMonthsEbitda, type OptionFlows, scaledFlowsNpv } from './flows.js';
import {
  chainFor,
  fleetEvents,
  fleetRun,
  gpuFlows,
  hashpriceToday,
  keepMiningFlows,
  leaseFlows,
  type MiningMonthly,
  miningMonthly,
  sellFlows,
} from './options.js';
import { type Plan, type PlanFlows, PlanParts, planFlows, type Tranche } from './plan.js';
import type {
  OptionProjection,
  ProjectedMonth,
  ProjectionInputs,
  ProjectOptions,
  SiteProjection,
} from './types.js';

export * from './debt.js';
export {
  evaluateFlows,
  Flows,
  lastMonthsEbitda,
  type OptionFlows,
  type SplitFlows,
  scaledFlowsNpv,
  splitFlows,
  splitNpv,
} from './flows.js';
export { buildStart, chainFor, chainGrowth } from './options.js';
export * from './plan.js';
export { NO_POWER_CONTRACT } from './power.js';
export * from './types.js';

/**
 * An option's annual discount rate: its own (inputs.discountRates) or the site's; a sale is discounted at
 * mining's (its flows are mining's until the sale, then a price).
 */
export function discountRateOf(
  inputs: Pick<ProjectionInputs, 'annualDiscountRate' | 'discountRates'>,
  id: OptionId,
): number {
  const own = inputs.discountRates;
  if (!own) return inputs.annualDiscountRate;
  return (id === 'sell' ? (own.sell ?? own.mining) : own[id]) ?? inputs.annualDiscountRate;
}

/** The inputs as one option sees them: its own discount rate as the annual rate (its decisions use it too). */
export function forOption<T extends Pick<ProjectionInputs, 'annualDiscountRate' | 'discountRates'>>(
  inputs: T,
  id: OptionId,
): T {
  const rate = discountRateOf(inputs, id);
  return rate === inputs.annualDiscountRate ? inputs : { ...inputs, annualDiscountRate: rate };
}

/** The options a projection of `inputs` has: the three, and `sell` when a sale is given. */
export function optionIdsOf(inputs: Pick<ProjectionInputs, 'sale'>): OptionId[] {
  return inputs.sale ? ['mining', 'ai-lease', 'gpu-cloud', 'sell'] : ['mining', 'ai-lease', 'gpu-cloud'];
}

/** The residual's present value: discounted from the horizon's end (month flows.length - 1). */
function residualPv(
  inputs: Pick<ProjectionInputs, 'annualDiscountRate'>,
  flows: Flows,
  residualUsd: number,
): number {
  return residualUsd / (1 + inputs.annualDiscountRate) ** ((flows.length - 1) / 12);
}

/**
 * The tax shield's value: the NPV as taxed minus the NPV taxed with no depreciation deducted (book for the flat
 * rate, MACRS and bonus under the US model); 0 pre-tax.
 */
function taxShield(flows: Flows, inputs: ProjectionInputs, npvUsd: number): number {
  if (!(inputs.taxRate > 0)) return 0;
  const bare = flows.prefix(flows.length);
  bare.depreciation.fill(0);
  bare.taxDepreciation.fill(0);
  const cash = evaluateFlows(
    bare,
    inputs.taxRate,
    new Float64Array(flows.length),
    null,
    null,
    1,
    flows.length,
    false,
  );
  return npvUsd - npvMonthly(inputs.annualDiscountRate, cash);
}

/**
 * The energy bills of evaluated flows (after curtailment): mining's where it ran, its take-or-pay share where
 * curtailed, and the AI energy.
 */
function energyBills(flows: Flows): number {
  let total = 0;
  for (let m = 1; m < flows.length; m++) {
    const mining = flows.miningActive[m] === 1 ? (flows.miningEnergy[m] as number) : 0;
    total +=
      (flows.curtailed[m] === 1 ? mining * flows.takeOrPay : mining) + (flows.aiFixedOpex[m] as number);
  }
  return total;
}

function finish(
  built: OptionFlows,
  siteInputs: ProjectionInputs,
  options: ProjectOptions = {},
): OptionProjection {
  return { ...summarize(built, siteInputs, options), id: built.id };
}

/** An option's or a plan's summary and months from its flows (a plan has no loan). */
function summarize(
  built: Omit<OptionFlows, 'id'> & { id: OptionId | 'plan' },
  siteInputs: ProjectionInputs,
  options: ProjectOptions = {},
): Omit<OptionProjection, 'id'> {
  const { id, flows, residualUsd, goLiveMonth } = built;
  // A plan mixes the options' risks: discounted at --discount-rate (docs/model.md, "Plans").
  const inputs = id === 'plan' ? siteInputs : forOption(siteInputs, id);
  const cash = evaluateFlows(flows, inputs.taxRate, new Float64Array(flows.length));
  const npvUsd = npvMonthly(inputs.annualDiscountRate, cash);
  const residualPvUsd = residualPv(inputs, flows, residualUsd);
  const common = {
    npvUsd,
    taxShieldUsd: options.npvOnly ? Number.NaN : taxShield(flows, inputs, npvUsd),
    npvExResidualUsd: npvUsd - residualPvUsd,
    residualUsd,
    residualPvUsd,
    goLiveMonth,
    minersSoldMonth: built.minersSoldMonth,
    fleetPurchases: built.fleetPurchases,
    gridChargesUsd: built.gridChargesUsd ?? 0,
    annualDiscountRate: inputs.annualDiscountRate,
    saleMonth: built.saleMonth ?? null,
    saleUsd: built.saleUsd ?? null,
  };
  if (options.npvOnly) {
    // A solver's trial: the NPV alone, with no per-month records.
    return {
      ...common,
      months: [],
      irr: null,
      irrNote: 'not computed',
      paybackMonths: null,
      discountedPaybackMonths: null,
      paybackCountingResidualMonths: null,
      discountedPaybackCountingResidualMonths: null,
      totalCashUsd: Number.NaN,
      peakFundingUsd: Number.NaN,
      capexUsd: Number.NaN,
      curtailedMonths: 0,
      energyUsd: Number.NaN,
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
      taxUsd: flows.tax[month] as number,
      ...(inputs.tax
        ? {
            taxDepreciationUsd: flows.taxDepreciation[month] as number,
            nolBalanceUsd: flows.nolBalance[month] as number,
            taxableGainUsd: flows.taxableGain[month] as number,
          }
        : {}),
      capexUsd: capex[month] as number,
      otherCashUsd: other[month] as number,
      cashFlowUsd,
      cumulativeCashUsd: cumulative,
      curtailed: curtailed[month] === 1,
    });
  }
  const monthlyIrr = irr(cash);
  // Payback is when operating and capital cash turn non-negative: the residual value is not cash received.
  const operating = Float64Array.from(cash);
  operating[flows.length - 1] = (operating[flows.length - 1] as number) - residualUsd;
  const capexUsd = months.reduce((s, m) => s + m.capexUsd, 0);
  const terms = id === 'plan' ? undefined : inputs.debt?.[id];
  const debt = terms
    ? leveredOption(
        terms,
        { cash, capex, other, tax: months.map((m) => m.taxUsd) },
        inputs.taxRate,
        goLiveMonth ?? 0,
        Math.ceil((flows.length - 1) / 12),
      )
    : null;
  return {
    ...common,
    months,
    irr: monthlyIrr.rate === null ? null : annualRate(monthlyIrr.rate),
    irrNote: monthlyIrr.note,
    paybackMonths: capexUsd > 0 ? paybackMonths(operating) : null,
    discountedPaybackMonths:
      capexUsd > 0 ? discountedPaybackMonths(inputs.annualDiscountRate, operating) : null,
    paybackCountingResidualMonths: paybackMonths(cash),
    discountedPaybackCountingResidualMonths: discountedPaybackMonths(inputs.annualDiscountRate, cash),
    totalCashUsd: cumulative,
    peakFundingUsd: peakFunding(cash),
    capexUsd,
    curtailedMonths: months.filter((m) => m.curtailed).length,
    energyUsd: energyBills(flows),
    ...(terms ? { debt } : {}),
  };
}

/** The fleet's monthly figures at BTC/USD k times today's: the revenue scaled (the chain's blocks do not move). */
function btcScaled(known: MiningMonthly, k: number): MiningMonthly {
  return k === 1
    ? known
    : {
        ...known,
        revenue: known.revenue.map((r) => r * k),
        beyond: (n: number) => {
          const past = known.beyond(n);
          return { ...past, revenue: past.revenue.map((r) => r * k) };
        },
      };
}

/** The fleet's monthly figures at a power price e times today's as well: every energy bill scaled by e. */
function priceScaled(known: MiningMonthly, k: number, e: number): MiningMonthly {
  const scaled = btcScaled(known, k);
  return e === 1
    ? scaled
    : { ...scaled, energy: known.energy * e, energyAt: (month: number) => known.energyAt(month) * e };
}

const BUILDERS = {
  mining: keepMiningFlows,
  'ai-lease': leaseFlows,
  'gpu-cloud': gpuFlows,
  sell: sellFlows,
} as const;

/**
 * The options' NPVs at BTC/USD k times today's and a power price e times today's, building fewer flows.
 * - BTC/USD scales the fleet's revenue and nothing else the flows hold; a power price scales every energy bill
 *   (the fleet's and the AI options', not the grid charges, which are per kW) and nothing else, where the
 *   bills are proportional to it (energyApplies: no market price or price deck takes over, one price for the
 *   whole site).
 * - So a trial's flows are those built from today's revenue and bills, with the fleet's decisions
 *   (fleetEvents: when it mines, is sold, is bought again) taken at the trial's, evaluated with the mining
 *   revenue scaled by k and the bills by e (scaledFlowsNpv; with e != 1 a lease's residual, the rest of its
 *   term, valued again from its scaled tail: scaledNpv).
 * - Flows are kept by their decisions: a solver's trials whose fleets do the same (the base's, mostly) share
 *   one build.
 * A BTC trial (e = 1) is exactly (to the bit) projectSite(inputs, chain, { npvOnly: true, btcScale: k })'s:
 * mining never runs past the horizon, so a lease's residual does not move with k. A power trial differs from
 * a projection built at that price by the rounding of (kWh x price) x e against kWh x (price x e): about
 * 1e-15 of it (a test holds the two within 1e-9 of max(|NPV|, $1M)), far inside the solvers' 1e-9.
 */
export class PriceTrials {
  private readonly known: MiningMonthly;
  private readonly months: number;
  private readonly built = new Map<string, OptionFlows>();
  private readonly npvs = new Map<string, number>();
  private readonly atScale: Record<OptionId, Map<string, OptionFlows>> = {
    mining: new Map(),
    'ai-lease': new Map(),
    'gpu-cloud': new Map(),
    sell: new Map(),
  };
  /** Flows built (one option's each). */
  builds = 0;
  constructor(
    private readonly inputs: ProjectionInputs,
    chain: ChainProjection,
  ) {
    if (!PriceTrials.applies(inputs))
      throw new RangeError('PriceTrials: a sale, an exit value or own discount rates');
    this.known = miningMonthly(inputs, chain);
    this.months = Math.round(inputs.years * 12);
  }

  /**
   * Whether these inputs' BTC trials can share flows so: not with a sale of the site, an exit value on the last
   * year's earnings (which move with BTC) or a discount rate of an option's own (callers rebuild then).
   */
  static applies(inputs: ProjectionInputs): boolean {
    return !inputs.sale && !inputs.exitValue && !inputs.discountRates;
  }

  /**
   * Whether power-price trials can too: as `applies`, with every bill proportional to the price (no price deck
   * of power, no market price after the contract), one price for the mining and the AI options, above 0.
   */
  static energyApplies(inputs: ProjectionInputs): boolean {
    const contract = inputs.powerContract;
    const price = inputs.mining.powerUsdPerKwh;
    return (
      PriceTrials.applies(inputs) &&
      !inputs.deck?.powerUsdPerKwh &&
      !(contract && contract.fixedMonths !== null && contract.marketUsdPerKwh !== null) &&
      price > 0 &&
      Number.isFinite(price) &&
      inputs.lease.powerUsdPerKwh === price &&
      inputs.gpu.powerUsdPerKwh === price
    );
  }

  /**
   * Option `id`'s NPV at BTC/USD k and a power price e times today's, kept by (id, k, e): a grid's rows ask
   * for the options its other driver does not move again and again.
   */
  npv(id: OptionId, k: number, e = 1): number {
    const key = `${id}:${k},${e}`;
    const known = this.npvs.get(key);
    if (known !== undefined) return known;
    const { inputs } = this;
    const option = this.flowsAt(id, k, e);
    const value =
      e === 1
        ? scaledFlowsNpv(option.flows, inputs.taxRate, inputs.annualDiscountRate, k, 1, 1)
        : scaledNpv(inputs, [option])(id, k, 1, e);
    this.npvs.set(key, value);
    return value;
  }

  /**
   * Option `id`'s flows for a trial at k and e: built from today's revenue and bills with the fleet's decisions
   * at the trial's, to be evaluated with a mining scale of k and an energy scale of e (scaledFlowsNpv,
   * scaledNpv).
   */
  flowsAt(id: OptionId, k: number, e = 1): OptionFlows {
    // A grid asks for the same values on every row: their decisions once.
    const atScale = this.atScale[id];
    const at = `${k},${e}`;
    const seen = atScale.get(at);
    if (seen) return seen;
    const { inputs, known, months } = this;
    const decide = priceScaled(known, k, e);
    const run = fleetRun(id, inputs, months);
    const key = `${id}:${run ? fleetEvents(inputs, decide, run.months, run.options).join(',') : ''}`;
    let option = this.built.get(key);
    if (!option) {
      this.builds++;
      option = BUILDERS[id](inputs, { ...known, decisions: decide }, months, { npvOnly: true });
      this.built.set(key, option);
    }
    atScale.set(at, option);
    return option;
  }
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
  const mm = btcScaled(known, options.btcScale ?? 1);
  const wanted = (id: OptionId) => !options.only || options.only.includes(id);
  // An exit value replaces the residual rule: the options are built without one, then valued at the horizon.
  const built: ProjectionInputs = inputs.exitValue ? { ...inputs, residual: 'none' } : inputs;
  const own = (id: OptionId) => forOption(built, id);
  const results: OptionFlows[] = [];
  if (wanted('mining')) results.push(keepMiningFlows(own('mining'), mm, months, options));
  if (wanted('ai-lease')) results.push(leaseFlows(own('ai-lease'), mm, months, options));
  if (wanted('gpu-cloud')) results.push(gpuFlows(own('gpu-cloud'), mm, months, options));
  if (inputs.sale && wanted('sell')) results.push(sellFlows(own('sell'), mm, months, options));
  return {
    chain,
    options: results.map((o) => {
      const rated = { ...o, annualDiscountRate: discountRateOf(inputs, o.id) };
      return inputs.exitValue ? withExitValue(rated, inputs) : rated;
    }),
  };
}

/** The MW of IT load an option runs (the site's grid MW over its PUE): for an exit value per MW of IT. */
function itMwOf(inputs: ProjectionInputs, id: OptionId): number {
  if (id === 'ai-lease') return leaseEconomics(inputs.lease).itMw;
  if (id === 'gpu-cloud') return gpuCloudEconomics(inputs.gpu).itMw;
  return inputs.mining.siteMw / inputs.mining.pueMining;
}

/**
 * Built flows (with no residual) valued at the horizon by the exit value (inputs.exitValue): on the last 12
 * months' EBITDA (annualized when the horizon is shorter) over a cap rate or times a multiple, never below 0;
 * or a price per MW of grid power or of the option's IT load. A sale holds nothing at the horizon.
 */
function withExitValue(o: OptionFlows, inputs: ProjectionInputs): OptionFlows {
  const exit = inputs.exitValue;
  if (!exit || o.id === 'sell') return o;
  const horizon = o.flows.length - 1;
  const multiple =
    exit.method === 'cap-rate' ? 1 / exit.capRate : exit.method === 'multiple' ? exit.multiple : null;
  const residualUsd =
    exit.method === 'per-mw'
      ? exit.usdPerMw * inputs.mining.siteMw
      : exit.method === 'per-it-mw'
        ? exit.usdPerMw * itMwOf(inputs, o.id)
        : Math.max(0, (multiple as number) * annualEbitda(o.flows));
  o.flows.other[horizon] = (o.flows.other[horizon] as number) + residualUsd;
  return { ...o, residualUsd, ...(multiple !== null ? { residualEarningsMultiple: multiple } : {}) };
}

/** The EBITDA of the horizon's last 12 months, a year's worth (a horizon under a year: its months scaled up). */
function annualEbitda(flows: Flows, miningScale = 1, aiScale = 1, energyScale = 1): number {
  const months = Math.min(12, flows.length - 1);
  if (months <= 0) return 0;
  return (lastMonthsEbitda(flows, months, miningScale, aiScale, energyScale) * 12) / months;
}

/**
 * The NPV of built flows with every month's mining revenue scaled by `miningScale` and the AI revenue by
 * `aiScale`, without rebuilding them: a BTC/USD k times today's scales mining revenue by exactly k (the
 * chain's blocks and difficulty do not depend on the price), and a lease rate or GPU-hour price k times
 * today's scales that option's revenue (and the opex proportional to it) by k, and a power price k times
 * today's every energy bill by k. A solver's trials at another price cost one evaluation of the months.
 */
export function scaledNpv(
  inputs: Pick<ProjectionInputs, 'taxRate' | 'annualDiscountRate' | 'discountRates'>,
  built: readonly OptionFlows[],
): (id: OptionId, miningScale: number, aiScale: number, energyScale?: number) => number {
  return (id, miningScale, aiScale, energyScale = 1) => {
    const option = built.find((o) => o.id === id);
    if (!option) return Number.NaN;
    const rate = option.annualDiscountRate ?? discountRateOf(inputs, id);
    const npv = scaledFlowsNpv(option.flows, inputs.taxRate, rate, miningScale, aiScale, energyScale);
    const pv = (usd: number) => residualPv({ annualDiscountRate: rate }, option.flows, usd);
    const earnings = option.residualEarningsMultiple;
    if (earnings !== undefined) {
      // An exit value on the last year's earnings: valued again from the scaled flows.
      const again = Math.max(0, earnings * annualEbitda(option.flows, miningScale, aiScale, energyScale));
      return npv - pv(option.residualUsd) + pv(again);
    }
    const tail = option.residualTail;
    if (!tail) return npv;
    // A residual that is flows past the horizon (a lease's signed term) scales with them: valued again.
    const again =
      scaledFlowsNpv(tail.flows, inputs.taxRate, rate, miningScale, aiScale, energyScale) +
      tail.afterUsd / (1 + rate) ** (tail.afterMonth / 12);
    return npv - pv(option.residualUsd) + pv(again);
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
    options: built.options.map((o) => finish(o, inputs, options)),
    ...(options.only || options.npvOnly || options.btcScale !== undefined ? {} : { flows: built.options }),
  };
}

/** A plan's projection: its summary and months as an option's, with its tranches and the parts summed. */
export interface PlanProjection extends Omit<OptionProjection, 'id' | 'debt'> {
  id: 'plan';
  tranches: Tranche[];
  parts: PlanFlows['parts'];
}

/**
 * A plan over the horizon (plan.ts): its tranches' and the mining rest's flows summed and evaluated once,
 * with the same figures as an option's. `parts` when built already (the pure options' chain and mining).
 */
export function projectPlan(
  inputs: ProjectionInputs,
  plan: Plan,
  parts: PlanParts = new PlanParts(inputs),
  options: ProjectOptions = {},
): PlanProjection {
  const built = planFlows(plan, parts);
  return {
    ...summarize(built, inputs, options),
    id: 'plan',
    tranches: plan.tranches.map((t) => ({ ...t })),
    parts: built.parts,
  };
}
export * from './search.js';
