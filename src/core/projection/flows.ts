/** An option's monthly flows as typed arrays, and their evaluation into cash and NPV. */
import { monthlyRate } from '../finance.js';
import type { OptionId } from '../units.js';

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
  /** Mining energy where the site mines that month (when curtailed, only its take-or-pay share is paid). */
  readonly miningEnergy: Float64Array;
  /**
   * Mining's other cash costs (staff, maintenance, insurance, G&A) where the site mines that month: paid only
   * when it runs (not when curtailed), and not scaled with the power price.
   */
  readonly miningOtherOpex: Float64Array;
  readonly miningActive: Uint8Array;
  /** AI revenue (lease rent, or GPU rent at the deterministic price). */
  readonly aiRevenue: Float64Array;
  /** AI energy (the only AI opex not proportional to revenue; it scales with the power price). */
  readonly aiFixedOpex: Float64Array;
  /** AI opex proportional to revenue (staff, network, software), as a share of it. */
  aiOpexShare = 0;
  /**
   * A plan's flows (plan.ts) sum a lease's and a GPU cloud's AI revenue, whose shares differ: each month's
   * share of the summed revenue; null: `aiOpexShare` every month.
   */
  aiOpexShares: Float64Array | null = null;
  /** Take-or-pay (the power contract): the share of a curtailed month's mining energy paid anyway. */
  takeOrPay = 0;
  /** Fixed site costs: paid every month whatever the site does (curtailed too), not scaled with power. */
  readonly fixedOpex: Float64Array;
  /** Set by evaluateFlows: revenue and opex after curtailment. */
  readonly revenue: Float64Array;
  readonly opex: Float64Array;
  readonly depreciation: Float64Array;
  /** Tax depreciation (MACRS and bonus) under the US tax model (`taxModel`); 0 elsewhere. */
  readonly taxDepreciation: Float64Array;
  /**
   * The US tax model (core/tax.ts): taxed on each tax year's income (12 months) after tax depreciation, with
   * losses carried forward and offsetting at most `nolLimit` of a year's income; null: today's flat tax on
   * positive EBIT month by month.
   */
  taxModel: { nolLimit: number } | null = null;
  /** Set by evaluateFlows (records): each month's tax and the NOL carried forward at its end. */
  readonly tax: Float64Array;
  readonly nolBalance: Float64Array;
  /**
   * Under the US tax model: each month's taxable gain on equipment sold (and on the residual value at the
   * horizon's end): the proceeds less the tax basis left; taxed with the year's income. 0 elsewhere.
   */
  readonly taxableGain: Float64Array;
  readonly capex: Float64Array;
  /** Miner resale at go-live and the residual value at the horizon's end. */
  readonly other: Float64Array;
  /** Mining: the height at the month's end; NaN where none. */
  readonly height: Float64Array;
  readonly curtailed: Uint8Array;
  constructor(readonly length: number) {
    // One buffer for every array (views on it): a projection's trials make hundreds of Flows, and each
    // separate typed array is a backing store of its own to allocate and collect.
    const buffer = new ArrayBuffer(length * (16 * 8 + 2));
    let at = 0;
    const f64 = () => {
      const a = new Float64Array(buffer, at, length);
      at += length * 8;
      return a;
    };
    this.miningRevenue = f64();
    this.miningEnergy = f64();
    this.miningOtherOpex = f64();
    this.aiRevenue = f64();
    this.aiFixedOpex = f64();
    this.fixedOpex = f64();
    this.revenue = f64();
    this.opex = f64();
    this.depreciation = f64();
    this.taxDepreciation = f64();
    this.tax = f64();
    this.nolBalance = f64();
    this.taxableGain = f64();
    this.capex = f64();
    this.other = f64();
    this.height = f64().fill(Number.NaN);
    this.miningActive = new Uint8Array(buffer, at, length);
    this.curtailed = new Uint8Array(buffer, at + length, length);
  }

  /** The first `length` months (a projection built past its horizon, cut back to it). */
  prefix(length: number): Flows {
    const cut = new Flows(length);
    for (const key of FLOW_ARRAYS) cut[key].set(this[key].subarray(0, length));
    cut.aiOpexShare = this.aiOpexShare;
    cut.aiOpexShares = this.aiOpexShares?.slice(0, length) ?? null;
    cut.taxModel = this.taxModel;
    cut.takeOrPay = this.takeOrPay;
    return cut;
  }

  /** Months `from` onward, renumbered from 1 (index 0 empty): the tail of flows built past a horizon. */
  tail(from: number): Flows {
    const rest = new Flows(Math.max(1, this.length - from + 1));
    for (const key of FLOW_ARRAYS) rest[key].set(this[key].subarray(from), 1);
    rest.aiOpexShare = this.aiOpexShare;
    if (this.aiOpexShares) {
      rest.aiOpexShares = new Float64Array(rest.length);
      rest.aiOpexShares.set(this.aiOpexShares.subarray(from), 1);
    }
    rest.taxModel = this.taxModel;
    rest.takeOrPay = this.takeOrPay;
    return rest;
  }
}

