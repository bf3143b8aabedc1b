/**
 * Sensitivity of the decision: each AI option's NPV minus keeping mining's, with one driver (tornado) or two
 * (grid) moved and every other input at its base, the whole projection rerun for each value (no
 * linearization). Drivers are named by their flags. Pure.
 */
import type { ChainProjection } from '../chain.js';
import { chainFor, type ProjectionInputs, projectSite } from '../projection/index.js';
import type { OptionId } from '../units.js';

export const DRIVER_IDS = [
  'btc-price',
  'btc-growth',
  'difficulty-growth',
  'power-price',
  'lease-rate',
  'lease-escalator',
  'gpu-hour-price',
  'gpu-price-decline',
  'utilization',
  'gpu-capex',
  'fit-out',
  'conversion-months',
  'discount-rate',
] as const;
export type DriverId = (typeof DRIVER_IDS)[number];

export const isDriverId = (text: string): text is DriverId =>
  (DRIVER_IDS as readonly string[]).includes(text);

interface Driver {
  base(inputs: ProjectionInputs): number;
  apply(inputs: ProjectionInputs, value: number): ProjectionInputs;
  /** The value is a whole number (months). */
  integer?: boolean;
}

const DRIVERS: Record<DriverId, Driver> = {
  'btc-price': {
    base: (i) => i.network.btcUsd,
    apply: (i, v) => ({ ...i, network: { ...i.network, btcUsd: v } }),
  },
  'btc-growth': { base: (i) => i.btcGrowthPerYear, apply: (i, v) => ({ ...i, btcGrowthPerYear: v }) },
  'difficulty-growth': {
    base: (i) => i.difficultyGrowthPerMonth,
    apply: (i, v) => ({ ...i, difficultyGrowthPerMonth: v }),
  },
  'power-price': {
    base: (i) => i.mining.powerUsdPerKwh,
    apply: (i, v) => ({
      ...i,
      mining: { ...i.mining, powerUsdPerKwh: v },
      lease: { ...i.lease, powerUsdPerKwh: v },
      gpu: { ...i.gpu, powerUsdPerKwh: v },
    }),
  },
  'lease-rate': {
    base: (i) => i.lease.leaseUsdPerKwMonth,
    apply: (i, v) => ({ ...i, lease: { ...i.lease, leaseUsdPerKwMonth: v } }),
  },
  'lease-escalator': {
    base: (i) => i.leaseEscalatorPerYear,
    apply: (i, v) => ({ ...i, leaseEscalatorPerYear: v }),
  },
  'gpu-hour-price': {
    base: (i) => i.gpu.gpuUsdPerHour,
    apply: (i, v) => ({ ...i, gpu: { ...i.gpu, gpuUsdPerHour: v } }),
  },
  'gpu-price-decline': {
    base: (i) => i.gpuPriceDeclinePerYear,
    apply: (i, v) => ({ ...i, gpuPriceDeclinePerYear: v }),
  },
  utilization: {
    base: (i) => i.gpu.utilization,
    apply: (i, v) => ({ ...i, gpu: { ...i.gpu, utilization: v } }),
  },
  'gpu-capex': {
    base: (i) => i.gpu.capexUsdPerGpu,
    apply: (i, v) => ({ ...i, gpu: { ...i.gpu, capexUsdPerGpu: v } }),
  },
  'fit-out': {
    base: (i) => i.lease.fitOutUsdPerMwIt,
    apply: (i, v) => ({
      ...i,
      lease: { ...i.lease, fitOutUsdPerMwIt: v },
      gpu: { ...i.gpu, fitOutUsdPerMwIt: v },
    }),
  },
  'conversion-months': {
    base: (i) => i.conversionMonths,
    apply: (i, v) => ({ ...i, conversionMonths: v }),
    integer: true,
  },
  'discount-rate': {
    base: (i) => i.annualDiscountRate,
    apply: (i, v) => ({ ...i, annualDiscountRate: v }),
  },
};

export const driverBase = (id: DriverId, inputs: ProjectionInputs) => DRIVERS[id].base(inputs);
export const driverIsInteger = (id: DriverId) => DRIVERS[id].integer === true;

/** The inputs with one driver set. */
export const withDriver = (inputs: ProjectionInputs, id: DriverId, value: number) =>
  DRIVERS[id].apply(inputs, value);

/**
 * A driver's low and high from a swing: base -/+ swing x |base|, or -/+ swing when the base is 0 (a growth
 * rate); clamped to [min, max]; whole-number drivers rounded, and moved by at least one.
 */
export function swingRange(
  id: DriverId,
  base: number,
  swing: number,
  bounds: { min: number; max: number },
): [number, number] {
  const half = Math.max(
    base === 0 ? swing : swing * Math.abs(base),
    // A whole-number driver moves by at least one.
    driverIsInteger(id) ? 1 : 0,
  );
  const inBounds = (x: number) => {
    const clamped = Math.min(bounds.max, Math.max(bounds.min, x));
    // 12 significant digits: 0.1 x 1.2 reads 0.12, not 0.12000000000000001.
    return driverIsInteger(id) ? Math.round(clamped) : Number(clamped.toPrecision(12));
  };
  return [inBounds(base - half), inBounds(base + half)];
}

export type AiOptionId = Exclude<OptionId, 'mining'>;
export const AI_OPTIONS: readonly AiOptionId[] = ['ai-lease', 'gpu-cloud'];

