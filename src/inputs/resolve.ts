/**
 * From layered inputs (parsed once, with their origins: layers.ts) to the settings the core takes, with
 * defaults from the input table or the catalog, recording every input used, its value and where it came from,
 * so the output can state every assumption.
 */
import { GPUS } from '../catalog/gpus.js';
import { DEFAULT_MINER_PRICE_USD_PER_TH, MINERS } from '../catalog/miners.js';
import type { GpuModel, MinerModel } from '../catalog/types.js';
import type { GpuCloudInputs, LeaseInputs } from '../core/ai.js';
import { allocateFleet, type FleetModel, FleetTooLargeError, fleetPriceUsdPerTh } from '../core/mining.js';
import type { PriceDeck } from '../core/price-path.js';
import { type Plan, planProblem, type TrancheOption } from '../core/projection/plan-shape.js';
import type { SimulationSettings } from '../core/risk/simulation.js';
import { combinedTaxRate, type FitOutClasses } from '../core/tax.js';
import type { OptionId } from '../core/units.js';
import { UsageError } from '../errors.js';
import type { FleetEntry, Given, LayeredInputs, Origin } from './layers.js';
import { row } from './table.js';
import { parseResidual, parseSale, type ValueSettings } from './valuation.js';

export interface Assumption {
  value: number | string | boolean;
  origin: Origin;
  basis?: string;
  /** The flag, env var or file path the value came from. */
  from?: string;
  /** A default's documented public source (its row's sourceUrl; catalog sources are added by the report). */
  sourceUrl?: string;
}

/** A row's default as an assumption: value, basis and the documented source the basis cites. */
function rowDefault<T extends number | string | boolean>(r: ReturnType<typeof row>, value: T): Assumption {
  return {
    value,
    origin: 'default',
    ...(r.basis ? { basis: r.basis } : {}),
    ...(r.sourceUrl ? { sourceUrl: r.sourceUrl } : {}),
  };
}

/** Every input used, by name, with where it came from. */
export type Assumptions = Record<string, Assumption>;

export type Inputs = Pick<LayeredInputs, 'given'>;

interface Fallback {
  value: number;
  origin: Origin;
  basis?: string;
  sourceUrl?: string;
}

function record(given: Given, value: number | string | boolean): Assumption {
  return { value, origin: given.origin, from: given.from };
}

/** A numeric input: given, else the fallback (a catalog figure), else the row's default. */
export function numberInput(inputs: Inputs, id: string, into: Assumptions, fallback?: Fallback): number {
  const given = inputs.given[id] as Given<number> | undefined;
  if (given) {
    into[id] = record(given, given.value);
    return given.value;
  }
  const r = row(id);
  const chosen: Fallback | undefined =
    fallback ??
    (typeof r.defaultValue === 'number' ? (rowDefault(r, r.defaultValue) as Fallback) : undefined);
  if (!chosen) {
    const accepts = r.kind.type === 'number' ? r.kind.spec.accepts : 'a value';
    throw new UsageError(`${r.flag} is required: expected ${accepts}`);
  }
  into[id] = { ...chosen };
  return chosen.value;
}

/** The network values the user gave (flags, env, scenario, config), to override any source. */
export interface NetworkOverrides {
  btcUsd?: number;
  difficulty?: number;
  heightBlocks?: number;
  avgFeesBtcPerBlock?: number;
}

export const NETWORK_INPUT_IDS = ['btcUsd', 'difficulty', 'heightBlocks', 'avgFeesBtcPerBlock'] as const;

export function resolveNetworkOverrides(inputs: Inputs): NetworkOverrides {
  const overrides: NetworkOverrides = {};
  for (const id of NETWORK_INPUT_IDS) {
    const given = inputs.given[id] as Given<number> | undefined;
    if (given) overrides[id] = given.value;
  }
  return overrides;
}

export interface SiteInputs {
  siteMw: number;
  powerUsdPerKwh: number;
}

export function resolveSite(inputs: Inputs, into: Assumptions): SiteInputs {
  return {
    siteMw: numberInput(inputs, 'siteMw', into),
    powerUsdPerKwh: numberInput(inputs, 'powerUsdPerKwh', into),
  };
}

