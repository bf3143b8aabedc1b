/**
 * Each option's flows month by month: keep mining (an owned fleet for what its age leaves of its life, or a
 * new one; bought again at the end of a life only when a new fleet pays for itself, else sold; sold too when
 * it cannot run for the rest of the horizon), or convert (fit-out spread over the build, the site mining
 * until go-live, the miners sold) to an AI lease (escalator, term, ramp) or a GPU cloud (rent and price
 * declining from the quote's date, GPUs bought again at the end of each life at today's quote).
 */
import { gpuCloudEconomics, leaseEconomics } from '../ai.js';
import { subsidyBtc } from '../bitcoin.js';
import { type ChainProjection, projectChain } from '../chain.js';
import { monthlyRate } from '../finance.js';
import { computeHashprice } from '../hashprice.js';
import { miningEconomics, netMiningRevenueUsdPerDay } from '../mining.js';
import { flatPathAt, lastGivenIndex } from '../price-path.js';
import { addTaxDepreciation } from '../tax.js';
import type { OptionId } from '../units.js';
import { power } from '../units.js';
import { type Asset, bookValueAt, needsDepreciation, setDepreciation } from './assets.js';
import { evaluateFlows, Flows, type OptionFlows } from './flows.js';
import { energyPath, gridChargesPerMonth, powerContractOf } from './power.js';
import type { ProjectionInputs, ProjectOptions } from './types.js';

export function hashpriceToday(inputs: ProjectionInputs): number {
  return computeHashprice({
    difficulty: inputs.network.difficulty,
    subsidyBtc: subsidyBtc(inputs.network.heightBlocks),
    avgFeesBtcPerBlock: inputs.network.avgFeesBtcPerBlock,
    btcUsd: inputs.network.btcUsd,
  }).hashpriceUsdPerPhDay;
}

/** A number for each object a chain depends on by identity (the network model's parameters, a deck's paths). */
const identities = new WeakMap<object, number>();
let identitiesMade = 0;
const identity = (o: object | null | undefined): number => {
  if (!o) return 0;
  let id = identities.get(o);
  if (id === undefined) {
    id = ++identitiesMade;
    identities.set(o, id);
  }
  return id;
};
/**
 * The difficulty growth a chain depends on: none with the network model (projectChain then takes each month's
 * hashrate from the model and never reads the growth), so that trials of the growth share the one chain.
 */
export const chainGrowth = (inputs: ProjectionInputs): number =>
  inputs.networkModel ? 0 : inputs.difficultyGrowthPerMonth;

/** The chains made lately, by their inputs (a solver's and the verdict's trials ask for the same again). */
const chains = new Map<string, ChainProjection>();
const CHAINS_KEPT = 64;

/**
 * The chain a projection's inputs imply (reusable across runs that change no network input): projectChain's,
 * remembered by its inputs (the network's figures, the growths, the months; the network model and a deck's
 * paths by identity), so that trials that change no network input share one. Chains are never modified.
 */
export function chainFor(inputs: ProjectionInputs, months = Math.round(inputs.years * 12)): ChainProjection {
  const { network, deck } = inputs;
  const key = [
    network.heightBlocks,
    network.difficulty,
    network.btcUsd,
    network.avgFeesBtcPerBlock,
    chainGrowth(inputs),
    inputs.btcGrowthPerYear,
    inputs.feesGrowthPerYear,
    months,
    identity(inputs.networkModel),
    identity(deck?.btcUsd),
    identity(deck?.feesBtcPerBlock),
  ].join(',');
  const known = chains.get(key);
  if (known) return known;
  const made = makeChain(inputs, months);
  if (chains.size >= CHAINS_KEPT) chains.delete(chains.keys().next().value as string);
  chains.set(key, made);
  return made;
}

function makeChain(inputs: ProjectionInputs, months: number): ChainProjection {
  const { deck } = inputs;
  return projectChain({
    ...inputs.network,
    difficultyGrowthPerMonth: inputs.difficultyGrowthPerMonth,
    networkModel: inputs.networkModel,
    btcGrowthPerYear: inputs.btcGrowthPerYear,
    feesGrowthPerYear: inputs.feesGrowthPerYear,
    months,
    ...(deck?.btcUsd ? { btcUsdPath: deck.btcUsd } : {}),
    ...(deck?.feesBtcPerBlock ? { feesBtcPerBlockPath: deck.feesBtcPerBlock } : {}),
  });
}

