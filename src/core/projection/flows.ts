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
  /** Take-or-pay (the power contract): the share of a curtailed month's mining energy paid anyway. */
  takeOrPay = 0;
  /** Fixed site costs: paid every month whatever the site does (curtailed too), not scaled with power. */
  readonly fixedOpex: Float64Array;
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
    this.miningOtherOpex = new Float64Array(length);
    this.miningActive = new Uint8Array(length);
    this.aiRevenue = new Float64Array(length);
    this.aiFixedOpex = new Float64Array(length);
    this.fixedOpex = new Float64Array(length);
    this.revenue = new Float64Array(length);
    this.opex = new Float64Array(length);
    this.depreciation = new Float64Array(length);
    this.capex = new Float64Array(length);
    this.other = new Float64Array(length);
    this.height = new Float64Array(length).fill(Number.NaN);
    this.curtailed = new Uint8Array(length);
  }

  /** The first `length` months (a projection built past its horizon, cut back to it). */
  prefix(length: number): Flows {
    const cut = new Flows(length);
    for (const key of FLOW_ARRAYS) cut[key].set(this[key].subarray(0, length));
    cut.aiOpexShare = this.aiOpexShare;
    cut.takeOrPay = this.takeOrPay;
    return cut;
  }

  /** Months `from` onward, renumbered from 1 (index 0 empty): the tail of flows built past a horizon. */
  tail(from: number): Flows {
    const rest = new Flows(Math.max(1, this.length - from + 1));
    for (const key of FLOW_ARRAYS) rest[key].set(this[key].subarray(from), 1);
    rest.aiOpexShare = this.aiOpexShare;
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
  'capex',
  'other',
  'height',
  'curtailed',
] as const;

/**
 * Evaluates flows: each month's revenue and opex after curtailment (into the flows), and its cash after tax
 * into `cash`. The mining revenue is scaled by `miningFactor[m]` and the AI revenue by `aiFactor[m]` (null:
 * 1), every energy bill by `energyScale` (a power price that many times today's); a month mines only when
 * its revenue covers its avoidable running costs (energy less its take-or-pay share, which a curtailed month
 * pays anyway, and the other mining opex, paid only when it runs). `until`: only the months before it (a simulation's months after it do not
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
  const { miningRevenue, miningEnergy, miningOtherOpex, miningActive, aiRevenue, aiFixedOpex } = flows;
  const { revenue, opex, curtailed, depreciation, capex, other, fixedOpex } = flows;
  const share = flows.aiOpexShare;
  const takeOrPay = flows.takeOrPay;
  for (let m = 0; m < until; m++) {
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
      cost + ((aiFixedOpex[m] as number) * energyScale + ai * share) + (fixedOpex[m] as number);
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
  const { miningRevenue, miningEnergy, miningOtherOpex, miningActive, aiRevenue, aiFixedOpex } = flows;
  const { depreciation, capex, other, fixedOpex } = flows;
  const share = flows.aiOpexShare;
  const takeOrPay = flows.takeOrPay;
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
      const running = energy + (miningOtherOpex[m] as number);
      // As evaluateFlows: a curtailed month pays the take-or-pay share of its energy.
      const unavoidable = energy * takeOrPay;
      if (mined < running - unavoidable) cost = unavoidable;
      else {
        rev = mined;
        cost = running;
      }
    }
    const ai = (aiRevenue[m] as number) * aiScale;
    const ebitda =
      rev + ai - (cost + ((aiFixedOpex[m] as number) * energyScale + ai * share) + (fixedOpex[m] as number));
    const tax = taxRate > 0 ? Math.max(0, ebitda - (depreciation[m] as number)) * taxRate : 0;
    total += (ebitda - tax - (capex[m] as number) + (other[m] as number)) * factor;
    factor *= step;
  }
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
}
