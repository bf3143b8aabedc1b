/**
 * The chain over the coming months, simulated by difficulty epochs (2016 blocks): network hashrate grows by a
 * constant share a month (or answers hashprice: network-model.ts), each block takes D * 2^32 / H seconds, difficulty resets at every retarget by
 * Bitcoin Core's rule (the span of an epoch covers 2015 intervals; clamped to 4x), and the subsidy halves on
 * its block. What it yields, per month: the hashprice integrated over the month (USD per PH/s over the
 * month, i.e. sum of hashprice x days) and the height at the month's end. Pure and deterministic.
 */
import {
  HALVING_INTERVAL_BLOCKS,
  HASHES_PER_DIFFICULTY,
  RETARGET_INTERVAL_BLOCKS,
  retargetDifficulty,
  subsidyBtc,
  TARGET_BLOCK_INTERVAL_SEC,
} from './bitcoin.js';
import { hashpriceBtcPerPhDay } from './hashprice.js';
import { NetworkModel, type NetworkModelParams } from './network-model.js';
import { type MonthPath, pathAt } from './price-path.js';
import { powersOf } from './units.js';

/** A month is a twelfth of a 365-day year, as in the per-year economics (8760 h). */
export const MONTH_SEC = (365 / 12) * 86_400;
export const MONTH_DAYS = 365 / 12;

export interface ChainInputs {
  /** Today's tip height. */
  heightBlocks: number;
  difficulty: number;
  btcUsd: number;
  avgFeesBtcPerBlock: number;
  /** Network hashrate growth per month, a fraction (0.01 = +1%/month); may be negative. */
  difficultyGrowthPerMonth: number;
  /**
   * The network's response to hashprice (network-model.ts): each month's hashrate from the fleets that earn
   * their power at the previous month's hashprice and the hashrate new machines add; null or absent: the
   * constant growth above (`--network trend`).
   */
  networkModel?: NetworkModelParams | null;
  /** BTC/USD growth per year, a fraction. */
  btcGrowthPerYear: number;
  /** A realized BTC/USD path instead of the growth (the backtest): USD at t seconds from the start. */
  btcUsdAt?: (tSec: number) => number;
  /** Fees per block (in BTC) growth per year, a fraction. */
  feesGrowthPerYear: number;
  months: number;
  /**
   * An analyst's BTC/USD by month (index m - 1 for month m; null: not given): replaces the growth path in the
   * months it covers, constant over each; later months continue from its last value at btcGrowthPerYear.
   */
  btcUsdPath?: MonthPath;
  /** The same for the fees per block, in BTC (continuing at feesGrowthPerYear). */
  feesBtcPerBlockPath?: MonthPath;
}

export interface ChainMonth {
  /** 1-based: month m ends at m months from now. */
  month: number;
  /** Height at the month's end (whole blocks expected). */
  heightBlocks: number;
  /** Difficulty at the month's end. */
  difficulty: number;
  /** Network hashrate at the month's end, EH/s. */
  networkHashrateEhs: number;
  /** BTC/USD at the month's end. */
  btcUsd: number;
  /** Hashprice integrated over the month: sum over the month of USD per PH/s per day x days. */
  usdPerPhOverMonth: number;
  /** The same in BTC. */
  btcPerPhOverMonth: number;
  /** Mean hashprice over the month, USD per PH/s per day. */
  hashpriceUsdPerPhDay: number;
  /** Retargets that happened in the month. */
  retargets: number;
  /** A halving happened in the month. */
  halving: boolean;
}

export interface ChainProjection {
  months: ChainMonth[];
  /** Month (1-based, fractional) in which the next halving lands; null beyond the horizon. */
  halvingMonth: number | null;
  halvingHeight: number;
  /**
   * The modelled network's run (absent with the trend), for the Monte Carlo to step the same model per path:
   * the model starts from `hashrateEhs0` at `hashprice0UsdPerPhDay` (today's), is stepped in month 1 with
   * today's hashprice and in month m > 1 with month m - 1's `hashpriceUsdPerPhDay`, and month m ends at
   * `hashrateHs[m - 1]`: its step times 1e18, never below `floorHs`.
   */
  network?: { hashrateEhs0: number; hashprice0UsdPerPhDay: number; floorHs: number; hashrateHs: number[] };
}

