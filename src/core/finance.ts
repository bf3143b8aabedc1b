/**
 * Finance on monthly cash flows, with numpy-financial's conventions (values[0] at t = 0, undiscounted):
 * npv, irr, simple and discounted payback (interpolated within the month), peak funding need, straight-line
 * depreciation. Pure; undefined quantities are null, never NaN.
 *
 * Time conventions (docs/model.md): monthly steps; a month's cash flow lands at its end (month m at t = m);
 * capex lands when it is spent; discounting is (1 + annual rate)^(-months/12); IRR is annualized as
 * (1 + monthly IRR)^12 - 1.
 */
import { closeIn } from './solve.js';
import { power, powersOf } from './units.js';

/** sum values[t] / (1 + rate)^t, values[0] at t = 0 undiscounted (numpy-financial npv; not Excel's NPV). */
export function npv(rate: number, values: ArrayLike<number>): number {
  if (!(rate > -1)) throw new RangeError('npv: rate must be above -100%');
  let total = 0;
  let factor = 1;
  const step = 1 / (1 + rate);
  for (let t = 0; t < values.length; t++) {
    total += (values[t] as number) * factor;
    factor *= step;
  }
  return total;
}

/** The monthly rate equivalent to an annual one: (1 + annual)^(1/12) - 1. */
export function monthlyRate(annualRate: number): number {
  return power(1 + annualRate, 1 / 12) - 1;
}

/** The annual rate equivalent to a monthly one: (1 + monthly)^12 - 1. */
export function annualRate(monthly: number): number {
  return power(1 + monthly, 12) - 1;
}

/** NPV of monthly flows at an annual discount rate: each month m discounted by (1 + annual)^(-m/12). */
export function npvMonthly(annualDiscountRate: number, monthlyValues: ArrayLike<number>): number {
  return npv(monthlyRate(annualDiscountRate), monthlyValues);
}

export interface IrrResult {
  /** Per period of the values; null when there is no real root above -100%. */
  rate: number | null;
  /** Why rate is null, or which root was chosen when there are several. */
  note: string | null;
  /** Every root found above -100% (rates per period), ascending. */
  roots: number[];
}

/** Why an IRR is null: the notes irr() gives, for callers that show a short reason. */
export const IRR_NOTES = {
  noSignChange: 'the cash flows never change sign: no rate makes NPV zero',
  borrowing: 'inflows come before the outlay (a borrowing profile): IRR is not a return',
  noRoot: 'no real rate above -100% makes NPV zero',
} as const;

/** Rates scanned for sign changes, ascending: log-spaced near -100%, every 1% from -50% to 20%, log-spaced above. */
const IRR_GRID: readonly number[] = (() => {
  const grid: number[] = [];
  for (let k = 30; k >= 1; k--) grid.push(-1 + power(10, -k / 3)); // -1 + 1e-10 ... -0.54
  for (let i = 0; i < 70; i++) grid.push(-0.5 + i / 100);
  for (let k = 0; k <= 30; k++) grid.push(0.2 * power(10, k / 11)); // 0.2 ... ~107 (10,700%)
  return grid;
})();

/** How many times the flows change sign, zeros skipped. */
function signChanges(values: ArrayLike<number>): number {
  let changes = 0;
  let last = 0;
  for (let t = 0; t < values.length; t++) {
    const sign = Math.sign(values[t] as number);
    if (sign === 0) continue;
    if (last !== 0 && sign !== last) changes++;
    last = sign;
  }
  return changes;
}

/** The grid point nearest 0 per period. */
const IRR_GRID_ZERO = IRR_GRID.reduce(
  (best, r, i) => (Math.abs(r) < Math.abs(IRR_GRID[best] as number) ? i : best),
  0,
);

/**
 * The one root of `f` on IRR_GRID, found by walking out from 0: up until f changes sign, else down. The
 * interval found is closed in on with the arguments the whole scan would pass, so the root is the same to the
 * bit. undefined when the walk meets a non-finite value or no sign change (the whole scan then decides).
 */
function singleRoot(f: (r: number) => number): number | undefined {
  const grid = IRR_GRID;
  const at = (i: number) => f(grid[i] as number);
  const f0 = at(IRR_GRID_ZERO);
  if (!Number.isFinite(f0)) return undefined;
  if (f0 === 0) return grid[IRR_GRID_ZERO];
  let fPrev = f0;
  for (let i = IRR_GRID_ZERO + 1; i < grid.length; i++) {
    const fi = at(i);
    if (!Number.isFinite(fi)) return undefined;
    if (fi === 0) return grid[i];
    if (Math.sign(fi) !== Math.sign(fPrev))
      return closeIn(f, grid[i - 1] as number, grid[i] as number, fPrev, fi);
    fPrev = fi;
  }
  let fNext = f0;
  for (let i = IRR_GRID_ZERO - 1; i >= 0; i--) {
    const fi = at(i);
    if (!Number.isFinite(fi)) return undefined;
    if (fi === 0) return grid[i];
    if (Math.sign(fi) !== Math.sign(fNext))
      return closeIn(f, grid[i] as number, grid[i + 1] as number, fi, fNext);
    fNext = fi;
  }
  return undefined;
}

