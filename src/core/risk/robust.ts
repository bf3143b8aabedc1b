/**
 * How sure the ranking is: the option ranked first by NPV is *robust* when no single decisive driver (the
 * tornado's, sensitivity.ts), moved across its plausible range with every other input at its base, changes
 * which option ranks first. A driver that does is a *flip*: the value at which the lead changes hands (solved
 * with the bracketing solver, solve.ts; the first whole month for a driver in months) and the option it
 * hands the lead to. The evaluations are the tornado's (DeltaEvaluator: one pass over built flows for the
 * drivers that only scale an AI option's revenue, the flows of the options a driver reaches for the others).
 * Pure.
 */
import type { OptionFlows, ProjectionInputs } from '../projection/index.js';
import { closeIn } from '../solve.js';
import type { OptionId } from '../units.js';
import {
  DeltaEvaluator,
  DRIVER_IDS,
  type DriverId,
  driverBase,
  driverIsInteger,
  type NpvDeltas,
  swingRange,
} from './sensitivity.js';

/** A driver's plausible low and high, and where they come from. */
export interface PlausibleRange {
  id: DriverId;
  low: number;
  high: number;
  basis: string;
}

/** The swing of the sensitivity's default ranges (src/inputs/rows/sensitivity.ts, --swing). */
export const PLAUSIBLE_SWING = 0.2;

/** Each driver's unit, for a flip's value. */
export const DRIVER_UNITS: Readonly<Record<DriverId, string>> = {
  'btc-price': 'USD',
  'btc-growth': 'fraction per year',
  'difficulty-growth': 'fraction per month',
  'power-price': 'USD per kWh',
  'lease-rate': 'USD per kW-month',
  'lease-escalator': 'fraction per year',
  'gpu-hour-price': 'USD per GPU-hour',
  'gpu-price-decline': 'fraction per year',
  utilization: 'fraction',
  'gpu-capex': 'USD per GPU',
  'fit-out': 'USD per MW of IT',
  'conversion-months': 'months',
  'discount-rate': 'fraction per year',
};

const SWING_BASIS = `the sensitivity default: the base -/+ ${PLAUSIBLE_SWING * 100}% of it (-/+ ${PLAUSIBLE_SWING * 100}% for a rate at 0)`;

/** Where the record is wider than the swing (or the swing wider than any contract): the range, its basis. */
const RECORD: Partial<Record<DriverId, { low: number; high: number; basis: string; widenOnly: boolean }>> = {
  'difficulty-growth': {
    low: -0.02,
    high: 0.03,
    basis: 'widened to the 2025-26 record: difficulty moved from about -2% to +3% a month (embedded epochs)',
    widenOnly: true,
  },
  'lease-escalator': {
    low: 0,
    high: 0.03,
    basis:
      "0 to 3%/yr: none, or the 2-3% a year typical of the 2026 IT leases' escalators (catalog deals); a swing of -/+20%/yr is no lease's term",
    widenOnly: false,
  },
};

/**
 * A driver's documented range where no swing around its base is one (the lease escalator: 0 to 3%/yr, not
 * -/+20%/yr around 0): the tornado's default range of it as well as the verdict's plausible range.
 */
export function documentedRange(id: DriverId): { low: number; high: number; basis: string } | null {
  const record = RECORD[id];
  return record && !record.widenOnly ? { low: record.low, high: record.high, basis: record.basis } : null;
}

/**
 * Every decisive driver's plausible range around the base: the sensitivity's default swing (clamped to what
 * the driver takes: utilization at most 1, conversion within the horizon, nothing negative that cannot
 * be), widened where the record is wider; `given` ranges (sensitivity --range) replace a driver's.
 */
export function plausibleRanges(
  inputs: ProjectionInputs,
  given: ReadonlyMap<DriverId, { low: number; high: number }> = new Map(),
): PlausibleRange[] {
  const horizonMonths = Math.round(inputs.years * 12);
  return DRIVER_IDS.map((id): PlausibleRange => {
    const known = given.get(id);
    if (known) return { id, low: known.low, high: known.high, basis: 'given (--range)' };
    const base = driverBase(id, inputs);
    const max =
      id === 'utilization'
        ? 1
        : id === 'conversion-months'
          ? horizonMonths
          : id === 'gpu-price-decline'
            ? 0.99
            : Number.POSITIVE_INFINITY;
    const min = id.endsWith('-growth') || id === 'lease-escalator' ? -0.99 : 0;
    const [low, high] = swingRange(id, base, PLAUSIBLE_SWING, { min, max });
    const record = RECORD[id];
    if (!record) return { id, low, high, basis: SWING_BASIS };
    if (record.widenOnly) {
      // The swing around a base of 0 (-/+ the swing itself) is no record: only a swing of the base widens it.
      const [swingLow, swingHigh] = base === 0 ? [base, base] : [low, high];
      return {
        id,
        low: Math.min(swingLow, record.low),
        high: Math.max(swingHigh, record.high),
        basis: record.basis,
      };
    }
    return { id, low: Math.min(record.low, base), high: Math.max(record.high, base), basis: record.basis };
  });
}

