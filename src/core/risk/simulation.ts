/**
 * Monte Carlo over the projection: each path draws its own BTC price, network hashrate and GPU rent, month by
 * month, and every option's cash flows are evaluated from the deterministic projection's flows
 * (projection.ts: evaluateFlows) with that path's factors. With every volatility at 0 each factor is
 * exactly 1 and every path is the deterministic projection, bit for bit.
 *
 * The model, per month of 365/12 days (dt = 1/12 year), with Z standard normal draws:
 * - BTC/USD: geometric Brownian motion, log S(t+dt) = log S(t) + (mu - s^2/2) dt + s sqrt(dt) Z_btc with
 *   mu = ln(1 + btc growth), so E[S(t)] = S0 (1 + growth)^t, the deterministic path (btcDrift 'mean', the
 *   default); with btcDrift 'median', log S(t+dt) = log S(t) + ln(1 + growth) dt + s sqrt(dt) Z_btc, so the
 *   median of S(t) is the deterministic path (and its mean is above it by exp(s^2 t / 2)).
 * - Network hashrate (difficulty follows it at the retargets): the deterministic path times a lognormal
 *   factor X with E[X] = 1, whose log moves by -sd^2/2 dt + sd sqrt(dt) (rho Z_btc + sqrt(1 - rho^2) Z_diff):
 *   correlated with BTC's path by rho. A fleet's BTC per month scales as 1 / X (its share of the network);
 *   the halving and the block schedule stay those of the deterministic chain (retargets hold blocks near
 *   600 s whatever the hashrate, so a noisier hashrate moves the halving by days, not months).
 * - GPU rent: the deterministic decline times a lognormal factor R with E[R] = 1 (vol sg, independent).
 * A month's factor is the mean of its start and end values (trapezoid), so mining revenue scales by
 * (S/S_det)/X and GPU revenue by R; curtailment (revenue below the power bill) is decided per path.
 *
 * Randomness: xoroshiro128+ (xoroshiro.ts: pure-rand's, to the bit), its state from the seed by SplitMix32; paths come in blocks of BLOCK_PATHS, block b
 * drawing from the generator jumped b times (2^64 steps each: streams that never overlap), so a block's
 * paths are the same whichever worker runs it. Normals by the ziggurat (normal.ts, a path's at once). Pure.
 */
import type { ChainProjection } from '../chain.js';
import { monthlyRate, npv as npvAt, paybackMonths } from '../finance.js';
import { NetworkModel, type NetworkModelParams } from '../network-model.js';
import { type DebtTerms, debtSchedule, minDscrOfCash } from '../projection/debt.js';
import { evaluateFlows, type Flows, type OptionFlows } from '../projection/index.js';
import { type OptionId, power } from '../units.js';
import { fillNormals } from './normal.js';
import {
  addMoment,
  addToSketch,
  emptyMoments,
  emptySketch,
  type Moments,
  mergeMoments,
  mergeSketch,
  quantile,
  type Sketch,
  standardDeviation,
} from './sketch.js';
import { Xoroshiro128Plus } from './xoroshiro.js';

export const BLOCK_PATHS = 1000;
/** The most paths one run takes (about 10 s of both cores here). */
export const MAX_PATHS = 1_000_000;

export interface SimulationSettings {
  paths: number;
  /** 0 to 2^32 - 1. */
  seed: number;
  btcVolPerYear: number;
  difficultyVolPerYear: number;
  /** Correlation of the hashrate's shocks with BTC's, -1 to 1. */
  difficultyBtcCorrelation: number;
  gpuPriceVolPerYear: number;
  /** What --btc-growth describes: the mean path of BTC/USD (the default), or its median path. */
  btcDrift?: 'mean' | 'median';
}

/**
 * The modelled network (`--network model`) in a plan: the model's parameters and the deterministic chain's run
 * of it (chain.ts, ChainProjection.network), which a path's run reproduces exactly when nothing is drawn.
 */