export interface MiningMonthly {
  /** Fleet revenue per month from the chain's hashprice integral (before curtailment), month m at m - 1. */
  revenue: number[];
  /** Energy per month at today's power price. */
  energy: number;
  /** Energy in month m (1-based): the power contract's price path (power.ts: escalator, market, deck). */
  energyAt: (month: number) => number;
  /** Other mining opex per month (staff, maintenance, insurance, G&A): paid in the months the fleet mines. */
  otherOpex: number;
  height: number[];
  fleetCapexUsd: number;
  fleetThs: number;
  /** Month m's mean hashprice over today's (month m at m - 1): how used miners' prices move. */
  hashpriceRatio: number[];
  /** The same two series past the horizon, for decisions that look beyond it (a refresh); made when needed. */
  beyond: (months: number) => { revenue: number[]; hashpriceRatio: number[] };
  /**
   * The figures the fleet's decisions are taken on, when not these (fleetEvents): a BTC trial's flows built
   * from today's revenue, decided at the trial's (PriceTrials, index.ts).
   */
  decisions?: MiningMonthly;
}

/**
 * The fleet's monthly figures depend only on the mining inputs and the chain: a solver's trials that change
 * neither (a lease rate, a GPU price) reuse them.
 */
const miningMonthlyMemo = new WeakMap<object, WeakMap<ChainProjection, MiningMonthly>>();

export function miningMonthly(inputs: ProjectionInputs, chain: ChainProjection): MiningMonthly {
  const byChain = miningMonthlyMemo.get(inputs.mining) ?? new WeakMap<ChainProjection, MiningMonthly>();
  miningMonthlyMemo.set(inputs.mining, byChain);
  const known = byChain.get(chain);
  if (known) return known;
  const made = computeMiningMonthly(inputs, chain);
  byChain.set(chain, made);
  return made;
}

function computeMiningMonthly(inputs: ProjectionInputs, chain: ChainProjection): MiningMonthly {
  const hashprice0 = hashpriceToday(inputs);
  const today = miningEconomics({
    ...inputs.mining,
    hashpriceUsdPerPhDay: hashprice0,
    btcUsd: inputs.network.btcUsd,
  });
  const { poolFee, uptime } = inputs.mining;
  const series = (c: ChainProjection) => ({
    revenue: c.months.map((m) =>
      netMiningRevenueUsdPerDay(today.hashrateThs, m.usdPerPhOverMonth, poolFee, uptime),
    ),
    hashpriceRatio: c.months.map((m) => m.hashpriceUsdPerPhDay / hashprice0),
  });
  const within = series(chain);
  let longer: ReturnType<typeof series> | null = null;
  const energy = today.energyUsdPerYear / 12;
  return {
    ...within,
    energy,
    energyAt: energyPath(
      inputs,
      energy,
      () =>
        miningEconomics({ ...inputs.mining, powerUsdPerKwh: 1, hashpriceUsdPerPhDay: hashprice0, btcUsd: 1 })
          .energyUsdPerYear / 12,
    ),
    otherOpex: today.otherOpexUsdPerYear / 12,
    height: chain.months.map((m) => m.heightBlocks),
    fleetCapexUsd: today.capexUsd,
    fleetThs: today.hashrateThs,
    beyond: (months) => {
      if (months <= chain.months.length) return within;
      if (!longer || longer.revenue.length < months) longer = series(chainFor(inputs, months));
      return longer;
    },
  };
}

/** What the fleet fetches at the end of month `month` (today at 0): today's used price moved by the hashprice. */
function minerResaleAt(inputs: ProjectionInputs, mm: MiningMonthly, month: number): number {
  if (month <= 0) return inputs.minerResaleUsdPerTh * mm.fleetThs;
  const ratio = mm.hashpriceRatio[month - 1] ?? mm.beyond(month).hashpriceRatio[month - 1] ?? 0;
  return inputs.minerResaleUsdPerTh * mm.fleetThs * ratio;
}

/**
 * Whether a new fleet bought at the end of month `month` pays for itself over its life at the hashprice the
 * chain expects then: the present value (at the discount rate, from that month) of each month's margin over
 * its running costs after tax (a month that loses money is curtailed: 0), of the tax its straight-line
 * depreciation saves, and of its resale at the end of its life, is at least its price.
 */
