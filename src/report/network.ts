/**
 * Network report documents: what `hashprice` and `network` print as JSON (and what their tables read), shaped
 * from the site layer's network data (src/site/network.ts). Pure; types are the schemas' (schemas.ts).
 */
import {
  CLOSE_BASIS_PREFIX,
  CLOSES_SOURCE_URL,
  EPOCH_BASIS_PREFIX,
  EPOCHS_SOURCE_URL,
  SNAPSHOT_SOURCE_URLS,
} from '../catalog/snapshot.js';
import type { NetworkSnapshot, Sourced } from '../data/types.js';
import type { NetworkData } from '../site/network.js';
import { DOCUMENT_VERSIONS } from './documents.js';
import type { HashpriceReport, NetworkCommandReport, NetworkReport, QuantityProvenance } from './schemas.js';

/** A figure's provenance for output: source, data time, and (live or cached) origin and host. */
export function provenanceOf(q: Sourced<unknown>): QuantityProvenance {
  return {
    source: q.source,
    asOf: new Date(q.asOfMs).toISOString(),
    ...(q.origin ? { origin: q.origin } : {}),
    ...(q.host ? { host: q.host } : {}),
    ...(q.basis ? { basis: q.basis } : {}),
  };
}

/** Whether an embedded figure comes from the newest difficulty epoch rather than the snapshot. */
export function fromEmbeddedEpoch(p: { source: string; basis?: string | undefined }): boolean {
  return p.source === 'snapshot' && (p.basis?.startsWith(EPOCH_BASIS_PREFIX) ?? false);
}

/** Whether an embedded price comes from the newest monthly close rather than the snapshot. */
export function fromEmbeddedClose(p: { source: string; basis?: string | undefined }): boolean {
  return p.source === 'snapshot' && (p.basis?.startsWith(CLOSE_BASIS_PREFIX) ?? false);
}

export interface NetworkAssumption {
  value: number;
  origin: 'flag' | 'live' | 'cache' | 'snapshot';
  asOf: string;
  basis?: string;
  from?: string;
  /** The embedded figure's public source (snapshot only: a live value's source is its host). */
  sourceUrl?: string;
}

/**
 * The network inputs for `assumptionSources`, each with its own date: height, difficulty, price and fees can
 * come from different sources and days (offline: the snapshot's price and fees, the newest epoch's difficulty).
 */
export function networkAssumptions(snapshot: NetworkSnapshot): Record<string, NetworkAssumption> {
  const entry = (q: Sourced<number>, id: keyof typeof SNAPSHOT_SOURCE_URLS): NetworkAssumption => {
    const origin = q.source === 'flag' || q.source === 'cache' || q.source === 'snapshot' ? q.source : 'live';
    const from =
      q.source === 'cache'
        ? `cache (${q.host ?? q.origin})`
        : origin === 'live'
          ? (q.host ?? q.source)
          : undefined;
    return {
      value: q.value,
      origin,
      asOf: new Date(q.asOfMs).toISOString(),
      ...(q.basis ? { basis: q.basis } : {}),
      ...(from ? { from } : {}),
      ...(origin === 'snapshot'
        ? {
            sourceUrl: fromEmbeddedEpoch({ source: q.source, basis: q.basis })
              ? EPOCHS_SOURCE_URL
              : fromEmbeddedClose({ source: q.source, basis: q.basis })
                ? CLOSES_SOURCE_URL
                : SNAPSHOT_SOURCE_URLS[id],
          }
        : {}),
    };
  };
  return {
    heightBlocks: entry(snapshot.heightBlocks, 'heightBlocks'),
    difficulty: entry(snapshot.difficulty, 'difficulty'),
    btcUsd: entry(snapshot.btcUsd, 'btcUsd'),
    avgFeesBtcPerBlock: entry(snapshot.avgFeesBtcPerBlock, 'avgFeesBtcPerBlock'),
  };
}