export interface NetworkPlan {
  params: NetworkModelParams;
  hashrateEhs0: number;
  hashprice0UsdPerPhDay: number;
  floorHs: number;
  /** Month m's (index m - 1) end hashrate as the model set it, H/s (deterministic chain). */
  hashrateHs: Float64Array;
  /** Month m's (index m - 1) mean hashprice, USD per PH/s per day (deterministic chain). */
  hashpriceUsdPerPhDay: Float64Array;
}

/** The network part of a plan from the deterministic chain: null with the trend (no model run in it). */
export function networkPlan(chain: ChainProjection, params: NetworkModelParams | null): NetworkPlan | null {
  const run = chain.network;
  if (!params || !run) return null;
  return {
    params,
    hashrateEhs0: run.hashrateEhs0,
    hashprice0UsdPerPhDay: run.hashprice0UsdPerPhDay,
    floorHs: run.floorHs,
    hashrateHs: Float64Array.from(run.hashrateHs),
    hashpriceUsdPerPhDay: Float64Array.from(chain.months, (m) => m.hashpriceUsdPerPhDay),
  };
}

/** What a worker needs: plain data (typed arrays and numbers), so it crosses a thread by structured clone. */
export interface SimulationPlan {
  months: number;
  annualDiscountRate: number;
  taxRate: number;
  btcUsd0: number;
  btcGrowthPerYear: number;
  seed: number;
  btcVolPerYear: number;
  difficultyVolPerYear: number;
  difficultyBtcCorrelation: number;
  gpuPriceVolPerYear: number;
  /** The network responding on each path (`--network model`); null: the trend's random walk. */
  network: NetworkPlan | null;
  btcDrift: 'mean' | 'median';
  /**
   * Per option: its flows; whether the GPU rent factor applies; and the months that change from path to
   * path, [0, variesUntil) (after them the option's cash is the same on every path: the lease after go-live).
   */
  options: {
    id: OptionId;
    flows: Flows;
    rentIsRandom: boolean;
    variesUntil: number;
    /** The residual value in the last month's cash: payback does not count it. */
    residualUsd: number;
    /** Its own annual discount rate (the plan's when absent). */
    annualDiscountRate?: number;
    /**
     * With a loan: its debt service by month (the DSCR's) and covenant. The schedule is the same on every
     * path (the loan is sized on capex, which no path changes): only CFADS varies.
     */
    debt?: { service: Float64Array; covenant: number } | null;
  }[];
}

/** The first month after which an option's cash no longer depends on a path's factors. */
function variesUntil(flows: Flows, rentIsRandom: boolean): number {
  if (rentIsRandom) return flows.length;
  for (let m = flows.length - 1; m >= 0; m--) if (flows.miningActive[m] === 1) return m + 1;
  return 0;
}

export function simulationPlan(
  flows: readonly OptionFlows[],
  settings: SimulationSettings,
  finance: { annualDiscountRate: number; taxRate: number; btcUsd0: number; btcGrowthPerYear: number },
  network: NetworkPlan | null = null,
  debt: Partial<Record<OptionId, DebtTerms>> | null = null,
): SimulationPlan {
  const first = flows[0];
  if (!first) throw new RangeError('simulation: no options');
  if (network && network.hashrateHs.length < first.flows.length - 1)
    throw new RangeError('simulation: the network run is shorter than the flows');
  return {
    months: first.flows.length - 1,
    ...finance,
    seed: settings.seed,
    btcVolPerYear: settings.btcVolPerYear,
    difficultyVolPerYear: settings.difficultyVolPerYear,
    difficultyBtcCorrelation: settings.difficultyBtcCorrelation,
    gpuPriceVolPerYear: settings.gpuPriceVolPerYear,
    network,
    btcDrift: settings.btcDrift ?? 'mean',
    options: flows.map((o) => {
      const rentIsRandom = o.id === 'gpu-cloud';
      return {
        id: o.id,
        flows: o.flows,
        rentIsRandom,
        variesUntil: variesUntil(o.flows, rentIsRandom),
        residualUsd: o.residualUsd,
        ...(o.annualDiscountRate !== undefined ? { annualDiscountRate: o.annualDiscountRate } : {}),
        debt: debtOf(o, debt?.[o.id]),
      };
    }),
  };
}

