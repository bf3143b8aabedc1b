import { BTC_MONTHLY_CLOSE_USD } from '../catalog/btc-monthly.js';
import { DIFFICULTY_EPOCHS } from '../catalog/difficulty-epochs.js';
import {
  CLOSE_BASIS_PREFIX,
  EMBEDDED_SNAPSHOT,
  EPOCH_BASIS_PREFIX,
  SNAPSHOT_BASIS,
} from '../catalog/snapshot.js';
import { epochStartTimes } from '../core/history.js';
import type { NetworkQuantity, NetworkSnapshot, Sourced } from './types.js';

type EpochRow = readonly [number, number | null, number];

/** The newest embedded epoch: its start height, difficulty and start time (estimated where the source ends). */
export interface NewestEpoch {
  startHeight: number;
  difficulty: number;
  startMs: number;
  estimated: boolean;
}

export function newestEpoch(epochs: readonly EpochRow[] = DIFFICULTY_EPOCHS): NewestEpoch | null {
  const rows = epochs.map(([startHeight, startTimeUnix, difficulty]) => ({
    startHeight,
    startTimeUnix,
    difficulty,
  }));
  const last = rows.at(-1);
  const time = epochStartTimes(rows).at(-1);
  if (!last || !time) return null;
  return {
    startHeight: last.startHeight,
    difficulty: last.difficulty,
    startMs: Math.round(time.timeUnix) * 1000,
    estimated: time.estimated,
  };
}

/** The newest embedded monthly BTC/USD close: its month, price and time (00:00 UTC on the next month's first). */
export interface NewestClose {
  /** YYYY-MM. */
  month: string;
  usd: number;
  asOfMs: number;
}

export function newestClose(
  closes: readonly (readonly [string, number])[] = BTC_MONTHLY_CLOSE_USD,
): NewestClose | null {
  const last = closes.at(-1);
  if (!last) return null;
  const [y, m] = last[0].split('-').map(Number) as [number, number];
  // The close of month m is the price at 00:00 UTC on the first of month m + 1 (Date.UTC's month is 0-based).
  return { month: last[0], usd: last[1], asOfMs: Date.UTC(y, m, 1) };
}

/**
 * The network as embedded, what offline runs use: the snapshot (src/catalog/snapshot.ts), with the height and
 * difficulty of the newest embedded difficulty epoch when that epoch began after the snapshot's date, and the
 * price of the newest embedded monthly close when that close is after the snapshot's date. Each quantity keeps
 * its own date: fees stay the snapshot's.
 */
export function embeddedSnapshot(
  epochs: readonly EpochRow[] = DIFFICULTY_EPOCHS,
  closes: readonly (readonly [string, number])[] = BTC_MONTHLY_CLOSE_USD,
): NetworkSnapshot {
  const asOfMs = Date.parse(EMBEDDED_SNAPSHOT.asOf);
  const epoch = newestEpoch(epochs);
  const newer =
    epoch !== null && epoch.startMs > asOfMs && epoch.startHeight > EMBEDDED_SNAPSHOT.heightBlocks;
  const close = newestClose(closes);
  const newerClose = close !== null && close.asOfMs > asOfMs ? close : null;
  const at = (quantity: NetworkQuantity): Sourced<number> =>
    newer && (quantity === 'difficulty' || quantity === 'heightBlocks')
      ? {
          value: quantity === 'difficulty' ? epoch.difficulty : epoch.startHeight,
          source: 'snapshot',
          asOfMs: epoch.startMs,
          basis: epochBasis(quantity, epoch),
        }
      : newerClose && quantity === 'btcUsd'
        ? {
            value: newerClose.usd,
            source: 'snapshot',
            asOfMs: newerClose.asOfMs,
            basis: closeBasis(newerClose),
          }
        : {
            value: EMBEDDED_SNAPSHOT[quantity],
            source: 'snapshot',
            asOfMs,
            basis: SNAPSHOT_BASIS[quantity],
          };
  return {
    heightBlocks: at('heightBlocks'),
    difficulty: at('difficulty'),
    btcUsd: at('btcUsd'),
    avgFeesBtcPerBlock: at('avgFeesBtcPerBlock'),
    estimatedHashrateHs: { value: EMBEDDED_SNAPSHOT.estimatedHashrateHs, source: 'snapshot', asOfMs },
    retarget: null,
    pools: null,
  };
}

function closeBasis(close: NewestClose): string {
  const date = new Date(close.asOfMs).toISOString().slice(0, 10);
  return `${CLOSE_BASIS_PREFIX}: BTC/USD at 00:00 UTC on ${date}, the ${close.month} close (Bitstamp, compiled by typedcypher/historical-bitcoin-prices; exchange price)`;
}

function epochBasis(quantity: 'difficulty' | 'heightBlocks', epoch: NewestEpoch): string {
  const date = new Date(epoch.startMs).toISOString().slice(0, 10);
  const when = epoch.estimated ? `~${date}, the date estimated from the retarget rule` : date;
  return quantity === 'difficulty'
    ? `${EPOCH_BASIS_PREFIX}, from block ${epoch.startHeight} (${when}; Electrum checkpoints, primary)`
    : `${EPOCH_BASIS_PREFIX}: its first block, ${epoch.startHeight} (${when})`;
}

/**
 * Values the user gives (flags, or HASHCALC_* / scenario / config values, all labelled 'flag') win over any
 * source; they are "as of" the moment of the run. A given difficulty drops the source's estimated hashrate:
 * that estimate belongs to another difficulty, and mixing the two is the classic hashprice mistake.
 */
export function applyOverrides(
  snapshot: NetworkSnapshot,
  overrides: Partial<Record<NetworkQuantity, number>>,
  nowMs: number,
): NetworkSnapshot {
  const next = { ...snapshot };
  for (const [name, value] of Object.entries(overrides) as [NetworkQuantity, number | undefined][]) {
    if (value !== undefined) next[name] = { value, source: 'flag', asOfMs: nowMs };
  }
  if (overrides.difficulty !== undefined) next.estimatedHashrateHs = null;
  return next;
}