export function newFleetPays(inputs: ProjectionInputs, mm: MiningMonthly, month: number): boolean {
  const life = Math.max(1, inputs.minerLifeMonths);
  const { revenue } = mm.beyond(month + life);
  const keep = 1 - inputs.taxRate;
  const shield = (mm.fleetCapexUsd / life) * inputs.taxRate;
  const { takeOrPay } = powerContractOf(inputs);
  const step = 1 / (1 + monthlyRate(inputs.annualDiscountRate));
  let value = 0;
  let factor = 1;
  for (let j = 1; j <= life; j++) {
    factor *= step;
    const energy = mm.energyAt(month + j);
    // A month that loses money is curtailed: it pays only the take-or-pay share of its energy (0 without one).
    const margin = Math.max(-energy * takeOrPay, (revenue[month + j - 1] ?? 0) - (energy + mm.otherOpex));
    value += (margin * keep + shield) * factor;
  }
  value += minerResaleAt(inputs, mm, month + life) * factor;
  return value >= mm.fleetCapexUsd;
}

/**
 * When to sell a fleet held from month `from` that must go by month `to` at the latest: the month s that
 * maximizes the present value of its margin until then after tax (a month that loses money is curtailed: 0)
 * plus its resale then; the earliest such month. A fleet that cannot cover its running costs again is sold rather than
 * idled (its resale falls with the hashprice); one that can is kept while its margin is worth more than the
 * fall in its resale.
 */
function bestSaleMonth(inputs: ProjectionInputs, mm: MiningMonthly, from: number, to: number): number {
  const keep = 1 - inputs.taxRate;
  const { takeOrPay } = powerContractOf(inputs);
  const step = 1 / (1 + monthlyRate(inputs.annualDiscountRate));
  let factor = step ** from;
  let margins = 0;
  let best = minerResaleAt(inputs, mm, from) * factor;
  let bestMonth = from;
  for (let s = from + 1; s <= to; s++) {
    factor *= step;
    const energy = mm.energyAt(s);
    // Curtailed, a held fleet still pays the take-or-pay share of its energy; sold, it pays nothing.
    const margin = Math.max(-energy * takeOrPay, (mm.revenue[s - 1] ?? 0) - (energy + mm.otherOpex));
    margins += margin * keep * factor;
    const value = margins + minerResaleAt(inputs, mm, s) * factor;
    if (value > best * (1 + 1e-12) + 1e-6) {
      best = value;
      bestMonth = s;
    }
  }
  return bestMonth;
}

export interface FleetFlows {
  flows: Flows;
  assets: Asset[];
  /** The month the fleet was sold; null when it is still held at the horizon's end. */
  soldMonth: number | null;
  purchases: number;
}

/**
 * Mining month by month until `untilMonth` (a conversion's go-live, where the fleet is sold; default the
 * horizon). The fleet ends its life `minerLifeMonths - minerAgeMonths` months from now (a new fleet: its whole
 * life); then it is bought again if a new one pays for itself (newFleetPays) and `minerEnd` is refresh, else
 * sold. Before that it is sold when selling is worth more than keeping it (bestSaleMonth): a fleet that cannot
 * cover its running costs for the rest of the horizon is sold, not idled. `sellToday`: sold now (a site idle
 * during its build).
 */
export function miningFlows(
  inputs: ProjectionInputs,
  mm: MiningMonthly,
  months: number,
  options: FleetRunOptions = {},
): FleetFlows {
  const flows = new Flows(months + 1);
  const assets: Asset[] = [];
  const life = Math.max(1, inputs.minerLifeMonths);
  let purchases = 0;
  let soldMonth: number | null = null;
  const until = Math.min(options.untilMonth ?? months, months);
  for (let m = 1; m <= months; m++) flows.height[m] = mm.height[m - 1] ?? Number.NaN;
  flows.takeOrPay = powerContractOf(inputs).takeOrPay;
  // The decisions on the figures given for them (a BTC trial's), the flows from mm's (fleetEvents).
  const events = fleetEvents(inputs, mm.decisions ?? mm, months, options);
  for (let e = 0; e < events.length; e += 3) {
    const kind = events[e] as number;
    const at = events[e + 1] as number;
    if (kind === BUY) {
      flows.capex[at] = (flows.capex[at] as number) + mm.fleetCapexUsd;
      assets.push({ month: at, costUsd: mm.fleetCapexUsd, lifeMonths: life });
      purchases++;
    } else if (kind === SELL) {
      // With handOver, the fleet sold at `untilMonth` goes with the site: no resale of its own then.
      const withSite = options.handOver === true && at === until;
      if (!withSite) flows.other[at] = (flows.other[at] as number) + minerResaleAt(inputs, mm, at);
      for (const a of assets) a.soldAt ??= at;
      soldMonth = at;
    } else
      for (let m = at + 1; m <= (events[e + 2] as number); m++) {
        flows.miningRevenue[m] = mm.revenue[m - 1] ?? 0;
        flows.miningEnergy[m] = mm.energyAt(m);
        flows.miningOtherOpex[m] = mm.otherOpex;
        flows.miningActive[m] = 1;
      }
  }
  setDepreciation(flows, assets, options.depreciation ?? true, inputs.tax);
  return { flows, assets, soldMonth, purchases };
}

