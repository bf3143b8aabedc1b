/** A plan's shape (plan.ts): its tranches and what makes one impossible on a site. Types and checks only. */
import type { OptionId } from '../units.js';

/**
 * The options a tranche can take: named, not derived from OptionId, so that a new option (a sale of part of the
 * site) joins plans deliberately (PlanParts.tranche builds each by name).
 */
export type TrancheOption = Extract<OptionId, 'ai-lease' | 'gpu-cloud'>;

/** One tranche of a plan: `mw` grid MW of the site converted to `option`, going live at month `goLiveMonth`. */
export interface Tranche {
  option: TrancheOption;
  mw: number;
  goLiveMonth: number;
}

export interface Plan {
  tranches: readonly Tranche[];
}

/** Why a plan cannot be projected on a site, or null when it can. */
export function planProblem(plan: Plan, siteMw: number, months: number): string | null {
  if (plan.tranches.length === 0) return 'a plan needs at least one tranche';
  let total = 0;
  for (const t of plan.tranches) {
    if (!(t.mw > 0) || !Number.isFinite(t.mw)) return `a tranche's MW must be above 0 (got ${t.mw})`;
    if (!Number.isInteger(t.goLiveMonth) || t.goLiveMonth < 0 || t.goLiveMonth >= months)
      return `a go-live month must be a whole month from 0 to ${months - 1}, within the ${months}-month horizon (got ${t.goLiveMonth})`;
    total += t.mw;
  }
  if (total > siteMw * (1 + 1e-9)) return `the tranches' ${total} MW exceed the site's ${siteMw} MW`;
  return null;
}
