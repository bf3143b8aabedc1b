/**
 * Sensitivity of the decision: each AI option's NPV minus keeping mining's, with one driver (tornado) or two
 * (grid) moved and every other input at its base: the projection's flows rebuilt for each value, or, for a
 * driver that only scales an AI option's revenue, the same flows evaluated with it scaled (exact; no
 * linearization either way). Drivers are named by their flags. Pure.
 */
import type { ChainProjection } from '../chain.js';
import {
  chainFor,
  chainGrowth,
  discountRateOf,
  type OptionFlows,
  optionIdsOf,
  PriceTrials,
  type ProjectionInputs,
  scaledFlowsNpv,
  scaledNpv,
  siteFlows,
} from '../projection/index.js';
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
    // Every option's rate moves with --discount-rate: an option's own rate by the same step.
    apply: (i, v) => {
      const own = i.discountRates;
      if (!own) return { ...i, annualDiscountRate: v };
      const step = v - i.annualDiscountRate;
      const discountRates = Object.fromEntries(
        Object.entries(own).map(([id, rate]) => [id, (rate as number) + step]),
      ) as typeof own;
      return { ...i, annualDiscountRate: v, discountRates };
    },
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

export type AiOptionId = 'ai-lease' | 'gpu-cloud';
export const AI_OPTIONS: readonly AiOptionId[] = ['ai-lease', 'gpu-cloud'];

/** NPV of each option and each AI option's NPV minus keeping mining's. */
export interface NpvDeltas {
  /** Each option's NPV (`sell` only when a sale is given). */
  npvUsd: Partial<Record<OptionId, number>> & Record<'mining' | AiOptionId, number>;
  deltaUsd: Record<AiOptionId, number>;
}

/**
 * Drivers that only scale one AI option's revenue (and the opex proportional to it), linearly: a trial at
 * another value evaluates the same flows once with that option's revenue scaled (projection/index.ts,
 * scaledNpv), exactly as a rebuilt projection (a test holds the two together). The BTC and power prices
 * scale revenue or energy too, but they also move the fleet's decisions (when it is sold, whether it is
 * bought again): their trials build flows only for a fleet that decides otherwise (PriceTrials).
 */
export const SCALE_DRIVERS: Readonly<Partial<Record<DriverId, AiOptionId>>> = {
  'lease-rate': 'ai-lease',
  'gpu-hour-price': 'gpu-cloud',
  utilization: 'gpu-cloud',
};

/** Every option a driver can reach (a sale's flows are mining's until it: what moves mining moves it). */
const ALL: readonly OptionId[] = ['mining', 'ai-lease', 'gpu-cloud', 'sell'];
/** The options a driver's value reaches (the others' flows are the base's). */
export const DRIVER_TOUCHES: Readonly<Record<DriverId, readonly OptionId[]>> = {
  'btc-price': ALL,
  'btc-growth': ALL,
  'difficulty-growth': ALL,
  'power-price': ALL,
  'lease-rate': ['ai-lease'],
  'lease-escalator': ['ai-lease'],
  'gpu-hour-price': ['gpu-cloud'],
  'gpu-price-decline': ['gpu-cloud'],
  utilization: ['gpu-cloud'],
  'gpu-capex': ['gpu-cloud'],
  'fit-out': ['ai-lease', 'gpu-cloud'],
  'conversion-months': ['ai-lease', 'gpu-cloud'],
  'discount-rate': ALL,
};

/**
 * A driver the projection does not read at these inputs: the difficulty growth with the network model (the
 * chain takes its hashrate from the model: chainGrowth). Its trials are the base's, exactly (nothing built).
 */
export const inert = (id: DriverId, inputs: ProjectionInputs): boolean =>
  id === 'difficulty-growth' && Boolean(inputs.networkModel);

/** A trial: drivers and their values, every other input at its base. */
export type Trial = readonly (readonly [DriverId, number])[];