export interface FleetRunOptions {
  untilMonth?: number;
  sellToday?: boolean;
  depreciation?: boolean;
  /** At `untilMonth` the fleet goes with the site (a sale of the site): no resale of its own then. */
  handOver?: boolean;
}

/** fleetEvents' kinds: mine months (from, to]; buy a fleet at a month; sell it at a month. */
const MINE = 0;
const BUY = 1;
const SELL = 2;

/**
 * miningFlows' decisions, in the order it takes them, as triples (kind, month, to): mining months (from, to],
 * a purchase, a sale. They read the fleet's monthly figures (revenue, energy, resale), so a BTC trial's may
 * differ from the base's; two runs with the same events write the same flows from the same figures.
 */
export function fleetEvents(
  inputs: ProjectionInputs,
  mm: MiningMonthly,
  months: number,
  options: FleetRunOptions = {},
): number[] {
  const events: number[] = [];
  const life = Math.max(1, inputs.minerLifeMonths);
  const until = Math.min(options.untilMonth ?? months, months);
  let sold = false;
  const buy = (m: number) => events.push(BUY, m, m);
  const sell = (m: number) => {
    events.push(SELL, m, m);
    sold = true;
  };
  let endOfLife = Math.max(0, Math.round(life - inputs.minerAgeMonths));
  if (inputs.fleet === 'new') {
    buy(0);
    endOfLife = life;
  }
  // A conversion sells the fleet at go-live; keeping mining holds it to the horizon (its residual then).
  const mustSell = options.untilMonth !== undefined;
  let held = 0;
  if (options.sellToday) sell(0);
  while (!sold) {
    const stop = Math.min(endOfLife, until);
    const sale = bestSaleMonth(inputs, mm, held, stop);
    if (sale > held) events.push(MINE, held, sale);
    if (sale < stop || (sale === until && mustSell)) sell(sale);
    else if (sale === until) break;
    else if (inputs.minerEnd === 'refresh' && newFleetPays(inputs, mm, sale)) {
      // The end of its life: bought again, since a new fleet pays for itself over its life.
      buy(sale);
      held = sale;
      endOfLife += life;
    } else sell(sale);
  }
  return events;
}

/** The tax basis an asset has left at the end of `month` under the US tax model: its cost less the deductions taken. */
function taxBasisLeft(asset: Asset, month: number, tax: NonNullable<ProjectionInputs['tax']>): number {
  const taken = new Float64Array(month + 1);
  addTaxDepreciation(taken, { ...asset, soldAt: undefined }, tax);
  let sum = 0;
  for (let m = 0; m <= month; m++) sum += taken[m] as number;
  return Math.max(0, asset.costUsd - sum);
}

/**
 * Under the US tax model, each month's taxable gain on equipment sold (the month's equipment sales in
 * `flows.other`, before the residual is added) and, at the horizon's end, on the residual value: the proceeds
 * less the tax basis left of the equipment sold then (or still held at the horizon). An owned fleet bought
 * before today has no basis left here (taken as fully deducted); a fit-out is not sold (its residual is a
 * lease's after-tax term or a shell's salvage, taxed as a gain with no basis).
 */