/** An option's loan as the simulation needs it: its fixed debt service; null without one or without service. */
function debtOf(o: OptionFlows, terms: DebtTerms | undefined): SimulationPlan['options'][number]['debt'] {
  if (!terms) return null;
  const { service } = debtSchedule(o.flows.capex, o.goLiveMonth ?? 0, terms);
  return service.some((s) => s > 0) ? { service, covenant: terms.dscrCovenant } : null;
}

/** One block's figures: moments merge in block order; counts and sketches in any order. */
export interface BlockResult {
  block: number;
  paths: number;
  npv: Moments[];
  beatsMining: number[];
  /** [i * options + j]: paths on which option i's NPV is above option j's. */
  beats: number[];
  noPayback: number[];
  /** Paths whose lowest yearly DSCR is below 1, and below the covenant (options with a loan). */
  dscrBelowOne: number[];
  dscrBelowCovenant: number[];
  btcAtHorizon: Moments;
}

/** Sketches a worker keeps over all the blocks it runs (integer counts: merged in any order). */
export interface Sketches {
  npv: Sketch[];
  btcAtHorizon: Sketch;
}

export const emptySketches = (options: number): Sketches => ({
  npv: Array.from({ length: options }, emptySketch),
  btcAtHorizon: emptySketch(),
});

/**
 * The generator's 128-bit state from a 32-bit seed by SplitMix32 (Vigna's recommendation for seeding the
 * xoroshiro family): nearby seeds give unrelated states, and never the all-zero one. (pure-rand's own
 * xoroshiro128plus(seed) sets the state to (-1, ~seed, seed, 0), whose first outputs barely depend on a
 * small seed.)
 */
export function seedState(seed: number): [number, number, number, number] {
  let x = seed >>> 0;
  const next = () => {
    x = (x + 0x9e3779b9) | 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) | 0;
  };
  const state: [number, number, number, number] = [next(), next(), next(), next()];
  if (state.every((w) => w === 0)) state[0] = 1;
  return state;
}

/** The generator at the start of block b, from one at the start of block `at` (b >= at): jumps forward. */
export class BlockStreams {
  private start: Xoroshiro128Plus;
  private at = 0;
  constructor(seed: number) {
    this.start = Xoroshiro128Plus.fromState(seedState(seed));
  }
  forBlock(block: number): Xoroshiro128Plus {
    if (block < this.at) throw new RangeError('simulation: blocks must be asked for in increasing order');
    for (; this.at < block; this.at++) this.start.jump();
    return this.start.clone();
  }
}

/** Buffers a runner reuses from block to block. */
export interface Scratch {
  miningFactor: Float64Array;
  rentFactor: Float64Array;
  /** Per option: its cash by month, the months after `variesUntil` evaluated once, here. */
  cash: Float64Array[];
  npv: Float64Array;
  /** The modelled network, reset on each path (null with the trend). */
  model: NetworkModel | null;
  /** A path's BTC/USD and hashrate (noise) over their deterministic paths at each month's end: logs, then ratios. */
  btc: Float64Array;
  noise: Float64Array;
  /** A path's normal draws (drawLogs). */
  z: Float64Array;
}

export const scratchFor = (plan: SimulationPlan): Scratch => ({
  model: plan.network
    ? new NetworkModel(plan.network.params, plan.network.hashrateEhs0, plan.network.hashprice0UsdPerPhDay)
    : null,
  btc: new Float64Array(plan.months + 1),
  noise: new Float64Array(plan.months + 1),
  z: new Float64Array(3 * plan.months),
  miningFactor: new Float64Array(plan.months + 1),
  rentFactor: new Float64Array(plan.months + 1),
  cash: plan.options.map((o) =>
    evaluateFlows(
      o.flows,
      plan.taxRate,
      new Float64Array(plan.months + 1),
      null,
      null,
      1,
      o.flows.length,
      false,
    ),
  ),
  npv: new Float64Array(plan.options.length),
});

