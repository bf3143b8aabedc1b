/**
 * Plans: a site converted in tranches (each an AI option, its grid MW and its go-live month), the rest of it
 * mining. A tranche is its pure option's flows for its MW with its go-live (the fit-out spread over the
 * conversion months ending at go-live, the miners on its MW mining until then and sold at go-live, its own
 * ramp); the rest keeps mining. The flows are linear in the site's MW (every cost and revenue is per MW, the
 * per-site fixed costs and grid charges per MW of the site's power too), so each (option, go-live) is built
 * once for the whole site and a tranche is that times its share of the site's MW: the shares of the tranches
 * and of the mining rest sum to 1, so the per-site fixed costs are counted once. The plan is the sum of the
 * scaled flows, evaluated once (tax on the combined flows).
 */
import type { ChainProjection } from '../chain.js';
import { npvMonthly } from '../finance.js';
import type { OptionId } from '../units.js';
import { evaluateFlows, type Flows, Flows as FlowsClass, type OptionFlows } from './flows.js';
import {
  chainFor,
  gpuFlows,
  keepMiningFlows,
  leaseFlows,
  type MiningMonthly,
  miningMonthly,
} from './options.js';
import type { Plan, TrancheOption } from './plan-shape.js';
import type { ProjectionInputs, ProjectOptions } from './types.js';

export * from './plan-shape.js';

/** How each tranche option is built for the whole site with a go-live (options.ts). */
const TRANCHE_BUILDERS: Record<TrancheOption, typeof leaseFlows> = {
  'ai-lease': leaseFlows,
  'gpu-cloud': gpuFlows,
};

/**
 * Each (option, go-live)'s flows for the whole site, built once and remembered: what a plan's tranches and a
 * search over plans scale. Keep mining is the `mining` entry.
 */
export class PlanParts {
  readonly months: number;
  readonly chain: ChainProjection;
  readonly mining: OptionFlows;
  private readonly mm: MiningMonthly;
  private readonly built = new Map<string, OptionFlows>();
  constructor(
    readonly inputs: ProjectionInputs,
    given?: ChainProjection,
    private readonly options: ProjectOptions = {},
  ) {
    this.months = Math.round(inputs.years * 12);
    this.chain = given ?? chainFor(inputs);
    this.mm = miningMonthly(inputs, this.chain);
    this.mining = keepMiningFlows(inputs, this.mm, this.months, options);
  }

  /** The whole site converted to `option`, going live at `goLiveMonth`. */
  tranche(option: TrancheOption, goLiveMonth: number): OptionFlows {
    const key = `${option}@${goLiveMonth}`;
    let made = this.built.get(key);
    if (!made) {
      const build = TRANCHE_BUILDERS[option];
      made = build(this.inputs, this.mm, this.months, this.options, goLiveMonth);
      this.built.set(key, made);
    }
    return made;
  }
}

const SUMMED = [
  'miningRevenue',
  'miningEnergy',
  'miningOtherOpex',
  'aiRevenue',
  'aiFixedOpex',
  'fixedOpex',
  'depreciation',
  'taxDepreciation',
  'taxableGain',
  'capex',
  'other',
] as const;

/** A plan's flows: each part's flows times its share of the site, summed, and what the parts hold. */
export interface PlanFlows extends Omit<OptionFlows, 'id' | 'residualTail'> {
  id: 'plan';
  /** The parts summed (tranches, then the mining rest when any), each with its share of the site's MW. */
  parts: { id: OptionId; share: number; goLiveMonth: number | null }[];
}

/** The sum of `parts` (flows times a share), into new flows of the same length. */
export function sumFlows(parts: readonly { flows: Flows; share: number }[], length: number): Flows {
  const sum = new FlowsClass(length);
  const shareOpex = new Float64Array(length);
  let mixed = false;
  let firstShare: number | null = null;
  for (const { flows, share } of parts) {
    if (share === 0) continue;
    for (const key of SUMMED) {
      const to = sum[key];
      const from = flows[key];
      for (let m = 0; m < length; m++) to[m] = (to[m] as number) + (from[m] as number) * share;
    }
    for (let m = 0; m < length; m++) {
      if (flows.miningActive[m] === 1) sum.miningActive[m] = 1;
      if (!Number.isNaN(flows.height[m] as number)) sum.height[m] = flows.height[m] as number;
      shareOpex[m] = (shareOpex[m] as number) + (flows.aiRevenue[m] as number) * share * flows.aiOpexShare;
    }
    if (flows.taxModel) sum.taxModel = flows.taxModel;
    sum.takeOrPay = Math.max(sum.takeOrPay, flows.takeOrPay);
    const hasAi = flows.aiRevenue.some((x) => x !== 0);
    if (hasAi) {
      if (firstShare === null) firstShare = flows.aiOpexShare;
      else if (firstShare !== flows.aiOpexShare) mixed = true;
    }
  }
  if (mixed) {
    // Revenue-weighted shares month by month: the summed AI opex share of the summed AI revenue.
    const shares = new Float64Array(length);
    for (let m = 0; m < length; m++) {
      const revenue = sum.aiRevenue[m] as number;
      shares[m] = revenue !== 0 ? (shareOpex[m] as number) / revenue : 0;
    }
    sum.aiOpexShares = shares;
  } else sum.aiOpexShare = firstShare ?? 0;
  return sum;
}

