/**
 * The risk core: normal draws, the quantile sketch, the Monte Carlo (deterministic limit, GBM moments,
 * reproducibility whatever the split into workers, monotonicity) and sensitivity (tornado, grid, frontier).
 * Expected figures are computed independently here (closed forms, direct projections, exact sorting).
 */
import fc from 'fast-check';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import { describe, expect, it } from 'vitest';
import { DIFFICULTY_EPOCHS } from '../../src/catalog/difficulty-epochs.js';
import { NETWORK_MODEL } from '../../src/catalog/network-model.js';
import { NetworkModel, type NetworkModelParams } from '../../src/core/network-model.js';
import { type ProjectionInputs, projectSite, siteFlows } from '../../src/core/projection/index.js';
import { normal } from '../../src/core/risk/normal.js';
import {
  AI_OPTIONS,
  axisValues,
  DeltaEvaluator,
  DRIVER_IDS,
  frontierOf,
  grid,
  swingRange,
  tornado,
  withDriver,
} from '../../src/core/risk/sensitivity.js';
import {
  BLOCK_PATHS,
  BlockStreams,
  blocksOf,
  type Distribution,
  emptySketches,
  type NetworkPlan,
  networkPlan,
  respondingMiningFactors,
  type SimulationPlan,
  type SimulationSettings,
  SimulationTotals,
  scratchFor,
  simulate,
  simulateBlock,
  simulationPlan,
} from '../../src/core/risk/simulation.js';
import {
  addMoment,
  addToSketch,
  emptyMoments,
  emptySketch,
  mergeMoments,
  mergeSketch,
  quantile,
  RELATIVE_ERROR,
} from '../../src/core/risk/sketch.js';
import { DRIVER_ROWS } from '../../src/inputs/sensitivity.js';
import { row } from '../../src/inputs/table.js';
import { baseProjection } from './projection-inputs.js';

/** The standard normal CDF (Abramowitz-Stegun 7.1.26 erf, error < 1.5e-7). */
function phi(x: number): number {
  const t = 1 / (1 + (0.3275911 * Math.abs(x)) / Math.SQRT2);
  const poly =
    t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-(x * x) / 2);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/**
 * `value` with every typed array as the hex of its bytes: the same deep equality (bit for bit, a sketch's
 * counters included), without comparing tens of thousands of counters one by one (~0.5 s a comparison).
 */
function bytesOf(value: unknown): unknown {
  if (ArrayBuffer.isView(value)) {
    return `${value.constructor.name}:${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex')}`;
  }
  if (value instanceof Map) return new Map([...value].map(([k, v]) => [k, bytesOf(v)]));
  if (Array.isArray(value)) return value.map(bytesOf);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, bytesOf(v)]));
  }
  return value;
}

describe('normal draws (ziggurat)', () => {
  const n = 200_000;
  const rng = xoroshiro128plus(7);
  const draws = Float64Array.from({ length: n }, () => normal(rng));

  it('has the moments of N(0, 1): mean 0, variance 1, kurtosis 3', () => {
    const mean = draws.reduce((s, x) => s + x, 0) / n;
    const variance = draws.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1);
    const kurtosis = draws.reduce((s, x) => s + (x - mean) ** 4, 0) / n / variance ** 2;
    // Standard errors: mean 1/sqrt(n) = 0.0022; variance sqrt(2/n) = 0.0032; kurtosis sqrt(24/n) = 0.011.
    expect(Math.abs(mean)).toBeLessThan(4 * 0.0023);
    expect(Math.abs(variance - 1)).toBeLessThan(4 * 0.0032);
    expect(Math.abs(kurtosis - 3)).toBeLessThan(4 * 0.011);
  });

  it('follows the normal CDF (Kolmogorov-Smirnov distance under the 1% critical value 1.63/sqrt(n))', () => {
    const sorted = Float64Array.from(draws).sort();
    let d = 0;
    for (let i = 0; i < n; i++) {
      const f = phi(sorted[i] as number);
      d = Math.max(d, Math.abs(f - i / n), Math.abs(f - (i + 1) / n));
    }
    expect(d).toBeLessThan(1.63 / Math.sqrt(n));
  });

  it('reaches the tail beyond the base layer (r = 3.4426) as often as the normal does', () => {
    // P(|Z| > 3.4426) = 2 (1 - Phi(3.4426)) = 5.76e-4: 115 of 200,000 expected, sd ~10.7.
    const tail = draws.filter((x) => Math.abs(x) > 3.442619855899).length;
    const expected = 2 * (1 - phi(3.442619855899)) * n;
    expect(Math.abs(tail - expected)).toBeLessThan(4 * Math.sqrt(expected));
  });

  it('gives the same draws for the same seed', () => {
    const a = xoroshiro128plus(42);
    const b = xoroshiro128plus(42);
    for (let i = 0; i < 1000; i++) expect(normal(a)).toBe(normal(b));
  });
});