export function networkReport({ snapshot, figures }: NetworkData): NetworkReport {
  const quantities = [
    snapshot.heightBlocks,
    snapshot.difficulty,
    snapshot.btcUsd,
    snapshot.avgFeesBtcPerBlock,
  ];
  const sources = [...new Set(quantities.map((q) => q.source))];
  const oldest = Math.min(...quantities.map((q) => q.asOfMs));
  const { hashprice } = figures;
  return {
    source: sources.join('+'),
    asOf: new Date(oldest).toISOString(),
    height: snapshot.heightBlocks.value,
    difficulty: snapshot.difficulty.value,
    btcUsd: snapshot.btcUsd.value,
    subsidyBtc: figures.subsidyBtc,
    avgFeesBtcPerBlock: snapshot.avgFeesBtcPerBlock.value,
    feeShare: hashprice.feeShare,
    hashpriceUsdPerPhDay: hashprice.hashpriceUsdPerPhDay,
    hashpriceBtcPerPhDay: hashprice.hashpriceBtcPerPhDay,
    hashpriceUsdPerThDay: hashprice.hashpriceUsdPerThDay,
    hashpriceSatsPerThDay: hashprice.hashpriceSatsPerThDay,
    impliedHashrateEhs: figures.impliedHashrateEhs,
    estimatedHashrateEhs: snapshot.estimatedHashrateHs ? snapshot.estimatedHashrateHs.value / 1e18 : null,
    provenance: {
      height: provenanceOf(snapshot.heightBlocks),
      difficulty: provenanceOf(snapshot.difficulty),
      btcUsd: provenanceOf(snapshot.btcUsd),
      avgFeesBtcPerBlock: provenanceOf(snapshot.avgFeesBtcPerBlock),
    },
  };
}

export function hashpriceReport(data: NetworkData): HashpriceReport {
  const variant = data.hashpriceFromEstimatedHashrate;
  return {
    schemaVersion: DOCUMENT_VERSIONS.hashprice,
    command: 'hashprice',
    ...networkReport(data),
    estimatedHashrateVariant: variant
      ? {
          hashpriceUsdPerPhDay: variant.hashpriceUsdPerPhDay,
          hashpriceBtcPerPhDay: variant.hashpriceBtcPerPhDay,
        }
      : null,
  };
}

/**
 * The `network` document: the hashprice document (every field kept) plus hashrate in H/s, the next retarget
 * and the next halving, with provenance for every network figure.
 */
export function networkCommandReport(data: NetworkData): NetworkCommandReport {
  const { snapshot, figures } = data;
  const {
    schemaVersion: _version,
    command: _command,
    provenance: _provenance,
    ...hashprice
  } = hashpriceReport(data);
  const retarget = snapshot.retarget;
  const halving = data.halving;
  return {
    schemaVersion: DOCUMENT_VERSIONS.network,
    command: 'network',
    ...hashprice,
    impliedHashrateHs: figures.impliedHashrateHs,
    estimatedHashrateHs: snapshot.estimatedHashrateHs ? snapshot.estimatedHashrateHs.value : null,
    retarget: retarget
      ? {
          progress: retarget.value.progress,
          estimatedChange: retarget.value.estimatedChange,
          estimatedAt: new Date(retarget.value.estimatedAtMs).toISOString(),
          nextRetargetHeight: retarget.value.nextRetargetHeight,
          remainingBlocks: retarget.value.remainingBlocks,
          meanBlockIntervalSec: retarget.value.meanBlockIntervalSec,
        }
      : null,
    retargetNote: retarget ? null : 'no live or cached estimate (the embedded snapshot has none)',
    halving: {
      nextHalvingHeight: halving.nextHalvingHeight,
      blocksRemaining: halving.blocksRemaining,
      estimatedAt: new Date(halving.estimatedAtMs).toISOString(),
      subsidyAfterBtc: halving.subsidyAfterBtc,
      meanBlockIntervalSec: halving.meanBlockIntervalSec,
      intervalBasis: halving.intervalBasis,
    },
    provenance: {
      height: provenanceOf(snapshot.heightBlocks),
      difficulty: provenanceOf(snapshot.difficulty),
      btcUsd: provenanceOf(snapshot.btcUsd),
      avgFeesBtcPerBlock: provenanceOf(snapshot.avgFeesBtcPerBlock),
      estimatedHashrate: snapshot.estimatedHashrateHs ? provenanceOf(snapshot.estimatedHashrateHs) : null,
      retarget: retarget ? provenanceOf(retarget) : null,
      nullReasons: {
        ...(snapshot.estimatedHashrateHs
          ? {}
          : {
              estimatedHashrate:
                'no estimated hashrate: no live or cached figure (the embedded snapshot has none)',
            }),
        ...(retarget ? {} : { retarget: 'no live or cached estimate (the embedded snapshot has none)' }),
      },
    },
  };
}