function addTaxableGains(
  flows: Flows,
  assets: readonly Asset[],
  inputs: ProjectionInputs,
  residualTaxableUsd: number,
): void {
  const tax = inputs.tax;
  if (!tax || flows.taxModel === null) return;
  const horizon = flows.length - 1;
  const equipment = assets.filter((a) => a.taxClass !== 'fitOut');
  for (let m = 0; m <= horizon; m++) {
    const proceeds = (flows.other[m] as number) + (m === horizon ? residualTaxableUsd : 0);
    if (proceeds === 0) continue;
    let basis = 0;
    for (const a of equipment) {
      const soldNow = a.soldAt === m || (m === horizon && a.soldAt === undefined && a.month <= horizon);
      if (soldNow) basis += taxBasisLeft(a, m, tax);
    }
    flows.taxableGain[m] = proceeds - basis;
  }
}

/** An option's flows with its residual value added to the horizon's last month. */
function withResidual(
  inputs: ProjectionInputs,
  id: OptionFlows['id'],
  fleet: FleetFlows,
  flows: Flows,
  residualUsd: number,
  goLiveMonth: number | null,
  /** The part of the residual taxed as a gain (a lease's is the rest of its term after tax: none). */
  residualTaxableUsd = residualUsd,
): OptionFlows {
  const horizon = flows.length - 1;
  addTaxableGains(flows, fleet.assets, inputs, residualTaxableUsd);
  flows.other[horizon] = (flows.other[horizon] as number) + residualUsd;
  // The demand and transmission charges within the horizon (addFixedSiteCosts), for the report.
  const mined = goLiveMonth === null ? horizon : Math.min(goLiveMonth, horizon);
  return {
    id,
    flows,
    residualUsd,
    goLiveMonth,
    minersSoldMonth: fleet.soldMonth,
    fleetPurchases: fleet.purchases,
    gridChargesUsd:
      gridChargesPerMonth(inputs, false) * mined + gridChargesPerMonth(inputs, true) * (horizon - mined),
  };
}

/**
 * Fixed site costs, every month of the horizon (and past it, for a lease's tail), and the power contract's
 * demand and transmission charges (power.ts): the mining share while the site mines (or idles), in full after
 * `firmFrom` (an AI option's go-live; null: never).
 */
function addFixedSiteCosts(flows: Flows, inputs: ProjectionInputs, firmFrom: number | null = null): void {
  const perMonth = inputs.siteFixedUsdPerMwMonth * inputs.mining.siteMw;
  if (perMonth > 0) for (let m = 1; m < flows.length; m++) flows.fixedOpex[m] = perMonth;
  const firm = gridChargesPerMonth(inputs, true);
  if (!(firm > 0)) return;
  const curtailing = gridChargesPerMonth(inputs, false);
  for (let m = 1; m < flows.length; m++)
    flows.fixedOpex[m] =
      (flows.fixedOpex[m] as number) + (firmFrom !== null && m > firmFrom ? firm : curtailing);
}

/** Keep mining: the fleet's flows with the site's fixed costs, and what is left of it at the horizon. */
export function keepMiningFlows(
  inputs: ProjectionInputs,
  mm: MiningMonthly,
  months: number,
  options: ProjectOptions,
): OptionFlows {
  const fleet = miningFlows(inputs, mm, months, { depreciation: needsDepreciation(inputs, options) });
  addFixedSiteCosts(fleet.flows, inputs);
  const residualUsd =
    inputs.residual === 'economic'
      ? fleet.soldMonth === null
        ? minerResaleAt(inputs, mm, months)
        : 0
      : inputs.residual === 'book'
        ? bookValueAt(fleet.assets, months)
        : 0;
  return withResidual(inputs, 'mining', fleet, fleet.flows, residualUsd, null);
}

/**
 * Sell the site (inputs.sale): it mines as keeping mining until the sale's month (a fleet that stops paying
 * is sold before, at its resale), then the site goes with its miners for the price per MW of its grid power;
 * its fixed costs stop then. Nothing is held at the horizon (no residual). Under the US tax model the price
 * is a taxable gain as an equipment sale is; the flat rate taxes EBIT only.
 */