/** NPV of each option and each AI option's NPV minus keeping mining's. */
export interface NpvDeltas {
  npvUsd: Record<OptionId, number>;
  deltaUsd: Record<AiOptionId, number>;
}

/**
 * Evaluates inputs to NPV deltas, reusing chains: a chain depends only on the network, the growths and the
 * horizon, and BTC/USD only scales its USD figures (projection.ts, btcScale).
 */
export class DeltaEvaluator {
  private readonly chains = new Map<string, ChainProjection>();
  evaluations = 0;
  constructor(private readonly base: ProjectionInputs) {}
  deltas(inputs: ProjectionInputs): NpvDeltas {
    this.evaluations++;
    const key = [
      inputs.difficultyGrowthPerMonth,
      inputs.btcGrowthPerYear,
      inputs.feesGrowthPerYear,
      inputs.years,
    ].join(',');
    let chain = this.chains.get(key);
    const chainInputs = { ...inputs, network: this.base.network };
    if (!chain) {
      chain = chainFor(chainInputs);
      this.chains.set(key, chain);
    }
    const scale = inputs.network.btcUsd / this.base.network.btcUsd;
    const projection = projectSite(chainInputs, chain, { npvOnly: true, btcScale: scale });
    const npv = Object.fromEntries(projection.options.map((o) => [o.id, o.npvUsd])) as Record<
      OptionId,
      number
    >;
    return {
      npvUsd: npv,
      deltaUsd: { 'ai-lease': npv['ai-lease'] - npv.mining, 'gpu-cloud': npv['gpu-cloud'] - npv.mining },
    };
  }
}

export interface DriverRange {
  id: DriverId;
  low: number;
  high: number;
}

export interface TornadoBar {
  id: DriverId;
  baseValue: number;
  lowValue: number;
  highValue: number;
  options: { id: AiOptionId; lowNpvDeltaUsd: number; highNpvDeltaUsd: number; swingUsd: number }[];
}

export interface Tornado {
  base: NpvDeltas;
  /** Sorted by the largest swing over the AI options, largest first. */
  bars: TornadoBar[];
}

export function tornado(inputs: ProjectionInputs, ranges: readonly DriverRange[]): Tornado {
  const evaluator = new DeltaEvaluator(inputs);
  const base = evaluator.deltas(inputs);
  const bars = ranges.map((r): TornadoBar => {
    const low = evaluator.deltas(withDriver(inputs, r.id, r.low));
    const high = evaluator.deltas(withDriver(inputs, r.id, r.high));
    return {
      id: r.id,
      baseValue: driverBase(r.id, inputs),
      lowValue: r.low,
      highValue: r.high,
      options: AI_OPTIONS.map((id) => ({
        id,
        lowNpvDeltaUsd: low.deltaUsd[id],
        highNpvDeltaUsd: high.deltaUsd[id],
        swingUsd: Math.abs(high.deltaUsd[id] - low.deltaUsd[id]),
      })),
    };
  });
  const widest = (b: TornadoBar) => Math.max(...b.options.map((o) => o.swingUsd));
  bars.sort((a, b) => widest(b) - widest(a) || DRIVER_IDS.indexOf(a.id) - DRIVER_IDS.indexOf(b.id));
  return { base, bars };
}

/** `steps` values evenly spaced from low to high. */
export function axisValues(id: DriverId, low: number, high: number, steps: number): number[] {
  const values = Array.from({ length: steps }, (_, k) =>
    Number((low + ((high - low) * k) / (steps - 1)).toPrecision(12)),
  );
  // Whole-number drivers: rounded, each value once (fewer steps than asked when the range is narrow).
  return driverIsInteger(id) ? [...new Set(values.map(Math.round))] : values;
}

export interface Grid {
  x: { id: DriverId; values: number[] };
  y: { id: DriverId; values: number[] };
  options: {
    id: AiOptionId;
    /** [row y][column x]: the AI option's NPV minus keeping mining's. */
    npvDeltaUsd: number[][];
    /** Cells whose sign differs from a neighbour's (left, right, above, below): the break-even frontier. */
    frontier: boolean[][];
  }[];
}

/** The sign of a delta for the frontier: 0 counts with the positives (AI at least as good as mining). */
const side = (x: number) => (x >= 0 ? 1 : -1);

export function frontierOf(cells: readonly (readonly number[])[]): boolean[][] {
  return cells.map((row, j) =>
    row.map((value, i) => {
      const s = side(value);
      const neighbours = [row[i - 1], row[i + 1], cells[j - 1]?.[i], cells[j + 1]?.[i]];
      return neighbours.some((n) => n !== undefined && side(n) !== s);
    }),
  );
}

export function grid(
  inputs: ProjectionInputs,
  x: { id: DriverId; values: number[] },
  y: { id: DriverId; values: number[] },
): Grid {
  const evaluator = new DeltaEvaluator(inputs);
  const rows = y.values.map((yv) =>
    x.values.map((xv) => evaluator.deltas(withDriver(withDriver(inputs, y.id, yv), x.id, xv)).deltaUsd),
  );
  return {
    x,
    y,
    options: AI_OPTIONS.map((id) => {
      const cells = rows.map((row) => row.map((d) => d[id]));
      return { id, npvDeltaUsd: cells, frontier: frontierOf(cells) };
    }),
  };
}
