/** The `catalog` document: the data hashcalc uses, each entry with its provenance. Pure. */
import { DEALS } from '../catalog/deals.js';
import { GPUS } from '../catalog/gpus.js';
import { MINERS, minerEfficiencyJPerTh } from '../catalog/miners.js';
import { SCHEMA_VERSION } from './network.js';

export const CATALOG_KINDS = ['miners', 'gpus', 'deals'] as const;
export type CatalogKind = (typeof CATALOG_KINDS)[number];

export function catalogReport(kind: CatalogKind) {
  const base = { schemaVersion: SCHEMA_VERSION, command: 'catalog' } as const;
  switch (kind) {
    case 'miners':
      return {
        ...base,
        kind,
        entries: MINERS.map((m) => ({ ...m, efficiencyJPerTh: minerEfficiencyJPerTh(m) })),
      };
    case 'gpus':
      return { ...base, kind, entries: [...GPUS] };
    case 'deals':
      return { ...base, kind, entries: [...DEALS] };
  }
}

export type CatalogDocument = ReturnType<typeof catalogReport>;