export interface MiningSettings {
  fleet: FleetModel[];
  fleetModels: MinerModel[];
  /** Where each model's price per TH/s came from, in fleet order. */
  priceBases: string[];
  poolFee: number;
  uptime: number;
  pueMining: number;
  /** Other mining cash costs (staff, maintenance, insurance, G&A), USD per MWh of the fleet's energy; absent: 0. */
  otherOpexUsdPerMwh?: number;
}

export function resolveMining(inputs: Inputs, into: Assumptions): MiningSettings {
  const fleetGiven = inputs.given.fleet as Given<FleetEntry[]> | undefined;
  const fleetRow = row('fleet');
  const entries: FleetEntry[] = fleetGiven?.value ?? [
    { model: MINERS.find((m) => m.id === fleetRow.defaultValue) as MinerModel, count: null },
  ];
  const priceGiven = inputs.given.minerPriceUsdPerTh as Given<number> | undefined;
  const fleet = entries.map(
    ({ model, count }): FleetModel => ({
      name: model.name,
      hashrateThs: model.hashrateThs,
      powerW: model.powerW,
      count,
      priceUsdPerTh: priceGiven?.value ?? model.priceUsdPerTh ?? DEFAULT_MINER_PRICE_USD_PER_TH,
    }),
  );
  const priceBases = entries.map(({ model }) =>
    priceGiven
      ? `${priceGiven.from}`
      : model.priceUsdPerTh !== null
        ? `catalog, ${model.priceProvenance?.asOf ?? model.provenance.asOf}`
        : `fallback $${DEFAULT_MINER_PRICE_USD_PER_TH}/TH (S21-class $14-17; no dated price)`,
  );
  const fleetText = fleet.map((m) => (m.count === null ? m.name : `${m.name}:${m.count}`)).join(', ');
  into.fleet = fleetGiven
    ? record(fleetGiven, fleetText)
    : { value: fleetText, origin: 'default', ...(fleetRow.basis ? { basis: fleetRow.basis } : {}) };
  if (priceGiven) into.minerPriceUsdPerTh = record(priceGiven, priceGiven.value);
  else {
    const prices = [...new Set(fleet.map((m) => m.priceUsdPerTh))];
    into.minerPriceUsdPerTh = {
      // One number per fleet: a mixed fleet's price per TH/s is weighted by hashrate (see each model's own in
      // options[].fleet[]). Set from the allocation by checkFleetFits, once the site's IT power is known.
      value: prices.length === 1 ? (prices[0] as number) : Number.NaN,
      origin: 'catalog',
      basis: `catalog price where dated, else $${DEFAULT_MINER_PRICE_USD_PER_TH}/TH (S21-class $14-17)${prices.length > 1 ? '; mixed fleet: weighted by TH/s' : ''}`,
    };
  }
  return {
    fleet,
    fleetModels: entries.map((e) => e.model),
    priceBases,
    poolFee: numberInput(inputs, 'poolFee', into),
    uptime: numberInput(inputs, 'uptime', into),
    pueMining: numberInput(inputs, 'pueMining', into),
    otherOpexUsdPerMwh: numberInput(inputs, 'miningOpexUsdPerMwh', into),
  };
}

export type LeaseSettings = Omit<LeaseInputs, 'siteMw' | 'powerUsdPerKwh'>;

export function resolveLease(inputs: Inputs, into: Assumptions): LeaseSettings {
  const settings = {
    pueAi: numberInput(inputs, 'pueAi', into),
    fitOutUsdPerMwIt: numberInput(inputs, 'fitOutUsdPerMwIt', into),
    leaseUsdPerKwMonth: numberInput(inputs, 'leaseUsdPerKwMonth', into),
    occupancy: numberInput(inputs, 'occupancy', into),
    otherOpexShare: numberInput(inputs, 'leaseOtherOpexShare', into),
  };
  const landlord = inputs.given.landlordPaysPower as Given<boolean> | undefined;
  const landlordRow = row('landlordPaysPower');
  into.landlordPaysPower = landlord
    ? record(landlord, landlord.value)
    : { value: false, origin: 'default', ...(landlordRow.basis ? { basis: landlordRow.basis } : {}) };
  return { ...settings, landlordPaysPower: landlord?.value ?? false };
}

