/**
 * Catalog defaults whose public source is past its refresh cadence (src/catalog/freshness.ts): each such
 * assumption carries `sourceAsOf` and `overdue`, and the footers mark it; and the link to that source
 * (`sourceUrl`) where it is a web address. Pure.
 */
import { DEFAULT_FIGURES } from '../catalog/defaults.js';
import { CADENCES, freshness } from '../catalog/freshness.js';
import { GPUS } from '../catalog/gpus.js';
import { FALLBACK_MINER_PRICE, MINERS } from '../catalog/miners.js';
import type { Provenance } from '../catalog/types.js';
import type { Assumption, Assumptions } from '../inputs/resolve.js';

/** The public source behind a default or catalog assumption, where the catalog dates one. */
function sourceOf(id: string, all: Assumptions): Provenance | null {
  const d = DEFAULT_FIGURES.find((f) => f.id === id);
  if (d) return d.provenance;
  const gpu = GPUS.find((g) => g.name === all.gpu?.value);
  if (id === 'gpuUsdPerHour') return gpu?.rentalProvenance ?? null;
  if (id === 'gpuCapexUsdPerGpu') return gpu?.capexProvenance ?? null;
  // The models' specifications (fixed: a link, no refresh cadence).
  if (id === 'kwPerGpu' || id === 'gpu') return gpu?.provenance ?? null;
  if (id === 'fleet') return MINERS.find((m) => m.name === all.fleet?.value)?.provenance ?? null;
  if (id === 'minerPriceUsdPerTh') {
    const miner = MINERS.find((m) => m.name === all.fleet?.value);
    return miner ? (miner.priceProvenance ?? FALLBACK_MINER_PRICE) : null;
  }
  return null;
}

export interface DatedAssumption extends Assumption {
  /** The date of the catalog source behind a default (YYYY-MM or YYYY-MM-DD). */
  sourceAsOf?: string;
  /** That source is older than its refresh cadence. */
  overdue?: boolean;
  /** The public source's address (http or https), where the catalog gives one. */
  sourceUrl?: string;
}

/** A provenance's source as a link: http(s) only (a source is sometimes a description, not an address). */
export function sourceLink(source: string | undefined): string | undefined {
  return source && /^https?:\/\/\S+$/.test(source) ? source : undefined;
}

/** Defaults and catalog values with the link to their public source, where the catalog gives one. */
export function withSourceLinks(assumptions: Assumptions): Assumptions {
  const out: Assumptions = {};
  for (const [id, a] of Object.entries(assumptions)) {
    const url =
      a.origin === 'default' || a.origin === 'catalog'
        ? sourceLink(sourceOf(id, assumptions)?.source)
        : undefined;
    out[id] = url ? { ...a, sourceUrl: url } : a;
  }
  return out;
}

/** Defaults and catalog values with the date of their source and whether it is past its cadence at `nowMs`. */
export function withSourceFreshness(
  assumptions: Assumptions,
  nowMs: number,
): Record<string, DatedAssumption> {
  const out: Record<string, DatedAssumption> = {};
  for (const [id, a] of Object.entries(assumptions)) {
    const source = a.origin === 'default' || a.origin === 'catalog' ? sourceOf(id, assumptions) : null;
    const url = sourceLink(source?.source);
    const linked: DatedAssumption = url ? { ...a, sourceUrl: url } : a;
    if (!source || source.fixed === true) {
      out[id] = linked;
      continue;
    }
    const { overdue } = freshness(source, CADENCES.market, nowMs);
    out[id] = { ...linked, sourceAsOf: source.asOf, overdue };
  }
  return out;
}
