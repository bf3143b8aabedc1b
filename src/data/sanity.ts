/**
 * Sanity checks applied to every value after parsing, whatever its source (live or cache). A value that
 * fails is a failed source, never a number to compute with: a mempool instance whose Bitcoin node is down
 * reports difficulty and hashrate 0, and a 0 must never become a divisor.
 */
import { FetchFailure } from './http.js';
import type { PoolShares, Quantity, QuantityValues, RetargetEstimate } from './types.js';

export const MAX_HEIGHT = 10_000_000;
export const MAX_DIFFICULTY = 1e18;
export const MAX_BTC_USD = 1e8;
export const MAX_FEES_BTC_PER_BLOCK = 50;
export const MAX_HASHRATE_HS = 1e25;
/** A retarget date must fall between the genesis block and a date no estimate can honestly reach. */
const EARLIEST_MS = Date.UTC(2009, 0, 3);
const LATEST_MS = Date.UTC(2200, 0, 1);

export function invalid(message: string): FetchFailure {
  return new FetchFailure('invalid', message);
}

const finite = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);

export function checkHeight(n: unknown): number {
  if (!finite(n) || !Number.isInteger(n) || n < 1 || n > MAX_HEIGHT)
    throw invalid(`reported an implausible height (${String(n)})`);
  return n;
}

export function checkDifficulty(n: unknown): number {
  if (n === 0) throw invalid('reported difficulty 0 (its Bitcoin node may be down)');
  if (!finite(n) || n <= 0 || n > MAX_DIFFICULTY)
    throw invalid(`reported an implausible difficulty (${String(n)})`);
  return n;
}

export function checkHashrate(n: unknown): number {
  if (n === 0) throw invalid('reported hashrate 0 (its Bitcoin node may be down)');
  if (!finite(n) || n <= 0 || n > MAX_HASHRATE_HS)
    throw invalid(`reported an implausible hashrate (${String(n)} H/s)`);
  return n;
}

export function checkBtcUsd(n: unknown): number {
  if (n === -1) throw invalid('reported no USD price (-1)');
  if (!finite(n) || n <= 0 || n > MAX_BTC_USD)
    throw invalid(`reported an implausible USD price (${String(n)})`);
  return n;
}

export function checkFees(n: unknown): number {
  if (!finite(n) || n < 0 || n > MAX_FEES_BTC_PER_BLOCK)
    throw invalid(`reported implausible fees (${String(n)} BTC per block)`);
  return n;
}

export function checkRetarget(r: RetargetEstimate): RetargetEstimate {
  const ok =
    finite(r.progress) &&
    r.progress >= 0 &&
    r.progress <= 1 &&
    finite(r.estimatedChange) &&
    r.estimatedChange >= -0.75 &&
    r.estimatedChange <= 3 &&
    finite(r.estimatedAtMs) &&
    r.estimatedAtMs > EARLIEST_MS &&
    r.estimatedAtMs < LATEST_MS &&
    Number.isInteger(r.nextRetargetHeight) &&
    r.nextRetargetHeight > 0 &&
    r.nextRetargetHeight % 2016 === 0 &&
    Number.isInteger(r.remainingBlocks) &&
    r.remainingBlocks >= 0 &&
    r.remainingBlocks <= 2016 &&
    finite(r.meanBlockIntervalSec) &&
    r.meanBlockIntervalSec > 0;
  if (!ok) throw invalid('reported an implausible retarget estimate');
  return r;
}

export function checkPools(p: PoolShares): PoolShares {
  const ok =
    Array.isArray(p.pools) &&
    p.pools.length > 0 &&
    p.pools.every((x) => typeof x.name === 'string' && Number.isInteger(x.blockCount) && x.blockCount >= 0) &&
    Number.isInteger(p.blockCount) &&
    p.blockCount > 0 &&
    p.pools.reduce((s, x) => s + x.blockCount, 0) <= p.blockCount * 1.0001;
  if (!ok) throw invalid('reported implausible pool shares');
  // 0 when the instance's node is unreachable: a failed source, never a divisor.
  checkHashrate(p.estimatedHashrateHs);
  return p;
}

/** The check for each quantity, for values read back from the cache. */
export const CHECKS: { [Q in Quantity]: (value: unknown) => QuantityValues[Q] } = {
  heightBlocks: checkHeight,
  difficulty: checkDifficulty,
  btcUsd: checkBtcUsd,
  avgFeesBtcPerBlock: checkFees,
  estimatedHashrateHs: checkHashrate,
  retarget: (value) => {
    if (!value || typeof value !== 'object') throw invalid('retarget estimate is not an object');
    return checkRetarget(value as RetargetEstimate);
  },
  pools: (value) => {
    if (!value || typeof value !== 'object') throw invalid('pool shares are not an object');
    return checkPools(value as PoolShares);
  },
};