export type GpuSettings = Omit<GpuCloudInputs, 'siteMw' | 'powerUsdPerKwh' | 'pueAi' | 'fitOutUsdPerMwIt'> & {
  gpu: GpuModel;
  /**
   * The dates the rent and the capex describe (YYYY-MM or YYYY-MM-DD): the catalog quote's, or null when given
   * (a value given is today's). The projection carries each by --gpu-price-decline from its date.
   */
  rentQuoteDate: string | null;
  capexQuoteDate: string | null;
};

export function resolveGpu(inputs: Inputs, into: Assumptions): GpuSettings {
  const given = inputs.given.gpu as Given<GpuModel> | undefined;
  const gpuRow = row('gpu');
  const gpu = given?.value ?? (GPUS.find((g) => g.id === gpuRow.defaultValue) as GpuModel);
  into.gpu = given
    ? record(given, gpu.name)
    : { value: gpu.name, origin: 'default', ...(gpuRow.basis ? { basis: gpuRow.basis } : {}) };
  const fromCatalog = (value: number | null, basis: string): Fallback | undefined =>
    value === null ? undefined : { value, origin: 'catalog', basis: `${gpu.name}: ${basis}` };
  const rental = fromCatalog(gpu.rentalUsdPerGpuHour, gpu.rentalBasis);
  const capex = fromCatalog(gpu.capexUsdPerGpu, gpu.capexBasis);
  const missing = [
    !rental && !inputs.given.gpuUsdPerHour ? '--gpu-hour-price (e.g. 3.5)' : '',
    !capex && !inputs.given.gpuCapexUsdPerGpu ? '--gpu-capex (e.g. 45k)' : '',
  ].filter(Boolean);
  if (missing.length > 0) {
    throw new UsageError(
      `${missing.join(' and ')} required for ${gpu.name}: the catalog has no dated public figure`,
    );
  }
  return {
    gpu,
    kwPerGpu: numberInput(inputs, 'kwPerGpu', into, fromCatalog(gpu.kwPerGpu, gpu.kwPerGpuBasis)),
    gpuUsdPerHour: numberInput(inputs, 'gpuUsdPerHour', into, rental),
    utilization: numberInput(inputs, 'utilization', into),
    capexUsdPerGpu: numberInput(inputs, 'gpuCapexUsdPerGpu', into, capex),
    otherOpexShare: numberInput(inputs, 'gpuOtherOpexShare', into),
    rentQuoteDate: inputs.given.gpuUsdPerHour ? null : (gpu.rentalProvenance?.asOf ?? null),
    capexQuoteDate: inputs.given.gpuCapexUsdPerGpu ? null : gpu.capexProvenance.asOf,
  };
}

export interface ProjectionSettings {
  years: number;
  discountRate: number;
  /** The flat rate on positive EBIT; with --tax us, the combined federal and state rate. */
  taxRate: number;
  /** --tax us: the US model's settings (core/tax.ts); null: pre-tax or the flat --tax-rate. */
  usTax: UsTaxSettings | null;
  residual: ValueSettings['residual'];
  /** --residual cap-rate:R, ...: an exit value for every option; null: the residual rule. */
  exitValue: ValueSettings['exitValue'];
  /** Each option's own discount rate, where given (--discount-rate-lease, ...). */
  discountRates: ValueSettings['discountRates'];
  /** --sell-per-mw: the option `sell`; null: none. */
  sale: ValueSettings['sale'];
  salvageUsdPerMwIt: number;
  siteFixedUsdPerMwMonth: number;
  difficultyGrowthPerMonth: number;
  /** model: the network answers hashprice; trend: --difficulty-growth whatever the hashprice. */
  network: 'model' | 'trend';
  /** Why trend was chosen when --network was not given (--difficulty-growth alone); null otherwise. */
  networkNote: string | null;
  btcGrowthPerYear: number;
  feesGrowthPerYear: number;
  fleet: 'owned' | 'new';
  minerResaleUsdPerTh: number;
  minerLifeMonths: number;
  minerEnd: 'refresh' | 'retire';
  conversionMonths: number;
  idleDuringBuild: boolean;
  rampMonths: number;
  leaseEscalatorPerYear: number;
  leaseTermMonths: number;
  fitOutLifeMonths: number;
  gpuPriceDeclinePerYear: number;
  gpuLifeMonths: number;
  /** --price-deck: the file, or null; its rows once read (the command reads it: data/deck.ts). */
  priceDeck: string | null;
  deck?: PriceDeck;
  /** --start: YYYY-MM, or null for today. */
  start: string | null;
  /** --plan: its tranches (a share of the site where given as one), or null. Checked against the site by checkPlanFits. */
  plan: PlanSetting | null;
  /** The power contract (--power-escalator, --power-fixed-until, --take-or-pay, grid charges). */
  power: PowerContractSettings;
}

