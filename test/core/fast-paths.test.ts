/**
 * The Monte Carlo's fast paths against the plain code they replace (issue 19, "Performance"): each must give
 * the same numbers to the bit (Object.is), on generated inputs.
 * - xoroshiro.ts's generator against pure-rand's (outputs, jumps, clones);
 * - fillNormals against normal() called once a draw;
 * - the network model's one-month-lag step (a table of the fleet's sums) against the plain rule (every cell's
 *   losing streak, summed in cell order), written out here as the model stated it before the table;
 * - NetworkModel.respondPath against reset() and step() month by month (respondingMiningFactors's rule);
 * - a BTC price trial's NPVs from flows shared by trials whose fleets decide alike (PriceTrials, and the
 *   sensitivity's evaluator) against the flows rebuilt at that price.
 */
import fc from 'fast-check';
import { xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';
import { describe, expect, it } from 'vitest';
import { NETWORK_MODEL } from '../../src/catalog/network-model.js';
import {
  type FleetBand,
  NetworkModel,
  type NetworkModelParams,
  type PowerTier,
  powerCostUsdPerPhDay,
} from '../../src/core/network-model.js';
import {
  chainFor,
  PriceTrials,
  type ProjectionInputs,
  projectSite,
  scaledFlowsNpv,
  scaledNpv,
  siteFlows,
} from '../../src/core/projection/index.js';
import { fillNormals, normal } from '../../src/core/risk/normal.js';
import { DeltaEvaluator } from '../../src/core/risk/sensitivity.js';
import { Xoroshiro128Plus } from '../../src/core/risk/xoroshiro.js';
import type { UsTaxInputs } from '../../src/core/tax.js';
import { baseProjection, everyBranchProjection } from './projection-inputs.js';

const int32 = fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 });
const state = fc.tuple(int32, int32, int32, int32).filter((s) => s.some((w) => w !== 0)) as fc.Arbitrary<
  [number, number, number, number]
>;

describe("xoroshiro128+ (xoroshiro.ts) is pure-rand 8's generator", () => {
  it('the same outputs, jumps and clones from any state', () => {
    fc.assert(
      fc.property(state, fc.integer({ min: 0, max: 3 }), (s, jumps) => {
        const ours = Xoroshiro128Plus.fromState(s);
        const theirs = xoroshiro128plusFromState(s);
        for (let j = 0; j < jumps; j++) {
          ours.jump();
          theirs.jump();
        }
        const ourClone = ours.clone();
        const theirClone = theirs.clone();
        for (let i = 0; i < 200; i++) expect(ours.next()).toBe(theirs.next());
        for (let i = 0; i < 10; i++) expect(ourClone.next()).toBe(theirClone.next());
        expect(ours.getState()).toEqual(theirs.getState());
      }),
      { numRuns: 200 },
    );
  });
});

describe('fillNormals is normal() a draw at a time', () => {
  it('the same draws and the same generator state after them (tail and wedge draws included)', () => {
    fc.assert(
      fc.property(state, fc.integer({ min: 0, max: 3000 }), (s, count) => {
        const fast = Xoroshiro128Plus.fromState(s);
        const plain = Xoroshiro128Plus.fromState(s);
        const out = new Float64Array(count);
        fillNormals(fast, out, count);
        for (let i = 0; i < count; i++) expect(Object.is(out[i], normal(plain))).toBe(true);
        expect(fast.getState()).toEqual(plain.getState());
      }),
      { numRuns: 60 },
    );
  });

  it('covers the draws beyond a layer: 1.2% of draws, so 3000 draws meet dozens', () => {
    const rng = Xoroshiro128Plus.fromState([1, 2, 3, 4]);
    const out = new Float64Array(100_000);
    fillNormals(rng, out, out.length);
    // |z| > r = 3.4426 only comes from the tail: P = 5.76e-4, ~58 of 100,000.
    expect(out.filter((z) => Math.abs(z) > 3.442619855899).length).toBeGreaterThan(20);
  });
});

/**
 * The network model's rule as network-model.ts states it, cell by cell (its step before the one-month-lag
 * table): the reference for NetworkModel with any lag.
 */