describe('the quantile sketch', () => {
  it('reads each quantile within its relative error of the exact order statistic (numpy "lower")', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.oneof(
            fc.double({ min: -1e10, max: 1e10, noNaN: true }),
            // Beyond the dense counters (1e16): a path where BTC went to the moon.
            fc.double({ min: -1e60, max: 1e60, noNaN: true }),
          ),
          { minLength: 1, maxLength: 400 },
        ),
        fc.constantFrom(0, 0.05, 0.25, 0.5, 0.75, 0.95, 1),
        (values, q) => {
          const s = emptySketch();
          for (const v of values) addToSketch(s, v);
          const sorted = [...values].sort((a, b) => a - b);
          const exact = sorted[Math.floor(q * (values.length - 1))] as number;
          const got = quantile(s, q);
          expect(Math.abs(got - exact)).toBeLessThanOrEqual(RELATIVE_ERROR * Math.abs(exact) + 1 + 1e-9);
        },
      ),
    );
  });

  it('is exact when every value is the same, and merges in any order to the same sketch', () => {
    const same = emptySketch();
    for (let i = 0; i < 10; i++) addToSketch(same, 226_513_612.5);
    for (const q of [0.05, 0.5, 0.95]) expect(quantile(same, q)).toBe(226_513_612.5);
    // The ends are the exact extremes.
    const spread = emptySketch();
    for (const x of [-5, 3, 1e9]) addToSketch(spread, x);
    expect([quantile(spread, 0), quantile(spread, 1)]).toEqual([-5, 1e9]);
    const parts = [
      [1, 2, 3],
      [-5e6, 7e8],
      [0, 0.5, -0.25],
    ].map((xs) => {
      const s = emptySketch();
      for (const x of xs) addToSketch(s, x);
      return s;
    });
    const ab = emptySketch();
    for (const p of parts) mergeSketch(ab, p);
    const ba = emptySketch();
    for (const p of [...parts].reverse()) mergeSketch(ba, p);
    expect(bytesOf(ab)).toEqual(bytesOf(ba));
    expect(ab.count).toBe(8);
  });

  it('merges moments (Chan) to the moments of the whole set', () => {
    const xs = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5];
    const whole = emptyMoments();
    for (const x of xs) addMoment(whole, x);
    const a = emptyMoments();
    const b = emptyMoments();
    for (const x of xs.slice(0, 4)) addMoment(a, x);
    for (const x of xs.slice(4)) addMoment(b, x);
    mergeMoments(a, b);
    // Mean 44/11 = 4; sum of squared deviations 1+9+0+9+1+25+4+4+1+1+1 = 56.
    expect(a.mean).toBeCloseTo(4, 12);
    expect(a.m2).toBeCloseTo(56, 10);
    expect(whole.m2).toBeCloseTo(56, 10);
    expect([a.min, a.max, a.count]).toEqual([1, 9, 11]);
  });
});

const VOLS: Omit<SimulationSettings, 'paths' | 'seed'> = {
  btcVolPerYear: 0.42,
  difficultyVolPerYear: 0.22,
  difficultyBtcCorrelation: 0.5,
  gpuPriceVolPerYear: 0.2,
};

function planFor(inputs: ProjectionInputs, over: Partial<SimulationSettings> = {}): SimulationPlan {
  const { chain, options } = siteFlows(inputs);
  return simulationPlan(
    options,
    { paths: 0, seed: 1, ...VOLS, ...over },
    {
      annualDiscountRate: inputs.annualDiscountRate,
      taxRate: inputs.taxRate,
      btcUsd0: inputs.network.btcUsd,
      btcGrowthPerYear: inputs.btcGrowthPerYear,
    },
    networkPlan(chain, inputs.networkModel),
  );
}

