/** Shared unit conversions and the per-option result shape. */

export const HOURS_PER_YEAR = 8760;
export const DAYS_PER_YEAR = 365;

/** kWh a site's power envelope represents in a year: MW x 1000 x 8760. */
export function siteKwhPerYear(siteMw: number): number {
  return siteMw * 1000 * HOURS_PER_YEAR;
}

/** The options: keep mining, an AI lease, a GPU cloud, and (with a sale given) sell the site. */
export type OptionId = 'mining' | 'ai-lease' | 'gpu-cloud' | 'sell';

export interface OptionEconomics {
  id: OptionId;
  /** MW of IT load the site's grid MW supports for this option (site MW / PUE). */
  itMw: number;
  /** Miners, leased kW, or GPUs. */
  units: number;
  unitLabel: 'miners' | 'kW leased' | 'GPUs';
  revenueUsdPerYear: number;
  energyKwhPerYear: number;
  energyUsdPerYear: number;
  otherOpexUsdPerYear: number;
  /** Energy included. */
  opexUsdPerYear: number;
  ebitdaUsdPerYear: number;
  /** Per kWh of the site's power envelope (site MW x 1000 x 8760), so options compare on the same power. */
  revenueUsdPerKwh: number;
  ebitdaUsdPerKwh: number;
  capexUsd: number;
  /**
   * Capex / today's annual EBITDA (year 1's at today's figures), in years: not a payback (no horizon, halving or
   * decline). null with no capex (nothing to pay back) or EBITDA <= 0 (never paid back).
   */
  capexOverYear1EbitdaYears: number | null;
}

/** Fill in opex, EBITDA, per-kWh figures and capex / year-1 EBITDA from the option's primary figures. */
export function finishOption(
  base: Pick<
    OptionEconomics,
    | 'id'
    | 'itMw'
    | 'units'
    | 'unitLabel'
    | 'revenueUsdPerYear'
    | 'energyKwhPerYear'
    | 'energyUsdPerYear'
    | 'otherOpexUsdPerYear'
    | 'capexUsd'
  >,
  siteMw: number,
): OptionEconomics {
  const opexUsdPerYear = base.energyUsdPerYear + base.otherOpexUsdPerYear;
  const ebitdaUsdPerYear = base.revenueUsdPerYear - opexUsdPerYear;
  const kwh = siteKwhPerYear(siteMw);
  return {
    ...base,
    opexUsdPerYear,
    ebitdaUsdPerYear,
    revenueUsdPerKwh: base.revenueUsdPerYear / kwh,
    ebitdaUsdPerKwh: ebitdaUsdPerYear / kwh,
    capexOverYear1EbitdaYears: capexOverEbitdaYears(base.capexUsd, ebitdaUsdPerYear),
  };
}

/**
 * Capex / annual EBITDA, in years; null when there is no capex (nothing to pay back: never 0) or EBITDA <= 0
 * (never paid back, whatever the capex).
 */
export function capexOverEbitdaYears(capexUsd: number, ebitdaUsdPerYear: number): number | null {
  if (!(capexUsd > 0) || !(ebitdaUsdPerYear > 0)) return null;
  return capexUsd / ebitdaUsdPerYear;
}

/**
 * base^exponent, the same to the bit on every machine and Node version: exp(exponent x ln base) for a
 * positive base. V8's Math.exp and Math.log gave the same bits on Node 20 and 24 here, where its Math.pow
 * (and **) did not (measured: other last bits), and a projection, its breakevens and a seeded simulation
 * must repeat exactly. Exponents 0 and 1 are exact.
 */
export function power(base: number, exponent: number): number {
  if (exponent === 0) return 1;
  if (exponent === 1) return base;
  return base > 0 ? Math.exp(exponent * Math.log(base)) : base ** exponent;
}

/** power(base, exponent) for one base and many exponents, to the bit, its logarithm taken once. */
export function powersOf(base: number): (exponent: number) => number {
  if (!(base > 0)) return (exponent) => power(base, exponent);
  const ln = Math.log(base);
  return (exponent) => (exponent === 0 ? 1 : exponent === 1 ? base : Math.exp(exponent * ln));
}