/**
 * Blocks found and time taken within a segment at a constant difficulty, the hashrate growing continuously at
 * rate k per second from `hashrateHs` at the segment's start: H(s) = H e^(k s). Blocks in dt seconds are
 * integral of H(s) ds over [0, dt] / (D x 2^32) = H (e^(k dt) - 1) / (k D 2^32); the time to n blocks solves
 * that for dt: ln(1 + n k D 2^32 / H) / k, Infinity when a falling hashrate never finds them (the argument
 * <= 0). k = 0 is the flat limit n D 2^32 / H. Math.exp and Math.log only, whose bits Node 20 and 24 share
 * (units.ts, power()); their cancellation near k dt = 0 costs under 1e-10 of a block a segment.
 */
export function segmentClock(difficulty: number, hashrateHs: number, k: number) {
  const hashesPerBlock = difficulty * HASHES_PER_DIFFICULTY;
  return {
    blocksIn: (dtSec: number) =>
      k === 0
        ? (dtSec * hashrateHs) / hashesPerBlock
        : (hashrateHs * (Math.exp(k * dtSec) - 1)) / (k * hashesPerBlock),
    secondsFor: (blocks: number) => {
      if (k === 0) return (blocks * hashesPerBlock) / hashrateHs;
      const x = (blocks * k * hashesPerBlock) / hashrateHs;
      return x > -1 ? Math.log(1 + x) / k : Number.POSITIVE_INFINITY;
    },
  };
}

/**
 * Simulates the chain month by month. Within a segment (between a month end, a retarget and a halving) the
 * difficulty is constant and the hashrate grows continuously, integrated exactly (segmentClock); price and
 * fees are taken at the segment's midpoint (a price deck's month value, where it has one: price-path.ts).
 */