/** Every quantile of a simulated option is the deterministic NPV, with no spread; returns that option. */
function expectDeterministic(
  o: ReturnType<typeof simulate>['options'][number],
  det: ReturnType<typeof projectSite>,
): ReturnType<typeof projectSite>['options'][number] {
  const d = det.options.find((x) => x.id === o.id);
  if (!d) throw new Error(o.id);
  for (const q of [o.npvUsd.mean, o.npvUsd.p5, o.npvUsd.p50, o.npvUsd.p95, o.npvUsd.min, o.npvUsd.max])
    expect(q).toBe(d.npvUsd);
  expect(o.npvUsd.standardError).toBe(0);
  return d;
}

/** A 341 MW site with the defaults' shape: difficulty growth, a year's build, GPU rent decline, residuals. */
const realistic = (over: Partial<ProjectionInputs> = {}) =>
  baseProjection({
    difficultyGrowthPerMonth: 0.01,
    conversionMonths: 12,
    gpuPriceDeclinePerYear: 0.2,
    gpuLifeMonths: 60,
    minerLifeMonths: 60,
    minerResaleUsdPerTh: 5,
    leaseEscalatorPerYear: 0.025,
    residual: 'book',
    taxRate: 0.21,
    ...over,
  });

/** The same site with the network answering hashprice (`--network model`, the CLI's default). */
const modelled = (over: Partial<ProjectionInputs> = {}) =>
  realistic({ networkModel: NETWORK_MODEL, ...over });

