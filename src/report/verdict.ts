/**
 * How sure the verdict is, in words and fields: *clear* when no single decisive driver in its plausible range
 * (and, with a simulation, no more than a quarter of the paths) changes which option ranks first; *too close
 * to call* otherwise, naming the drivers that flip it and where (core/risk/robust.ts). The same rule and
 * wording in compare, project and sensitivity. Pure.
 */
import type { DriverId } from '../core/risk/sensitivity.js';
import type { OptionId } from '../core/units.js';
import type { SiteRobustness } from '../site/projection.js';
import { percent, price, usd } from './format.js';
import { optionName } from './labels.js';

/** The share of simulated paths the first must beat the second on for a clear verdict. */
export const SIMULATED_SHARE_CLEAR = 0.75;

/** Flips named in the text (the rest are in verdict.flips). */
const FLIPS_IN_TEXT = 3;

export interface RobustFields {
  robust: boolean;
  flips: {
    driver: string;
    value: number;
    unit: string;
    baseValue: number;
    low: number;
    high: number;
    toOptionId: OptionId;
  }[];
  plausibleRanges: { driver: string; low: number; high: number; basis: string }[];
  simulatedShareFirst?: number;
}

const pct = (n: number) => `${Number((n * 100).toPrecision(3))}%`;

/** A driver's value as its flag takes it (the sensitivity table's and the verdict's). */
export function driverValue(id: string, value: number): string {
  switch (id) {
    case 'btc-price':
    case 'gpu-capex':
      return usd(value);
    case 'fit-out':
      return `${usd(value)}/MW`;
    case 'power-price':
      return `$${price(value)}/kWh`;
    case 'lease-rate':
      return `$${price(value)}/kW-mo`;
    case 'gpu-hour-price':
      return `$${price(value)}/GPU-h`;
    case 'difficulty-growth':
      return `${percent(value)}/mo`;
    case 'conversion-months':
      return `${value} mo`;
    case 'btc-growth':
    case 'lease-escalator':
    case 'gpu-price-decline':
      return `${percent(value)}/yr`;
    default:
      return percent(value);
  }
}

const DRIVER_NAMES: Record<DriverId, string> = {
  'btc-price': 'BTC',
  'btc-growth': 'BTC growth',
  'difficulty-growth': 'difficulty growth',
  'power-price': 'power',
  'lease-rate': 'the lease rate',
  'lease-escalator': 'a lease escalator',
  'gpu-hour-price': 'the GPU-hour price',
  'gpu-price-decline': 'a GPU rent decline',
  utilization: 'utilization',
  'gpu-capex': 'GPU capex',
  'fit-out': 'fit-out',
  'conversion-months': 'a conversion',
  'discount-rate': 'a discount rate',
};

/** The verdict's robustness fields (the share when a simulation ran). */
export function robustFields(r: SiteRobustness, simulatedShareFirst?: number): RobustFields {
  const clearByPaths = simulatedShareFirst === undefined || simulatedShareFirst >= SIMULATED_SHARE_CLEAR;
  return {
    robust: r.robust && clearByPaths,
    flips: r.flips.map((f) => ({
      driver: f.driver,
      value: f.value,
      unit: f.unit,
      baseValue: f.base,
      low: f.low,
      high: f.high,
      toOptionId: f.toOptionId,
    })),
    plausibleRanges: r.ranges.map((x) => ({ driver: x.id, low: x.low, high: x.high, basis: x.basis })),
    ...(simulatedShareFirst === undefined ? {} : { simulatedShareFirst }),
  };
}

/** One flip in words: "the GPU-hour price at $2.52/GPU-h (plausible $2.12-$3.18/GPU-h) hands it to keeping mining". */
function flipWords(f: RobustFields['flips'][number]): string {
  const id = f.driver as DriverId;
  return `${DRIVER_NAMES[id]} at ${driverValue(id, f.value)} (now ${driverValue(id, f.baseValue)}; plausible ${driverValue(id, f.low)} to ${driverValue(id, f.high)}) hands it to ${optionName(f.toOptionId)}`;
}

/**
 * The verdict's text from its head (who leads, by how much) and what follows it: clear keeps it and says why
 * it is clear; too close to call says who leads by how much, and what flips it.
 */
export function robustText(
  fields: RobustFields,
  lead: { best: OptionId; runnerUp: OptionId; marginUsd: number; years: number },
  clearText: string,
): string {
  if (fields.robust) {
    const paths =
      fields.simulatedShareFirst === undefined
        ? ''
        : `, and it leads on ${pct(fields.simulatedShareFirst)} of simulated paths`;
    return `${clearText} (robust: no single driver in its plausible range changes it${paths})`;
  }
  const head = `Too close to call over ${lead.years} years: ${optionName(lead.best)} leads ${optionName(lead.runnerUp)} by ${usd(lead.marginUsd)}`;
  const named = fields.flips.slice(0, FLIPS_IN_TEXT).map(flipWords);
  const more = fields.flips.length - named.length;
  const flips =
    named.length === 0
      ? ''
      : `, but ${named.join('; ')}${more > 0 ? `; and ${more} more (verdict.flips)` : ''}`;
  const share = fields.simulatedShareFirst;
  const paths =
    share !== undefined && share < SIMULATED_SHARE_CLEAR
      ? `${named.length === 0 ? ', but' : ';'} it beats ${optionName(lead.runnerUp)} on only ${pct(share)} of simulated paths`
      : '';
  return `${head}${flips}${paths}`;
}