/** An optional text input (no default): given, or null. */
function optionalText(inputs: Inputs, id: string, into: Assumptions): string | null {
  const given = inputs.given[id] as Given<string> | undefined;
  if (!given) return null;
  into[id] = record(given, given.value);
  return given.value;
}

/** --start (or another month input, e.g. --power-fixed-until): a calendar month YYYY-MM from 2009-01 to 2100-12, or null. */
function startMonth(inputs: Inputs, into: Assumptions, id = 'start'): string | null {
  const start = optionalText(inputs, id, into);
  if (start === null) return null;
  const month = start.trim();
  const match = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(month);
  if (!match || Number(match[1]) < 2009 || Number(match[1]) > 2100) {
    const given = inputs.given[id] as Given<string>;
    throw new UsageError(
      `${given.from ?? row(id).flag}: expected a calendar month YYYY-MM from 2009-01 to 2100-12 (e.g. 2025-01), got '${given.text ?? start}'`,
    );
  }
  return month;
}

/** A tranche as given: the option, grid MW or a share of the site, and the go-live month. */
export interface PlanTrancheSetting {
  option: TrancheOption;
  /** Grid MW; null where a share was given. */
  mw: number | null;
  /** A share of the site's MW (0..1) where given as a percentage; null otherwise. */
  share: number | null;
  goLiveMonth: number;
}
export interface PlanSetting {
  tranches: PlanTrancheSetting[];
  /** As given (e.g. lease:150@12,gpu:50@30). */
  text: string;
}

const PLAN_OPTIONS: Record<string, TrancheOption> = {
  lease: 'ai-lease',
  'ai-lease': 'ai-lease',
  gpu: 'gpu-cloud',
  'gpu-cloud': 'gpu-cloud',
};

/** What --plan accepts, for its errors. */
function planAccepts(months: number): string {
  return `expected OPTION:MW@MONTH[,...] with OPTION lease or gpu, MW the grid MW above 0 (or a share of the site, e.g. 40%) and MONTH the go-live month from 0 to ${months - 1} (e.g. lease:150@12,gpu:50@30)`;
}

/** --plan: OPTION:MW@MONTH[,...] (lease or gpu; MW or a share of the site; the go-live month within the horizon). */
function planInput(inputs: Inputs, into: Assumptions, months: number): PlanSetting | null {
  const text = optionalText(inputs, 'plan', into);
  if (text === null) return null;
  const given = inputs.given.plan as Given<string>;
  const fail = (why: string): never => {
    throw new UsageError(
      `${given.from ?? row('plan').flag}: ${why}; ${planAccepts(months)}, got '${given.text ?? text}'`,
    );
  };
  const tranches = text.split(',').map((part): PlanTrancheSetting => {
    const match = /^\s*([a-z-]+)\s*:\s*([0-9]*\.?[0-9]+)\s*(%?)\s*@\s*([0-9]+)\s*$/i.exec(part);
    if (!match) return fail(`'${part.trim()}' is not OPTION:MW@MONTH`);
    const option = PLAN_OPTIONS[(match[1] as string).toLowerCase()];
    if (!option) return fail(`unknown option '${match[1]}'`);
    const amount = Number(match[2]);
    const goLiveMonth = Number(match[4]);
    if (!(amount > 0)) fail(`a tranche's MW must be above 0`);
    if (goLiveMonth >= months) fail(`go-live month ${goLiveMonth} is beyond the ${months}-month horizon`);
    if (match[3] === '%') {
      if (amount > 100) fail(`a share of the site must be at most 100%`);
      return { option, mw: null, share: amount / 100, goLiveMonth };
    }
    return { option, mw: amount, share: null, goLiveMonth };
  });
  return { tranches, text };
}