const FLOW_ARRAYS = [
  'miningRevenue',
  'miningEnergy',
  'miningOtherOpex',
  'miningActive',
  'aiRevenue',
  'aiFixedOpex',
  'fixedOpex',
  'revenue',
  'opex',
  'depreciation',
  'taxDepreciation',
  'taxableGain',
  'capex',
  'other',
  'height',
  'curtailed',
] as const;

/**
 * A running tax year under the US model (evaluateFlows and scaledFlowsNpv share it, so the two stay equal to
 * the bit): each month's taxable income is added; the year's tax, after the net operating loss it may use (at
 * most `nolLimit` of its income; a loss adds to the balance), is due in its last month (12, 24, ... and the
 * horizon's).
 */
class TaxYear {
  income = 0;
  nol = 0;
  constructor(
    readonly nolLimit: number,
    readonly taxRate: number,
    readonly last: number,
  ) {}

  /** The tax due at the end of month `m`, after adding its taxable income. */
  add(m: number, taxable: number): number {
    this.income += taxable;
    if (!((m % 12 === 0 && m > 0) || m === this.last)) return 0;
    const income = this.income;
    const used = income > 0 ? Math.min(this.nol, income * this.nolLimit) : 0;
    this.nol = income > 0 ? this.nol - used : this.nol - income;
    this.income = 0;
    return income > 0 ? (income - used) * this.taxRate : 0;
  }
}

/**
 * Month m's tax: flat on positive EBIT (book depreciation) month by month, or, under the US model, the tax
 * year's (TaxYear) on its taxable income (tax depreciation, gains on sales).
 */
function monthTax(flows: Flows, year: TaxYear | null, taxRate: number, m: number, ebitda: number): number {
  if (year === null)
    return taxRate > 0 ? Math.max(0, ebitda - (flows.depreciation[m] as number)) * taxRate : 0;
  return year.add(m, ebitda - (flows.taxDepreciation[m] as number) + (flows.taxableGain[m] as number));
}

