/**
 * What an option owns: assets bought in a month and depreciated straight-line over their life (finance.ts),
 * sold (gone) after a month, and their value at the horizon.
 */
import { bookValue, straightLineMonthly } from '../finance.js';
import { addTaxDepreciation, type TaxClass, type UsTaxInputs } from '../tax.js';
import type { Flows } from './flows.js';
import type { ProjectionInputs, ProjectOptions } from './types.js';

/** A depreciating asset bought at `month` for `costUsd` over `lifeMonths`; sold (gone) after `soldAt`. */
export interface Asset {
  month: number;
  costUsd: number;
  lifeMonths: number;
  soldAt?: number;
  /** Its MACRS class under the US tax model (core/tax.ts); default equipment (miners, GPUs: 5-year). */
  taxClass?: TaxClass;
}

/**
 * Each month's straight-line depreciation of the assets held in it; under the US tax model (`tax`), their
 * tax depreciation too (core/tax.ts), and the flows taxed by it.
 */
export function setDepreciation(
  flows: Flows,
  assets: readonly Asset[],
  needed = true,
  tax?: UsTaxInputs,
): void {
  if (!needed) return;
  for (let m = 1; m < flows.length; m++) flows.depreciation[m] = depreciationIn(assets, m);
  if (!tax) return;
  flows.taxModel = { nolLimit: tax.nolLimit };
  flows.taxDepreciation.fill(0);
  for (const a of assets) addTaxDepreciation(flows.taxDepreciation, a, tax);
}

/** Depreciation matters to cash only through tax: a solver's NPV trial at 0% tax skips it. */
export const needsDepreciation = (inputs: ProjectionInputs, options: ProjectOptions) =>
  !options.npvOnly || inputs.taxRate > 0;

/** Straight-line depreciation of the assets held in `month` (finance.ts), each within its life. */
function depreciationIn(assets: readonly Asset[], month: number): number {
  let total = 0;
  for (const a of assets) {
    if (a.soldAt !== undefined && month > a.soldAt) continue;
    if (month > a.month && month <= a.month + a.lifeMonths)
      total += straightLineMonthly(a.costUsd, a.lifeMonths);
  }
  return total;
}

/** The book value at `month` of the assets still held (finance.ts). */
export function bookValueAt(assets: readonly Asset[], month: number): number {
  let total = 0;
  for (const a of assets) {
    if (a.soldAt !== undefined && a.soldAt <= month) continue;
    total += bookValue(a.costUsd, a.lifeMonths, Math.max(month - a.month, 0));
  }
  return total;
}

/** The residual value at the horizon's end, added to the last month's other cash (once, when built). */
export function addResidual(flows: Flows, inputs: ProjectionInputs, assets: readonly Asset[]): number {
  const horizon = flows.length - 1;
  const residualUsd = inputs.residual === 'book' ? bookValueAt(assets, horizon) : 0;
  flows.other[horizon] = (flows.other[horizon] as number) + residualUsd;
  return residualUsd;
}