/** The plan's tranches in grid MW on a site: their MW plus the mining MW never exceed the site's (exit 2). */
export function checkPlanFits(
  site: SiteInputs,
  settings: ProjectionSettings | null,
  inputs: Inputs,
): Plan | null {
  const plan = settings?.plan;
  if (!settings || !plan) return null;
  const tranches = plan.tranches.map((t) => ({
    option: t.option,
    mw: t.mw ?? (t.share as number) * site.siteMw,
    goLiveMonth: t.goLiveMonth,
  }));
  const months = settings.years * 12;
  const problem = planProblem({ tranches }, site.siteMw, months);
  if (problem) {
    const given = inputs.given.plan as Given<string>;
    throw new UsageError(
      `${given.from ?? row('plan').flag}: ${problem}; ${planAccepts(months)}, got '${given.text ?? plan.text}'`,
    );
  }
  return { tranches };
}

/** The power contract's inputs (issue 23); --power-market-price needs --power-fixed-until. */
export interface PowerContractSettings {
  escalatorPerYear: number;
  /** YYYY-MM, the contract price's last month; null: no end. */
  fixedUntil: string | null;
  marketUsdPerKwh: number | null;
  takeOrPay: number;
  demandChargeUsdPerKwMonth: number;
  transmissionChargeUsdPerKwYear: number;
  miningPeakShare: number;
}

function resolvePowerContract(inputs: Inputs, into: Assumptions): PowerContractSettings {
  const fixedUntil = startMonth(inputs, into, 'powerFixedUntil');
  const market = inputs.given.powerMarketUsdPerKwh as Given<number> | undefined;
  if (market && fixedUntil === null)
    throw new UsageError(
      `${market.from ?? '--power-market-price'}: needs --power-fixed-until YYYY-MM (the month after which the market price applies)`,
    );
  return {
    escalatorPerYear: numberInput(inputs, 'powerEscalatorPerYear', into),
    fixedUntil,
    marketUsdPerKwh: market ? numberInput(inputs, 'powerMarketUsdPerKwh', into) : null,
    takeOrPay: numberInput(inputs, 'takeOrPay', into),
    demandChargeUsdPerKwMonth: numberInput(inputs, 'demandChargeUsdPerKwMonth', into),
    transmissionChargeUsdPerKwYear: numberInput(inputs, 'transmissionChargeUsdPerKwYear', into),
    miningPeakShare: numberInput(inputs, 'miningPeakShare', into),
  };
}

/** A choice or switch input: given, else the row's default. */
export function textInput<T extends string | boolean>(inputs: Inputs, id: string, into: Assumptions): T {
  const given = inputs.given[id] as Given<T> | undefined;
  if (given) {
    into[id] = record(given, given.value);
    return given.value;
  }
  const r = row(id);
  into[id] = rowDefault(r, r.defaultValue as T);
  return r.defaultValue as T;
}

/**
 * The network: --network when given; else trend when --difficulty-growth is given (today's scripts keep their
 * meaning), said in a note; else the model.
 */
function networkInput(
  inputs: Inputs,
  into: Assumptions,
): { network: 'model' | 'trend'; networkNote: string | null } {
  const growth = inputs.given.difficultyGrowthPerMonth;
  if (!inputs.given.network && growth) {
    const networkNote = `${growth.from} given without --network: the network grows at it whatever the hashprice (--network trend); --network model for the calibrated response`;
    into.network = { value: 'trend', origin: 'default', basis: networkNote };
    return { network: 'trend', networkNote };
  }
  return { network: textInput(inputs, 'network', into), networkNote: null };
}

export interface UsTaxSettings {
  federalRate: number;
  stateRate: number;
  nolLimit: number;
  /** --bonus-depreciation, or null: by the placed-in-service date. */
  bonusShare: number | null;
  fitOut: FitOutClasses;
}

const US_TAX_ROWS = ['stateTaxRate', 'bonusDepreciation', 'nolLimit', 'fitOutClasses'] as const;

