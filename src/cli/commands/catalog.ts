/** `catalog miners|gpus|deals`: the data hashcalc uses, with where each figure came from. */
import { DEALS } from '../../catalog/deals.js';
import { GPUS } from '../../catalog/gpus.js';
import { MINERS, minerEfficiencyJPerTh } from '../../catalog/miners.js';
import { flatten } from '../../output/csv.js';
import { type Document, text } from '../../output/document.js';
import { num, price, usd } from '../../output/format.js';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import type { RawOptions } from '../inputs.js';
import { SCHEMA_VERSION } from '../reports.js';
import { emit } from './shared.js';

export const CATALOG_KINDS = ['miners', 'gpus', 'deals'] as const;
export type CatalogKind = (typeof CATALOG_KINDS)[number];

export function catalogReport(kind: CatalogKind) {
  const base = { schemaVersion: SCHEMA_VERSION, command: 'catalog', kind } as const;
  switch (kind) {
    case 'miners':
      return { ...base, entries: MINERS.map((m) => ({ ...m, efficiencyJPerTh: minerEfficiencyJPerTh(m) })) };
    case 'gpus':
      return { ...base, entries: [...GPUS] };
    case 'deals':
      return { ...base, entries: [...DEALS] };
  }
}

function document(report: ReturnType<typeof catalogReport>): Document {
  if (report.kind === 'miners') {
    const rows = MINERS.map((m) => [
      m.name,
      m.id,
      num(m.hashrateThs),
      num(m.powerW),
      minerEfficiencyJPerTh(m).toFixed(1),
      m.cooling,
      String(m.year),
      m.priceUsdPerTh === null ? '' : `$${m.priceUsdPerTh}`,
      m.provenance.confidence,
    ]);
    return {
      blocks: [
        {
          kind: 'table',
          head: ['Model', 'id', 'TH/s', 'W', 'J/TH', 'cooling', 'year', '$/TH', 'basis'],
          rows,
        },
        text(
          `Sources: manufacturer nameplates (secondary), as of ${MINERS[0]?.provenance.asOf}; names match loosely (s21xp, "S21 XP").`,
          'dim',
        ),
      ],
    };
  }
  if (report.kind === 'gpus') {
    const rows = GPUS.map((g) => [
      g.name,
      g.id,
      num(g.gpuW),
      g.kwPerGpu.toFixed(3),
      usd(g.capexUsdPerGpu),
      g.rentalUsdPerGpuHour === null ? 'n/a' : `$${price(g.rentalUsdPerGpuHour)}`,
      g.provenance.confidence,
    ]);
    const notes = GPUS.map(
      (g) => `  ${g.id}: kW ${g.kwPerGpuBasis}; capex ${g.capexBasis}; rental ${g.rentalBasis}`,
    );
    return {
      blocks: [
        { kind: 'table', head: ['GPU', 'id', 'GPU W', 'kW/GPU sys', 'capex/GPU', '$/GPU-h', 'basis'], rows },
        ...notes.map((note) => text(note, 'dim')),
      ],
    };
  }
  const rows = DEALS.map((d) => [
    `${d.landlord} - ${d.tenant}`,
    d.kind,
    num(d.itMw),
    `${d.termYears} y`,
    usd(d.totalValueUsd),
    usd(d.usdPerMwYear),
    `$${num(d.usdPerKwMonth)}`,
  ]);
  return {
    blocks: [
      { kind: 'table', head: ['Deal', 'kind', 'MW IT', 'term', 'value', '$/MW-yr', '$/kW-mo'], rows },
      text(
        `Sources: company announcements and trade press (secondary), compiled ${DEALS[0]?.provenance.asOf}; per-year figures derived.`,
        'dim',
      ),
    ],
  };
}

export async function runCatalog(
  kind: string | undefined,
  options: RawOptions,
  ctx: Context,
): Promise<number> {
  const chosen = CATALOG_KINDS.find((k) => k === kind);
  if (!chosen)
    throw new UsageError(`catalog: expected one of ${CATALOG_KINDS.join(', ')}, got '${kind ?? ''}'`);
  await emit(options, ctx, catalogReport(chosen), {
    document: async () => document,
    csv: (report) => report.entries.map((entry) => flatten(entry)),
  });
  return 0;
}
