/**
 * `strategy`: the best plan for a site (core/projection/search.ts) on a stated grid, the best per option, the
 * NPV frontier against the AI share, the value of waiting (the best plan whose first build starts after the
 * halving, or in a year, against the best starting now), the best plan's figures as an option's, and how
 * sure its lead over keeping mining is: each decisive driver at the ends of its plausible range (the
 * verdict's ranges, core/risk/robust.ts), the plan and keeping mining projected again there.
 */
import {
  type OptionFlows,
  type OptionProjection,
  type Plan,
  PlanParts,
  type PlanProjection,
  type ProjectionInputs,
  planFlows,
  planNpv,
  planSimulationFlows,
  projectPlan,
  projectSite,
  type ScoredPlan,
  type SearchGrid,
  type SearchResult,
  searchPlans,
  splitFlows,
  splitNpv,
  startGrid,
} from '../core/projection/index.js';
import { type PlausibleRange, plausibleRanges } from '../core/risk/robust.js';
import { type DriverId, withDriver } from '../core/risk/sensitivity.js';
import {
  networkPlan,
  type SimulationPlan,
  type SimulationSettings,
  simulationPlan,
} from '../core/risk/simulation.js';
import type { OptionId } from '../core/units.js';
import { simulationFinance } from './simulation.js';

/** The grid's steps: the AI share's, the build starts' (months), and the most phases. */
export const STRATEGY_GRID = { shareStep: 0.1, startStepMonths: 6, maxPhases: 2 } as const;

/** A plan's lead over keeping mining changes sign at a driver's end. */
export interface PlanFlip {
  id: DriverId;
  /** The end of its plausible range where it does. */
  value: number;
  end: 'low' | 'high';
  /** Who leads there: keeping mining, or the plan. */
  toId: 'mining' | 'plan';
  /** The plan's NPV minus keeping mining's there. */
  npvVsMiningUsd: number;
}

export interface StrategyRobustness {
  robust: boolean;
  flips: PlanFlip[];
  ranges: PlausibleRange[];
  /** What was compared: the best plan with keeping mining (or, when keeping mining is best, the best AI plan). */
  versus: 'mining' | 'plan';
}

export interface StrategyResult {
  months: number;
  /** The halving's month (fractional), null beyond the horizon. */
  halvingMonth: number | null;
  /** The first build start on the grid after the halving, null when none is within the horizon. */
  afterHalvingStart: number | null;
  grid: SearchGrid;
  search: SearchResult;
  pure: OptionProjection[];
  /** The best plan's projection (its figures as an option's); null when keeping mining is best. */
  bestProjection: PlanProjection | null;
  waiting: {
    now: ScoredPlan | null;
    afterHalving: ScoredPlan | null;
    inAYear: ScoredPlan | null;
  };
  robustness: StrategyRobustness;
}

/** A plan's NPV and keeping mining's, on inputs changed by a driver. */
function planVsMining(inputs: ProjectionInputs, plan: Plan): number {
  const parts = new PlanParts(inputs);
  const mining = splitNpv(
    [splitFlows(parts.mining.flows, inputs.taxRate)],
    [1],
    inputs.taxRate,
    inputs.annualDiscountRate,
  );
  return planNpv(plan, parts) - mining;
}

function strategyRobustness(inputs: ProjectionInputs, search: SearchResult): StrategyRobustness {
  const ranges = plausibleRanges(inputs);
  const best = search.best;
  // Keeping mining best: is it still, against the best AI plan?
  const aiBest = [search.bestByOption['ai-lease'], search.bestByOption['gpu-cloud']].sort(
    (a, b) => b.npvUsd - a.npvUsd,
  )[0] as ScoredPlan;
  const versus = best.plan.tranches.length > 0 ? 'mining' : 'plan';
  const plan = versus === 'mining' ? best.plan : aiBest.plan;
  const baseLead = versus === 'mining' ? 1 : -1;
  const flips: PlanFlip[] = [];
  for (const range of ranges) {
    for (const end of ['low', 'high'] as const) {
      const value = range[end];
      // The plan's go-lives stay; a longer conversion starts each build earlier (from month 1 at the soonest).
      const changed = withDriver(inputs, range.id, value);
      const lead = planVsMining(changed, plan);
      if (Math.sign(lead) !== baseLead && lead !== 0)
        flips.push({ id: range.id, value, end, toId: lead > 0 ? 'plan' : 'mining', npvVsMiningUsd: lead });
    }
  }
  return { robust: flips.length === 0, flips, ranges, versus };
}