/** One month's drift and shock sizes (per month, in log terms). */
interface Steps {
  btcDrift: number;
  btcSd: number;
  hashDrift: number;
  hashSd: number;
  rho: number;
  rhoOther: number;
  rentDrift: number;
  rentSd: number;
}

/**
 * One path's draws, month by month: the logs of BTC/USD's and the hashrate's ratios to their deterministic
 * paths at each month's end into `logBtc` and `logHash` (index 0 stays 0), the GPU rent factor (a month's
 * mean) into `rentFactor`; returns the log of BTC/USD's ratio at the horizon. Its own function: called once
 * a path, it is optimized after a few paths rather than after a block's loop.
 */
function drawLogs(
  rng: Xoroshiro128Plus,
  months: number,
  k: Steps,
  logBtc: Float64Array,
  logHash: Float64Array,
  rentFactor: Float64Array,
  /** 3 x months normals, drawn here: month m's BTC, hashrate and rent draws at 3 (m - 1) .. 3 (m - 1) + 2. */
  z: Float64Array,
): number {
  const { btcDrift, btcSd, hashDrift, hashSd, rho, rhoOther, rentDrift, rentSd } = k;
  fillNormals(rng, z, 3 * months);
  let b = 0;
  let h = 0;
  let logRent = 0;
  let previousRent = 1;
  for (let m = 1; m <= months; m++) {
    const zBtc = z[3 * m - 3] as number;
    const zHash = z[3 * m - 2] as number;
    const zRent = z[3 * m - 1] as number;
    b += btcDrift + btcSd * zBtc;
    h += hashDrift + hashSd * (rho * zBtc + rhoOther * zHash);
    logRent += rentDrift + rentSd * zRent;
    logBtc[m] = b;
    logHash[m] = h;
    const rent = Math.exp(logRent);
    rentFactor[m] = (previousRent + rent) / 2;
    previousRent = rent;
  }
  return b;
}

/**
 * The trend's mining factors (`--network trend`): BTC's ratio over the hashrate's random walk, each month the
 * mean of its start and end values (index 0 stays 1).
 */
function trendFactors(
  months: number,
  logBtc: Float64Array,
  logHash: Float64Array,
  miningFactor: Float64Array,
) {
  let previousMining = 1;
  for (let m = 1; m <= months; m++) {
    const mining = Math.exp((logBtc[m] as number) - (logHash[m] as number));
    miningFactor[m] = (previousMining + mining) / 2;
    previousMining = mining;
  }
}

/** The responding network's inputs (respondingMiningFactors) from the logs, in place: ratios, index 0 at 1. */
function ratiosOf(months: number, logs: Float64Array): Float64Array {
  logs[0] = 1;
  for (let m = 1; m <= months; m++) logs[m] = Math.exp(logs[m] as number);
  return logs;
}

/**
 * A path's mining factors (its hashprice over the deterministic one, month by month) with the network
 * answering the path's hashprice through the same model as the deterministic chain. `btc[m]` and `noise[m]`
 * are the path's BTC/USD and hashrate noise factor over their deterministic values at month m's end
 * (`btc[0] = noise[0] = 1`). Month m (1-based):
 * - the model, reset to today's state, is stepped with the hashprice the path's miners saw (today's in
 *   month 1, the path's month m - 1 after that, as the chain feeds it) and gives the path's hashrate at the
 *   month's end, N'_m (floored as in the chain), times the noise: H'_m = N'_m x noise[m];
 * - difficulty follows hashrate one retarget behind: month m's mean difficulty is taken to scale with the
 *   hashrate at month m - 1's end (a retarget every ~2 weeks on the mean of the epoch before: a lag of about
 *   two weeks to a month), so the factor is (btc[m - 1] + btc[m]) / 2 (BTC, the month's mean, as on the trend)
 *   x N_(m-1) / H'_(m-1) (1 in month 1), that ratio held within 1/4 to 4 (a retarget's clamp: a network that
 *   all but switches off finds its blocks so slowly that its difficulty takes months to follow);
 * - the path's month m hashprice is the chain's times that factor, and feeds the model in month m + 1.
 * With btc and noise all 1 the model is fed the chain's own numbers, returns its own hashrates, and every
 * factor is exactly 1. Allocation-free.
 */
