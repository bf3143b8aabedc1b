/** The `catalog` tables. Formatting only. */
import type { CatalogDocument } from '../report/catalog.js';
import { num, price, usd } from '../report/format.js';
import { type Document, text } from './document.js';

export function catalogDocument(report: CatalogDocument): Document {
  if (report.kind === 'miners') {
    const rows = report.entries.map((m) => [
      m.name,
      m.id,
      num(m.hashrateThs),
      num(m.powerW),
      m.efficiencyJPerTh.toFixed(1),
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
          keepColumns: [1],
          dropColumns: [0],
          align: ['left', 'left', 'right', 'right', 'right', 'left', 'right', 'right', 'left'],
        },
        text(
          `Sources: manufacturer nameplates (secondary), as of ${report.entries[0]?.provenance.asOf}; names match loosely (s21xp, "S21 XP").`,
          'dim',
        ),
      ],
    };
  }
  if (report.kind === 'gpus') {
    const rows = report.entries.map((g) => [
      g.name,
      g.id,
      num(g.gpuW),
      g.kwPerGpu.toFixed(3),
      usd(g.capexUsdPerGpu),
      g.rentalUsdPerGpuHour === null ? 'n/a' : `$${price(g.rentalUsdPerGpuHour)}`,
      g.provenance.confidence,
    ]);
    const notes = report.entries.map(
      (g) => `  ${g.id}: kW ${g.kwPerGpuBasis}; capex ${g.capexBasis}; rental ${g.rentalBasis}`,
    );
    return {
      blocks: [
        {
          kind: 'table',
          head: ['GPU', 'id', 'GPU W', 'kW/GPU sys', 'capex/GPU', '$/GPU-h', 'basis'],
          rows,
          keepColumns: [1],
          dropColumns: [0],
          align: ['left', 'left', 'right', 'right', 'right', 'right', 'left'],
        },
        ...notes.map((note) => text(note, 'dim')),
      ],
    };
  }
  const rows = report.entries.map((d) => [
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
      {
        kind: 'table',
        head: ['Deal', 'kind', 'MW IT', 'term', 'value', '$/MW-yr', '$/kW-mo'],
        align: ['left', 'left'],
        rows,
      },
      text(
        `Sources: company announcements and trade press (secondary), compiled ${report.entries[0]?.provenance.asOf}; per-year figures derived.`,
        'dim',
      ),
    ],
  };
}
