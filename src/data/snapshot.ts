import { EMBEDDED_SNAPSHOT } from '../catalog/snapshot.js';
import type { NetworkQuantity, NetworkSnapshot, Sourced } from './types.js';

/** The embedded snapshot as a NetworkSnapshot. */
export function embeddedSnapshot(): NetworkSnapshot {
  const asOfMs = Date.parse(EMBEDDED_SNAPSHOT.asOf);
  const at = <T>(value: T): Sourced<T> => ({ value, source: 'snapshot', asOfMs });
  return {
    heightBlocks: at(EMBEDDED_SNAPSHOT.heightBlocks),
    difficulty: at(EMBEDDED_SNAPSHOT.difficulty),
    btcUsd: at(EMBEDDED_SNAPSHOT.btcUsd),
    avgFeesBtcPerBlock: at(EMBEDDED_SNAPSHOT.avgFeesBtcPerBlock),
    estimatedHashrateHs: at(EMBEDDED_SNAPSHOT.estimatedHashrateHs),
    retarget: null,
    pools: null,
  };
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