/** Bitcoin Core's clamp on one retarget: difficulty moves by at most 4x either way. */
const MAX_RETARGET = 4;

export function respondingMiningFactors(
  network: NetworkPlan,
  model: NetworkModel,
  btc: ArrayLike<number>,
  noise: ArrayLike<number>,
  months: number,
  miningFactor: Float64Array,
): void {
  // The model runs the months itself (NetworkModel.respondPath: the rule above, its state in locals).
  model.respondPath(
    network.hashrateEhs0,
    network.hashprice0UsdPerPhDay,
    network.floorHs,
    network.hashrateHs,
    network.hashpriceUsdPerPhDay,
    btc,
    noise,
    months,
    MAX_RETARGET,
    miningFactor,
  );
}

/**
 * Runs block `block` (paths block * BLOCK_PATHS onwards, `paths` of them) with the generator at its start;
 * adds each path to `sketches` and returns the block's moments and counts.
 */
export function simulateBlock(
  plan: SimulationPlan,
  rng: Xoroshiro128Plus,
  block: number,
  paths: number,
  sketches: Sketches,
  scratch: Scratch = scratchFor(plan),
): BlockResult {
  const { months, options } = plan;
  const dt = 1 / 12;
  // Mean: the drift that keeps E[S] on the deterministic path; median: none (the median on it).
  const btcDrift = plan.btcDrift === 'median' ? 0 : -0.5 * plan.btcVolPerYear * plan.btcVolPerYear * dt;
  const btcSd = plan.btcVolPerYear * Math.sqrt(dt);
  const hashDrift = -0.5 * plan.difficultyVolPerYear * plan.difficultyVolPerYear * dt;
  const hashSd = plan.difficultyVolPerYear * Math.sqrt(dt);
  const rho = plan.difficultyBtcCorrelation;
  const rhoOther = Math.sqrt(1 - rho * rho);
  const rentDrift = -0.5 * plan.gpuPriceVolPerYear * plan.gpuPriceVolPerYear * dt;
  const rentSd = plan.gpuPriceVolPerYear * Math.sqrt(dt);
  const btcDeterministicAtHorizon = plan.btcUsd0 * power(1 + plan.btcGrowthPerYear, months / 12);
  const miningIndex = options.findIndex((o) => o.id === 'mining');
  // npvMonthly(annual, cash) is npv(monthlyRate(annual), cash): the rate once per block, the same figures.
  const monthlyOf = options.map((o) => monthlyRate(o.annualDiscountRate ?? plan.annualDiscountRate));
  const { miningFactor, rentFactor, npv } = scratch;
  const { network } = plan;
  miningFactor[0] = 1;
  rentFactor[0] = 1;

  const result: BlockResult = {
    block,
    paths,
    npv: options.map(emptyMoments),
    beatsMining: options.map(() => 0),
    beats: new Array<number>(options.length * options.length).fill(0),
    noPayback: options.map(() => 0),
    dscrBelowOne: options.map(() => 0),
    dscrBelowCovenant: options.map(() => 0),
    btcAtHorizon: emptyMoments(),
  };
  const steps: Steps = { btcDrift, btcSd, hashDrift, hashSd, rho, rhoOther, rentDrift, rentSd };
  for (let p = 0; p < paths; p++) {
    const { btc: btcs, noise } = scratch;
    btcs[0] = 0;
    noise[0] = 0;
    const logBtc = drawLogs(rng, months, steps, btcs, noise, rentFactor, scratch.z);
    if (network)
      respondingMiningFactors(
        network,
        scratch.model as NetworkModel,
        ratiosOf(months, btcs),
        ratiosOf(months, noise),
        months,
        miningFactor,
      );
    else trendFactors(months, btcs, noise, miningFactor);
    const btc = btcDeterministicAtHorizon * Math.exp(logBtc);
    addMoment(result.btcAtHorizon, btc);
    addToSketch(sketches.btcAtHorizon, btc);
    for (let o = 0; o < options.length; o++) {
      const option = options[o] as SimulationPlan['options'][number];
      const cash = scratch.cash[o] as Float64Array;
      evaluateFlows(
        option.flows,
        plan.taxRate,
        cash,
        miningFactor,
        option.rentIsRandom ? rentFactor : null,
        1,
        option.variesUntil,
        false,
      );
      const value = npvAt(monthlyOf[o] as number, cash);
      npv[o] = value;
      addMoment(result.npv[o] as Moments, value);
      addToSketch(sketches.npv[o] as Sketch, value);
      // Payback without the residual value (it is not cash received): taken out of the last month and put back.
      const last = cash.length - 1;
      const withResidual = cash[last] as number;
      cash[last] = withResidual - option.residualUsd;
      if (paybackMonths(cash) === null) (result.noPayback[o] as number)++;
      cash[last] = withResidual;
      const debt = option.debt;
      if (debt) {
        const lowest = minDscrOfCash(cash, option.flows.capex, option.flows.other, debt.service);
        if (lowest < 1) (result.dscrBelowOne[o] as number)++;
        if (lowest < debt.covenant) (result.dscrBelowCovenant[o] as number)++;
      }
    }
    const miningNpv = npv[miningIndex] as number;
    for (let o = 0; o < options.length; o++) {
      const value = npv[o] as number;
      if (value > miningNpv) (result.beatsMining[o] as number)++;
      for (let q = 0; q < options.length; q++)
        if (value > (npv[q] as number)) (result.beats[o * options.length + q] as number)++;
    }
  }
  return result;
}

