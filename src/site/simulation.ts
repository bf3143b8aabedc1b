/** The Monte Carlo of a site's projection: the plan the simulation's threads run (src/core/risk/simulation.ts). */

import type { ProjectionInputs } from '../core/projection/index.js';
import { siteFlows } from '../core/projection/index.js';
import {
  networkPlan,
  type SimulationPlan,
  type SimulationSettings,
  simulationPlan,
} from '../core/risk/simulation.js';

/**
 * The simulation plan over the same flows as the deterministic projection of `inputs`; with a modelled
 * network (`--network model`), the model and the chain's run of it, so the network responds on each path.
 */
export function simulationPlanFor(inputs: ProjectionInputs, settings: SimulationSettings): SimulationPlan {
  const { chain, options } = siteFlows(inputs);
  return simulationPlan(
    options,
    settings,
    simulationFinance(inputs),
    networkPlan(chain, inputs.networkModel),
    inputs.debt ?? null,
  );
}

/** What a simulation plan takes of the projection's inputs: discounting, tax and BTC's deterministic path. */
export function simulationFinance(inputs: ProjectionInputs): Parameters<typeof simulationPlan>[2] {
  return {
    annualDiscountRate: inputs.annualDiscountRate,
    taxRate: inputs.taxRate,
    btcUsd0: inputs.network.btcUsd,
    btcGrowthPerYear: inputs.btcGrowthPerYear,
  };
}
