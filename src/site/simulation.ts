/** The Monte Carlo of a site's projection: the plan the simulation's threads run (src/core/risk/simulation.ts). */

import type { ProjectionInputs } from '../core/projection/index.js';
import { siteFlows } from '../core/projection/index.js';
import { type SimulationPlan, type SimulationSettings, simulationPlan } from '../core/risk/simulation.js';

/** The simulation plan over the same flows as the deterministic projection of `inputs`. */
export function simulationPlanFor(inputs: ProjectionInputs, settings: SimulationSettings): SimulationPlan {
  return simulationPlan(siteFlows(inputs).options, settings, {
    annualDiscountRate: inputs.annualDiscountRate,
    taxRate: inputs.taxRate,
    btcUsd0: inputs.network.btcUsd,
    btcGrowthPerYear: inputs.btcGrowthPerYear,
  });
}