function plainModel(params: NetworkModelParams, hashrateEhs0: number, hashprice0: number) {
  const { bands, powerTiers, offLagMonths: lag } = params;
  const tiers = powerTiers.length;
  const cells = (bands.length + 1) * tiers;
  const cost = new Float64Array(cells);
  const installed = new Float64Array(cells);
  const losing = new Float64Array(cells);
  for (let b = 0; b <= bands.length; b++) {
    const e = b < bands.length ? (bands[b] as FleetBand).jPerTh : params.newJPerTh;
    for (let t = 0; t < tiers; t++)
      cost[b * tiers + t] = powerCostUsdPerPhDay(e, (powerTiers[t] as PowerTier).usdPerKwh);
  }
  let onlineShare = 0;
  for (let b = 0; b <= bands.length; b++)
    for (let t = 0; t < tiers; t++) {
      const i = b * tiers + t;
      const loses = hashprice0 < (cost[i] as number);
      losing[i] = loses ? lag : 0;
      if (b < bands.length && !loses)
        onlineShare += (bands[b] as FleetBand).share * (powerTiers[t] as PowerTier).share;
    }
  const installedEhs = onlineShare > 0 ? hashrateEhs0 / onlineShare : hashrateEhs0;
  for (let b = 0; b < bands.length; b++)
    for (let t = 0; t < tiers; t++) {
      const i = b * tiers + t;
      installed[i] = installedEhs * (bands[b] as FleetBand).share * (powerTiers[t] as PowerTier).share;
      if (onlineShare === 0) losing[i] = 0;
    }
  const newCost = powerCostUsdPerPhDay(params.newJPerTh, params.newPowerUsdPerKwh);
  return {
    deployed: 0,
    step(h: number): number {
      const marginPerThDay = (h - newCost) / 1000;
      let deployed = 0;
      if (marginPerThDay > 0) {
        const payback = params.newUsdPerTh / ((365 / 12) * marginPerThDay);
        if (Number.isFinite(payback)) {
          const f = 2 * (1 - payback / params.paybackMonths);
          deployed = params.maxDeployEhsPerMonth * Math.min(1, Math.max(0, f));
        }
      }
      this.deployed = deployed;
      for (let t = 0; t < tiers; t++)
        installed[bands.length * tiers + t] =
          (installed[bands.length * tiers + t] as number) + deployed * (powerTiers[t] as PowerTier).share;
      let online = 0;
      for (let i = 0; i < cells; i++) {
        const l = h < (cost[i] as number) ? (losing[i] as number) + 1 : 0;
        losing[i] = l;
        if (l < lag) online += installed[i] as number;
      }
      return online;
    },
  };
}

/** Shares that sum to 1 (the last takes the rest). */
const shares = (n: number) =>
  fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: n, maxLength: n }).map((w) => {
    const total = w.reduce((a, b) => a + b, 0);
    return w.map((x) => x / total);
  });

const params: fc.Arbitrary<NetworkModelParams> = fc
  .record({
    bandCount: fc.integer({ min: 1, max: 5 }),
    tierCount: fc.integer({ min: 1, max: 5 }),
    lag: fc.integer({ min: 1, max: 3 }),
    newJPerTh: fc.double({ min: 5, max: 30, noNaN: true }),
    newUsdPerTh: fc.double({ min: 1, max: 60, noNaN: true }),
    newPowerUsdPerKwh: fc.double({ min: 0.01, max: 0.1, noNaN: true }),
    paybackMonths: fc.double({ min: 6, max: 60, noNaN: true }),
    maxDeployEhsPerMonth: fc.double({ min: 0, max: 50, noNaN: true }),
  })
  .chain((p) =>
    fc.record({
      p: fc.constant(p),
      jPerTh: fc.array(fc.constantFrom(13, 17, 17, 22, 30, 38), {
        minLength: p.bandCount,
        maxLength: p.bandCount,
      }),
      bandShares: shares(p.bandCount),
      usdPerKwh: fc.array(fc.constantFrom(0.025, 0.04, 0.04, 0.055, 0.07), {
        minLength: p.tierCount,
        maxLength: p.tierCount,
      }),
      tierShares: shares(p.tierCount),
    }),
  )
  .map(({ p, jPerTh, bandShares, usdPerKwh, tierShares }) => ({
    bands: jPerTh.map((j, i) => ({ jPerTh: j, share: bandShares[i] as number })),
    powerTiers: usdPerKwh.map((u, i) => ({ usdPerKwh: u, share: tierShares[i] as number })),
    offLagMonths: p.lag,
    newJPerTh: p.newJPerTh,
    newUsdPerTh: p.newUsdPerTh,
    newPowerUsdPerKwh: p.newPowerUsdPerKwh,
    paybackMonths: p.paybackMonths,
    maxDeployEhsPerMonth: p.maxDeployEhsPerMonth,
  }));