/** Figures of one quantity over the paths. */
export interface Distribution {
  mean: number;
  /** Standard error of the mean: sample sd / sqrt(paths). */
  standardError: number;
  p5: number;
  p25: number;
  p50: number;
  p75: number;
  p95: number;
  min: number;
  max: number;
}

function distribution(m: Moments, s: Sketch): Distribution {
  return {
    mean: m.mean,
    standardError: m.count > 0 ? standardDeviation(m) / Math.sqrt(m.count) : 0,
    p5: quantile(s, 0.05),
    p25: quantile(s, 0.25),
    p50: quantile(s, 0.5),
    p75: quantile(s, 0.75),
    p95: quantile(s, 0.95),
    min: m.min,
    max: m.max,
  };
}

export interface SimulatedOption {
  id: OptionId;
  npvUsd: Distribution;
  /** Share of paths where this option's NPV is above keeping mining's (0 for mining itself). */
  probabilityBeatsMining: number;
  /** Share of paths where cumulative cash never turns non-negative within the horizon, after going below. */
  probabilityNoPayback: number;
  /** Share of paths where this option's NPV is above each other option's. */
  probabilityBeats: Partial<Record<OptionId, number>>;
  /** With a loan: the share of paths whose lowest yearly DSCR is below 1, and below the covenant. */
  probabilityDscrBelowOne?: number;
  probabilityDscrBelowCovenant?: number;
}

export interface SimulationResult {
  paths: number;
  seed: number;
  /** The network answered each path's hashprice (the model), rather than a random walk around the trend. */
  respondingNetwork: boolean;
  options: SimulatedOption[];
  btcUsdAtHorizon: Distribution;
  /** Sketches of each option's NPV (for a histogram). */
  sketches: Sketches;
}

/**
 * Merges block results, which must come in block order (0, 1, 2 ...), and the workers' sketches (any
 * order): the figures depend on the seed and the paths only, never on how blocks were shared out.
 */