/**
 * Evaluates flows: each month's revenue and opex after curtailment (into the flows), and its cash after tax
 * into `cash`. The mining revenue is scaled by `miningFactor[m]` and the AI revenue by `aiFactor[m]` (null:
 * 1), every energy bill by `energyScale` (a power price that many times today's); a month mines only when
 * its revenue covers its avoidable running costs (energy less its take-or-pay share, which a curtailed month
 * pays anyway, and the other mining opex, paid only when it runs). `until`: only the months before it (a simulation's months after it do not
 * change from path to path); `records` false: the cash alone, the flows' revenue and opex left as they are. Cash is EBITDA - tax - capex + other, with tax
 * on positive EBIT month by month (no loss carry-forward: conservative; 0% by default), or under the US model
 * (flows.taxModel) on each tax year's income after tax depreciation and the NOL it may use, paid in the year's
 * last month (months 12, 24, ... and the horizon's): path-dependent, so every month is evaluated whatever
 * `until`. One pass: a simulation runs it for every option of every path.
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
  const { miningRevenue, miningEnergy, miningOtherOpex, miningActive, aiRevenue, aiFixedOpex } = flows;
  const { revenue, opex, curtailed, capex, other, fixedOpex } = flows;
  const { taxModel } = flows;
  const share = flows.aiOpexShare;
  const shares = flows.aiOpexShares;
  const takeOrPay = flows.takeOrPay;
  const end = taxModel === null ? until : flows.length;
  const year = taxModel === null ? null : new TaxYear(taxModel.nolLimit, taxRate, flows.length - 1);
  for (let m = 0; m < end; m++) {
    let rev = 0;
    let cost = 0;
    let curtail = 0;
    if (miningActive[m] === 1) {
      const mined = (miningRevenue[m] as number) * (miningFactor === null ? 1 : (miningFactor[m] as number));
      const energy = (miningEnergy[m] as number) * energyScale;
      const running = energy + (miningOtherOpex[m] as number);
      // Power contract: the take-or-pay share of the energy is paid curtailed or not (0 without one).
      const unavoidable = energy * takeOrPay;
      if (mined < running - unavoidable) {
        curtail = 1;
        cost = unavoidable;
      } else {
        rev = mined;
        cost = running;
      }
    }
    const ai = (aiRevenue[m] as number) * (aiFactor === null ? 1 : (aiFactor[m] as number));
    const monthRevenue = rev + ai;
    const monthOpex =
      cost +
      ((aiFixedOpex[m] as number) * energyScale + ai * (shares === null ? share : (shares[m] as number))) +
      (fixedOpex[m] as number);
    if (records) {
      revenue[m] = monthRevenue;
      opex[m] = monthOpex;
      curtailed[m] = curtail;
    }
    const ebitda = monthRevenue - monthOpex;
    const tax = monthTax(flows, year, taxRate, m, ebitda);
    if (records) {
      flows.tax[m] = tax;
      flows.nolBalance[m] = year === null ? 0 : year.nol;
    }
    cash[m] = ebitda - tax - (capex[m] as number) + (other[m] as number);
  }
  return cash;
}

/**
 * The NPV of flows evaluated with every month's mining revenue scaled by `miningScale`, the AI revenue by
 * `aiScale` and every energy bill by `energyScale` (the other mining opex unscaled), in one pass with no cash array: exactly (to the bit)
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
  const { capex, other, taxModel } = flows;
  const year = taxModel === null ? null : new TaxYear(taxModel.nolLimit, taxRate, flows.length - 1);
  const rate = monthlyRate(annualDiscountRate);
  if (!(rate > -1)) throw new RangeError('npv: rate must be above -100%');
  const step = 1 / (1 + rate);
  let total = 0;
  let factor = 1;
  for (let m = 0; m < flows.length; m++) {
    const ebitda = scaledMonthEbitda(flows, m, miningScale, aiScale, energyScale);
    // As evaluateFlows: flat on positive EBIT, or the US model's tax year (TaxYear).
    const tax = monthTax(flows, year, taxRate, m, ebitda);
    total += (ebitda - tax - (capex[m] as number) + (other[m] as number)) * factor;
    factor *= step;
  }
  return total;
}

/**
 * Month m's EBITDA with its mining revenue scaled by `miningScale`, its AI revenue by `aiScale` and every
 * energy bill by `energyScale`, curtailed as evaluateFlows curtails (a month whose mining revenue is below its
 * running costs less the take-or-pay share pays only that share).
 */
export function scaledMonthEbitda(
  flows: Flows,
  m: number,
  miningScale: number,
  aiScale: number,
  energyScale: number,
): number {
  let rev = 0;
  let cost = 0;
  if (flows.miningActive[m] === 1) {
    const mined = (flows.miningRevenue[m] as number) * miningScale;
    const energy = (flows.miningEnergy[m] as number) * energyScale;
    const running = energy + (flows.miningOtherOpex[m] as number);
    // As evaluateFlows: a curtailed month pays the take-or-pay share of its energy.
    const unavoidable = energy * flows.takeOrPay;
    if (mined < running - unavoidable) cost = unavoidable;
    else {
      rev = mined;
      cost = running;
    }
  }
  const ai = (flows.aiRevenue[m] as number) * aiScale;
  return (
    rev +
    ai -
    (cost +
      ((flows.aiFixedOpex[m] as number) * energyScale +
        ai * (flows.aiOpexShares === null ? flows.aiOpexShare : (flows.aiOpexShares[m] as number))) +
      (flows.fixedOpex[m] as number))
  );
}

