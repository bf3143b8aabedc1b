/**
 * US federal and state income tax on a projection (`--tax us`): MACRS tax depreciation separate from book
 * depreciation, bonus depreciation by placed-in-service date, and net operating losses carried forward.
 * Pure; the projection's loops (projection/flows.ts) apply the annual tax, this module the schedules.
 *
 * Sources (docs/model.md, "Tax"):
 * - MACRS percentages: IRS Publication 946, How To Depreciate Property, Appendix A, Table A-1 (3- to 20-year
 *   property, GDS, half-year convention) and Table A-7a (nonresidential real property, 39 years, straight
 *   line, mid-month convention): https://www.irs.gov/publications/p946
 * - Bonus depreciation (IRC 168(k) as amended by Public Law 119-21 of 2025-07-04): 100% for qualified property
 *   (a recovery period of 20 years or less) acquired and placed in service after 2025-01-19, permanently; the
 *   TCJA phase-down before it (100% from 2017-09-28 to 2022, 80% 2023, 60% 2024, 40% 2025-01-01..19).
 *   https://www.bdo.com/insights/tax/one-big-beautiful-bill-act-expands-100-depreciation-expensing-opportunities
 *   Acquisition is taken as the month placed in service (a binding contract signed earlier may date it).
 */

/** IRS Pub. 946 Table A-1, 5-year property, 200% declining balance, half-year convention (fractions). */
export const MACRS_5_YEAR = [0.2, 0.32, 0.192, 0.1152, 0.1152, 0.0576] as const;
/** IRS Pub. 946 Table A-1, 15-year property, 150% declining balance, half-year convention (fractions). */
export const MACRS_15_YEAR = [
  0.05, 0.095, 0.0855, 0.077, 0.0693, 0.0623, 0.059, 0.059, 0.0591, 0.059, 0.0591, 0.059, 0.0591, 0.059,
  0.0591, 0.0295,
] as const;

/**
 * Nonresidential real property, 39 years straight line, mid-month convention (IRS Pub. 946 Table A-7a): the
 * first tax year has the months from the middle of the month placed in service (`monthOfYear` 1..12), years 2
 * to 39 1/39 each, year 40 what is left.
 */
export function macrs39(monthOfYear: number): number[] {
  const first = (12 - monthOfYear + 0.5) / 12 / 39;
  const years = [first];
  for (let y = 2; y <= 39; y++) years.push(1 / 39);
  years.push(1 - first - 38 / 39);
  return years;
}

/** The combined rate of a federal and a state income tax, the state's deductible federally. */
export const combinedTaxRate = (federal: number, state: number) => federal + state * (1 - federal);

/**
 * The bonus depreciation share of qualified property placed in service in a calendar month (UTC, `year`,
 * `month` 1..12), by IRC 168(k) as amended in 2025 (see the header): acquired and placed in service after
 * 2025-01-19, 100%; the phase-down before. A month that straddles 2025-01-19 (January 2025) takes 40%.
 */
export function bonusShareFor(year: number, month: number): number {
  if (year > 2025 || (year === 2025 && month > 1)) return 1;
  if (year === 2025) return 0.4;
  if (year === 2024) return 0.6;
  if (year === 2023) return 0.8;
  if (year > 2017 || (year === 2017 && month >= 10)) return 1;
  return 0.5;
}

/** The fit-out's split into MACRS classes by cost segregation: shares of cost summing to 1. */
export interface FitOutClasses {
  fiveYear: number;
  fifteenYear: number;
  thirtyNineYear: number;
}

/** What the US tax model takes (`--tax us`). */
export interface UsTaxInputs {
  federalRate: number;
  stateRate: number;
  /** The share of a year's taxable income (before the deduction) an NOL may offset: 0.8 since 2018, 1 before. */
  nolLimit: number;
  /** Bonus depreciation share for every asset; null: by placed-in-service date (bonusShareFor). */
  bonusShare: number | null;
  fitOut: FitOutClasses;
  /** The calendar month of projection month 0: year * 12 + (month - 1), UTC. */
  startCalendarMonth: number;
}

/** An asset's tax class: miners and GPUs are 5-year property; a fit-out is split by FitOutClasses. */
export type TaxClass = 'equipment' | 'fitOut';

/**
 * Adds an asset's tax depreciation to `into` (monthly, month 0 today), over the projection's tax years (tax
 * year k is months 12(k-1)+1 to 12k). Placed in service at month `placed` (0 is taken as month 1), in the
 * tax year containing it; the bonus share (not for 39-year property, which does not qualify) is deducted in
 * the placed-in-service month; each MACRS year's deduction is spread evenly over its tax year's months, the
 * first year's over the months from the month placed in service. Deductions stop after `soldAt` (the basis
 * left is not deducted here: the sale's gain, proceeds less that basis, is taxed (projection/options.ts)).
 */
export function addTaxDepreciation(
  into: Float64Array,
  asset: { month: number; costUsd: number; soldAt?: number | undefined; taxClass?: TaxClass | undefined },
  tax: UsTaxInputs,
): void {
  const placed = Math.max(1, asset.month);
  const firstYearStart = Math.floor((placed - 1) / 12) * 12 + 1;
  const monthOfYear = placed - firstYearStart + 1;
  // Month m runs from m - 1 to m months from now: its calendar month is the start's plus m - 1.
  const calendar = tax.startCalendarMonth + placed - 1;
  const bonus = tax.bonusShare ?? bonusShareFor(Math.floor(calendar / 12), (calendar % 12) + 1);
  const end = Math.min(into.length - 1, asset.soldAt ?? Number.POSITIVE_INFINITY);
  const add = (m: number, usd: number) => {
    if (m <= end) into[m] = (into[m] as number) + usd;
  };
  const spread = (costUsd: number, table: readonly number[], bonusShare: number) => {
    if (costUsd === 0) return;
    add(placed, costUsd * bonusShare);
    const basis = costUsd * (1 - bonusShare);
    if (basis === 0) return;
    table.forEach((share, y) => {
      const from = y === 0 ? placed : firstYearStart + 12 * y;
      const to = firstYearStart + 12 * y + 11;
      const perMonth = (basis * share) / (to - from + 1);
      for (let m = from; m <= Math.min(to, end); m++) add(m, perMonth);
    });
  };
  if (asset.taxClass === 'fitOut') {
    spread(asset.costUsd * tax.fitOut.fiveYear, MACRS_5_YEAR, bonus);
    spread(asset.costUsd * tax.fitOut.fifteenYear, MACRS_15_YEAR, bonus);
    spread(asset.costUsd * tax.fitOut.thirtyNineYear, macrs39(monthOfYear), 0);
  } else spread(asset.costUsd, MACRS_5_YEAR, bonus);
}
