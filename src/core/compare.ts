/** Site-level side by side: each option's multiples versus mining. */
import type { GpuCloudEconomics, LeaseEconomics } from './ai.js';
import type { MiningEconomics } from './mining.js';
import type { OptionEconomics } from './units.js';

export interface ComparedOption<T extends OptionEconomics = OptionEconomics> {
  economics: T;
  /** Option revenue / mining revenue; null when mining revenue is 0. */
  revenueMultipleVsMining: number | null;
  /** Option EBITDA / mining EBITDA; null when mining EBITDA <= 0 (a ratio against a loss means nothing). */
  ebitdaMultipleVsMining: number | null;
}

export interface SiteComparison {
  mining: ComparedOption<MiningEconomics>;
  options: ComparedOption[];
}

export function multiple(value: number, base: number): number | null {
  return base > 0 ? value / base : null;
}

export function compareSite(
  mining: MiningEconomics,
  others: readonly (LeaseEconomics | GpuCloudEconomics)[],
): SiteComparison {
  const compared = (economics: OptionEconomics): ComparedOption => ({
    economics,
    revenueMultipleVsMining: multiple(economics.revenueUsdPerYear, mining.revenueUsdPerYear),
    ebitdaMultipleVsMining: multiple(economics.ebitdaUsdPerYear, mining.ebitdaUsdPerYear),
  });
  const miningCompared = compared(mining) as ComparedOption<MiningEconomics>;
  return { mining: miningCompared, options: [miningCompared, ...others.map(compared)] };
}