export function sellFlows(
  inputs: ProjectionInputs,
  mm: MiningMonthly,
  months: number,
  options: ProjectOptions,
): OptionFlows {
  const sale = inputs.sale ?? { usdPerMw: 0, month: 0 };
  const month = Math.min(Math.max(0, Math.round(sale.month)), months);
  const fleet: FleetFlows =
    month === 0
      ? { flows: new Flows(months + 1), assets: [], soldMonth: 0, purchases: 0 }
      : miningFlows(inputs, mm, months, {
          untilMonth: month,
          handOver: true,
          depreciation: needsDepreciation(inputs, options),
        });
  const { flows } = fleet;
  for (let m = month + 1; m <= months; m++) flows.height[m] = Number.NaN;
  addFixedSiteCosts(flows, inputs);
  for (let m = month + 1; m <= months; m++) flows.fixedOpex[m] = 0;
  const saleUsd = sale.usdPerMw * inputs.mining.siteMw;
  flows.other[month] = (flows.other[month] as number) + saleUsd;
  const option = withResidual(inputs, 'sell', fleet, flows, 0, null);
  return { ...option, gridChargesUsd: gridChargesPerMonth(inputs, false) * month, saleMonth: month, saleUsd };
}

/**
 * The month a conversion's build starts: `conversionMonths` before its go-live (today at the latest), so the
 * fit-out is spread over the months from it to go-live (months 1..go-live for a conversion started today).
 */
export function buildStart(inputs: Pick<ProjectionInputs, 'conversionMonths'>, goLive: number): number {
  return Math.max(0, goLive - Math.max(0, Math.round(inputs.conversionMonths)));
}

/**
 * How a conversion's fleet runs (miningFlows' options, fleetRun's): until go-live, or until its build starts
 * when the site idles during it (sold today when that is today).
 */
function conversionFleet(inputs: ProjectionInputs, goLive: number): FleetRunOptions {
  const start = buildStart(inputs, goLive);
  return {
    untilMonth: inputs.idleDuringBuild && start > 0 ? start : goLive,
    sellToday: inputs.idleDuringBuild && start === 0,
  };
}

/**
 * The conversion common to both AI options: fit-out spread over the build; an owned fleet mines until go-live
 * and is sold then (when the build starts, if the site idles during it). A new (greenfield) site has no miners.
 */
function conversionFlows(
  inputs: ProjectionInputs,
  mm: MiningMonthly,
  months: number,
  goLive: number,
  fitOutUsd: number,
): FleetFlows {
  // The build: the conversion months ending at go-live (a plan's later tranche starts its build later).
  const start = buildStart(inputs, goLive);
  const fleet: FleetFlows =
    inputs.fleet === 'new'
      ? { flows: new Flows(months + 1), assets: [], soldMonth: null, purchases: 0 }
      : miningFlows(inputs, mm, months, { ...conversionFleet(inputs, goLive), depreciation: false });
  const { flows, assets } = fleet;
  flows.height.fill(Number.NaN);
  if (goLive === 0) flows.capex[0] = (flows.capex[0] as number) + fitOutUsd;
  else
    for (let m = start + 1; m <= goLive; m++)
      flows.capex[m] = (flows.capex[m] as number) + fitOutUsd / (goLive - start);
  assets.push({
    month: goLive,
    costUsd: fitOutUsd,
    lifeMonths: Math.max(1, inputs.fitOutLifeMonths),
    taxClass: 'fitOut',
  });
  // A firm load from go-live: the demand and transmission charges in full.
  addFixedSiteCosts(flows, inputs, goLive);
  return fleet;
}

function ramp(inputs: ProjectionInputs, monthsLive: number): number {
  return inputs.rampMonths > 0 ? Math.min(1, monthsLive / inputs.rampMonths) : 1;
}

/** What a shell with no contract is worth: the salvage value per MW of IT. */
const salvageUsd = (inputs: ProjectionInputs, itMw: number) => inputs.salvageUsdPerMwIt * itMw;

/** The months a lease's flows are built over: past the horizon to the end of its term for an economic residual. */
const leaseBuiltMonths = (inputs: ProjectionInputs, months: number, goLive: number) =>
  inputs.residual === 'economic' ? Math.max(months, goLive + inputs.leaseTermMonths) : months;

/**
 * The arguments an option's builder gives fleetEvents (through miningFlows): the months and how the fleet
 * ends; null for a conversion with no fleet (a new site).
 */
export function fleetRun(
  id: OptionId,
  inputs: ProjectionInputs,
  months: number,
): { months: number; options: FleetRunOptions } | null {
  if (id === 'mining') return { months, options: {} };
  if (id === 'sell') {
    // sellFlows: the fleet mines until the sale and goes with the site.
    const month = Math.min(Math.max(0, Math.round(inputs.sale?.month ?? 0)), months);
    return month === 0 ? null : { months, options: { untilMonth: month, handOver: true } };
  }
  if (inputs.fleet === 'new') return null;
  // The builders' default go-live (a plan's tranches give their own: PriceTrials is not used for plans).
  const goLive = Math.min(inputs.conversionMonths, months);
  return {
    months: id === 'ai-lease' ? leaseBuiltMonths(inputs, months, goLive) : months,
    options: conversionFleet(inputs, goLive),
  };
}