export class SimulationTotals {
  private readonly npv: Moments[];
  private readonly beats: number[];
  private readonly pairs: number[];
  private readonly noPayback: number[];
  private readonly dscrBelowOne: number[];
  private readonly dscrBelowCovenant: number[];
  private readonly btc = emptyMoments();
  private readonly sketches: Sketches;
  private nextBlock = 0;
  paths = 0;
  constructor(private readonly plan: SimulationPlan) {
    this.npv = plan.options.map(emptyMoments);
    this.beats = plan.options.map(() => 0);
    this.pairs = new Array<number>(plan.options.length * plan.options.length).fill(0);
    this.noPayback = plan.options.map(() => 0);
    this.dscrBelowOne = plan.options.map(() => 0);
    this.dscrBelowCovenant = plan.options.map(() => 0);
    this.sketches = emptySketches(plan.options.length);
  }
  addBlock(r: BlockResult): void {
    if (r.block !== this.nextBlock) throw new RangeError(`simulation: block ${r.block} out of order`);
    this.nextBlock++;
    this.paths += r.paths;
    for (let o = 0; o < r.npv.length; o++) {
      mergeMoments(this.npv[o] as Moments, r.npv[o] as Moments);
      this.beats[o] = (this.beats[o] as number) + (r.beatsMining[o] as number);
      this.noPayback[o] = (this.noPayback[o] as number) + (r.noPayback[o] as number);
      this.dscrBelowOne[o] = (this.dscrBelowOne[o] as number) + (r.dscrBelowOne[o] as number);
      this.dscrBelowCovenant[o] = (this.dscrBelowCovenant[o] as number) + (r.dscrBelowCovenant[o] as number);
    }
    for (let k = 0; k < this.pairs.length; k++)
      this.pairs[k] = (this.pairs[k] as number) + (r.beats[k] as number);
    mergeMoments(this.btc, r.btcAtHorizon);
  }
  addSketches(s: Sketches): void {
    for (let o = 0; o < s.npv.length; o++) mergeSketch(this.sketches.npv[o] as Sketch, s.npv[o] as Sketch);
    mergeSketch(this.sketches.btcAtHorizon, s.btcAtHorizon);
  }
  result(): SimulationResult {
    const n = this.paths;
    return {
      paths: n,
      seed: this.plan.seed,
      respondingNetwork: this.plan.network !== null,
      options: this.plan.options.map((o, i) => ({
        id: o.id,
        npvUsd: distribution(this.npv[i] as Moments, this.sketches.npv[i] as Sketch),
        probabilityBeatsMining: (this.beats[i] as number) / n,
        probabilityNoPayback: (this.noPayback[i] as number) / n,
        probabilityBeats: Object.fromEntries(
          this.plan.options
            .map(
              (other, j) => [other.id, (this.pairs[i * this.plan.options.length + j] as number) / n] as const,
            )
            .filter(([id]) => id !== o.id),
        ),
        ...(o.debt
          ? {
              probabilityDscrBelowOne: (this.dscrBelowOne[i] as number) / n,
              probabilityDscrBelowCovenant: (this.dscrBelowCovenant[i] as number) / n,
            }
          : {}),
      })),
      btcUsdAtHorizon: distribution(this.btc, this.sketches.btcAtHorizon),
      sketches: this.sketches,
    };
  }
}

/** The blocks of a run: [block, paths in it]. */
export function blocksOf(paths: number): [number, number][] {
  const blocks: [number, number][] = [];
  for (let b = 0; b * BLOCK_PATHS < paths; b++)
    blocks.push([b, Math.min(BLOCK_PATHS, paths - b * BLOCK_PATHS)]);
  return blocks;
}

/** The whole run in this thread, block by block (tests, small runs; a pool does the same in workers). */
export function simulate(plan: SimulationPlan, paths: number): SimulationResult {
  const totals = new SimulationTotals(plan);
  const streams = new BlockStreams(plan.seed);
  const sketches = emptySketches(plan.options.length);
  const scratch = scratchFor(plan);
  for (const [block, count] of blocksOf(paths))
    totals.addBlock(simulateBlock(plan, streams.forBlock(block), block, count, sketches, scratch));
  totals.addSketches(sketches);
  return totals.result();
}