/** --fit-out-classes: 5:S,15:S,39:S, each class at most once, shares from 0 to 1 summing to 1. */
function fitOutClasses(inputs: Inputs, into: Assumptions): FitOutClasses {
  const text = textInput<string>(inputs, 'fitOutClasses', into);
  const given = inputs.given.fitOutClasses as Given<string> | undefined;
  const from = given?.from ?? '--fit-out-classes';
  const shares: Record<string, number> = { '5': 0, '15': 0, '39': 0 };
  const seen = new Set<string>();
  for (const part of text.split(',')) {
    const match = /^\s*(5|15|39)\s*:\s*([0-9]*\.?[0-9]+)(%?)\s*$/.exec(part);
    const cls = match?.[1];
    if (!match || cls === undefined || seen.has(cls))
      throw new UsageError(
        `${from}: expected 5:SHARE,15:SHARE,39:SHARE, each class once, shares summing to 1 (e.g. 5:0.4,15:0.1,39:0.5), got '${given?.text ?? text}'`,
      );
    seen.add(cls);
    shares[cls] = Number(match[2]) / (match[3] === '%' ? 100 : 1);
  }
  const total = (shares['5'] ?? 0) + (shares['15'] ?? 0) + (shares['39'] ?? 0);
  if (Object.values(shares).some((v) => v > 1) || Math.abs(total - 1) > 1e-9)
    throw new UsageError(
      `${from}: the shares must sum to 1 (e.g. 5:0.4,15:0.1,39:0.5), got '${given?.text ?? text}' (sum ${Math.round(total * 1e6) / 1e6})`,
    );
  return { fiveYear: shares['5'] ?? 0, fifteenYear: shares['15'] ?? 0, thirtyNineYear: shares['39'] ?? 0 };
}

/**
 * The tax: --tax us fills the US model (federal --tax-rate, default 21%; state; bonus; NOL limit; fit-out
 * classes) and the combined rate; otherwise the flat --tax-rate (0: pre-tax), the US model's flags a mistake.
 */
function taxInputs(inputs: Inputs, into: Assumptions): { taxRate: number; usTax: UsTaxSettings | null } {
  const regime = textInput<string>(inputs, 'tax', into);
  if (regime !== 'us') {
    const stray = US_TAX_ROWS.map((id) => inputs.given[id]).find((g) => g?.origin === 'flag');
    if (stray) throw new UsageError(`${stray.from}: only with --tax us`);
    return { taxRate: numberInput(inputs, 'taxRate', into), usTax: null };
  }
  const federalRate = numberInput(inputs, 'taxRate', into, {
    value: 0.21,
    origin: 'default',
    basis: 'US federal corporate rate, IRC 11(b): 21%',
  });
  const stateRate = numberInput(inputs, 'stateTaxRate', into);
  const bonus = inputs.given.bonusDepreciation as Given<number> | undefined;
  if (bonus) into.bonusDepreciation = record(bonus, bonus.value);
  else
    into.bonusDepreciation = {
      value: 'by placed-in-service date',
      origin: 'default',
      basis: row('bonusDepreciation').basis as string,
    };
  const usTax: UsTaxSettings = {
    federalRate,
    stateRate,
    nolLimit: numberInput(inputs, 'nolLimit', into),
    bonusShare: bonus ? bonus.value : null,
    fitOut: fitOutClasses(inputs, into),
  };
  return { taxRate: combinedTaxRate(federalRate, stateRate), usTax };
}

const RATE_IDS = [
  ['discountRateMining', 'mining'],
  ['discountRateLease', 'ai-lease'],
  ['discountRateGpu', 'gpu-cloud'],
] as const;

/** The residual or exit value, the sale and each option's rate (valuation.ts), recorded in `into`. */
function resolveValue(
  inputs: Inputs,
  into: Assumptions,
  discountRate: number,
  horizonMonths: number,
): ValueSettings {
  const residualGiven = inputs.given.residual as Given<string> | undefined;
  const residualText = residualGiven?.value ?? (row('residual').defaultValue as string);
  const { rule, exit } = parseResidual(residualText, residualGiven?.from ?? '--residual');
  into.residual = residualGiven
    ? { value: residualText, origin: residualGiven.origin, from: residualGiven.from }
    : { value: residualText, origin: 'default', basis: row('residual').basis as string };
  const discountRates: Partial<Record<OptionId, number>> = {};
  for (const [id, option] of RATE_IDS) {
    const rate = numberInput(inputs, id, into, {
      value: discountRate,
      origin: 'default',
      basis: row(id).basis as string,
    });
    if (inputs.given[id]) discountRates[option] = rate;
  }
  const saleGiven = inputs.given.sellPerMw as Given<string> | undefined;
  let sale: ValueSettings['sale'] = null;
  if (saleGiven) {
    sale = parseSale(saleGiven.value, saleGiven.from, horizonMonths);
    into.sellPerMw = { value: saleGiven.value, origin: saleGiven.origin, from: saleGiven.from };
  }
  return { residual: rule, exitValue: exit, discountRates, sale };
}