export function projectChain(inputs: ChainInputs): ChainProjection {
  const h0 = (inputs.difficulty * HASHES_PER_DIFFICULTY) / TARGET_BLOCK_INTERVAL_SEC;
  const growth = 1 + inputs.difficultyGrowthPerMonth;
  const growthTo = powersOf(growth);
  // Continuous growth per second: H(t) = h0 e^(k t) = h0 growth^(t / month).
  const trendK = growth === 1 ? 0 : Math.log(growth) / MONTH_SEC;
  const yearSec = 365 * 86_400;
  const deckBtcAt = pathAt(inputs.btcUsd, inputs.btcGrowthPerYear, inputs.btcUsdPath, MONTH_SEC, yearSec);
  // A backtest's realized price path (btcUsdAt) replaces the stated one.
  const btcUsdAt = inputs.btcUsdAt;
  const btcAt = btcUsdAt ? (tSec: number, _monthIndex?: number) => btcUsdAt(tSec) : deckBtcAt;
  const feesAt = pathAt(
    inputs.avgFeesBtcPerBlock,
    inputs.feesGrowthPerYear,
    inputs.feesBtcPerBlockPath,
    MONTH_SEC,
    yearSec,
  );
  // The modelled network: within month m the hashrate moves exponentially from the month's start value to the
  // value the model sets for it from month m - 1's mean hashprice (today's for the first month).
  const hashprice0 = inputs.networkModel
    ? hashpriceBtcPerPhDay(inputs.difficulty, subsidyBtc(inputs.heightBlocks) + feesAt(0)) * btcAt(0)
    : 0;
  const model = inputs.networkModel ? new NetworkModel(inputs.networkModel, h0 / 1e18, hashprice0) : null;
  // A network with nothing left online still has its cheapest miners: never below a millionth of today's.
  const floorHs = h0 * 1e-6;
  const modelHs: number[] = [];
  let monthStartSec = 0;
  let monthStartHs = h0;
  let k = trendK;
  const hashrateAt = model
    ? (tSec: number) => monthStartHs * Math.exp(k * (tSec - monthStartSec))
    : (tSec: number) => h0 * growthTo(tSec / MONTH_SEC);
  let previousHashprice = hashprice0;

  let height = inputs.heightBlocks;
  let difficulty = inputs.difficulty;
  const epochStart = height - (height % RETARGET_INTERVAL_BLOCKS);
  // The blocks of the current epoch already found are taken to have come at today's rate.
  let epochElapsedSec = (height - epochStart) * ((difficulty * HASHES_PER_DIFFICULTY) / h0);
  let nextRetarget = epochStart + RETARGET_INTERVAL_BLOCKS;
  const halvingHeight = (Math.floor(height / HALVING_INTERVAL_BLOCKS) + 1) * HALVING_INTERVAL_BLOCKS;
  let nextHalving = halvingHeight;
  let halvingMonth: number | null = null;

  const months: ChainMonth[] = [];
  let t = 0;
  for (let m = 1; m <= inputs.months; m++) {
    const end = m * MONTH_SEC;
    if (model) {
      monthStartSec = t;
      monthStartHs = hashrateAt(t);
      const endHs = Math.max(model.step(previousHashprice) * 1e18, floorHs);
      modelHs.push(endHs);
      k = Math.log(endHs / monthStartHs) / (end - t);
    }
    let usd = 0;
    let btc = 0;
    let retargets = 0;
    let halving = false;
    while (t < end - 1e-6) {
      const clock = segmentClock(difficulty, hashrateAt(t), k);
      const boundary = Math.min(nextRetarget, nextHalving);
      const toBoundarySec = clock.secondsFor(boundary - height);
      const dt = Math.min(end - t, toBoundarySec);
      const mid = t + dt / 2;
      const reward = subsidyBtc(Math.floor(height)) + feesAt(mid);
      const btcPerPhDay = hashpriceBtcPerPhDay(difficulty, reward);
      const days = dt / 86_400;
      btc += btcPerPhDay * days;
      usd += btcPerPhDay * btcAt(mid) * days;
      height += clock.blocksIn(dt);
      epochElapsedSec += dt;
      t += dt;
      if (dt === toBoundarySec || Math.abs(height - boundary) < 1e-9) {
        height = boundary;
        if (boundary === nextHalving) {
          halving = true;
          halvingMonth ??= m - 1 + (t - (m - 1) * MONTH_SEC) / MONTH_SEC;
          nextHalving += HALVING_INTERVAL_BLOCKS;
        }
        if (boundary === nextRetarget) {
          // pow.cpp: the span from the epoch's first to its last block covers 2015 of its 2016 intervals.
          const spanSec = (epochElapsedSec * (RETARGET_INTERVAL_BLOCKS - 1)) / RETARGET_INTERVAL_BLOCKS;
          difficulty = retargetDifficulty(difficulty, spanSec);
          epochElapsedSec = 0;
          nextRetarget += RETARGET_INTERVAL_BLOCKS;
          retargets++;
        }
      }
    }
    if (model) previousHashprice = usd / MONTH_DAYS;
    months.push({
      month: m,
      heightBlocks: Math.floor(height),
      difficulty,
      networkHashrateEhs: hashrateAt(end) / 1e18,
      btcUsd: btcAt(end, m - 1),
      usdPerPhOverMonth: usd,
      btcPerPhOverMonth: btc,
      hashpriceUsdPerPhDay: usd / MONTH_DAYS,
      retargets,
      halving,
    });
  }
  return {
    months,
    halvingMonth,
    halvingHeight,
    ...(model
      ? {
          network: {
            hashrateEhs0: h0 / 1e18,
            hashprice0UsdPerPhDay: hashprice0,
            floorHs,
            hashrateHs: modelHs,
          },
        }
      : {}),
  };
}
