/**
 * The search for the best plan (plan.ts) on a grid: the AI share of the site in steps, one or two phases,
 * the option of each tranche and the month each build starts (go-live = start + the conversion months).
 * Each (option, go-live) is built once for the whole site (PlanParts) and every plan scales and sums them.
 * Pre-tax the flows are linear in each part's MW and the curtailment the same in every part, so a plan's NPV
 * is the share-weighted sum of its parts' NPVs: computed so, with no flows summed. Taxed (the tax on the
 * combined flows couples the parts), each plan's flows are summed and evaluated once.
 */

import { type SplitFlows, splitFlows, splitNpv } from './flows.js';
import type { PlanParts } from './plan.js';
import type { Plan, Tranche, TrancheOption } from './plan-shape.js';

export const SEARCH_OPTIONS: readonly TrancheOption[] = ['ai-lease', 'gpu-cloud'];

/** The grid a search runs over. */
export interface SearchGrid {
  /** The AI share's step, a fraction of the site (0.1: 0%, 10%, ... 100%). */
  shareStep: number;
  /** The months a tranche's build may start (go-live = start + conversion months, within the horizon). */
  startMonths: number[];
  /** At most this many tranches (1 or 2). */
  maxPhases: number;
}

export interface ScoredPlan {
  plan: Plan;
  npvUsd: number;
  /** The share of the site converted, 0..1. */
  aiShare: number;
  /** The month the first build starts (null: no tranche, the site keeps mining). */
  firstStartMonth: number | null;
}

export interface SearchResult {
  grid: SearchGrid;
  /** Plans evaluated. */
  evaluated: number;
  /** Whether the NPVs were the weighted sums (pre-tax) or each plan's flows evaluated (taxed). */
  method: 'linear' | 'evaluated';
  miningNpvUsd: number;
  best: ScoredPlan;
  /** The best plan using only this option (and mining for the rest). */
  bestByOption: Record<TrancheOption, ScoredPlan>;
  /** The best plan at each AI share of the grid (0 first: keep mining). */
  frontier: ScoredPlan[];
  /** The best plans, best first (at most `keep`). */
  top: ScoredPlan[];
  /** The best plan whose first build starts at or after this month (null when none does). */
  startingFrom: (month: number) => ScoredPlan | null;
  /** The best plan whose first build starts in this month (null when none does). */
  startingAt: (month: number) => ScoredPlan | null;
}

/** The build starts of a grid: every `step` months from 0 while go-live stays in the horizon, and `extra`. */
export function startGrid(
  months: number,
  conversionMonths: number,
  step: number,
  extra: readonly number[],
): number[] {
  const starts = new Set<number>();
  for (let s = 0; s + conversionMonths < months; s += step) starts.add(s);
  for (const e of extra) if (e >= 0 && e + conversionMonths < months) starts.add(e);
  return [...starts].sort((a, b) => a - b);
}

/** A candidate while searching: its tranches as (option index, share steps, start) triples, its NPV. */
interface Candidate {
  tranches: readonly (readonly [option: number, k: number, start: number])[];
  npvUsd: number;
}

