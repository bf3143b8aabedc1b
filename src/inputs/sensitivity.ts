/**
 * The inputs of `sensitivity`: which drivers, their low and high (a swing around the base, or a range given
 * per driver), and the grid's two axes. Drivers are the input rows named by their flags; their accepted
 * ranges are the rows' own.
 */

import { documentedRange } from '../core/risk/robust.js';
import { DRIVER_IDS, type DriverId, isDriverId, swingRange } from '../core/risk/sensitivity.js';
import { closestWord } from '../core/suggest.js';
import { UsageError } from '../errors.js';
import type { Given, LayeredInputs, RangeText } from './layers.js';
import { parseNumberFlag } from './parse.js';
import type { Assumptions } from './resolve.js';
import { type InputRow, row } from './table.js';

/** Each driver's input row: its flag is the driver's name (a test holds them to it). */
export const DRIVER_ROWS: Readonly<Record<DriverId, string>> = {
  'btc-price': 'btcUsd',
  'btc-growth': 'btcGrowthPerYear',
  'difficulty-growth': 'difficultyGrowthPerMonth',
  'power-price': 'powerUsdPerKwh',
  'lease-rate': 'leaseUsdPerKwMonth',
  'lease-escalator': 'leaseEscalatorPerYear',
  'gpu-hour-price': 'gpuUsdPerHour',
  'gpu-price-decline': 'gpuPriceDeclinePerYear',
  utilization: 'utilization',
  'gpu-capex': 'gpuCapexUsdPerGpu',
  'fit-out': 'fitOutUsdPerMwIt',
  'conversion-months': 'conversionMonths',
  'discount-rate': 'discountRate',
};

export const driverRow = (id: DriverId): InputRow => row(DRIVER_ROWS[id]);

function spec(id: DriverId) {
  const kind = driverRow(id).kind;
  if (kind.type !== 'number') throw new RangeError(`driver ${id}: not a number input`);
  return kind.spec;
}

/** A driver's bounds: its row's accepted range (conversion months: within the horizon). */
function boundsOf(id: DriverId, horizonMonths: number): { min: number; max: number } {
  const s = spec(id);
  const tiny = s.minExclusive ? Math.max(Math.abs(s.min ?? 0) * 1e-9, 1e-9) : 0;
  const max = id === 'conversion-months' ? horizonMonths : (s.max ?? Number.POSITIVE_INFINITY);
  return { min: (s.min ?? Number.NEGATIVE_INFINITY) + tiny, max };
}

function unknownDriver(from: string, name: string): UsageError {
  const guess = closestWord(name, DRIVER_IDS);
  return new UsageError(
    `${from}: no driver '${name}'${guess ? `; did you mean '${guess}'?` : ''} (drivers: ${DRIVER_IDS.join(', ')})`,
  );
}

export interface ResolvedRange {
  id: DriverId;
  low: number;
  high: number;
  /** 'swing': base -/+ the swing; 'given': --range or the scenario; 'record': the driver's documented range. */
  from: 'swing' | 'given' | 'record';
}

/** A range as given, checked against its driver's accepted values. */
function givenRange(text: RangeText, horizonMonths: number): Omit<ResolvedRange, 'from'> {
  if (!isDriverId(text.driver)) throw unknownDriver(text.from, text.driver);
  const id = text.driver;
  const s = spec(id);
  const label = `${text.from} (${id})`;
  const low = parseNumberFlag(text.low, s, label);
  const high = parseNumberFlag(text.high, s, label);
  if (!(low < high))
    throw new UsageError(`${label}: expected LOW below HIGH, got '${text.low}:${text.high}'`);
  if (id === 'conversion-months' && high > horizonMonths)
    throw new UsageError(
      `${label}: expected months from 0 to the horizon (${horizonMonths}), got '${text.high}'`,
    );
  return { id, low, high };
}

export type GivenRanges = ReadonlyMap<DriverId, Omit<ResolvedRange, 'from'>>;

/** The ranges given (--range, env, scenario), checked: before anything is fetched. */
export function givenRanges(layered: Pick<LayeredInputs, 'given'>, horizonMonths: number): GivenRanges {
  const given = new Map<DriverId, Omit<ResolvedRange, 'from'>>();
  const texts = (layered.given.ranges as Given<RangeText[]> | undefined)?.value ?? [];
  for (const text of texts) {
    const range = givenRange(text, horizonMonths);
    given.set(range.id, range);
  }
  return given;
}

/** Every driver's low and high: given ranges first, else the swing around the base. */
export function resolveRanges(
  layered: Pick<LayeredInputs, 'given'>,
  given: GivenRanges,
  bases: Readonly<Record<DriverId, number>>,
  horizonMonths: number,
  assumptions: Assumptions,
): { swing: number; ranges: ResolvedRange[] } {
  const swingGiven = layered.given.swing as Given<number> | undefined;
  const swingRow = row('swing');
  const swing = swingGiven?.value ?? (swingRow.defaultValue as number);
  assumptions.swing = swingGiven
    ? { value: swing, origin: swingGiven.origin, ...(swingGiven.from ? { from: swingGiven.from } : {}) }
    : { value: swing, origin: 'default', ...(swingRow.basis ? { basis: swingRow.basis } : {}) };
  const ranges = DRIVER_IDS.map((id): ResolvedRange => {
    const known = given.get(id);
    if (known) return { ...known, from: 'given' };
    const documented = documentedRange(id);
    if (documented) return { id, low: documented.low, high: documented.high, from: 'record' };
    const [low, high] = swingRange(id, bases[id], swing, boundsOf(id, horizonMonths));
    return { id, low, high, from: 'swing' };
  });
  return { swing, ranges };
}

/** The grid's axes from --grid X,Y, and its steps. */
export function resolveGrid(
  layered: Pick<LayeredInputs, 'given'>,
  assumptions: Assumptions,
): { x: DriverId; y: DriverId; steps: number } | null {
  const grid = layered.given.grid as Given<string> | undefined;
  const stepsGiven = layered.given.steps as Given<number> | undefined;
  if (!grid) {
    if (stepsGiven) throw new UsageError(`${stepsGiven.from}: only with --grid X,Y`);
    return null;
  }
  const from = grid.from ?? '--grid';
  const names = grid.value.split(',').map((s) => s.trim());
  if (names.length !== 2 || names.some((n) => n === ''))
    throw new UsageError(
      `${from}: expected two drivers X,Y (e.g. btc-price,gpu-hour-price), got '${grid.value}'`,
    );
  const [x, y] = names as [string, string];
  for (const name of [x, y]) if (!isDriverId(name)) throw unknownDriver(from, name);
  if (x === y) throw new UsageError(`${from}: expected two different drivers, got '${grid.value}'`);
  const stepsRow = row('steps');
  const steps = stepsGiven?.value ?? (stepsRow.defaultValue as number);
  assumptions.steps = stepsGiven
    ? { value: steps, origin: stepsGiven.origin, ...(stepsGiven.from ? { from: stepsGiven.from } : {}) }
    : { value: steps, origin: 'default', ...(stepsRow.basis ? { basis: stepsRow.basis } : {}) };
  return { x: x as DriverId, y: y as DriverId, steps };
}