/** The EBITDA of the last `months` months of the horizon (pre-tax), the revenue and energy scaled as above. */
export function lastMonthsEbitda(
  flows: Flows,
  months: number,
  miningScale = 1,
  aiScale = 1,
  energyScale = 1,
): number {
  let total = 0;
  for (let m = Math.max(1, flows.length - months); m < flows.length; m++)
    total += scaledMonthEbitda(flows, m, miningScale, aiScale, energyScale);
  return total;
}

/** An option's flows over the horizon, residual included: what finish() and a simulation evaluate. */
export interface OptionFlows {
  id: OptionId;
  flows: Flows;
  /** The residual value at the horizon's end (in flows.other's last month). */
  residualUsd: number;
  goLiveMonth: number | null;
  /**
   * An economic residual that is the present value of flows past the horizon (a lease's signed term): those
   * flows (renumbered from 1) and what is added after them (a salvage value, at its month), so that a trial at
   * another price scales them as it scales the months within the horizon.
   */
  residualTail?: { flows: Flows; afterUsd: number; afterMonth: number };
  minersSoldMonth: number | null;
  fleetPurchases: number;
  /** The power contract's demand and transmission charges within the horizon (in fixedOpex), undiscounted. */
  gridChargesUsd?: number;
  /**
   * An exit value on the last year's earnings (`--residual cap-rate:R` or `multiple:X`): the residual is
   * max(0, earningsMultiple x the EBITDA of the horizon's last 12 months), so that a trial at another price
   * values it again from its scaled flows.
   */
  residualEarningsMultiple?: number;
  /** The annual discount rate this option's flows are discounted at (its own, or --discount-rate). */
  annualDiscountRate?: number;
  /** A sale of the site: the month it is sold (mining until then) and its price; absent for the other options. */
  saleMonth?: number;
  saleUsd?: number;
}

/**
 * Flows split for a sum of parts (a plan's search, search.ts): each month's cash before tax and the base the
 * tax is levied on (EBIT with book depreciation under the flat rate; the taxable income under the US model),
 * both linear in the part's share, so that the tax of a sum of parts is the tax of the summed bases.
 */
export interface SplitFlows {
  preTax: Float64Array;
  taxBase: Float64Array;
  taxModel: Flows['taxModel'];
}

export function splitFlows(flows: Flows, taxRate: number): SplitFlows {
  const cash = evaluateFlows(flows.prefix(flows.length), 0, new Float64Array(flows.length));
  const records = flows.prefix(flows.length);
  evaluateFlows(records, taxRate, new Float64Array(flows.length));
  const us = flows.taxModel !== null;
  const taxBase = new Float64Array(flows.length);
  for (let m = 0; m < flows.length; m++) {
    const ebitda = (records.revenue[m] as number) - (records.opex[m] as number);
    taxBase[m] = us
      ? ebitda - (flows.taxDepreciation[m] as number) + (flows.taxableGain[m] as number)
      : ebitda - (flows.depreciation[m] as number);
  }
  return { preTax: cash, taxBase, taxModel: flows.taxModel };
}

/**
 * The NPV of parts summed with their shares, taxed on the summed base: exactly evaluateFlows of the summed
 * flows (the flat tax on positive EBIT month by month, or the US model's tax year) and npvMonthly, where the
 * curtailment of every part is that of the sum (each part's mining months are the site's, scaled).
 */
export function splitNpv(
  parts: readonly SplitFlows[],
  shares: readonly number[],
  taxRate: number,
  annualDiscountRate: number,
): number {
  const length = (parts[0] as SplitFlows).preTax.length;
  const model = parts.find((p) => p.taxModel !== null)?.taxModel ?? null;
  const year = model === null ? null : new TaxYear(model.nolLimit, taxRate, length - 1);
  const step = 1 / (1 + monthlyRate(annualDiscountRate));
  let total = 0;
  let factor = 1;
  for (let m = 0; m < length; m++) {
    let pre = 0;
    let base = 0;
    for (let i = 0; i < parts.length; i++) {
      const share = shares[i] as number;
      const part = parts[i] as SplitFlows;
      pre += (part.preTax[m] as number) * share;
      base += (part.taxBase[m] as number) * share;
    }
    const tax = year === null ? (taxRate > 0 ? Math.max(0, base) * taxRate : 0) : year.add(m, base);
    total += (pre - tax) * factor;
    factor *= step;
  }
  return total;
}