describe('Monte Carlo', () => {
  it('with every volatility at 0 is the deterministic projection, exactly', () => {
    const inputs = realistic();
    const det = projectSite(inputs);
    const r = simulate(
      planFor(inputs, {
        btcVolPerYear: 0,
        difficultyVolPerYear: 0,
        gpuPriceVolPerYear: 0,
      }),
      2500,
    );
    const mining = det.options.find((o) => o.id === 'mining')?.npvUsd as number;
    for (const o of r.options) {
      const d = expectDeterministic(o, det);
      expect(o.probabilityBeatsMining).toBe(d.npvUsd > mining ? 1 : 0);
      // No payback: the deterministic payback, the residual value not counted (null with capex).
      expect(o.probabilityNoPayback).toBe(d.capexUsd > 0 && d.paybackMonths === null ? 1 : 0);
    }
    expect(r.btcUsdAtHorizon.mean).toBe(84_775);
  });

  it("draws BTC/USD at the horizon with GBM's moments: mean S0 e^(mu T), median S0 e^((mu - s^2/2) T)", () => {
    // mu = ln(1.15), s = 0.42, T = 5 years.
    const inputs = realistic({ btcGrowthPerYear: 0.15 });
    const paths = 10_000;
    const r = simulate(planFor(inputs, { seed: 2024 }), paths);
    const s0 = 84_775;
    const mean = s0 * 1.15 ** 5;
    const median = s0 * Math.exp((Math.log(1.15) - 0.42 ** 2 / 2) * 5);
    // sd of S_T = mean sqrt(e^(s^2 T) - 1); the standard error of the sample mean is sd / sqrt(paths).
    const se = (mean * Math.sqrt(Math.exp(0.42 ** 2 * 5) - 1)) / Math.sqrt(paths);
    expect(Math.abs(r.btcUsdAtHorizon.mean - mean)).toBeLessThan(4 * se);
    // The sample sd's relative sd is about sqrt((excess kurtosis + 2) / paths) / 2; a lognormal's excess
    // kurtosis is e^(4 s^2 T) + 2 e^(3 s^2 T) + 3 e^(2 s^2 T) - 6 (~74 here: 0.17 at 4 sds for 10,000 paths).
    const v = 0.42 ** 2 * 5;
    const kurtosis = Math.exp(4 * v) + 2 * Math.exp(3 * v) + 3 * Math.exp(2 * v) - 6;
    const seRatio = Math.sqrt((kurtosis + 2) / paths) / 2;
    expect(Math.abs(r.btcUsdAtHorizon.standardError / se - 1)).toBeLessThan(4 * seRatio);
    // The sample median's sd is about 1.2533 x sd(log) x median / sqrt(paths) (lognormal, delta method).
    const seMedian = (1.2533 * 0.42 * Math.sqrt(5) * median) / Math.sqrt(paths);
    expect(Math.abs(r.btcUsdAtHorizon.p50 - median)).toBeLessThan(4 * seMedian + RELATIVE_ERROR * median);
  });

  it('with --btc-drift median, puts the median of BTC/USD at the horizon on the --btc-growth path', () => {
    // mu - s^2/2 = ln(1.15): median S0 1.15^T, mean S0 1.15^T e^(s^2 T / 2).
    const inputs = realistic({ btcGrowthPerYear: 0.15 });
    const paths = 10_000;
    const r = simulate(planFor(inputs, { seed: 2024, btcDrift: 'median' }), paths);
    const median = 84_775 * 1.15 ** 5;
    const seMedian = (1.2533 * 0.42 * Math.sqrt(5) * median) / Math.sqrt(paths);
    expect(Math.abs(r.btcUsdAtHorizon.p50 - median)).toBeLessThan(4 * seMedian + RELATIVE_ERROR * median);
    const mean = median * Math.exp((0.42 ** 2 * 5) / 2);
    const se = (mean * Math.sqrt(Math.exp(0.42 ** 2 * 5) - 1)) / Math.sqrt(paths);
    expect(Math.abs(r.btcUsdAtHorizon.mean - mean)).toBeLessThan(4 * se);
  });

  it("counts each pair of options: the share of paths on which one's NPV is above the other's", () => {
    const r = simulate(planFor(realistic(), { seed: 7 }), 2000);
    for (const o of r.options) {
      for (const other of r.options) {
        if (other.id === o.id) continue;
        const a = o.probabilityBeats[other.id] as number;
        const b = other.probabilityBeats[o.id] as number;
        // Ties aside (none with continuous draws), the two shares make 1.
        expect(a + b).toBeCloseTo(1, 12);
      }
      if (o.id !== 'mining') expect(o.probabilityBeats.mining).toBe(o.probabilityBeatsMining);
    }
  });

  it.each([
    ['trend', realistic],
    ['model', modelled],
  ])('gives the same figures whatever the split of blocks between workers (network %s)', (_, site) => {
    const plan = planFor(site(), { seed: 99 });
    const paths = 4 * BLOCK_PATHS + 321;
    const alone = simulate(plan, paths);
    // Three "workers" taking blocks in turn, each with its own streams and sketches; merged in block order.
    const workers = [0, 1, 2].map(() => ({
      streams: new BlockStreams(plan.seed),
      sketches: emptySketches(plan.options.length),
      scratch: scratchFor(plan),
    }));
    const results = blocksOf(paths).map(([block, count]) => {
      const w = workers[block % 3] as (typeof workers)[number];
      return simulateBlock(plan, w.streams.forBlock(block), block, count, w.sketches, w.scratch);
    });
    const totals = new SimulationTotals(plan);
    for (const r of results) totals.addBlock(r);
    for (const w of [...workers].reverse()) totals.addSketches(w.sketches);
    expect(bytesOf(totals.result())).toEqual(bytesOf(alone));
    // The plan crosses to a worker by structured clone: the clone gives the same figures.
    expect(bytesOf(simulate(structuredClone(plan), 500))).toEqual(bytesOf(simulate(plan, 500)));
    // The seed matters (a few hundred paths show it).
    const few = 300;
    expect(simulate(planFor(realistic(), { seed: 100 }), few).options[0]?.npvUsd.mean).not.toBe(
      simulate(plan, few).options[0]?.npvUsd.mean,
    );
  });

  it.each([
    [
      'trend',
      realistic,
      [
        ['mining', 374553187.28851384, 348450261.50756174, 0],
        ['ai-lease', 121614849.23791647, 117154682.589035, 0],
        ['gpu-cloud', -134553744.36682644, -261254597.80356395, 0.3006666666666667],
      ],
    ],
    // The network responding per path (pinned on Node 20.20 and 24.21 when it came; re-pinned on Node 20.20
    // when the bands took their sourced efficiencies, 12.5/17/22/32 J/TH at 10/30/30/30%): the same draws.
    [
      'model',
      modelled,
      [
        ['mining', 515380864.9182703, 513626130.23414856, 0],
        ['ai-lease', 139624797.58948874, 136386829.89224955, 0],
        ['gpu-cloud', -116543796.01525487, -237815549.48517135, 0.2673333333333333],
      ],
    ],
  ] as const)(
    'gives the same bits on every Node version and machine: figures pinned on Node 20.20 and 24.21 (network %s)',
    (_, site, pinned) => {
      // Recorded once; CI runs this on Node 20 and 24. A change here means the stream, the model or a
      // math function's bits changed (V8's Math.pow did between 20 and 24, hence core's power()). Re-pinned
      // (Node 20.20) when the chain integrated hashrate growth within a segment: mining -0.34%, difficulty
      // ~0.23% higher after each retarget at +1%/month (test/core/chain.test.ts).
      const r = simulate(planFor(site({ btcGrowthPerYear: 0.1 }), { seed: 2026 }), 1500);
      expect(r.options.map((o) => [o.id, o.npvUsd.mean, o.npvUsd.p50, o.probabilityBeatsMining])).toEqual(
        pinned,
      );
      expect(r.btcUsdAtHorizon.mean).toBe(132130.31708490802);
    },
  );

  it('never lowers the chance that the lease beats mining when the lease rate rises (same seed)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 60, max: 300 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        (rate, step, seed) => {
          const p = (r: number) =>
            simulate(
              planFor(realistic({ lease: { ...realistic().lease, leaseUsdPerKwMonth: r } }), { seed }),
              300,
            ).options.find((o) => o.id === 'ai-lease')?.probabilityBeatsMining as number;
          expect(p(rate + step)).toBeGreaterThanOrEqual(p(rate));
        },
      ),
      { numRuns: 12 },
    );
  });

  it("never raises the lease's NPV minus mining's when the BTC price rises", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 10_000, max: 400_000, noNaN: true }),
        fc.double({ min: 1, max: 3, noNaN: true }),
        (btc, k) => {
          const delta = (price: number) => {
            const i = realistic({ network: { ...realistic().network, btcUsd: price } });
            const p = projectSite(i, undefined, { npvOnly: true });
            const npv = (id: string) => p.options.find((o) => o.id === id)?.npvUsd as number;
            return npv('ai-lease') - npv('mining');
          };
          expect(delta(btc * k)).toBeLessThanOrEqual(delta(btc) + 1e-6 * Math.abs(delta(btc)));
        },
      ),
      { numRuns: 25 },
    );
  });
});