export function leaseFlows(
  inputs: ProjectionInputs,
  mm: MiningMonthly,
  months: number,
  options: ProjectOptions,
  /** Another go-live month (a plan's tranche, plan.ts); default `conversionMonths`. */
  goLiveMonth?: number,
): OptionFlows {
  const today = leaseEconomics(inputs.lease);
  const goLive = Math.min(goLiveMonth ?? inputs.conversionMonths, months);
  const termEnd = goLive + inputs.leaseTermMonths;
  // An economic residual is the rest of the signed term: built past the horizon, then cut back to it.
  const built = leaseBuiltMonths(inputs, months, goLive);
  const fleet = conversionFlows(inputs, mm, built, goLive, today.capexUsd);
  const long = fleet.flows;
  // A deck's lease rent is the market's: the lease is signed at it at go-live (its first month's, else the
  // last before), then steps up by its escalator.
  const signed =
    flatPathAt(inputs.lease.leaseUsdPerKwMonth, inputs.deck?.leaseUsdPerKwMonth)(goLive) /
    inputs.lease.leaseUsdPerKwMonth;
  const rentFactor = Number.isFinite(signed) ? signed : 1;
  const energyAt = energyPath(
    inputs,
    today.energyUsdPerYear / 12,
    () => leaseEconomics({ ...inputs.lease, powerUsdPerKwh: 1 }).energyUsdPerYear / 12,
  );
  for (let m = goLive + 1; m <= Math.min(built, termEnd); m++) {
    const k = m - goLive; // months live
    const share = ramp(inputs, k);
    const escalator = power(1 + inputs.leaseEscalatorPerYear, Math.floor((k - 1) / 12));
    long.aiRevenue[m] = (today.revenueUsdPerYear / 12) * rentFactor * share * escalator;
    long.aiFixedOpex[m] = energyAt(m) * share;
  }
  long.aiOpexShare = inputs.lease.otherOpexShare;
  const depreciation = needsDepreciation(inputs, options) || built > months;
  setDepreciation(long, fleet.assets, depreciation, inputs.tax);
  const flows = built > months ? long.prefix(months + 1) : long;
  let residualUsd = 0;
  let residualTail: OptionFlows['residualTail'];
  if (inputs.residual === 'economic') {
    const tail = long.tail(months + 1);
    const afterMonth = Math.max(termEnd - months, 0);
    const afterUsd = salvageUsd(inputs, today.itMw);
    residualUsd = tailValue(inputs, tail, afterUsd, afterMonth);
    residualTail = { flows: tail, afterUsd, afterMonth };
  } else if (inputs.residual === 'book') residualUsd = bookValueAt(fleet.assets, months);
  // The lease's residual is the rest of its term after tax (a salvage after it included): no gain to tax.
  const option = withResidual(inputs, 'ai-lease', fleet, flows, residualUsd, goLive, 0);
  return residualTail ? { ...option, residualTail } : option;
}

/** The present value at the horizon of flows past it (renumbered from 1), and of `afterUsd` at `afterMonth`. */
export function tailValue(
  inputs: ProjectionInputs,
  tail: Flows,
  afterUsd: number,
  afterMonth: number,
): number {
  const cash = evaluateFlows(tail, inputs.taxRate, new Float64Array(tail.length));
  const step = 1 / (1 + monthlyRate(inputs.annualDiscountRate));
  let value = 0;
  let factor = 1;
  for (let j = 1; j < tail.length; j++) {
    factor *= step;
    value += (cash[j] as number) * factor;
  }
  return value + afterUsd * step ** afterMonth;
}

/**
 * The GPU rent of month m as a multiple of the quote: the deck's rent where it gives one (whichever generation
 * runs); after it, a generation that ran in the deck's months continues from the deck's last rent, declining
 * from that month's start (as a generation's rent is taken at each month's start); a generation bought after the deck's last GPU month (and any month before its first)
 * runs on its own quote's clock, as without a deck.
 */