/**
 * Plans (a --plan, the strategy search) value their parts with the residual rules only (economic, book, none):
 * an exit value on the last year's earnings or per MW is valued per option, not yet per plan.
 */
export function exitValueWithPlans(inputs: Inputs, what: string): UsageError {
  const given = inputs.given.residual as Given<string> | undefined;
  return new UsageError(
    `${given?.from ?? '--residual'}: ${what} takes economic, book or none (an exit value such as cap-rate is valued per option, not per plan yet), got '${given?.text ?? given?.value ?? ''}'`,
  );
}

/** The projection's inputs; the conversion must fit in the horizon. */
export function resolveProjection(inputs: Inputs, into: Assumptions): ProjectionSettings {
  const years = numberInput(inputs, 'years', into);
  const settings: ProjectionSettings = {
    ...networkInput(inputs, into),
    years,
    discountRate: numberInput(inputs, 'discountRate', into),
    ...taxInputs(inputs, into),
    ...resolveValue(inputs, into, numberInput(inputs, 'discountRate', into), years * 12),
    salvageUsdPerMwIt: numberInput(inputs, 'salvageUsdPerMwIt', into),
    siteFixedUsdPerMwMonth: numberInput(inputs, 'siteFixedUsdPerMwMonth', into),
    difficultyGrowthPerMonth: numberInput(inputs, 'difficultyGrowthPerMonth', into),
    btcGrowthPerYear: numberInput(inputs, 'btcGrowthPerYear', into),
    feesGrowthPerYear: numberInput(inputs, 'feesGrowthPerYear', into),
    fleet: textInput(inputs, 'fleetOwnership', into),
    minerResaleUsdPerTh: numberInput(inputs, 'minerResaleUsdPerTh', into),
    minerLifeMonths: Math.round(numberInput(inputs, 'minerLifeYears', into) * 12),
    minerEnd: textInput(inputs, 'minerEnd', into),
    conversionMonths: numberInput(inputs, 'conversionMonths', into),
    idleDuringBuild: textInput(inputs, 'idleDuringBuild', into),
    rampMonths: numberInput(inputs, 'rampMonths', into),
    leaseEscalatorPerYear: numberInput(inputs, 'leaseEscalatorPerYear', into),
    leaseTermMonths: Math.round(numberInput(inputs, 'leaseTermYears', into) * 12),
    fitOutLifeMonths: Math.round(numberInput(inputs, 'fitOutLifeYears', into) * 12),
    gpuPriceDeclinePerYear: numberInput(inputs, 'gpuPriceDeclinePerYear', into),
    gpuLifeMonths: Math.max(1, Math.round(numberInput(inputs, 'gpuLifeYears', into) * 12)),
    priceDeck: optionalText(inputs, 'priceDeck', into),
    start: startMonth(inputs, into),
    plan: planInput(inputs, into, years * 12),
    power: resolvePowerContract(inputs, into),
  };
  if (settings.plan && settings.exitValue) throw exitValueWithPlans(inputs, '--plan');
  if (settings.conversionMonths > years * 12) {
    const given = inputs.given.conversionMonths;
    throw new UsageError(
      `${given?.from ?? '--conversion-months'}: expected whole months from 0 to the horizon (${years * 12} months for --years ${years}), got '${given?.text ?? settings.conversionMonths}'`,
    );
  }
  return settings;
}

export interface SimulationInputs extends SimulationSettings {
  /** Threads asked for (--workers), or null for the default. */
  workers: number | null;
}

const SIMULATION_ROWS = [
  'seed',
  'btcVolPerYear',
  'difficultyVolPerYear',
  'difficultyBtcCorrelation',
  'gpuPriceVolPerYear',
  'btcDrift',
  'workers',
] as const;