/**
 * The rate per period at which npv(rate, values) = 0, found by bracketing: NPV is evaluated on a grid of
 * rates from just above -100% to 10,000% per period, every sign change is closed in on (Illinois) to a root, and, like
 * numpy-financial's irr, the root closest to zero is returned when there are several (flows that change sign
 * more than once). No sign change in the flows, or inflows before the outlay (the first non-zero flow is
 * positive: a borrowing profile, whose rate is a cost, not a return): no IRR (null, with the reason).
 */
export function irr(values: ArrayLike<number>): IrrResult {
  const nonZero = Array.from(values).filter((v) => v !== 0);
  const signs = new Set(nonZero.map(Math.sign));
  if (signs.size < 2) return { rate: null, roots: [], note: IRR_NOTES.noSignChange };
  // Cash that comes before the outlay is borrowed, not invested: the rate that zeroes NPV is what the
  // money costs, and a higher one is worse. Not a return: no IRR.
  if ((nonZero[0] as number) > 0) return { rate: null, roots: [], note: IRR_NOTES.borrowing };
  // Flows that change sign once have one root (Descartes' rule of signs): walk the grid out from 0 to the
  // interval that holds it, and close in on that interval as the whole scan would.
  if (signChanges(values) === 1) {
    const single = singleRoot((r) => npv(r, values));
    if (single !== undefined) return { rate: single, roots: [single], note: null };
  }
  const roots = irrRootsByScan(values);
  if (roots.length === 0) return { rate: null, roots, note: IRR_NOTES.noRoot };
  const chosen = roots.reduce((best, r) => (Math.abs(r) < Math.abs(best) ? r : best));
  return {
    rate: chosen,
    roots,
    note: roots.length > 1 ? `${roots.length} rates make NPV zero; the one closest to 0 is reported` : null,
  };
}

/** Every root on the whole grid, ascending: NPV at each grid rate, each sign change closed in on. */
export function irrRootsByScan(values: ArrayLike<number>): number[] {
  // NPV in terms of x = 1 / (1 + r) is a polynomial; scan r on a log-spaced grid on each side of 0.
  const f = (r: number) => npv(r, values);
  const grid = IRR_GRID;
  const roots: number[] = [];
  let prev = grid[0] as number;
  let fprev = f(prev);
  if (fprev === 0) roots.push(prev);
  for (let i = 1; i < grid.length; i++) {
    const r = grid[i] as number;
    const fr = f(r);
    if (!Number.isFinite(fr) || !Number.isFinite(fprev)) {
      prev = r;
      fprev = fr;
      continue;
    }
    if (fr === 0) roots.push(r);
    else if (fprev !== 0 && Math.sign(fr) !== Math.sign(fprev)) roots.push(closeIn(f, prev, r, fprev, fr));
    prev = r;
    fprev = fr;
  }
  return roots;
}

/**
 * Payback: the first time the cumulative cash flow turns non-negative after having been negative,
 * interpolated within the month (months from t = 0); null when it never does within the values (beyond the
 * horizon), or 0 when it is never negative.
 */
export function paybackMonths(values: ArrayLike<number>): number | null {
  let cumulative = 0;
  let wasNegative = false;
  let lastNegativeAt = -1;
  for (let t = 0; t < values.length; t++) {
    const before = cumulative;
    cumulative += values[t] as number;
    if (cumulative < 0) {
      wasNegative = true;
      lastNegativeAt = t;
    } else if (wasNegative && lastNegativeAt === t - 1) {
      // The month's flow lands at its end; interpolate linearly inside it.
      const flow = values[t] as number;
      const fraction = flow > 0 ? -before / flow : 1;
      return t - 1 + fraction;
    }
  }
  return wasNegative ? null : 0;
}

/** Payback on flows discounted month by month at an annual rate. */
export function discountedPaybackMonths(
  annualDiscountRate: number,
  values: ArrayLike<number>,
): number | null {
  const growth = powersOf(1 + monthlyRate(annualDiscountRate));
  return paybackMonths(Array.from(values, (v, t) => v / growth(t)));
}

/** The lowest cumulative cash (0 when it never goes below zero): the funding the project needs at its worst. */
export function peakFunding(values: ArrayLike<number>): number {
  let cumulative = 0;
  let lowest = 0;
  for (let t = 0; t < values.length; t++) {
    cumulative += values[t] as number;
    if (cumulative < lowest) lowest = cumulative;
  }
  return lowest < 0 ? -lowest : 0;
}

/** Straight-line depreciation per month of an asset costing `costUsd` over `lifeMonths`. */
export function straightLineMonthly(costUsd: number, lifeMonths: number): number {
  if (!(lifeMonths > 0)) throw new RangeError('depreciation: life must be above 0 months');
  return costUsd / lifeMonths;
}

/** Book value after `elapsedMonths` of straight-line depreciation (never below 0). */
export function bookValue(costUsd: number, lifeMonths: number, elapsedMonths: number): number {
  return Math.max(0, costUsd * (1 - Math.min(elapsedMonths, lifeMonths) / lifeMonths));
}

/** Straight-line depreciation per year (12 months) of an asset costing `costUsd` over `lifeMonths`; 0 without a life. */
export function straightLinePerYear(costUsd: number, lifeMonths: number): number {
  return lifeMonths > 0 ? (costUsd * 12) / lifeMonths : 0;
}