/** Hashprices around the cells' power costs ($7-$64/PH/day here), with crashes, rallies, ties and NaN. */
const hashprice = fc.oneof(
  fc.double({ min: 0, max: 120, noNaN: true }),
  fc.constantFrom(0, 24 * 17 * 0.04, 24 * 22 * 0.055, 24 * 30 * 0.07, 1e6, Number.NaN),
);

describe('the network model: the one-month lag table and respondPath are the plain rule', () => {
  it("step() gives the plain rule's hashrate and deployment every month, to the bit, at any lag", () => {
    fc.assert(
      fc.property(
        params,
        fc.double({ min: 1, max: 2000, noNaN: true }),
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.array(hashprice, { minLength: 1, maxLength: 40 }),
        (p, h0, hp0, path) => {
          const model = new NetworkModel(p, h0, hp0);
          const plain = plainModel(p, h0, hp0);
          for (const h of path) {
            expect(Object.is(model.step(h), plain.step(h)), `step(${h})`).toBe(true);
            expect(Object.is(model.deployedEhs, plain.deployed)).toBe(true);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("respondPath() is reset() then step() month by month (respondingMiningFactors's rule), to the bit", () => {
    const ratios = (months: number) =>
      fc
        .array(fc.oneof(fc.double({ min: 0.05, max: 5, noNaN: true }), fc.constant(1)), {
          minLength: months,
          maxLength: months,
        })
        .map((xs) => Float64Array.from([1, ...xs]));
    fc.assert(
      fc.property(
        fc.oneof(params, fc.constant(NETWORK_MODEL)),
        fc.integer({ min: 0, max: 36 }).chain((months) =>
          fc.record({
            months: fc.constant(months),
            btc: ratios(months),
            noise: ratios(months),
            hashrateHs: fc
              .array(fc.double({ min: 1e19, max: 2e21, noNaN: true }), {
                minLength: months,
                maxLength: months,
              })
              .map((xs) => Float64Array.from(xs)),
            hashprice: fc
              .array(fc.double({ min: 5, max: 90, noNaN: true }), { minLength: months, maxLength: months })
              .map((xs) => Float64Array.from(xs)),
          }),
        ),
        fc.double({ min: 100, max: 2000, noNaN: true }),
        fc.double({ min: 5, max: 90, noNaN: true }),
        (p, { months, btc, noise, hashrateHs, hashprice: hp }, h0, hp0) => {
          const floorHs = h0 * 1e12;
          const fast = new Float64Array(months + 1);
          const model = new NetworkModel(p, h0, hp0);
          // Twice: from a fresh model and from one a path has run (the reset's copy back).
          for (let run = 0; run < 2; run++) {
            model.respondPath(h0, hp0, floorHs, hashrateHs, hp, btc, noise, months, 4, fast);
            const plain = new NetworkModel(p, h0, hp0);
            const want = new Float64Array(months + 1);
            let seen = hp0;
            let lag = 1;
            want[0] = 1;
            for (let m = 1; m <= months; m++) {
              const pathHs = Math.max(plain.step(seen) * 1e18, floorHs) * (noise[m] as number);
              const factor = (((btc[m - 1] as number) + (btc[m] as number)) / 2) * lag;
              want[m] = factor;
              seen = (hp[m - 1] as number) * factor;
              lag = Math.min(4, Math.max(1 / 4, (hashrateHs[m - 1] as number) / pathHs));
            }
            for (let m = 0; m <= months; m++) expect(Object.is(fast[m], want[m]), `month ${m}`).toBe(true);
            if (months > 0) {
              expect(Object.is(model.hashrateEhs, plain.hashrateEhs)).toBe(true);
              expect(Object.is(model.deployedEhs, plain.deployedEhs)).toBe(true);
            }
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

/** A dense grid of BTC scales, from where the fleet is sold at once to where it is bought again. */
const btcScale = fc.oneof(
  fc.double({ min: 0.01, max: 100, noNaN: true }),
  fc.constantFrom(1, 0.5, 0.8, 1.2, 2, 0.3),
);

const trialInputs: fc.Arbitrary<ProjectionInputs> = fc
  .record({
    every: fc.boolean(),
    fleet: fc.constantFrom('owned', 'new') as fc.Arbitrary<'owned' | 'new'>,
    residual: fc.constantFrom('economic', 'book', 'none') as fc.Arbitrary<ProjectionInputs['residual']>,
    idleDuringBuild: fc.boolean(),
    conversionMonths: fc.integer({ min: 0, max: 30 }),
    minerLifeMonths: fc.integer({ min: 6, max: 72 }),
    minerAgeMonths: fc.integer({ min: 0, max: 60 }),
    minerResaleUsdPerTh: fc.constantFrom(0, 5, 12),
    minerEnd: fc.constantFrom('refresh', 'sell') as fc.Arbitrary<ProjectionInputs['minerEnd']>,
    leaseTermMonths: fc.integer({ min: 12, max: 180 }),
    taxRate: fc.constantFrom(0, 0.21),
    usTax: fc.option(
      fc.record({
        stateRate: fc.constantFrom(0, 0.05),
        nolLimit: fc.constantFrom(0.8, 1),
        bonusShare: fc.constantFrom(0, 0.6, 1, null),
      }),
      { nil: null },
    ),
    model: fc.boolean(),
    years: fc.constantFrom(3, 5, 10),
  })
  .map((r) => {
    const base = r.every ? everyBranchProjection() : baseProjection();
    return {
      ...base,
      years: r.years,
      fleet: r.fleet,
      residual: r.residual,
      idleDuringBuild: r.idleDuringBuild,
      conversionMonths: r.conversionMonths,
      minerLifeMonths: r.minerLifeMonths,
      minerAgeMonths: r.fleet === 'new' ? 0 : r.minerAgeMonths,
      minerResaleUsdPerTh: r.minerResaleUsdPerTh,
      minerEnd: r.minerEnd,
      leaseTermMonths: r.leaseTermMonths,
      salvageUsdPerMwIt: 50_000,
      taxRate: r.taxRate,
      ...(r.usTax && r.taxRate > 0
        ? {
            tax: {
              federalRate: 0.21,
              ...r.usTax,
              fitOut: { fiveYear: 0.4, fifteenYear: 0.1, thirtyNineYear: 0.5 },
              startCalendarMonth: 2026 * 12 + 11,
            } satisfies UsTaxInputs,
          }
        : {}),
      networkModel: r.model ? NETWORK_MODEL : null,
      difficultyGrowthPerMonth: r.model ? 0.014 : base.difficultyGrowthPerMonth,
    };
  });

const OPTIONS = ['mining', 'ai-lease', 'gpu-cloud'] as const;

describe('BTC trials (PriceTrials) are the flows rebuilt at each price', () => {
  it("each option's NPV at BTC k x today's is projectSite's with btcScale k, to the bit", () => {
    fc.assert(
      fc.property(trialInputs, fc.array(btcScale, { minLength: 1, maxLength: 12 }), (inputs, scales) => {
        const chain = chainFor(inputs);
        const trials = new PriceTrials(inputs, chain);
        for (const k of scales) {
          const rebuilt = projectSite(inputs, chain, { npvOnly: true, btcScale: k });
          for (const id of OPTIONS) {
            const want = rebuilt.options.find((o) => o.id === id)?.npvUsd;
            expect(Object.is(trials.npv(id, k), want), `${id} at ${k}`).toBe(true);
          }
        }
        // Trials that decide alike share their flows: never more builds than options x trials.
        expect(trials.builds).toBeLessThanOrEqual(OPTIONS.length * scales.length);
      }),
      { numRuns: 120 },
    );
  });

  it("a grid's BTC price x GPU-hour price and lease rate cells are the flows rebuilt, to the bit", () => {
    fc.assert(
      fc.property(
        trialInputs,
        fc.array(fc.tuple(btcScale, fc.double({ min: 0.2, max: 3, noNaN: true })), {
          minLength: 1,
          maxLength: 5,
        }),
        fc.constantFrom('gpu-hour-price', 'lease-rate') as fc.Arbitrary<'gpu-hour-price' | 'lease-rate'>,
        (inputs, cells, driver) => {
          const evaluator = new DeltaEvaluator(inputs);
          const chain = chainFor(inputs);
          const base =
            driver === 'gpu-hour-price' ? inputs.gpu.gpuUsdPerHour : inputs.lease.leaseUsdPerKwMonth;
          const scaled = driver === 'gpu-hour-price' ? 'gpu-cloud' : 'ai-lease';
          for (const [k, s] of cells) {
            const price = inputs.network.btcUsd * k;
            const value = base * s;
            const got = evaluator.at([
              [driver, value],
              ['btc-price', price],
            ]).npvUsd;
            // What the evaluator built before: the flows at the BTC scale; the scaled option in one pass.
            const flows = siteFlows(inputs, chain, {
              npvOnly: true,
              btcScale: price / inputs.network.btcUsd,
            }).options;
            for (const o of flows) {
              const want =
                o.id === scaled
                  ? scaledNpv(inputs, [o])(o.id, 1, value / base)
                  : scaledFlowsNpv(o.flows, inputs.taxRate, inputs.annualDiscountRate, 1, 1, 1);
              expect(Object.is(got[o.id], want), `${o.id} at ${price}, ${driver} ${value}`).toBe(true);
            }
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it("the sensitivity's BTC price trials are the flows rebuilt, to the bit", () => {
    fc.assert(
      fc.property(trialInputs, fc.array(btcScale, { minLength: 1, maxLength: 6 }), (inputs, scales) => {
        const evaluator = new DeltaEvaluator(inputs);
        const chain = chainFor(inputs);
        for (const k of scales) {
          const price = inputs.network.btcUsd * k;
          const got = evaluator.at([['btc-price', price]]).npvUsd;
          // What the evaluator built before: every option's flows at the scale, their own NPV.
          const flows = siteFlows(inputs, chain, {
            npvOnly: true,
            btcScale: price / inputs.network.btcUsd,
          }).options;
          for (const o of flows)
            expect(
              Object.is(
                got[o.id],
                scaledFlowsNpv(o.flows, inputs.taxRate, inputs.annualDiscountRate, 1, 1, 1),
              ),
              `${o.id} at ${price}`,
            ).toBe(true);
        }
      }),
      { numRuns: 60 },
    );
  });
});

/** Power prices from a tenth of today's to four times it, and the round ones a tornado and a solver try. */
const powerScale = fc.oneof(
  fc.double({ min: 0.1, max: 4, noNaN: true }),
  fc.constantFrom(1, 0.8, 1.2, 0.5, 2, 0),
);

/** The inputs at a power price e times today's, for the whole site (as the sensitivity's driver sets it). */
const atPower = (inputs: ProjectionInputs, e: number): ProjectionInputs => {
  const price = inputs.mining.powerUsdPerKwh * e;
  return {
    ...inputs,
    mining: { ...inputs.mining, powerUsdPerKwh: price },
    lease: { ...inputs.lease, powerUsdPerKwh: price },
    gpu: { ...inputs.gpu, powerUsdPerKwh: price },
  };
};

/**
 * A power trial scales the base's bills, (kWh x price) x e, where a rebuilt one bills kWh x (price x e): the
 * two differ by rounding only. Within 1e-9 of the larger of the NPV and $1M (an NPV near 0 is the difference
 * of flows of hundreds of millions: its rounding is absolute).
 */
const close = (got: number, want: number) => Math.abs(got - want) <= 1e-9 * Math.max(1e6, Math.abs(want));

describe('power price trials (PriceTrials) are the flows rebuilt at each price, to rounding', () => {
  const powerInputs = trialInputs.filter((i) => PriceTrials.energyApplies(i));

  it("each option's NPV at a power price e and BTC k times today's is the projection's built there", () => {
    fc.assert(
      fc.property(
        powerInputs,
        fc.array(fc.tuple(btcScale, powerScale), { minLength: 1, maxLength: 8 }),
        (inputs, trials) => {
          const chain = chainFor(inputs);
          const priced = new PriceTrials(inputs, chain);
          for (const [k, e] of trials) {
            const rebuilt = projectSite(atPower(inputs, e), chain, { npvOnly: true, btcScale: k });
            for (const id of OPTIONS) {
              const want = rebuilt.options.find((o) => o.id === id)?.npvUsd as number;
              const got = priced.npv(id, k, e);
              expect(close(got, want), `${id} at k ${k}, e ${e}: ${got} vs ${want}`).toBe(true);
            }
          }
          // At today's power price a trial is a BTC trial: the projection's to the bit.
          const today = projectSite(inputs, chain, { npvOnly: true });
          for (const id of OPTIONS)
            expect(Object.is(priced.npv(id, 1, 1), today.options.find((o) => o.id === id)?.npvUsd)).toBe(
              true,
            );
        },
      ),
      { numRuns: 100 },
    );
  });

  it("the sensitivity's power price trials, alone and with the GPU-hour price, are the rebuilt flows'", () => {
    fc.assert(
      fc.property(
        powerInputs,
        fc.array(fc.tuple(powerScale, fc.double({ min: 0.2, max: 3, noNaN: true })), {
          minLength: 1,
          maxLength: 5,
        }),
        (inputs, cells) => {
          const evaluator = new DeltaEvaluator(inputs);
          const chain = chainFor(inputs);
          const price0 = inputs.mining.powerUsdPerKwh;
          const gpu0 = inputs.gpu.gpuUsdPerHour;
          for (const [e, s] of cells) {
            const alone = evaluator.at([['power-price', price0 * e]]).npvUsd;
            const cell = evaluator.at([
              ['gpu-hour-price', gpu0 * s],
              ['power-price', price0 * e],
            ]).npvUsd;
            const at = atPower(inputs, e);
            for (const o of siteFlows(at, chain, { npvOnly: true }).options) {
              const own = scaledFlowsNpv(o.flows, at.taxRate, at.annualDiscountRate, 1, 1, 1);
              expect(close(alone[o.id] as number, own), `${o.id} at e ${e}`).toBe(true);
              const want = o.id === 'gpu-cloud' ? scaledNpv(at, [o])(o.id, 1, s) : own;
              expect(close(cell[o.id] as number, want), `${o.id} at e ${e}, GPU x${s}`).toBe(true);
            }
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('applies only where every bill is proportional to one price for the site', () => {
    const inputs = baseProjection();
    expect(PriceTrials.energyApplies(inputs)).toBe(true);
    expect(PriceTrials.energyApplies(atPower(inputs, 0))).toBe(false);
    expect(PriceTrials.energyApplies({ ...inputs, gpu: { ...inputs.gpu, powerUsdPerKwh: 0.05 } })).toBe(
      false,
    );
    const contract = {
      escalatorPerYear: 0.02,
      fixedMonths: 24,
      marketUsdPerKwh: 0.06,
      takeOrPay: 0,
      demandChargeUsdPerKwMonth: 5,
      transmissionChargeUsdPerKwYear: 0,
      miningPeakShare: 0.1,
    };
    // A market price after the contract's end does not move with --power-price; an escalator does.
    expect(PriceTrials.energyApplies({ ...inputs, powerContract: contract })).toBe(false);
    expect(
      PriceTrials.energyApplies({ ...inputs, powerContract: { ...contract, marketUsdPerKwh: null } }),
    ).toBe(true);
  });
});
