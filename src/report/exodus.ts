/**
 * The `exodus` document: what the network sees when hashrate leaves (the retarget's delay and change, the
 * uplift for those who stay, the hourly security yardstick, pool concentration), from the core's figures.
 * Its schema is in exodus-schema.ts (zod is loaded only by tests and the build, never on a command's path).
 */

import type { Concentration, ExodusResult } from '../core/network.js';
import { DOCUMENT_VERSIONS } from './documents.js';
import type { ExodusReport } from './exodus-schema.js';

export interface ExodusContext {
  network: ExodusReport['network'];
  leaving: ExodusReport['leaving'];
  leavingEhs: number;
  networkEhs: number;
  estimatedNetworkEhs: number | null;
  blocksIntoEpoch: number;
  blocksIntoEpochBasis: ExodusReport['blocksIntoEpochBasis'];
  hashpriceUsdPerPhDay: number;
  stayingFleet: ExodusReport['stayingFleet'];
  pools: { before: Concentration; after: Concentration | null; pool: string | null } | null;
  poolsNote: string | null;
}

/** "10 min 14 s", "7.2 days". */
function minutesSeconds(sec: number): string {
  const m = Math.floor(sec / 60);
  const s = Math.round(sec - m * 60);
  return m > 0 ? `${m} min ${s} s` : `${s} s`;
}

const percentText = (fraction: number) => `${Math.abs(fraction * 100).toFixed(1)}%`;

export function exodusReport(context: ExodusContext, result: ExodusResult): ExodusReport {
  const days = result.secondsToRetarget / 86_400;
  const change = result.difficultyChange;
  const next = result.nextEpoch;
  const moves = (c: number) => (c < 0 ? 'falls' : 'rises');
  const more = (u: number) => (u >= 0 ? 'more' : 'less');
  // Both steps: the retarget sees part of the epoch at the old rate; the epoch after catches up on the rest.
  const summary =
    `If ${context.leaving.basis === 'ehs' ? `${context.leavingEhs.toFixed(1)} EH/s` : `${context.leaving.description}, ${context.leavingEhs.toFixed(1)} EH/s,`} leaves now, blocks take ` +
    `${minutesSeconds(result.blockIntervalAfterSec)} until the retarget in about ${days.toFixed(1)} days; ` +
    `difficulty then ${moves(change)} about ${percentText(change)}${result.clamped ? ' (the 4x clamp)' : ''} at that retarget ` +
    `and ${moves(next.difficultyChange)} about ${percentText(next.difficultyChange)}${next.clamped ? ' (the 4x clamp)' : ''} at the one after, ` +
    `${next.difficultyChangeFromNow < 0 ? 'down' : 'up'} ${percentText(next.difficultyChangeFromNow)} in all, ` +
    `and the remaining miners earn about ${percentText(result.hashpriceUpliftAfterRetarget)} ${more(result.hashpriceUpliftAfterRetarget)} per PH/s after the first ` +
    `and ${percentText(next.hashpriceUpliftFromNow)} ${more(next.hashpriceUpliftFromNow)} after both`;
  const pools = context.pools;
  return {
    schemaVersion: DOCUMENT_VERSIONS.exodus,
    command: 'exodus',
    network: context.network,
    leaving: context.leaving,
    leavingEhs: context.leavingEhs,
    networkEhs: context.networkEhs,
    estimatedNetworkEhs: context.estimatedNetworkEhs,
    leavingShare: result.leavingShare,
    leavingShareOfEstimated:
      context.estimatedNetworkEhs === null ? null : context.leavingEhs / context.estimatedNetworkEhs,
    blocksIntoEpoch: context.blocksIntoEpoch,
    blocksIntoEpochBasis: context.blocksIntoEpochBasis,
    blockIntervalBeforeSec: result.blockIntervalBeforeSec,
    blockIntervalAfterSec: result.blockIntervalAfterSec,
    secondsToRetarget: result.secondsToRetarget,
    secondsToRetargetSd: result.secondsToRetargetSd,
    retargetDelaySec: result.retargetDelaySec,
    difficultyChange: result.difficultyChange,
    difficultyChangeClamped: result.clamped,
    nextEpoch: result.nextEpoch,
    hashpriceUsdPerPhDay: context.hashpriceUsdPerPhDay,
    hashpriceUpliftAfterRetarget: result.hashpriceUpliftAfterRetarget,
    hashpriceAfterRetargetUsdPerPhDay: result.hashpriceAfterRetargetUsdPerPhDay,
    stayingFleet: context.stayingFleet,
    networkRevenueUsdPerHour: result.networkRevenueUsdPerHour,
    pools: pools
      ? {
          window: '1w',
          before: pools.before,
          after: pools.after,
          pool: pools.pool,
          nakamotoCoefficient: pools.before.nakamotoCoefficient,
          hhi: pools.before.hhi,
          topShare: pools.before.topShare,
          top2Share: pools.before.top2Share,
        }
      : null,
    poolsNote: context.poolsNote,
    summary,
  };
}