/**
 * Evaluates trials to NPV deltas. Scale drivers (SCALE_DRIVERS) are one pass over built flows; the others
 * build the flows of the options they reach (DRIVER_TOUCHES; the rest are the base's), reusing chains: a
 * chain depends only on the network, the growths and the horizon, and BTC/USD only scales its USD figures
 * (projection.ts, btcScale). The last flows built are kept, so a grid row over a scale driver builds once.
 */
export class DeltaEvaluator {
  private readonly chains = new Map<string, ChainProjection>();
  /** The last flows rebuilt and their key (a grid row over a scale driver asks for them again and again). */
  private last: { key: string; flows: OptionFlows[] } | null = null;
  private baseFlows: readonly OptionFlows[] | undefined;
  private readonly memo = new Map<string, NpvDeltas>();
  private priceTrials: PriceTrials | null = null;
  /** The options of the base (the three, and a sale when given). */
  private readonly all: readonly OptionId[];
  /** Flows built (a projection's worth each, or part of one). */
  evaluations = 0;
  constructor(
    private readonly base: ProjectionInputs,
    baseFlows?: readonly OptionFlows[],
  ) {
    this.baseFlows = baseFlows;
    this.all = optionIdsOf(base);
  }
  private chainOf(inputs: ProjectionInputs): ChainProjection {
    const key = [chainGrowth(inputs), inputs.btcGrowthPerYear, inputs.feesGrowthPerYear, inputs.years].join(
      ',',
    );
    let chain = this.chains.get(key);
    if (!chain) {
      chain = chainFor({ ...inputs, network: this.base.network });
      this.chains.set(key, chain);
    }
    return chain;
  }
  private flowsOf(inputs: ProjectionInputs, only?: readonly OptionId[]): OptionFlows[] {
    this.evaluations++;
    const chainInputs = { ...inputs, network: this.base.network };
    const scale = inputs.network.btcUsd / this.base.network.btcUsd;
    return siteFlows(chainInputs, this.chainOf(inputs), {
      npvOnly: true,
      ...(scale !== 1 ? { btcScale: scale } : {}),
      ...(only ? { only } : {}),
    }).options;
  }
  private base0(): readonly OptionFlows[] {
    this.baseFlows ??= this.flowsOf(this.base);
    return this.baseFlows;
  }
  /** The NPVs and deltas at a trial: of the options in `only` (the others NaN), by default all three. */
  at(trial: Trial, only: readonly OptionId[] = this.all): NpvDeltas {
    // One driver's trials are remembered: a tornado's ends are the robust verdict's when they share ranges.
    const memoKey = trial.length === 1 ? `${trial[0]?.[0]}=${trial[0]?.[1]}/${only.join(',')}` : null;
    const known = memoKey === null ? undefined : this.memo.get(memoKey);
    if (known) return known;
    const result = this.evaluate(trial, only);
    if (memoKey !== null) this.memo.set(memoKey, result);
    return result;
  }
  private evaluate(trial: Trial, only: readonly OptionId[]): NpvDeltas {
    // A driver at its base changes nothing, nor one the projection does not read (inert).
    const structural = trial.filter(
      ([id, v]) => !SCALE_DRIVERS[id] && v !== driverBase(id, this.base) && !inert(id, this.base),
    );
    const inputs = structural.reduce((acc, [id, v]) => withDriver(acc, id, v), this.base);
    const scale: Record<OptionId, number> = { mining: 1, 'ai-lease': 1, 'gpu-cloud': 1, sell: 1 };
    for (const [id, v] of trial) {
      const option = SCALE_DRIVERS[id];
      if (option) scale[option] *= v / driverBase(id, this.base);
    }
    // BTC/USD and the power price the only drivers that build (a grid's BTC or power axis with a scale driver
    // too): PriceTrials builds only for a fleet that decides otherwise; the flows evaluated with the mining
    // revenue scaled by k and the bills by e (and an AI option's revenue by its scale, its lease tail again,
    // as a rebuilt trial's: scaledNpv).
    const prices = this.priceScales(structural);
    if (prices) {
      this.priceTrials ??= new PriceTrials(this.base, this.chainOf(this.base));
      const trials = this.priceTrials;
      const before = trials.builds;
      const { k, e } = prices;
      const npv = {} as Record<OptionId, number>;
      for (const id of ALL)
        npv[id] = !only.includes(id)
          ? Number.NaN
          : scale[id] === 1
            ? trials.npv(id, k, e)
            : scaledNpv(this.base, [trials.flowsAt(id, k, e)])(id, k, scale[id], e);
      if (trials.builds > before) this.evaluations++;
      return deltasOf(npv);
    }
    let rebuilt: readonly OptionFlows[] = [];
    if (structural.length > 0) {
      const touched = this.all.filter(
        (o) => only.includes(o) && structural.some(([id]) => DRIVER_TOUCHES[id].includes(o)),
      );
      const key = `${structural.map(([id, v]) => `${id}=${v}`).join(';')}/${touched.join(',')}`;
      if (this.last?.key !== key)
        this.last = {
          key,
          flows: this.flowsOf(inputs, touched.length === this.all.length ? undefined : touched),
        };
      rebuilt = this.last.flows;
    }
    const base = this.base0();
    const npv = {} as Record<OptionId, number>;
    for (const id of this.all) {
      if (!only.includes(id)) {
        npv[id] = Number.NaN;
        continue;
      }
      const option = rebuilt.find((o) => o.id === id) ?? base.find((o) => o.id === id);
      if (!option) throw new RangeError(`sensitivity: no flows for ${id}`);
      const k = scale[id];
      // At scale 1, the flows' own NPV (bit for bit a projection's); else the scaled one (residual again).
      npv[id] =
        k === 1
          ? scaledFlowsNpv(option.flows, inputs.taxRate, discountRateOf(inputs, id), 1, 1, 1)
          : scaledNpv(inputs, [option])(id, 1, k);
    }
    return deltasOf(npv);
  }
  /**
   * A trial's BTC/USD and power price as scales of the base's (k, e) when they are its only drivers that build
   * and PriceTrials shares flows for them (PriceTrials.applies, energyApplies for a power price); else null.
   */
  private priceScales(structural: Trial): { k: number; e: number } | null {
    if (structural.length === 0 || !PriceTrials.applies(this.base)) return null;
    let k = 1;
    let e = 1;
    for (const [id, v] of structural) {
      if (id === 'btc-price') k = v / this.base.network.btcUsd;
      else if (id === 'power-price' && PriceTrials.energyApplies(this.base))
        e = v / this.base.mining.powerUsdPerKwh;
      else return null;
    }
    return { k, e };
  }
  /** The NPVs and deltas at any inputs (every option built again). */
  deltas(inputs: ProjectionInputs): NpvDeltas {
    const flows = this.flowsOf(inputs);
    const npv = Object.fromEntries(
      flows.map((o) => [
        o.id,
        scaledFlowsNpv(o.flows, inputs.taxRate, discountRateOf(inputs, o.id), 1, 1, 1),
      ]),
    ) as Record<OptionId, number>;
    return deltasOf(npv);
  }
}

/** The NPVs (a sale's only when given) and each AI option's NPV minus keeping mining's. */
function deltasOf(npv: Record<OptionId, number>): NpvDeltas {
  return {
    npvUsd: npv,
    deltaUsd: { 'ai-lease': npv['ai-lease'] - npv.mining, 'gpu-cloud': npv['gpu-cloud'] - npv.mining },
  };
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

export function tornado(
  inputs: ProjectionInputs,
  ranges: readonly DriverRange[],
  evaluator = new DeltaEvaluator(inputs),
): Tornado {
  const base = evaluator.at([]);
  const bars = ranges.map((r): TornadoBar => {
    const low = evaluator.at([[r.id, r.low]]);
    const high = evaluator.at([[r.id, r.high]]);
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
  // Row by row: a row's flows are built once when x only scales them (a grid of two scale drivers: none).
  const rows = y.values.map((yv) =>
    x.values.map(
      (xv) =>
        evaluator.at([
          [y.id, yv],
          [x.id, xv],
        ]).deltaUsd,
    ),
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