/** Searches the grid for the plans with the highest NPV on the parts' site. */
export function searchPlans(parts: PlanParts, grid: SearchGrid, keep = 10): SearchResult {
  const { inputs } = parts;
  const siteMw = inputs.mining.siteMw;
  const conversion = Math.max(0, Math.round(inputs.conversionMonths));
  const steps = Math.max(1, Math.round(1 / grid.shareStep));
  const linear = !(inputs.taxRate > 0);
  const { taxRate, annualDiscountRate: rate } = inputs;
  const starts = grid.startMonths;
  // Each part split into its cash before tax and its tax base, built once: mining, then (option, start).
  const mining = splitFlows(parts.mining.flows, taxRate);
  const split = SEARCH_OPTIONS.map((option) =>
    starts.map((start) => splitFlows(parts.tranche(option, start + conversion).flows, taxRate)),
  );
  const miningNpv = splitNpv([mining], [1], taxRate, rate);
  const unit = split.map((row) => row.map((part) => splitNpv([part], [1], taxRate, rate)));
  const shares = [0, 0, 0];
  const scratch: SplitFlows[] = [mining, mining, mining];
  let evaluated = 0;
  const npvOf = (tranches: Candidate['tranches']): number => {
    evaluated++;
    let total = 0;
    for (const t of tranches) total += t[1];
    if (linear) {
      let npv = ((steps - total) / steps) * miningNpv;
      for (const t of tranches) npv += (t[1] / steps) * (unit[t[0]]?.[t[2]] as number);
      return npv;
    }
    scratch.length = tranches.length + 1;
    shares.length = tranches.length + 1;
    tranches.forEach((t, i) => {
      scratch[i] = split[t[0]]?.[t[2]] as SplitFlows;
      shares[i] = t[1] / steps;
    });
    scratch[tranches.length] = mining;
    shares[tranches.length] = (steps - total) / steps;
    return splitNpv(scratch, shares, taxRate, rate);
  };
  // What is kept: the best overall (ranked), per AI share, per single option, and per first start.
  const top: Candidate[] = [];
  const frontier: (Candidate | undefined)[] = Array.from({ length: steps + 1 });
  const byOption: (Candidate | undefined)[] = SEARCH_OPTIONS.map(() => undefined);
  const byStart: (Candidate | undefined)[] = starts.map(() => undefined);
  const consider = (tranches: Candidate['tranches']) => {
    const npvUsd = npvOf(tranches);
    const c = { tranches, npvUsd };
    if (top.length < keep || npvUsd > (top[top.length - 1] as Candidate).npvUsd) {
      let at = top.length;
      while (at > 0 && npvUsd > (top[at - 1] as Candidate).npvUsd) at--;
      top.splice(at, 0, c);
      if (top.length > keep) top.pop();
    }
    let k = 0;
    let first = Number.POSITIVE_INFINITY;
    let option = -1;
    for (const t of tranches) {
      k += t[1];
      if (t[2] < first) first = t[2];
      option = option === -1 || option === t[0] ? t[0] : -2;
    }
    if (!frontier[k] || npvUsd > (frontier[k] as Candidate).npvUsd) frontier[k] = c;
    if (option >= 0 && (!byOption[option] || npvUsd > (byOption[option] as Candidate).npvUsd))
      byOption[option] = c;
    if (tranches.length > 0 && (!byStart[first] || npvUsd > (byStart[first] as Candidate).npvUsd))
      byStart[first] = c;
  };
  consider([]);
  const n = SEARCH_OPTIONS.length;
  for (let k = 1; k <= steps; k++)
    for (let o = 0; o < n; o++) for (let i = 0; i < starts.length; i++) consider([[o, k, i]]);
  if (grid.maxPhases >= 2)
    for (let k = 2; k <= steps; k++)
      for (let a = 1; a < k; a++)
        for (let i = 0; i < starts.length; i++)
          for (let j = i; j < starts.length; j++)
            for (let o1 = 0; o1 < n; o1++)
              for (let o2 = 0; o2 < n; o2++) {
                // Two tranches of one option starting together are one tranche; a pair starting together is
                // counted once (its first tranche the first option).
                if (i === j && o1 >= o2) continue;
                consider([
                  [o1, a, i],
                  [o2, k - a, j],
                ]);
              }
  const scored = (c: Candidate): ScoredPlan => {
    const plan: Plan = {
      tranches: c.tranches.map(
        (t): Tranche => ({
          option: SEARCH_OPTIONS[t[0]] as TrancheOption,
          mw: (t[1] / steps) * siteMw,
          goLiveMonth: (starts[t[2]] as number) + conversion,
        }),
      ),
    };
    return {
      plan,
      npvUsd: c.npvUsd,
      aiShare: c.tranches.reduce((sum, t) => sum + t[1], 0) / steps,
      firstStartMonth:
        c.tranches.length === 0 ? null : Math.min(...c.tranches.map((t) => starts[t[2]] as number)),
    };
  };
  const ranked = top.map(scored);
  return {
    grid,
    evaluated,
    method: linear ? 'linear' : 'evaluated',
    miningNpvUsd: miningNpv,
    best: ranked[0] as ScoredPlan,
    bestByOption: Object.fromEntries(
      SEARCH_OPTIONS.map((o, i) => [o, scored(byOption[i] as Candidate)]),
    ) as Record<TrancheOption, ScoredPlan>,
    frontier: frontier.map((c) => scored(c as Candidate)),
    top: ranked,
    startingFrom: (month) => {
      let best: Candidate | undefined;
      starts.forEach((s, i) => {
        const c = byStart[i];
        if (s >= month && c && (!best || c.npvUsd > best.npvUsd)) best = c;
      });
      return best ? scored(best) : null;
    },
    startingAt: (month) => {
      const c = byStart[starts.indexOf(month)];
      return c ? scored(c) : null;
    },
  };
}