/** A deterministic chain at a flat hashprice with 100 EH/s every month (the model's own answer to it). */
const flatNetwork = (
  params: NetworkModelParams,
  hashpriceUsdPerPhDay: number,
  months: number,
): NetworkPlan => ({
  params,
  hashrateEhs0: 100,
  hashprice0UsdPerPhDay: hashpriceUsdPerPhDay,
  floorHs: 100e12,
  hashrateHs: new Float64Array(months).fill(100e18),
  hashpriceUsdPerPhDay: new Float64Array(months).fill(hashpriceUsdPerPhDay),
});

describe('Monte Carlo with the network responding per path (--network model)', () => {
  it('with every volatility at 0 is the deterministic (modelled) projection, exactly', () => {
    const inputs = modelled({ btcGrowthPerYear: 0.1 });
    const plan = planFor(inputs, { btcVolPerYear: 0, difficultyVolPerYear: 0, gpuPriceVolPerYear: 0 });
    expect(plan.network).not.toBeNull();
    const det = projectSite(inputs);
    const r = simulate(plan, 1200);
    expect(r.respondingNetwork).toBe(true);
    for (const o of r.options) {
      expectDeterministic(o, det);
    }
  });

  it('keeps the trend (random walk) figures when the network is the trend: no model in the plan', () => {
    const plan = planFor(realistic(), { seed: 7 });
    expect(plan.network).toBeNull();
    expect(simulate(plan, 300).respondingNetwork).toBe(false);
  });

  it('switches off the fleets that lose money after the lag when BTC halves: mining earns more than BTC alone', () => {
    // Two bands, one power tier at $0.05/kWh: power costs 24 x 15 x 0.05 = $18 and 24 x 30 x 0.05 = $36 per
    // PH/s per day; 60% / 40% of 100 EH/s; no deployment; off after 2 losing months. The deterministic chain:
    // a flat $60 hashprice, every cell earning, 100 EH/s every month.
    const params: NetworkModelParams = {
      bands: [
        { jPerTh: 15, share: 0.6 },
        { jPerTh: 30, share: 0.4 },
      ],
      powerTiers: [{ usdPerKwh: 0.05, share: 1 }],
      offLagMonths: 2,
      newJPerTh: 15,
      newUsdPerTh: 20,
      newPowerUsdPerKwh: 0.05,
      paybackMonths: 36,
      maxDeployEhsPerMonth: 0,
    };
    const months = 10;
    const network = flatNetwork(params, 60, months);
    const model = new NetworkModel(params, 100, 60);
    const factor = new Float64Array(months + 1);
    // Nothing drawn: the model returns the chain's hashrates, every factor is 1.
    respondingMiningFactors(
      network,
      model,
      new Float64Array(months + 1).fill(1),
      new Float64Array(months + 1).fill(1),
      months,
      factor,
    );
    expect([...factor]).toEqual(new Array(months + 1).fill(1));
    // The path's BTC halves at month 3's end (1, 1, 1, 0.5, 0.5 ...), no hashrate noise. By hand, month m's
    // factor = BTC's month mean x 100 / (path EH/s at month m - 1's end); the model is stepped in month m with
    // $60 x month m - 1's factor:
    // m=1..3: fed 60, 100 EH/s; factors 1, 1, (1 + 0.5) / 2 = 0.75.
    // m=4: fed 45 (> 36: all earn), 100 EH/s; factor 0.5.  m=5: fed 30, the 30 J/TH band loses (1 month), 100.
    // m=6: fed 30, losing 2 months: off, 60 EH/s; factor 0.5 (month 5's 100 EH/s).
    // m=7: fed 30, 60 EH/s; factor 0.5 x 100 / 60 (the network shrank: more than BTC's 0.5).
    // m=8: fed 60 x 0.5 / 0.6 = 50 (> 36): back on, 100 EH/s; factor 0.5 x 100 / 60 (month 7's 60 EH/s).
    // m=9: fed 50, 100 EH/s; factor 0.5.  m=10: fed 30, losing 1 month, 100; factor 0.5.
    const btc = Float64Array.from({ length: months + 1 }, (_, m) => (m <= 2 ? 1 : 0.5));
    respondingMiningFactors(network, model, btc, new Float64Array(months + 1).fill(1), months, factor);
    const shrunk = 0.5 * (100e18 / 60e18);
    expect([...factor]).toEqual([1, 1, 1, 0.75, 0.5, 0.5, 0.5, shrunk, shrunk, 0.5, 0.5]);
    expect(shrunk).toBeGreaterThan(0.5);
    // The reset model starts from today's state on every path: the same path again, the same factors.
    const again = new Float64Array(months + 1);
    respondingMiningFactors(network, model, btc, new Float64Array(months + 1).fill(1), months, again);
    expect([...again]).toEqual([...factor]);
  });

  it('scales the next months by the noise on the hashrate: 10% more hashrate, 1/1.1 of the hashprice a month later', () => {
    const params: NetworkModelParams = { ...NETWORK_MODEL, maxDeployEhsPerMonth: 0 };
    const model = new NetworkModel(params, 100, 1000);
    const months = 3;
    const network = flatNetwork(params, 1000, months);
    const factor = new Float64Array(months + 1);
    const noise = Float64Array.from([1, 1.1, 1.1, 1.1]);
    respondingMiningFactors(network, model, new Float64Array(months + 1).fill(1), noise, months, factor);
    // To the last bits or so: the cells' shares (0.1, 0.3 x the tiers' shares) do not sum to exactly 1 in binary.
    const expected = [1, 1, 100e18 / (100e18 * 1.1), 100e18 / (100e18 * 1.1)];
    factor.forEach((f, i) => {
      expect(f).toBeCloseTo(expected[i] as number, 14);
    });
    // Ten times the hashrate: difficulty follows by at most a retarget's clamp (4x) a month.
    respondingMiningFactors(
      network,
      model,
      new Float64Array(months + 1).fill(1),
      Float64Array.from([1, 10, 10, 0.01]),
      months,
      factor,
    );
    expect([...factor]).toEqual([1, 1, 0.25, 0.25]);
  });

  it('narrows mining against BTC alone: the network shrinks when BTC falls and grows when it rises (same draws)', () => {
    // The same plan without the network (null: the random walk at 0 vol and 0 correlation, so the factor is
    // BTC's alone) draws the same normals in the same order: the same BTC paths.
    const plan = planFor(modelled(), { seed: 5, difficultyBtcCorrelation: 0, difficultyVolPerYear: 0 });
    const responding = simulate(plan, 2000);
    const blind = simulate({ ...plan, network: null }, 2000);
    expect(responding.btcUsdAtHorizon).toEqual(blind.btcUsdAtHorizon);
    const mining = (r: typeof blind) => r.options.find((o) => o.id === 'mining')?.npvUsd as Distribution;
    expect(mining(responding).p5).toBeGreaterThan(mining(blind).p5);
    expect(mining(responding).p95).toBeLessThan(mining(blind).p95);
  });
});

