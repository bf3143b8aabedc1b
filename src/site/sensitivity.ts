/**
 * `sensitivity`: each driver at its low and high with every other input at its base (a tornado), and two
 * drivers over a grid, as each AI option's NPV minus keeping mining's (src/core/risk/sensitivity.ts).
 */
import type { ProjectionInputs } from '../core/projection/index.js';
import {
  axisValues,
  DeltaEvaluator,
  DRIVER_IDS,
  type DriverId,
  type DriverRange,
  driverBase,
  type Grid,
  grid as gridOf,
  type Tornado,
  tornado as tornadoOf,
} from '../core/risk/sensitivity.js';
import { type SiteRobustness, siteRobustness } from './projection.js';

/** Each driver's base value in a projection's inputs (a swing's ranges are set around it). */
export function driverBases(inputs: ProjectionInputs): Record<DriverId, number> {
  return Object.fromEntries(DRIVER_IDS.map((id) => [id, driverBase(id, inputs)])) as Record<DriverId, number>;
}

export interface SiteSensitivity {
  tornado: Tornado;
  grid: Grid | null;
  /** Projections run: the base, two per driver, and one per grid cell. */
  evaluations: number;
  /** The verdict's robustness: the plausible ranges, a driver's given with --range replacing its own. */
  robustness: SiteRobustness;
}

/** The tornado over `ranges`, and the grid over two of them when `axes` are given. */
export function siteSensitivity(
  inputs: ProjectionInputs,
  ranges: readonly DriverRange[],
  axes: { x: DriverId; y: DriverId; steps: number } | null,
  given: ReadonlyMap<DriverId, { low: number; high: number }> = new Map(),
): SiteSensitivity {
  // One evaluator: the robust verdict reuses the tornado's trials where their ranges agree.
  const evaluator = new DeltaEvaluator(inputs);
  const tornado = tornadoOf(inputs, ranges, evaluator);
  let evaluations = 1 + 2 * ranges.length;
  let grid: Grid | null = null;
  if (axes) {
    const range = (id: DriverId) => ranges.find((r) => r.id === id) as DriverRange;
    const x = range(axes.x);
    const y = range(axes.y);
    grid = gridOf(
      inputs,
      { id: axes.x, values: axisValues(axes.x, x.low, x.high, axes.steps) },
      { id: axes.y, values: axisValues(axes.y, y.low, y.high, axes.steps) },
    );
    evaluations += axes.steps * axes.steps;
  }
  return { tornado, grid, evaluations, robustness: siteRobustness(inputs, undefined, given, evaluator) };
}