/** The best plan for a site on the strategy grid, with its frontier, the value of waiting and its robustness. */
export function siteStrategy(inputs: ProjectionInputs): StrategyResult {
  const months = Math.round(inputs.years * 12);
  const parts = new PlanParts(inputs);
  const conversion = Math.max(0, Math.round(inputs.conversionMonths));
  const halvingMonth = parts.chain.halvingMonth;
  const halvingStart = halvingMonth === null ? null : Math.ceil(halvingMonth);
  const grid: SearchGrid = {
    shareStep: STRATEGY_GRID.shareStep,
    startMonths: startGrid(
      months,
      conversion,
      STRATEGY_GRID.startStepMonths,
      halvingStart === null ? [12] : [12, halvingStart],
    ),
    maxPhases: STRATEGY_GRID.maxPhases,
  };
  const search = searchPlans(parts, grid);
  const pure = projectSite(inputs, parts.chain, { npvOnly: true }).options;
  const afterHalvingStart =
    halvingStart === null ? null : (grid.startMonths.find((s) => s >= halvingStart) ?? null);
  return {
    months,
    halvingMonth,
    afterHalvingStart,
    grid,
    search,
    pure,
    bestProjection:
      search.best.plan.tranches.length > 0 ? projectPlan(inputs, search.best.plan, parts) : null,
    waiting: {
      now: search.startingAt(0),
      afterHalving: afterHalvingStart === null ? null : search.startingFrom(afterHalvingStart),
      inAYear: search.startingFrom(12),
    },
    robustness: strategyRobustness(inputs, search),
  };
}

/** The plans a simulation ranks: the best plans of the search (distinct), at most `count`. */
export const SIMULATED_PLANS = 5;

/**
 * The Monte Carlo of the best plans against keeping mining (core/risk/simulation.ts, the same machinery as
 * `project --simulations`): keeping mining first, then each plan as an option (ids plan-1, plan-2, ...) over
 * its summed flows; each path draws BTC, the network and the GPU rent once for all of them.
 */
export function strategySimulationPlan(
  inputs: ProjectionInputs,
  result: StrategyResult,
  settings: SimulationSettings,
  count = SIMULATED_PLANS,
): { plan: SimulationPlan; plans: ScoredPlan[] } {
  const parts = new PlanParts(inputs);
  const plans = result.search.top.filter((p) => p.plan.tranches.length > 0).slice(0, count);
  const options: OptionFlows[] = [
    parts.mining,
    ...plans.map((p, i): OptionFlows => {
      const { flows } = planSimulationFlows(p.plan, parts);
      const residualUsd = planFlows(p.plan, parts).residualUsd;
      return {
        // The simulation knows options by id: a plan's is its rank (plan-1 the best).
        id: `plan-${i + 1}` as OptionId,
        flows,
        residualUsd,
        goLiveMonth: null,
        minersSoldMonth: null,
        fleetPurchases: 0,
      };
    }),
  ];
  const plan = simulationPlan(
    options,
    settings,
    simulationFinance(inputs),
    networkPlan(parts.chain, inputs.networkModel),
  );
  // GPU rent draws apply to a plan's summed AI revenue only where it has a GPU tranche (planSimulationFlows).
  plans.forEach((p, i) => {
    const option = plan.options[i + 1];
    if (!option) return;
    const rentIsRandom = p.plan.tranches.some((t) => t.option === 'gpu-cloud');
    option.rentIsRandom = rentIsRandom;
    option.variesUntil = option.flows.length;
  });
  return { plan, plans };
}
