/** Every dated figure of the catalog, flattened: what `catalog --stale` ages and the tests check. */
import { CONVERSIONS } from './conversions.js';
import { DEALS } from './deals.js';
import { DEFAULT_FIGURES } from './defaults.js';
import { CLUSTER_OVERHEAD_PROVENANCE, GPUS } from './gpus.js';
import { FALLBACK_MINER_PRICE, MINERS } from './miners.js';
import type { Provenance } from './types.js';
import { VALUATIONS } from './valuations.js';

export type CatalogSection = 'miners' | 'gpus' | 'deals' | 'conversions' | 'valuations' | 'defaults';

export interface CatalogFigure {
  kind: CatalogSection;
  /** The entry's id. */
  id: string;
  /** Which figure of the entry, e.g. 'nameplate', 'price', 'rental'. */
  figure: string;
  provenance: Provenance;
}

export function catalogFigures(): CatalogFigure[] {
  const out: CatalogFigure[] = [];
  const add = (kind: CatalogSection, id: string, figure: string, provenance: Provenance | null) => {
    if (provenance) out.push({ kind, id, figure, provenance });
  };
  for (const m of MINERS) {
    add('miners', m.id, 'nameplate', m.provenance);
    add('miners', m.id, 'price', m.priceProvenance);
    add('miners', m.id, 'used price', m.usedPriceProvenance);
  }
  add('miners', 'fallback', 'price', FALLBACK_MINER_PRICE);
  for (const g of GPUS) {
    add('gpus', g.id, 'power', g.provenance);
    add('gpus', g.id, 'capex', g.capexProvenance);
    add('gpus', g.id, 'rental', g.rentalProvenance);
    add('gpus', g.id, 'on-demand', g.onDemandProvenance);
  }
  const overheads = ['InfiniBand fabric', 'storage', 'network power'];
  CLUSTER_OVERHEAD_PROVENANCE.forEach((p, i) => {
    add('gpus', 'cluster', overheads[i] ?? `overhead ${i}`, p);
  });
  for (const d of DEALS) add('deals', d.id, 'terms', d.provenance);
  for (const c of CONVERSIONS) {
    add('conversions', c.id, 'self-mining', c.provenance);
    for (const s of c.sites) add('conversions', c.id, `site ${s.site}`, s.provenance);
  }
  // A sale's or a bid's announced terms are fixed facts; analysts' values and cap rates age.
  for (const v of VALUATIONS)
    add('valuations', v.id, v.kind === 'sale' || v.kind === 'bid' ? 'terms' : v.kind, v.provenance);
  for (const d of DEFAULT_FIGURES) add('defaults', d.id, d.flag, d.provenance);
  return out;
}