describe('sensitivity', () => {
  const inputs = realistic();
  const direct = (i: ProjectionInputs) => {
    const p = projectSite(i, undefined, { npvOnly: true });
    const npv = (id: string) => p.options.find((o) => o.id === id)?.npvUsd as number;
    return { 'ai-lease': npv('ai-lease') - npv('mining'), 'gpu-cloud': npv('gpu-cloud') - npv('mining') };
  };

  it('names every driver by its input flag', () => {
    for (const id of DRIVER_IDS) expect(row(DRIVER_ROWS[id]).flag).toBe(`--${id}`);
  });

  it('swings a driver by a share of its base, by the swing itself at 0, within its bounds', () => {
    expect(swingRange('btc-price', 84_775, 0.2, { min: 0, max: Infinity })).toEqual([67_820, 101_730]);
    expect(swingRange('btc-growth', 0, 0.2, { min: -0.9, max: 5 })).toEqual([-0.2, 0.2]);
    expect(swingRange('utilization', 1, 0.2, { min: 0, max: 1 })).toEqual([0.8, 1]);
    expect(swingRange('conversion-months', 12, 0.2, { min: 0, max: 60 })).toEqual([10, 14]);
    // A whole-number driver moves by at least one, within its bounds.
    expect(swingRange('conversion-months', 0, 0.2, { min: 0, max: 60 })).toEqual([0, 1]);
    expect(axisValues('conversion-months', 0, 2, 9)).toEqual([0, 1, 2]);
  });

  it('evaluates each bar by rerunning the whole projection (checked against direct runs), sorted by swing', () => {
    const ranges = DRIVER_IDS.map((id) => ({ id, ...rangeOf(id) }));
    function rangeOf(id: (typeof DRIVER_IDS)[number]) {
      const values: Record<string, [number, number]> = {
        'btc-price': [60_000, 120_000],
        'btc-growth': [-0.3, 0.5],
        'difficulty-growth': [0, 0.03],
        'power-price': [0.03, 0.06],
        'lease-rate': [110, 180],
        'lease-escalator': [0, 0.04],
        'gpu-hour-price': [1.5, 3.5],
        'gpu-price-decline': [0.1, 0.35],
        utilization: [0.6, 1],
        'gpu-capex': [30_000, 60_000],
        'fit-out': [8e6, 12e6],
        'conversion-months': [6, 18],
        'discount-rate': [0.08, 0.14],
      };
      const [low, high] = values[id] as [number, number];
      return { low, high };
    }
    const t = tornado(inputs, ranges);
    expect(t.base.deltaUsd['ai-lease']).toBeCloseTo(direct(inputs)['ai-lease'], 0);
    for (const bar of t.bars) {
      const low = direct(withDriver(inputs, bar.id, bar.lowValue));
      const high = direct(withDriver(inputs, bar.id, bar.highValue));
      for (const o of bar.options) {
        expect(o.lowNpvDeltaUsd, `${bar.id} low`).toBeCloseTo(low[o.id], -1);
        expect(o.highNpvDeltaUsd, `${bar.id} high`).toBeCloseTo(high[o.id], -1);
        expect(o.swingUsd).toBeCloseTo(Math.abs(high[o.id] - low[o.id]), -1);
      }
    }
    const widest = t.bars.map((b) => Math.max(...b.options.map((o) => o.swingUsd)));
    expect(widest).toEqual([...widest].sort((a, b) => b - a));
    // The lease rate moves only the lease; GPU-hour prices only the GPU cloud.
    const lease = t.bars.find((b) => b.id === 'lease-rate');
    expect(lease?.options.find((o) => o.id === 'gpu-cloud')?.swingUsd).toBe(0);
    expect(
      t.bars.find((b) => b.id === 'gpu-hour-price')?.options.find((o) => o.id === 'ai-lease')?.swingUsd,
    ).toBe(0);
  });

  it('reuses the chain for a BTC price exactly as a projection at that price', () => {
    const evaluator = new DeltaEvaluator(inputs);
    for (const btc of [30_000, 84_775, 250_000]) {
      const got = evaluator.deltas(withDriver(inputs, 'btc-price', btc)).deltaUsd;
      const want = direct(withDriver(inputs, 'btc-price', btc));
      for (const id of AI_OPTIONS) expect(got[id] / want[id]).toBeCloseTo(1, 9);
    }
  });

  it("marks the grid's break-even frontier where the sign changes, each cell a direct projection", () => {
    const x = { id: 'btc-price' as const, values: axisValues('btc-price', 40_000, 160_000, 5) };
    const y = { id: 'lease-rate' as const, values: axisValues('lease-rate', 100, 200, 6) };
    const g = grid(inputs, x, y);
    const lease = g.options.find((o) => o.id === 'ai-lease');
    if (!lease) throw new Error('no lease grid');
    y.values.forEach((yv, j) => {
      x.values.forEach((xv, i) => {
        const want = direct(withDriver(withDriver(inputs, 'lease-rate', yv), 'btc-price', xv))['ai-lease'];
        expect(lease.npvDeltaUsd[j]?.[i]).toBeCloseTo(want, -1);
        const sign = Math.sign(want) >= 0;
        const neighbours = [
          [j, i - 1],
          [j, i + 1],
          [j - 1, i],
          [j + 1, i],
        ].filter(([a, b]) => a !== undefined && b !== undefined && a >= 0 && b >= 0 && a < 6 && b < 5);
        const changes = neighbours.some(
          ([a, b]) => (lease.npvDeltaUsd[a as number]?.[b as number] as number) >= 0 !== sign,
        );
        expect(lease.frontier[j]?.[i], `cell ${j},${i}`).toBe(changes);
      });
    });
    // The lease rate's range spans the break-even here: some cells on each side.
    const flat = lease.npvDeltaUsd.flat();
    expect(flat.some((v) => v > 0) && flat.some((v) => v < 0)).toBe(true);
    expect(lease.frontier.flat().some(Boolean)).toBe(true);
  });

  it('finds no frontier in a grid of one sign, and the whole boundary in a checkerboard', () => {
    expect(
      frontierOf([
        [1, 2],
        [3, 4],
      ])
        .flat()
        .some(Boolean),
    ).toBe(false);
    expect(
      frontierOf([
        [1, -1],
        [-1, 1],
      ])
        .flat()
        .every(Boolean),
    ).toBe(true);
    expect(frontierOf([[1, 1, -1]])).toEqual([[false, true, true]]);
  });
});

describe('the default difficulty volatility', () => {
  it("is the embedded epochs' sd of log changes, 2022 to mid-2026, annualized (its stated basis: 22%)", () => {
    const since = Date.UTC(2022, 0, 1) / 1000;
    const epochs = DIFFICULTY_EPOCHS.filter(([, t]) => t !== null && t >= since);
    const changes = epochs
      .slice(1)
      .map(([, , d], i) => Math.log(d / (epochs[i] as (typeof epochs)[number])[2]));
    const mean = changes.reduce((s, c) => s + c, 0) / changes.length;
    const sd = Math.sqrt(changes.reduce((s, c) => s + (c - mean) ** 2, 0) / (changes.length - 1));
    const first = epochs[0]?.[1] as number;
    const last = epochs.at(-1)?.[1] as number;
    const perYear = (365 * 86_400 * (epochs.length - 1)) / (last - first);
    const annual = sd * Math.sqrt(perYear);
    expect(annual).toBeGreaterThan(0.2);
    expect(annual).toBeLessThan(0.24);
    expect(row('difficultyVolPerYear').defaultValue).toBe(0.22);
  });
});