/** The shares of the site's MW the tranches take, and what is left mining. */
function shares(plan: Plan, siteMw: number): { tranches: number[]; mining: number } {
  const tranches = plan.tranches.map((t) => t.mw / siteMw);
  const mining = Math.max(0, 1 - tranches.reduce((s, x) => s + x, 0));
  return { tranches, mining: mining < 1e-12 ? 0 : mining };
}

/** A plan's flows from the parts built for its site (PlanParts). */
export function planFlows(plan: Plan, parts: PlanParts): PlanFlows {
  const siteMw = parts.inputs.mining.siteMw;
  const s = shares(plan, siteMw);
  const scaled = plan.tranches.map((t, i) => ({
    built: parts.tranche(t.option, t.goLiveMonth),
    share: s.tranches[i] as number,
  }));
  if (s.mining > 0) scaled.push({ built: parts.mining, share: s.mining });
  const length = parts.months + 1;
  const flows = sumFlows(
    scaled.map((p) => ({ flows: p.built.flows, share: p.share })),
    length,
  );
  const goLives = plan.tranches.map((t) => t.goLiveMonth);
  const sold = scaled.map((p) => p.built.minersSoldMonth).filter((m): m is number => m !== null);
  return {
    id: 'plan',
    flows,
    residualUsd: scaled.reduce((sum, p) => sum + p.built.residualUsd * p.share, 0),
    goLiveMonth: Math.min(...goLives),
    minersSoldMonth:
      s.mining > 0 && parts.mining.minersSoldMonth === null ? null : sold.length ? Math.max(...sold) : null,
    fleetPurchases: s.mining > 0 ? parts.mining.fleetPurchases : 0,
    gridChargesUsd: scaled.reduce((sum, p) => sum + (p.built.gridChargesUsd ?? 0) * p.share, 0),
    parts: scaled.map((p) => ({ id: p.built.id, share: p.share, goLiveMonth: p.built.goLiveMonth })),
  };
}

/** A plan's NPV (tax on its combined flows), the cash array reused across calls of a search. */
export function planNpv(plan: Plan, parts: PlanParts, cash = new Float64Array(parts.months + 1)): number {
  const { flows } = planFlows(plan, parts);
  evaluateFlows(flows, parts.inputs.taxRate, cash, null, null, 1, flows.length, false);
  return npvMonthly(parts.inputs.annualDiscountRate, cash);
}

/**
 * A plan's flows for a Monte Carlo (core/risk/simulation.ts), whose paths scale one AI revenue array by the
 * GPU rent's factor: a lease tranche's rent is contracted (the same on every path), so its revenue net of its
 * opex share is carried as a negative fixed cost (the same EBITDA, taxed alike) and only the GPU tranches'
 * revenue stays scaled. `rentIsRandom`: the plan has a GPU tranche.
 */
export function planSimulationFlows(plan: Plan, parts: PlanParts): { flows: Flows; rentIsRandom: boolean } {
  const siteMw = parts.inputs.mining.siteMw;
  const s = shares(plan, siteMw);
  const length = parts.months + 1;
  const scaled = plan.tranches.map((t, i) => {
    const built = parts.tranche(t.option, t.goLiveMonth);
    if (t.option !== 'ai-lease') return { flows: built.flows, share: s.tranches[i] as number };
    const folded = built.flows.prefix(length);
    for (let m = 0; m < length; m++) {
      const rent = folded.aiRevenue[m] as number;
      folded.fixedOpex[m] = (folded.fixedOpex[m] as number) - rent * (1 - folded.aiOpexShare);
      folded.aiRevenue[m] = 0;
    }
    return { flows: folded, share: s.tranches[i] as number };
  });
  if (s.mining > 0) scaled.push({ flows: parts.mining.flows, share: s.mining });
  return {
    flows: sumFlows(scaled, length),
    rentIsRandom: plan.tranches.some((t) => t.option === 'gpu-cloud'),
  };
}