function deckRent(
  inputs: ProjectionInputs,
  carried: (quoteMonth: number, month: number) => number,
): (generation: { bought: number; rentQuote: number }, month: number) => number {
  const own = (g: { rentQuote: number }, m: number) => carried(g.rentQuote, m - 1);
  const path = inputs.deck?.gpuUsdPerHour;
  const quote = inputs.gpu.gpuUsdPerHour;
  if (!path || !(quote > 0)) return own;
  const last = lastGivenIndex(path);
  return (g, m) => {
    const j = last(m - 1);
    if (j < 0 || g.bought > j) return own(g, m);
    const rent = (path[j] as number) / quote;
    // A month's rent is taken at its start (the generation's clock): the deck's row is its month's start.
    return j === m - 1 ? rent : rent * carried(j, m - 1);
  };
}

export function gpuFlows(
  inputs: ProjectionInputs,
  mm: MiningMonthly,
  months: number,
  options: ProjectOptions,
  /** Another go-live month (a plan's tranche, plan.ts); default `conversionMonths`. */
  goLiveMonth?: number,
): OptionFlows {
  const today = gpuCloudEconomics(inputs.gpu);
  const fitOutUsd = today.itMw * inputs.gpu.fitOutUsdPerMwIt;
  /** The GPUs at the capex quote (a refresh buys today's equivalent at it). */
  const gpuCapexUsd = today.capexUsd - fitOutUsd;
  const goLive = Math.min(goLiveMonth ?? inputs.conversionMonths, months);
  const fleet = conversionFlows(inputs, mm, months, goLive, fitOutUsd);
  const { flows, assets } = fleet;
  const life = Math.max(1, inputs.gpuLifeMonths);
  const decline = 1 - inputs.gpuPriceDeclinePerYear;
  // A generation's rent and price run on clocks from their quotes: the first generation's are the catalog's
  // (so many months before today); a refresh buys today's equivalent at today's quote (the catalog's carried
  // to today), which then declines from the month it is bought.
  const carried = (quoteMonth: number, month: number) => power(decline, (month - quoteMonth) / 12);
  const generations: { bought: number; rentQuote: number; capexQuote: number }[] = [];
  const valueAt = (g: { capexQuote: number }, month: number) => gpuCapexUsd * carried(g.capexQuote, month);
  for (let bought = goLive; bought === goLive || bought < months; bought += life) {
    const first = bought === goLive;
    const from = first ? 0 : bought;
    const generation = {
      bought,
      rentQuote: from - inputs.gpuRentQuoteAgeMonths,
      capexQuote: from - inputs.gpuCapexQuoteAgeMonths,
    };
    const costUsd = valueAt(generation, bought);
    flows.capex[bought] = (flows.capex[bought] as number) + costUsd;
    assets.push({ month: bought, costUsd, lifeMonths: life });
    const previous = generations.at(-1);
    // The generation it replaces is sold at its price then.
    if (previous) {
      flows.other[bought] = (flows.other[bought] as number) + valueAt(previous, bought);
      const sold = assets.find((a) => a.month === previous.bought && a.taxClass !== 'fitOut');
      if (sold) sold.soldAt ??= bought;
    }
    generations.push(generation);
  }
  const energyAt = energyPath(
    inputs,
    today.energyUsdPerYear / 12,
    () => gpuCloudEconomics({ ...inputs.gpu, powerUsdPerKwh: 1 }).energyUsdPerYear / 12,
  );
  const rentAt = deckRent(inputs, carried);
  for (let m = goLive + 1; m <= months; m++) {
    const k = m - goLive;
    const generation = generations[Math.floor((k - 1) / life)] as { bought: number; rentQuote: number };
    // The rent of the month starting at m - 1, on its generation's clock (or the deck's).
    const share = ramp(inputs, k);
    flows.aiRevenue[m] = (today.revenueUsdPerYear / 12) * rentAt(generation, m) * share;
    flows.aiFixedOpex[m] = energyAt(m) * share;
  }
  flows.aiOpexShare = inputs.gpu.otherOpexShare;
  setDepreciation(flows, assets, needsDepreciation(inputs, options), inputs.tax);
  const held = generations.at(-1) as { capexQuote: number };
  const residualUsd =
    inputs.residual === 'economic'
      ? valueAt(held, months) + salvageUsd(inputs, today.itMw)
      : inputs.residual === 'book'
        ? bookValueAt(assets, months)
        : 0;
  return withResidual(inputs, 'gpu-cloud', fleet, flows, residualUsd, goLive);
}