/** The Monte Carlo's inputs, or null without --simulations (its other inputs then are a usage error). */
export function resolveSimulation(inputs: Inputs, into: Assumptions): SimulationInputs | null {
  if (!inputs.given.simulations) {
    // A flag that only a simulation uses, given without one, is a mistake; files may hold settings for later.
    const stray = SIMULATION_ROWS.map((id) => inputs.given[id]).find((g) => g?.origin === 'flag');
    if (stray) throw new UsageError(`${stray.from}: only with --simulations N`);
    return null;
  }
  const workers = inputs.given.workers as Given<number> | undefined;
  return {
    paths: numberInput(inputs, 'simulations', into),
    seed: numberInput(inputs, 'seed', into),
    btcVolPerYear: numberInput(inputs, 'btcVolPerYear', into),
    difficultyVolPerYear: numberInput(inputs, 'difficultyVolPerYear', into),
    difficultyBtcCorrelation: numberInput(inputs, 'difficultyBtcCorrelation', into),
    gpuPriceVolPerYear: numberInput(inputs, 'gpuPriceVolPerYear', into),
    btcDrift: textInput<'mean' | 'median'>(inputs, 'btcDrift', into),
    workers: workers ? workers.value : null,
  };
}

/**
 * A fleet of counted miners must fit the site's IT power: exit 2 naming where the fleet came from. A mixed
 * fleet's one price per TH/s (left open by resolveMining) is then its TH-weighted price on this site.
 */
export function checkFleetFits(
  site: { siteMw: number },
  mining: { pueMining: number; fleet: readonly FleetModel[] },
  assumptions: Assumptions,
): void {
  let allocation: ReturnType<typeof allocateFleet>;
  try {
    allocation = allocateFleet(site.siteMw / mining.pueMining, mining.fleet);
  } catch (error) {
    if (error instanceof FleetTooLargeError)
      throw new UsageError(`${assumptions.fleet?.from ?? '--miner'}: ${error.message}`);
    throw error;
  }
  const price = assumptions.minerPriceUsdPerTh;
  const weighted = fleetPriceUsdPerTh(allocation, mining.fleet);
  if (price && Number.isNaN(price.value) && weighted !== null)
    assumptions.minerPriceUsdPerTh = { ...price, value: weighted };
}

/** Every input of a whole site's options: the site, its fleet, the lease and the GPU cloud. */
export interface ResolvedSite {
  site: SiteInputs;
  mining: MiningSettings;
  lease: LeaseSettings;
  gpu: GpuSettings;
}

/** The site, its fleet, lease and GPU cloud, and the projection's settings: every input a projection takes. */
export function resolveProjectionSite(
  inputs: Inputs,
  into: Assumptions,
): { resolved: ResolvedSite; settings: ProjectionSettings } {
  const resolved: ResolvedSite = {
    site: resolveSite(inputs, into),
    mining: resolveMining(inputs, into),
    lease: resolveLease(inputs, into),
    gpu: resolveGpu(inputs, into),
  };
  checkFleetFits(resolved.site, resolved.mining, into);
  const settings = resolveProjection(inputs, into);
  checkPlanFits(resolved.site, settings, inputs);
  return { resolved, settings };
}

/** Which options `mining`, `ai` and `compare` take (compare over the horizon too). */
export type EconomicsCommand = 'mining' | 'ai' | 'compare';

/** The inputs of today's economics: the options a command shows, and compare's horizon. */
export interface EconomicsSelection {
  command: EconomicsCommand;
  site: SiteInputs;
  mining: MiningSettings | null;
  lease: LeaseSettings | null;
  gpu: GpuSettings | null;
  /** compare (and check) look over the horizon too: the same projection as `project`. */
  projection: ProjectionSettings | null;
}

/** Every input of `mining`, `ai` or `compare`, validated before any data is fetched (bad input: exit 2). */
export function resolveEconomics(
  command: EconomicsCommand,
  inputs: Inputs,
  into: Assumptions,
): EconomicsSelection {
  const site = resolveSite(inputs, into);
  const withMining = command !== 'ai';
  const withAi = command !== 'mining';
  const mining = withMining ? resolveMining(inputs, into) : null;
  const lease = withAi ? resolveLease(inputs, into) : null;
  const gpu = withAi ? resolveGpu(inputs, into) : null;
  const projection = command === 'compare' ? resolveProjection(inputs, into) : null;
  if (mining) checkFleetFits(site, mining, into);
  checkPlanFits(site, projection, inputs);
  return { command, site, mining, lease, gpu, projection };
}