/** A driver that hands the lead to another option within its plausible range. */
export interface VerdictFlip {
  driver: DriverId;
  /** The value at which the lead changes hands. */
  value: number;
  unit: string;
  /** Its base value and plausible range. */
  base: number;
  low: number;
  high: number;
  /** The option ranked first past the value. */
  toOptionId: OptionId;
}

export interface Robustness {
  bestOptionId: OptionId;
  /** No decisive driver in its plausible range changes the first-ranked option. */
  robust: boolean;
  /** The drivers that do, the one that flips it nearest its base first (relative to its range). */
  flips: VerdictFlip[];
  /** Flows the evaluator has built (its own and any before, when it was given). */
  evaluations: number;
}

const leaderOf = (d: NpvDeltas): OptionId =>
  (Object.entries(d.npvUsd) as [OptionId, number][]).reduce((a, b) => (b[1] > a[1] ? b : a))[0];

/**
 * Which decisive drivers, moved one at a time across `ranges`, change the option ranked first at `inputs`.
 * `baseFlows`: the base projection's flows when the caller has them (they are built otherwise).
 */
export function robustness(
  inputs: ProjectionInputs,
  ranges: readonly PlausibleRange[],
  baseFlows?: readonly OptionFlows[],
  /** An evaluator of these inputs already used (a tornado's: its trials are reused). */
  evaluator = new DeltaEvaluator(inputs, baseFlows),
): Robustness {
  const base = evaluator.at([]);
  const best = leaderOf(base);
  const found: (VerdictFlip & { distance: number })[] = [];
  for (const r of ranges) {
    const x0 = driverBase(r.id, inputs);
    const ends = [r.low, r.high].filter((x) => x !== x0);
    const atEnds = ends.map((x) => ({ x, d: evaluator.at([[r.id, x]]) }));
    // The end nearest the base that changes the leader (the low end first when both do).
    const lost = atEnds.find(({ d }) => leaderOf(d) !== best);
    if (!lost) continue;
    // Past the value, the option leading at the end of the range: the crossing of the first with it, each
    // trial building only the two (with three options, the third may lead for a while between).
    const to = leaderOf(lost.d);
    const pair = [best, to] as const;
    const gap = (d: NpvDeltas) => (d.npvUsd[best] ?? Number.NaN) - (d.npvUsd[to] ?? Number.NaN);
    const lead = (x: number) => gap(evaluator.at([[r.id, x]], pair));
    let value: number;
    if (driverIsInteger(r.id)) {
      // The first whole value from the base towards the end where the other option leads.
      const step = lost.x > x0 ? 1 : -1;
      value = lost.x;
      for (let x = Math.round(x0) + step; step > 0 ? x < lost.x : x > lost.x; x += step)
        if (lead(x) < 0) {
          value = x;
          break;
        }
    } else {
      // The bracket is known: the base (the first leads) and the end (the other does). To 1e-3 of the range,
      // finer than a flip is read (closeIn's tolerance is relative to max(1, |x|): a fraction's is absolute).
      const width = Math.abs(lost.x - x0);
      const tolerance = (1e-3 * width) / Math.max(1, Math.abs(x0), Math.abs(lost.x));
      value = closeIn(lead, x0, lost.x, gap(base), gap(lost.d), tolerance);
    }
    found.push({
      driver: r.id,
      value: driverIsInteger(r.id) ? value : Number(value.toPrecision(4)),
      unit: DRIVER_UNITS[r.id],
      base: x0,
      low: r.low,
      high: r.high,
      toOptionId: to,
      // How far into its range the driver flips it: 0 at the base, 1 at the end.
      distance: Math.abs(value - x0) / Math.abs(lost.x - x0),
    });
  }
  found.sort(
    (a, b) => a.distance - b.distance || DRIVER_IDS.indexOf(a.driver) - DRIVER_IDS.indexOf(b.driver),
  );
  return {
    bestOptionId: best,
    robust: found.length === 0,
    flips: found.map(({ distance: _, ...flip }) => flip),
    evaluations: evaluator.evaluations,
  };
}
